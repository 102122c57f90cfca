import { describe, expect, it } from "vitest";
import { defineCheck, optionsSchema } from "../check.js";
import * as core from "../index.js";
import * as tester from "./check-tester.js";
import { runChecks, testCheck } from "./check-tester.js";
import { columnCheck, columnOptionsSchema } from "./helpers.js";

const template = (text: string) => ({ fr: text, en: text });

/** A check written for these tests: flags the rows whose `n` is odd, and a file without `n`. */
const oddRows = defineCheck({
  id: "odd-rows",
  meta: {
    category: "custom",
    description: template("Flags odd numbers."),
    severity: "warning",
    messages: { odd: template("Odd value {value} in {column}."), missing: template("No column {column}.") },
    options: optionsSchema<{ column: string }>({ type: "object", required: ["column"], properties: { column: { type: "string" } } }),
  },
  create(context) {
    const { column } = context.options;
    return {
      header(table) {
        if (table.fieldIndex(column) < 0) context.report({ messageId: "missing", data: { column } });
      },
      row(row) {
        const value = Number(row.get(column));
        if (value % 2 === 1) context.report({ messageId: "odd", rowNumber: row.rowNumber, fieldName: column, data: { value, column } });
      },
    };
  },
});

testCheck(oddRows, {
  options: { column: "n" },
  valid: [{ name: "even numbers", table: { labels: ["n"], rows: [["2"], ["4"]] } }],
  invalid: [
    {
      name: "odd numbers, each on its row",
      table: { labels: ["n"], rows: [["1"], ["2"], ["3"]] },
      errors: [
        { messageId: "odd", rowNumber: 2, fieldName: "n", data: { value: 1 } },
        { messageId: "odd", rowNumber: 4, data: { value: 3 } },
      ],
    },
    { name: "column absent", table: { labels: ["m"], rows: [["1"]] }, errors: ["missing"] },
    { name: "other options", options: { column: "m" }, table: { labels: ["m"], rows: [["5"]] }, errors: [{ messageId: "odd", rowNumber: 2 }] },
  ],
});

const evenValue = columnCheck({
  id: "even-value",
  meta: {
    category: "custom",
    description: template("Checks even numbers."),
    severity: "error",
    messages: { odd: template("Odd value in {column}.") },
    options: columnOptionsSchema(),
  },
  compile: () => (raw) => (Number(raw) % 2 === 0 ? undefined : { messageId: "odd" }),
});

// The `value` shorthand: a column `x`, findings on row 2, and the empty-cell case added.
testCheck(evenValue, { valid: ["2", "10"], invalid: [{ value: "3", errors: ["odd"] }] });

describe("message ids are typed", () => {
  it("a messageId a check does not declare fails to compile (typecheck covers this file)", () => {
    const reported: string[] = [];
    const check = defineCheck({
      id: "typed",
      meta: { ...oddRows.meta, options: optionsSchema<Record<string, never>>({ type: "object" }) },
      create(context) {
        return {
          end() {
            // @ts-expect-error: "even" is not among the check's messages (odd, missing)
            context.report({ messageId: "even" });
            reported.push("even");
          },
        };
      },
    });
    // At run time the tester refuses the unknown id as the engine would render no message for it.
    expect(() => runChecks([check], { labels: ["n"], rows: [] })).toThrow(/unknown messageId even/);
    expect(reported).toEqual([]);
  });

  it("so does a column check's verdict, and an expected error in a test case", () => {
    const check = columnCheck({
      id: "typed-column",
      meta: { ...evenValue.meta, options: columnOptionsSchema() },
      // @ts-expect-error: "even" is not among the check's messages (odd)
      compile: () => () => ({ messageId: "even" }),
    });
    expect(check.meta.messages).not.toHaveProperty("even");
    const cases: Parameters<typeof testCheck<{ column: string }, "odd">>[1] = {
      valid: [],
      // @ts-expect-error: "even" is not among the check's messages (odd)
      invalid: [{ value: "3", errors: ["even"] }],
    };
    expect(cases.invalid).toHaveLength(1);
  });
});

describe("runChecks", () => {
  it("renders messages in the language asked, with the check's severity and category", () => {
    const [finding] = runChecks([oddRows], { labels: ["n"], rows: [["7"]] }, { options: { "odd-rows": { column: "n" } }, lang: "en" });
    expect(finding).toMatchObject({ code: "odd-rows", messageId: "odd", severity: "warning", category: "custom", message: "Odd value 7 in n." });
  });

  it("masks the cells of the columns a check marks sensitive", () => {
    const marking = defineCheck({
      id: "marking",
      meta: { ...evenValue.meta, options: optionsSchema<Record<string, never>>({ type: "object" }) },
      create(context) {
        return {
          header: () => context.markSensitiveColumn(1, () => "***"),
          row: (row) => context.report({ messageId: "odd", rowNumber: row.rowNumber, fieldNumber: 1, cell: row.cells[0] ?? "" }),
        };
      },
    });
    const [finding] = runChecks([marking], { labels: ["n"], rows: [["secret"]] });
    expect(finding?.cell).toBe("***");
  });
});

describe("the tester stays internal", () => {
  it("is not exported from @conforme/core, nor is the former runRowChecks", () => {
    const exported = Object.keys(core);
    for (const name of [...Object.keys(tester), "runRowChecks"]) expect(exported).not.toContain(name);
    expect(Object.values(core)).not.toContain(tester.runChecks);
  });
});
