import { defineCheck, optionsSchema, type CheckMeta, type OptionsSchema, type RowCheck, type RowView, type TableInfo } from "../check.js";
import type { FindingDraft } from "../findings.js";

/** Options of a check applied to one column (Validata's `params: {column}`). */
export type ColumnOptions = { column: string };

/**
 * JSON Schema of `{column}` and the `Extra` params given in `extra`; further params are allowed, as
 * Validata ignores the ones it does not read.
 */
export function columnOptionsSchema<Extra extends object = object>(extra: Record<string, unknown> = {}, required: string[] = []): OptionsSchema<ColumnOptions & Extra> {
  return optionsSchema({
    type: "object",
    required: ["column", ...required],
    properties: { column: { type: "string", minLength: 1 }, ...extra },
  });
}

/**
 * Whether a concerned value counts as empty. Validata reads frictionless' cast row, where a missing
 * value, an absent column and a cell that failed to cast are all `None`
 * (validata_core.domain.check, `_extract_values_from_row`).
 */
export function isEmpty(row: RowView, name: string): boolean {
  const raw = row.get(name);
  if (raw === undefined || raw === "") return true;
  const value = row.value(name);
  return value === null || value === undefined;
}

/**
 * A finding on the cell of `column`, or on the row when that column is not in the file
 * (Validata attaches the error to `column`, else to the row).
 */
export function cellDraft<MessageId extends string>(
  table: TableInfo | undefined,
  row: RowView,
  column: string,
  code: string,
  messageId: MessageId,
  data: Record<string, unknown> = {},
): FindingDraft & { messageId: MessageId } {
  const index = table ? table.fieldIndex(column) : -1;
  const draft: FindingDraft & { messageId: MessageId } = { code, messageId, data, rowNumber: row.rowNumber, line: row.line };
  if (index >= 0) {
    draft.fieldNumber = index + 1;
    draft.fieldName = column;
    const cell = row.cells[index];
    if (cell !== undefined) draft.cell = cell;
  }
  return draft;
}

/** What a single-value test says about a non-empty value: nothing when valid. */
export type Verdict<MessageIds extends string = string> = { messageId: MessageIds; code?: string; data?: Record<string, unknown> } | undefined;

export interface ColumnCheckDefinition<Options extends ColumnOptions, MessageIds extends string> {
  id: string;
  aliases?: readonly string[];
  meta: CheckMeta<MessageIds> & { options: OptionsSchema<Options> };
  /** Finding code when the verdict names none; defaults to the id. */
  code?: string;
  prepare?: () => Promise<void>;
  /** Called once per check instance; returns the test applied to each non-empty value. */
  compile(options: Options): (raw: string, value: unknown) => Verdict<NoInfer<MessageIds>>;
}

/**
 * A check of the values of one column, skipping empty values as Validata does
 * (the presence of a value is the job of the `required` constraint).
 */
export function columnCheck<Options extends ColumnOptions, const MessageIds extends string>(definition: ColumnCheckDefinition<Options, MessageIds>): RowCheck<Options, MessageIds> {
  const check = defineCheck({
    id: definition.id,
    meta: definition.meta,
    create(context) {
      const { column } = context.options;
      const test = definition.compile(context.options);
      let table = context.table;
      return {
        header(read) {
          table = read;
        },
        row(row) {
          if (isEmpty(row, column)) return;
          const verdict = test(row.get(column) ?? "", row.value(column));
          if (!verdict) return;
          const code = verdict.code ?? definition.code ?? definition.id;
          context.report(cellDraft(table, row, column, code, verdict.messageId, { column, ...verdict.data }));
        },
      };
    },
  });
  if (definition.aliases) check.aliases = definition.aliases;
  if (definition.prepare) check.prepare = definition.prepare;
  return check;
}

/** Lower case without diacritics, as Validata's `norm_str` (NFD, combining marks dropped). */
export function foldAccents(value: string): string {
  return value
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{Mn}/gu, "");
}
