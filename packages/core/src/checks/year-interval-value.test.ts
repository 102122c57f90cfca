import { describe, expect, it } from "vitest";
import { yearIntervalValue } from "./year-interval-value.js";
import { runOnColumn } from "./testing.js";

const valid: string[] = ["2017/2018", "1999/2024"];

const invalid: [string, string][] = [
  ["2018", "format"],
  ["2018/2018", "sameYears"],
  ["2018/2017", "decreasing"],
  ["18/19", "format"],
  ["2017-2018", "format"],
];

describe("year-interval-value", () => {
  it.each(valid)("accepts %s", async (value) => {
    expect(await runOnColumn(yearIntervalValue, [value])).toEqual([]);
  });

  it.each(invalid)("rejects %s (%s)", async (value, messageId) => {
    expect(await runOnColumn(yearIntervalValue, [value])).toEqual([
      { code: "year-interval-value", messageId, rowNumber: 2, fieldName: "x" },
    ]);
  });

  it("skips empty cells and reports each invalid row at its own row", async () => {
    const [bad] = invalid[0] ?? ["", ""];
    const drafts = await runOnColumn(yearIntervalValue, ["", valid[0] ?? "", bad]);
    expect(drafts.map((draft) => draft.rowNumber)).toEqual([4]);
  });
});
