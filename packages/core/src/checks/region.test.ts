import { describe, expect, it } from "vitest";
import { region } from "./region.js";
import { runOnColumn } from "./testing.js";

const valid: string[] = ["Île-de-France", "Corse", "Bretagne"];

const invalid: [string, string][] = [
  ["Ile de France", "unknown"],
  ["Rhône-Alpes", "unknown"],
];

describe("region", () => {
  it.each(valid)("accepts %s", async (value) => {
    expect(await runOnColumn(region, [value])).toEqual([]);
  });

  it.each(invalid)("rejects %s (%s)", async (value, messageId) => {
    expect(await runOnColumn(region, [value])).toEqual([
      { code: "region", messageId, rowNumber: 2, fieldName: "x" },
    ]);
  });

  it("skips empty cells and reports each invalid row at its own row", async () => {
    const [bad] = invalid[0] ?? ["", ""];
    const drafts = await runOnColumn(region, ["", valid[0] ?? "", bad]);
    expect(drafts.map((draft) => draft.rowNumber)).toEqual([4]);
  });
});
