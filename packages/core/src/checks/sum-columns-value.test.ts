import { describe, expect, it } from "vitest";
import { sumColumnsValue } from "./sum-columns-value.js";
import { located, runCheck } from "./testing.js";

const options = { column: "VOTE_REEL", columns: ["VOTE_POUR", "VOTE_CONTRE", "VOTE_ABSTENTION"] };
const fieldNames = ["VOTE_REEL", "VOTE_POUR", "VOTE_CONTRE", "VOTE_ABSTENTION"];

const cases: { row: string[]; expected: string[] }[] = [
  { row: ["10", "6", "3", "1"], expected: [] },
  { row: ["0", "0", "0", "0"], expected: [] },
  { row: ["10", "6", "3", "0"], expected: ["mismatch"] },
  { row: ["10", "6.5", "3", "0"], expected: ["notInteger"] },
  { row: ["10", "6", "", "1"], expected: [] },
  { row: ["", "6", "3", "1"], expected: [] },
];

describe("sum-columns-value", () => {
  it.each(cases)("$row", async ({ row, expected }) => {
    const drafts = await runCheck(sumColumnsValue, options, { fieldNames, rows: [row] });
    expect(drafts.map(located)).toEqual(
      expected.map((messageId) => ({ code: "sum-columns-value", messageId, rowNumber: 2, fieldName: "VOTE_REEL" })),
    );
  });

  it("reads the engine's cast integers too", async () => {
    const drafts = await runCheck(sumColumnsValue, { column: "t", columns: ["a", "b"] }, { fieldNames: ["t", "a", "b"], rows: [["5", "2", "2"]] });
    expect(drafts[0]?.data).toMatchObject({ sum: 4, value: 5 });
  });
});
