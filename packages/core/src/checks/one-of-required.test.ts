import { testCheck, type TestTable } from "./check-tester.js";
import { oneOfRequired } from "./one-of-required.js";

const fieldNames = ["idBeneficiaire", "rnaBeneficiaire"];
const table = (rows: string[][], labels: string[] = fieldNames): TestTable => ({ fieldNames, labels, rows });

// Validata reports on the row, naming both columns: no finding sits on a cell.
testCheck(oneOfRequired, {
  options: { column1: "idBeneficiaire", column2: "rnaBeneficiaire" },
  valid: [
    { name: "first only", table: table([["52499120500013", ""]]) },
    { name: "second only", table: table([["", "W333216789"]]) },
    { name: "both", table: table([["52499120500013", "W333216789"]]) },
  ],
  invalid: [
    {
      name: "neither, on the row",
      table: table([
        ["x", ""],
        ["", ""],
      ]),
      errors: [{ messageId: "bothEmpty", rowNumber: 3, fieldName: undefined }],
    },
    {
      name: "one column absent: the other is required",
      table: table([["1"], [""]], ["idBeneficiaire"]),
      errors: [{ messageId: "bothEmpty", rowNumber: 3, fieldName: undefined }],
    },
    {
      name: "both columns absent: once for the file",
      table: table([["1"], [""]], ["other"]),
      errors: [{ messageId: "bothMissing", rowNumber: undefined, fieldName: undefined }],
    },
    {
      name: "Validata's older `column` name for the first column",
      options: { column: "a", column2: "b" },
      table: { labels: ["a", "b"], rows: [["", ""]] },
      errors: ["bothEmpty"],
    },
  ],
});
