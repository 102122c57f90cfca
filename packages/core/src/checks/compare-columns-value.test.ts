import { describe, expect, it } from "vitest";
import { compare, type Operator } from "./compare-columns-value.js";
import { compareColumnsValue } from "./compare-columns-value.js";
import { located, runCheck } from "./testing.js";

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

  const rows: { row: string[]; expected: string[] }[] = [
    { row: ["2024-03-02", "2024-03-01"], expected: [] },
    { row: ["2024-03-01", "2024-03-02"], expected: ["comparison"] },
    { row: ["2024-03-01", "pas une date"], expected: ["notComparable"] },
    { row: ["", "2024-03-02"], expected: [] },
    { row: ["2024-03-01", ""], expected: [] },
  ];

  it.each(rows)("PREF_DATE >= DELIB_DATE on $row", async ({ row, expected }) => {
    const drafts = await runCheck(
      compareColumnsValue,
      { column: "PREF_DATE", column2: "DELIB_DATE", op: ">=" },
      { fieldNames: ["DELIB_DATE", "PREF_DATE"], labels: ["PREF_DATE", "DELIB_DATE"], rows: [row] },
    );
    expect(drafts.map(located)).toEqual(
      expected.map((messageId) => ({ code: "compare-columns-value", messageId, rowNumber: 2, fieldName: "PREF_DATE" })),
    );
    for (const draft of drafts) expect(draft.fieldNumber).toBe(1);
  });
});
