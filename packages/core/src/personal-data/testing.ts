import type { FieldDeclaration, RowCheck, RowView, TableInfo } from "../check.js";
import type { Finding, Lang } from "../findings.js";
import { renderMessage } from "../messages/render.js";

/**
 * A minimal stand-in for the engine: feeds a header and rows to row checks and renders their
 * findings, so the personal-data checks can be tested and evaluated without the reader. Cells are
 * the raw strings; row numbers count the header as row 1, as frictionless does. `declaredFields`
 * stands for the Table Schema in use (none by default, as when linting without a schema).
 */
export function runRowChecks(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a check's options type is contravariant: `any` lets tests pass checks typed with their own options.
  checks: readonly RowCheck<never>[] | readonly RowCheck<any>[],
  labels: readonly string[],
  rows: readonly (readonly string[])[],
  options: Record<string, Record<string, unknown>> = {},
  lang: Lang = "fr",
  declaredFields?: readonly FieldDeclaration[],
): Finding[] {
  const findings: Finding[] = [];
  const sensitive = new Map<number, (value: string) => string>();
  const table: TableInfo = {
    fieldNames: declaredFields?.map((f) => f.name) ?? labels,
    labels,
    ...(declaredFields ? { declaredFields } : {}),
    fieldIndex: (name) => labels.indexOf(name),
  };
  const visitors = checks.map((check) =>
    (check as RowCheck<Record<string, unknown>>).create({
      options: options[check.id] ?? {},
      table,
      report(draft) {
        const { data = {}, messageId, severity, ...rest } = draft;
        // The engine's fallback: a draft without its own code takes the check id.
        const code = (draft as { code?: string }).code ?? check.id;
        const template = check.meta.messages[messageId];
        if (!template) throw new Error(`${check.id}: unknown messageId ${messageId}`);
        findings.push({
          ...rest,
          code,
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
  for (const v of visitors) v.header?.(table);
  rows.forEach((cells, i) => {
    const view: RowView = {
      rowNumber: i + 2,
      line: i + 2,
      cells,
      get: (name) => {
        const index = labels.indexOf(name);
        return index < 0 ? undefined : cells[index];
      },
      value: (name) => {
        const index = labels.indexOf(name);
        return index < 0 ? undefined : cells[index] === "" ? null : cells[index];
      },
    };
    for (const v of visitors) v.row?.(view);
  });
  for (const v of visitors) v.end?.();
  // As the engine does: cells of findings in sensitive columns are masked at the end.
  for (const f of findings) {
    const m = f.fieldNumber === undefined ? undefined : sensitive.get(f.fieldNumber);
    if (m && f.cell !== undefined && f.category !== "personal-data") f.cell = m(f.cell);
  }
  return findings;
}
