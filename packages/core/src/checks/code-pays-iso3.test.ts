import { describe, expect, it } from "vitest";
import { codePaysIso3 } from "./code-pays-iso3.js";
import { runOnColumn } from "./testing.js";

const valid: string[] = ["FRA", "DEU", "PYF"];

const invalid: [string, string][] = [
  ["fra", "unknown"],
  ["FR", "unknown"],
  ["XXX", "unknown"],
];

describe("code-pays-iso3", () => {
  it.each(valid)("accepts %s", async (value) => {
    expect(await runOnColumn(codePaysIso3, [value])).toEqual([]);
  });

  it.each(invalid)("rejects %s (%s)", async (value, messageId) => {
    expect(await runOnColumn(codePaysIso3, [value])).toEqual([
      { code: "code-pays-iso3", messageId, rowNumber: 2, fieldName: "x" },
    ]);
  });

  it("skips empty cells and reports each invalid row at its own row", async () => {
    const [bad] = invalid[0] ?? ["", ""];
    const drafts = await runOnColumn(codePaysIso3, ["", valid[0] ?? "", bad]);
    expect(drafts.map((draft) => draft.rowNumber)).toEqual([4]);
  });
});
