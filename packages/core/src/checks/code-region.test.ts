import { describe, expect, it } from "vitest";
import { codeRegion } from "./code-region.js";
import { runOnColumn } from "./testing.js";

const valid: string[] = ["11", "94", "01", "06"];

const invalid: [string, string][] = [
  ["1", "unknown"],
  ["99", "unknown"],
  ["975", "unknown"],
];

describe("code-region", () => {
  it.each(valid)("accepts %s", async (value) => {
    expect(await runOnColumn(codeRegion, [value])).toEqual([]);
  });

  it.each(invalid)("rejects %s (%s)", async (value, messageId) => {
    expect(await runOnColumn(codeRegion, [value])).toEqual([
      { code: "code-region", messageId, rowNumber: 2, fieldName: "x" },
    ]);
  });

  it("skips empty cells and reports each invalid row at its own row", async () => {
    const [bad] = invalid[0] ?? ["", ""];
    const drafts = await runOnColumn(codeRegion, ["", valid[0] ?? "", bad]);
    expect(drafts.map((draft) => draft.rowNumber)).toEqual([4]);
  });
});
