import { describe, expect, it } from "vitest";
import { compare, compareColumnsValue, type Operator } from "./compare-columns-value.js";
import { testCheck, type TestTable } from "./check-tester.js";

const comparisons: [unknown, Operator, unknown, boolean | undefined][] = [
  ["10", ">", "9", true], // numbers, not text ("10" < "9" as text)
  ["9", ">", "10", false],
  [5, ">=", "5", true],
  [5, "==", 5.0, true],
  ["4", "<=", "3", false],
  ["2", "<", "3.5", true],
  ["abc", "<", "abd", true],
  ["abc", "==", "abd", false],
  ["2024-12-31", ">=", "2024-01-15", true],
  ["2024-01-15", ">=", "2024-12-31", false],
  [new Date(Date.UTC(2024, 11, 31)), ">", "2024-12-30", true],
  [new Date(Date.UTC(2024, 0, 1)), ">=", new Date(Date.UTC(2024, 0, 2)), false],
  ["12", ">", "abc", undefined],
  ["2024-01-01", ">", "12", undefined],
];

describe("compare-columns-value", () => {
  it.each(comparisons)("%s %s %s -> %s", (a, op, b, expected) => {
    expect(compare(a, op, b)).toBe(expected);
  });
});

const table = (cells: string[]): TestTable => ({ fieldNames: ["DELIB_DATE", "PREF_DATE"], labels: ["PREF_DATE", "DELIB_DATE"], rows: [cells] });
const onFirst = (messageId: "comparison" | "notComparable") => ({ messageId, rowNumber: 2, fieldName: "PREF_DATE", fieldNumber: 1 });

// PREF_DATE >= DELIB_DATE, with the file's columns in another order than the schema's.
testCheck(compareColumnsValue, {
  options: { column: "PREF_DATE", column2: "DELIB_DATE", op: ">=" },
  valid: [
    { name: "later", table: table(["2024-03-02", "2024-03-01"]) },
    { name: "first empty", table: table(["", "2024-03-02"]) },
    { name: "second empty", table: table(["2024-03-01", ""]) },
  ],
  invalid: [
    { name: "earlier", table: table(["2024-03-01", "2024-03-02"]), errors: [onFirst("comparison")] },
    { name: "not a date", table: table(["2024-03-01", "pas une date"]), errors: [onFirst("notComparable")] },
  ],
});
