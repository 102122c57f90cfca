import { describe, expect, it } from "vitest";
import { codeCommuneInsee } from "./code-commune-insee.js";
import { runOnColumn } from "./testing.js";

const valid: string[] = ["75056", "2A004", "97411", "75101"];

const invalid: [string, string][] = [
  ["75000", "unknown"],
  ["20004", "unknown"],
  ["7505", "unknown"],
];

describe("code-commune-insee", () => {
  it.each(valid)("accepts %s", async (value) => {
    expect(await runOnColumn(codeCommuneInsee, [value])).toEqual([]);
  });

  it.each(invalid)("rejects %s (%s)", async (value, messageId) => {
    expect(await runOnColumn(codeCommuneInsee, [value])).toEqual([
      { code: "code-commune-insee", messageId, rowNumber: 2, fieldName: "x" },
    ]);
  });

  it("skips empty cells and reports each invalid row at its own row", async () => {
    const [bad] = invalid[0] ?? ["", ""];
    const drafts = await runOnColumn(codeCommuneInsee, ["", valid[0] ?? "", bad]);
    expect(drafts.map((draft) => draft.rowNumber)).toEqual([4]);
  });
});
