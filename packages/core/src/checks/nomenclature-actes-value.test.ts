import { describe, expect, it } from "vitest";
import { nomenclatureActesValue } from "./nomenclature-actes-value.js";
import { runOnColumn } from "./testing.js";

const valid: string[] = ["Urbanisme/Documents d'urbanisme", "commande publique/Marchés publics", "Libertes publiques et pouvoirs de police/Police", "AUTRES DOMAINES DE COMPÉTENCES/Divers"];

const invalid: [string, string][] = [
  ["Urbanisme", "missingSlash"],
  ["Urbanisme / Permis", "spaceAroundSlash"],
  ["Urbanisme /Permis", "spaceAroundSlash"],
  ["Sport/Subventions", "unknownPrefix"],
];

describe("nomenclature-actes-value", () => {
  it.each(valid)("accepts %s", async (value) => {
    expect(await runOnColumn(nomenclatureActesValue, [value])).toEqual([]);
  });

  it.each(invalid)("rejects %s (%s)", async (value, messageId) => {
    expect(await runOnColumn(nomenclatureActesValue, [value])).toEqual([
      { code: "nomenclature-actes", messageId, rowNumber: 2, fieldName: "x" },
    ]);
  });

  it("skips empty cells and reports each invalid row at its own row", async () => {
    const [bad] = invalid[0] ?? ["", ""];
    const drafts = await runOnColumn(nomenclatureActesValue, ["", valid[0] ?? "", bad]);
    expect(drafts.map((draft) => draft.rowNumber)).toEqual([4]);
  });
});
