import { describe, expect, it } from "vitest";
import { frenchGpsCoordinates } from "./french-gps-coordinates.js";
import { runOnColumn } from "./testing.js";

const valid: string[] = ["2.3522, 48.8566", "[5.7118754,45.1800016]", "{\"lon\": 55.45, \"lat\": -21.1}", "-61.5, 16.2", "-53, 4"];

const invalid: [string, string][] = [
  ["48.8566, 2.3522", "reversed"],
  ["-74.0, 40.7", "outside"],
  ["0, 0", "outside"],
];

describe("french-gps-coordinates", () => {
  it.each(valid)("accepts %s", async (value) => {
    expect(await runOnColumn(frenchGpsCoordinates, [value])).toEqual([]);
  });

  it.each(invalid)("rejects %s (%s)", async (value, messageId) => {
    expect(await runOnColumn(frenchGpsCoordinates, [value])).toEqual([
      { code: (messageId === "reversed" ? "reversed-french-gps-coordinates" : "french-gps-coordinates"), messageId, rowNumber: 2, fieldName: "x" },
    ]);
  });

  it("skips empty cells and reports each invalid row at its own row", async () => {
    const [bad] = invalid[0] ?? ["", ""];
    const drafts = await runOnColumn(frenchGpsCoordinates, ["", valid[0] ?? "", bad]);
    expect(drafts.map((draft) => draft.rowNumber)).toEqual([4]);
  });
});
