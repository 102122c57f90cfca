import { describe, expect, it } from "vitest";
import type { FieldDeclaration, RowCheck, RowView, TableInfo } from "../check.js";
import type { Finding, Lang } from "../findings.js";
import { renderMessage } from "../messages/render.js";
import type { Detector } from "../personal-data/types.js";

/*
 * The one harness of the row checks and personal-data detectors, in the manner of ESLint's
 * RuleTester: a check's test file lists valid and invalid cases and `testCheck` turns them into
 * vitest cases. Internal: test files and the evaluation script import it, the package does not.
 */

/** A small table as a check sees it. Row numbers count the header as row 1, as frictionless does. */
export interface TestTable {
  /** Header as read from the file. */
  labels: readonly string[];
  /** Data rows as raw strings, aligned on `labels`. */
  rows: readonly (readonly string[])[];
  /** Schema field names when they differ from the header (columns absent or reordered); default `labels`. */
  fieldNames?: readonly string[];
  /** The Table Schema's fields, when the table is read under one (none by default, as without a schema). */
  declaredFields?: readonly FieldDeclaration[];
}

export interface RunOptions {
  /** Options of each check, keyed by check id; `{}` for a check not listed. */
  options?: Readonly<Record<string, unknown>>;
  lang?: Lang;
}

/**
 * Runs row checks over a table the way the engine does (prepare awaited beforehand, then header,
 * rows, end), renders their findings and masks the cells of sensitive columns at the end. The
 * checks' `prepare` must have been awaited: this runs synchronously, as the evaluation needs.
 * `value(name)` is the raw string, or null when the cell is empty.
 */
export function runChecks(checks: readonly RowCheck<never>[], table: TestTable, run: RunOptions = {}): Finding[] {
  const { labels, rows } = table;
  const lang = run.lang ?? "fr";
  const findings: Finding[] = [];
  const sensitive = new Map<number, (value: string) => string>();
  const info: TableInfo = {
    fieldNames: table.fieldNames ?? table.declaredFields?.map((field) => field.name) ?? labels,
    labels,
    ...(table.declaredFields ? { declaredFields: table.declaredFields } : {}),
    fieldIndex: (name) => labels.indexOf(name),
  };
  const visitors = checks.map((check) =>
    (check as RowCheck<unknown>).create({
      options: run.options?.[check.id] ?? {},
      table: info,
      report(draft) {
        const { data = {}, messageId, severity, ...rest } = draft;
        const template = check.meta.messages[messageId];
        if (!template) throw new Error(`${check.id}: unknown messageId ${messageId}`);
        findings.push({
          ...rest,
          // As the engine does: a draft without its own code takes the check's id.
          code: draft.code ?? check.id,
          messageId,
          severity: severity ?? check.meta.severity,
          category: check.meta.category,
          data,
          message: renderMessage(template, lang, data),
        });
      },
      markSensitiveColumn(fieldNumber, mask) {
        sensitive.set(fieldNumber, mask);
      },
    }),
  );
  for (const visitor of visitors) visitor.header?.(info);
  rows.forEach((cells, index) => {
    const at = (name: string): number => labels.indexOf(name);
    const view: RowView = {
      rowNumber: index + 2,
      line: index + 2,
      cells,
      get: (name) => (at(name) < 0 ? undefined : cells[at(name)]),
      value: (name) => {
        const raw = at(name) < 0 ? undefined : cells[at(name)];
        if (raw === undefined) return undefined;
        return raw === "" ? null : raw;
      },
    };
    for (const visitor of visitors) visitor.row?.(view);
  });
  for (const visitor of visitors) visitor.end?.();
  for (const finding of findings) {
    const mask = finding.fieldNumber === undefined ? undefined : sensitive.get(finding.fieldNumber);
    if (mask && finding.cell !== undefined && finding.category !== "personal-data") finding.cell = mask(finding.cell);
  }
  return findings;
}

/** A finding a case expects: its messageId and any of code (default: the check's id), location and data. */
export interface ExpectedFinding<MessageIds extends string = string> {
  messageId: MessageIds;
  code?: string;
  rowNumber?: number;
  fieldName?: string;
  fieldNumber?: number;
  cell?: string;
  /** Compared as a subset: the listed values must be there, others may be too. */
  data?: Record<string, unknown>;
}

/**
 * One case. `value` is the shorthand of column checks: a one-column table `x` holding that value,
 * with options `{ column: "x" }` merged under the case's options.
 */
export interface CheckCase<Options> {
  name?: string;
  /** The check's options, in place of the cases' common ones. */
  options?: Partial<Options>;
  value?: string;
  table?: TestTable;
}

export interface InvalidCase<Options, MessageIds extends string> extends CheckCase<Options> {
  /**
   * The findings in report order. A bare messageId stands for a finding of the check's id; with
   * `value`, on the cell of row 2 in column `x`.
   */
  errors: readonly (MessageIds | ExpectedFinding<MessageIds>)[];
}

export interface CheckCases<Options, MessageIds extends string> {
  /** Options every case starts from. */
  options?: Partial<Options>;
  /** Cases reporting nothing; a bare string is a `value` case. */
  valid: readonly (string | CheckCase<Options>)[];
  /** Cases reporting exactly `errors`, in order. */
  invalid: readonly InvalidCase<Options, MessageIds>[];
}

const COLUMN = "x";
const PLACEHOLDER = /\{\w+\}/;

