import { describe, expect, it } from "vitest";
import { commune } from "./commune.js";
import { runOnColumn } from "./testing.js";

const valid: string[] = ["Paris", "L'Abergement-Clémenciat", "Ajaccio"];

const invalid: [string, string][] = [
  ["paris", "unknown"],
  ["PARIS", "unknown"],
  ["Nulle-Part-sur-Mer", "unknown"],
];

describe("commune", () => {
  it.each(valid)("accepts %s", async (value) => {
    expect(await runOnColumn(commune, [value])).toEqual([]);
  });

  it.each(invalid)("rejects %s (%s)", async (value, messageId) => {
    expect(await runOnColumn(commune, [value])).toEqual([
      { code: "commune", messageId, rowNumber: 2, fieldName: "x" },
    ]);
  });

  it("skips empty cells and reports each invalid row at its own row", async () => {
    const [bad] = invalid[0] ?? ["", ""];
    const drafts = await runOnColumn(commune, ["", valid[0] ?? "", bad]);
    expect(drafts.map((draft) => draft.rowNumber)).toEqual([4]);
  });
});
