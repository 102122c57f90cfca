import { describe, expect, it } from "vitest";
import { codeDepartement } from "./code-departement.js";
import { runOnColumn } from "./testing.js";

const valid: string[] = ["01", "2A", "2B", "75", "971", "976"];

const invalid: [string, string][] = [
  ["1", "unknown"],
  ["20", "unknown"],
  ["96", "unknown"],
  ["975", "unknown"],
];

describe("code-departement", () => {
  it.each(valid)("accepts %s", async (value) => {
    expect(await runOnColumn(codeDepartement, [value])).toEqual([]);
  });

  it.each(invalid)("rejects %s (%s)", async (value, messageId) => {
    expect(await runOnColumn(codeDepartement, [value])).toEqual([
      { code: "code-departement", messageId, rowNumber: 2, fieldName: "x" },
    ]);
  });

  it("skips empty cells and reports each invalid row at its own row", async () => {
    const [bad] = invalid[0] ?? ["", ""];
    const drafts = await runOnColumn(codeDepartement, ["", valid[0] ?? "", bad]);
    expect(drafts.map((draft) => draft.rowNumber)).toEqual([4]);
  });
});
