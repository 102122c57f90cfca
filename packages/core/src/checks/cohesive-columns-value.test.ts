import { testCheck, type TestTable } from "./check-tester.js";
import { cohesiveColumnsValue } from "./cohesive-columns-value.js";

const fieldNames = ["VOTE_EFFECTIF", "VOTE_POUR", "VOTE_CONTRE"];
const row = (cells: string[]): TestTable => ({ labels: fieldNames, rows: [cells] });
const onFirst = { messageId: "notCohesive", rowNumber: 2, fieldName: "VOTE_EFFECTIF" } as const;

testCheck(cohesiveColumnsValue, {
  options: { column: "VOTE_EFFECTIF", othercolumns: ["VOTE_POUR", "VOTE_CONTRE"] },
  valid: [
    { name: "all filled", table: row(["10", "6", "4"]) },
    { name: "all empty", table: row(["", "", ""]) },
    { name: "none of the columns in the file", table: { fieldNames, labels: ["other"], rows: [["x"]] } },
  ],
  invalid: [
    { name: "first filled, one other empty", table: row(["10", "6", ""]), errors: [onFirst] },
    { name: "first empty, others filled", table: row(["", "6", "4"]), errors: [onFirst] },
    {
      name: "columns only partly in the file: once, then stops",
      table: {
        fieldNames,
        labels: ["VOTE_EFFECTIF", "VOTE_POUR"],
        rows: [
          ["10", ""],
          ["", "3"],
        ],
      },
      errors: [{ messageId: "missingColumns", rowNumber: undefined, data: { missing: ["VOTE_CONTRE"] } }],
    },
  ],
});
