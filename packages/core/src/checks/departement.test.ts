import { describe, expect, it } from "vitest";
import { departement } from "./departement.js";
import { runOnColumn } from "./testing.js";

const valid: string[] = ["Ain", "Corse-du-Sud", "La Réunion"];

const invalid: [string, string][] = [
  ["ain", "unknown"],
  ["Seine-et-Oise", "unknown"],
];

describe("departement", () => {
  it.each(valid)("accepts %s", async (value) => {
    expect(await runOnColumn(departement, [value])).toEqual([]);
  });

  it.each(invalid)("rejects %s (%s)", async (value, messageId) => {
    expect(await runOnColumn(departement, [value])).toEqual([
      { code: "departement", messageId, rowNumber: 2, fieldName: "x" },
    ]);
  });

  it("skips empty cells and reports each invalid row at its own row", async () => {
    const [bad] = invalid[0] ?? ["", ""];
    const drafts = await runOnColumn(departement, ["", valid[0] ?? "", bad]);
    expect(drafts.map((draft) => draft.rowNumber)).toEqual([4]);
  });
});
