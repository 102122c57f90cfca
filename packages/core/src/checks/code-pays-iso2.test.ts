import { describe, expect, it } from "vitest";
import { codePaysIso2 } from "./code-pays-iso2.js";
import { runOnColumn } from "./testing.js";

const valid: string[] = ["FR", "DE", "PF"];

const invalid: [string, string][] = [
  ["fr", "unknown"],
  ["FRA", "unknown"],
  ["XX", "unknown"],
];

describe("code-pays-iso2", () => {
  it.each(valid)("accepts %s", async (value) => {
    expect(await runOnColumn(codePaysIso2, [value])).toEqual([]);
  });

  it.each(invalid)("rejects %s (%s)", async (value, messageId) => {
    expect(await runOnColumn(codePaysIso2, [value])).toEqual([
      { code: "code-pays-iso2", messageId, rowNumber: 2, fieldName: "x" },
    ]);
  });

  it("skips empty cells and reports each invalid row at its own row", async () => {
    const [bad] = invalid[0] ?? ["", ""];
    const drafts = await runOnColumn(codePaysIso2, ["", valid[0] ?? "", bad]);
    expect(drafts.map((draft) => draft.rowNumber)).toEqual([4]);
  });
});
