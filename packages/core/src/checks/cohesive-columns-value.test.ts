import { describe, expect, it } from "vitest";
import { cohesiveColumnsValue } from "./cohesive-columns-value.js";
import { located, runCheck } from "./testing.js";

const options = { column: "VOTE_EFFECTIF", othercolumns: ["VOTE_POUR", "VOTE_CONTRE"] };
const fieldNames = ["VOTE_EFFECTIF", "VOTE_POUR", "VOTE_CONTRE"];

const cases: { name: string; row: string[]; expected: string[] }[] = [
  { name: "all filled", row: ["10", "6", "4"], expected: [] },
  { name: "all empty", row: ["", "", ""], expected: [] },
  { name: "first filled, one other empty", row: ["10", "6", ""], expected: ["notCohesive"] },
  { name: "first empty, others filled", row: ["", "6", "4"], expected: ["notCohesive"] },
];

describe("cohesive-columns-value", () => {
  it.each(cases)("$name", async ({ row, expected }) => {
    const drafts = await runCheck(cohesiveColumnsValue, options, { fieldNames, rows: [row] });
    expect(drafts.map(located)).toEqual(
      expected.map((messageId) => ({ code: "cohesive-columns-value", messageId, rowNumber: 2, fieldName: "VOTE_EFFECTIF" })),
    );
  });

  it("reports once when the columns are only partly in the file, then stops", async () => {
    const drafts = await runCheck(cohesiveColumnsValue, options, {
      fieldNames,
      labels: ["VOTE_EFFECTIF", "VOTE_POUR"],
      rows: [["10", ""], ["", "3"]],
    });
    expect(drafts.map((draft) => [draft.messageId, draft.rowNumber, draft.data?.missing])).toEqual([["missingColumns", undefined, ["VOTE_CONTRE"]]]);
  });

  it("says nothing when none of the columns is in the file", async () => {
    const drafts = await runCheck(cohesiveColumnsValue, options, { fieldNames, labels: ["other"], rows: [["x"]] });
    expect(drafts).toEqual([]);
  });
});
