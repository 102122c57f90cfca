import { describe, expect, it } from "vitest";
import { openingHoursValue } from "./opening-hours-value.js";
import { runOnColumn } from "./testing.js";

const valid: string[] = ["24/7", "Mo-Fr 08:00-18:00", "Mo-Fr 08:00-12:00,14:00-18:00; Sa 09:00-12:00", "Mo-Fr 08:00-18:00; PH off", "2020 Jan 01 off"];

const invalid: [string, string][] = [
  ["true", "syntax"],
  ["Mo-Fr 08h00-18h00", "syntax"],
  ["Mo-Fr 8-18", "corrected"],
  ["Lundi-vendredi 8h-18h", "corrected"],
  ["Mo-Fr 08:00-18:00;", "corrected"],
];

describe("opening-hours-value", () => {
  it.each(valid)("accepts %s", async (value) => {
    expect(await runOnColumn(openingHoursValue, [value])).toEqual([]);
  });

  it.each(invalid)("rejects %s (%s)", async (value, messageId) => {
    expect(await runOnColumn(openingHoursValue, [value])).toEqual([
      { code: "opening-hours-value", messageId, rowNumber: 2, fieldName: "x" },
    ]);
  });

  it("skips empty cells and reports each invalid row at its own row", async () => {
    const [bad] = invalid[0] ?? ["", ""];
    const drafts = await runOnColumn(openingHoursValue, ["", valid[0] ?? "", bad]);
    expect(drafts.map((draft) => draft.rowNumber)).toEqual([4]);
  });
});
