import { describe, expect, it } from "vitest";
import { codePostal } from "./code-postal.js";
import { runOnColumn } from "./testing.js";

const valid: string[] = ["75001", "20000", "97400", "01400"];

const invalid: [string, string][] = [
  ["75000", "unknown"],
  ["7500", "unknown"],
  ["00000", "unknown"],
];

describe("code-postal", () => {
  it.each(valid)("accepts %s", async (value) => {
    expect(await runOnColumn(codePostal, [value])).toEqual([]);
  });

  it.each(invalid)("rejects %s (%s)", async (value, messageId) => {
    expect(await runOnColumn(codePostal, [value])).toEqual([
      { code: "code-postal", messageId, rowNumber: 2, fieldName: "x" },
    ]);
  });

  it("skips empty cells and reports each invalid row at its own row", async () => {
    const [bad] = invalid[0] ?? ["", ""];
    const drafts = await runOnColumn(codePostal, ["", valid[0] ?? "", bad]);
    expect(drafts.map((draft) => draft.rowNumber)).toEqual([4]);
  });
});
