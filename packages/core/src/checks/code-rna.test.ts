import { describe, expect, it } from "vitest";
import { codeRna } from "./code-rna.js";
import { runOnColumn } from "./testing.js";

const valid: string[] = ["W333216789", "W751234567"];

const invalid: [string, string][] = [
  ["W3222", "format"],
  ["w333216789", "format"],
  ["333216789", "format"],
  ["W33321678A", "format"],
];

describe("code-rna", () => {
  it.each(valid)("accepts %s", async (value) => {
    expect(await runOnColumn(codeRna, [value])).toEqual([]);
  });

  it.each(invalid)("rejects %s (%s)", async (value, messageId) => {
    expect(await runOnColumn(codeRna, [value])).toEqual([
      { code: "code-rna", messageId, rowNumber: 2, fieldName: "x" },
    ]);
  });

  it("skips empty cells and reports each invalid row at its own row", async () => {
    const [bad] = invalid[0] ?? ["", ""];
    const drafts = await runOnColumn(codeRna, ["", valid[0] ?? "", bad]);
    expect(drafts.map((draft) => draft.rowNumber)).toEqual([4]);
  });
});
