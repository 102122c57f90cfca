import { testCheck, type TestTable } from "./check-tester.js";
import { sumColumnsValue } from "./sum-columns-value.js";

const row = (cells: string[]): TestTable => ({ labels: ["VOTE_REEL", "VOTE_POUR", "VOTE_CONTRE", "VOTE_ABSTENTION"], rows: [cells] });
const onTotal = (messageId: "mismatch" | "notInteger") => ({ messageId, rowNumber: 2, fieldName: "VOTE_REEL" });

testCheck(sumColumnsValue, {
  options: { column: "VOTE_REEL", columns: ["VOTE_POUR", "VOTE_CONTRE", "VOTE_ABSTENTION"] },
  valid: [
    { name: "sum right", table: row(["10", "6", "3", "1"]) },
    { name: "all zero", table: row(["0", "0", "0", "0"]) },
    { name: "a term empty", table: row(["10", "6", "", "1"]) },
    { name: "total empty", table: row(["", "6", "3", "1"]) },
  ],
  invalid: [
    { name: "sum wrong", table: row(["10", "6", "3", "0"]), errors: [onTotal("mismatch")] },
    { name: "a term not an integer", table: row(["10", "6.5", "3", "0"]), errors: [onTotal("notInteger")] },
    {
      name: "reads the engine's cast integers too",
      options: { column: "t", columns: ["a", "b"] },
      table: { labels: ["t", "a", "b"], rows: [["5", "2", "2"]] },
      errors: [{ messageId: "mismatch", data: { sum: 4, value: 5 } }],
    },
  ],
});
