import type { RowCheck, RowView, TableInfo } from "../check.js";
import type { FindingDraft } from "../findings.js";

export type ReportedDraft = FindingDraft & { messageId: string; code: string };

export interface TestTable {
  fieldNames: readonly string[];
  /** Data rows as raw strings, aligned on `labels` (defaults to `fieldNames`). */
  rows: readonly (readonly string[])[];
  /** Header as read from the file, when it differs from the schema (columns absent or reordered). */
  labels?: readonly string[];
}

/**
 * Runs one check over a small table the way the engine does (prepare, header, rows, end) and
 * returns what it reported. `value(name)` is the raw string, or null when the cell is empty.
 * Row numbers follow frictionless: the header is row 1, so the first data row is row 2.
 */
export async function runCheck<Options>(check: RowCheck<Options>, options: Options, table: TestTable): Promise<ReportedDraft[]> {
  await check.prepare?.();
  const labels = table.labels ?? table.fieldNames;
  const info: TableInfo = {
    fieldNames: table.fieldNames,
    labels,
    fieldIndex: (name) => labels.indexOf(name),
  };
  const reported: ReportedDraft[] = [];
  const visitor = check.create({
    options,
    table: info,
    report: (draft) => {
      // As the engine does: a draft without its own code takes the check's id.
      reported.push({ ...draft, code: draft.code ?? check.id });
    },
    markSensitiveColumn: () => undefined,
  });
  visitor.header?.(info);
  table.rows.forEach((cells, index) => {
    const get = (name: string): string | undefined => {
      const at = labels.indexOf(name);
      return at < 0 ? undefined : (cells[at] ?? "");
    };
    const row: RowView = {
      rowNumber: index + 2,
      line: index + 2,
      cells,
      get,
      value: (name) => {
        const raw = get(name);
        if (raw === undefined) return undefined;
        return raw === "" ? null : raw;
      },
    };
    visitor.row?.(row);
  });
  visitor.end?.();
  return reported;
}

/** The part of a reported draft that tests assert: code, messageId and location. */
export function located(draft: ReportedDraft): { code: string; messageId: string; rowNumber?: number; fieldName?: string } {
  const out: { code: string; messageId: string; rowNumber?: number; fieldName?: string } = { code: draft.code, messageId: draft.messageId };
  if (draft.rowNumber !== undefined) out.rowNumber = draft.rowNumber;
  if (draft.fieldName !== undefined) out.fieldName = draft.fieldName;
  return out;
}

/** Runs a column check over a one-column table `x` holding `values`, and returns the located drafts. */
export async function runOnColumn<Options>(
  check: RowCheck<Options>,
  values: readonly string[],
  extraOptions: Record<string, unknown> = {},
): Promise<ReturnType<typeof located>[]> {
  const options = { column: "x", ...extraOptions } as Options;
  const drafts = await runCheck(check, options, { fieldNames: ["x"], rows: values.map((value) => [value]) });
  return drafts.map(located);
}