function tableOf(testCase: CheckCase<unknown>): TestTable {
  if (testCase.table) return testCase.table;
  if (testCase.value === undefined) throw new Error("a case needs a value or a table");
  return { labels: [COLUMN], rows: [[testCase.value]] };
}

function optionsOf<Options>(defaults: Partial<Options> | undefined, testCase: CheckCase<Options>): Record<string, unknown> {
  return { ...(testCase.value === undefined ? {} : { column: COLUMN }), ...(testCase.options ?? defaults) };
}

function caseName(testCase: CheckCase<unknown>, index: number): string {
  return testCase.name ?? testCase.value ?? `case ${index + 1}`;
}

/** The finding, cut down to what the expectation names (code and messageId always). */
function projected(finding: Finding, expected: ExpectedFinding): Record<string, unknown> {
  const out: Record<string, unknown> = { code: finding.code, messageId: finding.messageId };
  for (const key of ["rowNumber", "fieldName", "fieldNumber", "cell", "data"] as const) {
    if (key in expected) out[key] = finding[key];
  }
  return out;
}

function expectation(checkId: string, testCase: CheckCase<unknown>, error: string | ExpectedFinding): Record<string, unknown> {
  const expected: ExpectedFinding = typeof error === "string" ? { messageId: error, ...(testCase.value === undefined ? {} : { rowNumber: 2, fieldName: COLUMN }) } : error;
  const { data, ...rest } = expected;
  return { code: checkId, ...rest, ...(data ? { data: expect.objectContaining(data) } : {}) };
}

async function findingsOf<Options>(check: RowCheck<Options, string>, cases: CheckCases<Options, string>, testCase: CheckCase<Options>, lang: Lang = "fr"): Promise<Finding[]> {
  await check.prepare?.();
  return runChecks([check as RowCheck<never>], tableOf(testCase as CheckCase<unknown>), {
    options: { [check.id]: optionsOf(cases.options, testCase) },
    lang,
  });
}

/**
 * Declares the vitest cases of a row check: each valid case reports nothing, each invalid case
 * reports exactly its `errors` in order, with every message rendered in French and English with no
 * placeholder left unfilled. Column checks written with `value` cases also get a case proving that
 * empty cells are skipped and that a finding lands on its own row.
 */
export function testCheck<Options, MessageIds extends string>(check: RowCheck<Options, MessageIds>, cases: CheckCases<Options, NoInfer<MessageIds>>): void {
  const loose = check as RowCheck<Options, string>;
  const all = cases as CheckCases<Options, string>;
  const valid = cases.valid.map((entry) => (typeof entry === "string" ? { value: entry } : entry));
  describe(check.id, () => {
    if (valid.length > 0) {
      it.each(valid.map((testCase, index) => ({ name: caseName(testCase, index), testCase })))("valid: $name", async ({ testCase }) => {
        expect(await findingsOf(loose, all, testCase)).toEqual([]);
      });
    }
    if (cases.invalid.length > 0) {
      it.each(cases.invalid.map((testCase, index) => ({ name: caseName(testCase, index), testCase })))("invalid: $name", async ({ testCase }) => {
        const expected = testCase.errors.map((error) => expectation(check.id, testCase, error));
        const findings = await findingsOf(loose, all, testCase);
        expect(findings.map((finding, index) => projected(finding, (expected[index] ?? {}) as unknown as ExpectedFinding))).toEqual(expected);
        const english = await findingsOf(loose, all, testCase, "en");
        for (const finding of [...findings, ...english]) expect(finding.message, `${finding.messageId}: ${finding.message}`).not.toMatch(PLACEHOLDER);
      });
    }
    const good = valid.find((testCase) => testCase.value !== undefined && !testCase.options)?.value;
    const bad = cases.invalid.find((testCase) => testCase.value !== undefined && !testCase.options)?.value;
    if (good !== undefined && bad !== undefined) {
      it("skips empty cells and reports each invalid row at its own row", async () => {
        const table = { labels: [COLUMN], rows: [[""], [good], [bad]] };
        const options = { ...cases.options, column: COLUMN } as unknown as Partial<Options>;
        const findings = await findingsOf(loose, all, { table, options });
        expect(findings.map((finding) => finding.rowNumber)).toEqual([4]);
      });
    }
  });
}

export interface DetectorCases {
  /** Values the detector must take for personal data (a match with `personal` above 0). */
  match: readonly string[];
  /** Values it must not. */
  noMatch: readonly string[];
}

/**
 * Declares the vitest cases of a personal-data detector: its value test over the values that must
 * and must not match (by default the examples it declares, which the docs show), and the sanity of
 * its declaration.
 */
export function testDetector(detector: Detector, cases: DetectorCases = detector.examples): void {
  describe(`detector ${detector.kind}`, () => {
    it.each(cases.match)("matches %s", (value) => {
      expect(detector.test(value)?.personal ?? 0).toBeGreaterThan(0);
    });
    it.each(cases.noMatch)("does not match %s", (value) => {
      expect(detector.test(value)?.personal ?? 0).toBe(0);
    });
    it("declares examples on both sides, header hints and a threshold in (0, 1]", () => {
      expect(detector.examples.match.length).toBeGreaterThanOrEqual(3);
      expect(detector.examples.noMatch.length).toBeGreaterThanOrEqual(3);
      expect(detector.threshold).toBeGreaterThan(0);
      expect(detector.threshold).toBeLessThanOrEqual(1);
      expect(detector.headerHints.length).toBeGreaterThan(0);
    });
  });
}
