import type { Category, FindingDraft, Lang, Severity } from "./findings.js";

/** A message template per language; `{name}` is replaced by the finding's value of that name. */
export type MessageTemplate = Record<Lang, string>;

/**
 * What every check declares about itself; the docs, the catalogue and the config schema read it.
 * `MessageIds` are the keys of `messages`: `defineCheck` infers them, so that reporting an id the
 * check does not declare fails to compile.
 */
export interface CheckMeta<MessageIds extends string = string> {
  category: Category;
  /**
   * A short name, as the title of the check's documentation page (French) says it. Every
   * registered check has one, and `fix` too (catalog.test.ts); internal checks need neither.
   */
  title?: MessageTemplate;
  /** One line saying what the check verifies. */
  description: MessageTemplate;
  /** How to fix what the check reports, whatever the value (a finding's message may add a hint for its own value). */
  fix?: MessageTemplate;
  /** Codes the check reports under another name than its id (Validata's error types), each with its page. */
  emits?: Record<string, { title: MessageTemplate; fix: MessageTemplate }>;
  severity: Severity;
  /** Message templates keyed by messageId. */
  messages: Record<MessageIds, MessageTemplate>;
  /** JSON Schema of the check's options (Validata's `params` for custom checks). */
  options?: Record<string, unknown>;
}

/** The table as the checks see it once the header is read. */
/** What a Table Schema field says it holds: its name and, when given, its title and description. */
export interface FieldDeclaration {
  name: string;
  title?: string;
  description?: string;
}

export interface TableInfo {
  /** Schema field names, in schema order. */
  fieldNames: readonly string[];
  /**
   * The fields of the Table Schema in use, in schema order; absent when no schema was given and
   * the header stands in for one (its field names then declare nothing).
   */
  declaredFields?: readonly FieldDeclaration[];
  /** Header labels as read from the file (after BOM removal and trimming). */
  labels: readonly string[];
  /** Position in the row (0-based) of the cell holding each schema field, or -1 when absent. */
  fieldIndex(name: string): number;
}

/** One data row as the checks see it. */
export interface RowView {
  rowNumber: number;
  /** 1-based physical line where the record starts. */
  line: number;
  /** Raw cell values, as in the file. */
  readonly cells: readonly string[];
  /** Raw value of the named field, or undefined when the column is absent. */
  get(fieldName: string): string | undefined;
  /**
   * Value of the named field cast to its schema type: null for a missing value, undefined when
   * the column is absent or the cell failed to cast (the type error is reported elsewhere).
   */
  value(fieldName: string): unknown;
}

export interface CheckContext<Options, MessageIds extends string = string> {
  options: Options;
  table: TableInfo;
  /** Records a finding; the engine fills in the file, severity, category and message. */
  report(draft: FindingDraft & { messageId: MessageIds }): void;
  /**
   * Declares that a column holds personal data: at the end of the file the engine masks the
   * `cell` of every finding in that column (type errors included) with `mask`, so that no output
   * ever shows a raw personal value.
   */
  markSensitiveColumn(fieldNumber: number, mask: (value: string) => string): void;
}

/** Hooks of a check over one streaming pass; state lives in the closure returned by `create`. */
export interface RowVisitor {
  header?(table: TableInfo): void;
  row?(row: RowView): void;
  end?(): void;
}

/** A check run over the rows of a table, alongside the Table Schema validation. */
export interface RowCheck<Options = Record<string, unknown>, MessageIds extends string = string> {
  id: string;
  /** Former or alternative ids that select this check too (e.g. Validata's `siret`). */
  aliases?: readonly string[];
  meta: CheckMeta<MessageIds>;
  /**
   * Loads what the check needs before the first row (e.g. a reference list imported lazily so that
   * files not using the check never pay for it). The engine awaits it once per run, before `create`.
   */
  prepare?(): Promise<void>;
  create(context: CheckContext<Options, MessageIds>): RowVisitor;
}

declare const optionsType: unique symbol;

/**
 * The JSON Schema of a check's options, carrying the options' TypeScript type (a phantom key that
 * never exists at run time) so that `defineCheck` infers `Options` from the meta it already has.
 */
export type OptionsSchema<Options> = Record<string, unknown> & { readonly [optionsType]?: Options };

/** Types a JSON Schema as the schema of `Options`; the schema itself is returned unchanged. */
export function optionsSchema<Options>(schema: Record<string, unknown>): OptionsSchema<Options> {
  return schema;
}

/** What `defineCheck` takes: a row check whose options schema is typed. */
export type CheckDefinition<Options, MessageIds extends string> = Omit<RowCheck<Options, MessageIds>, "meta" | "create"> & {
  meta: CheckMeta<MessageIds> & { options: OptionsSchema<Options> };
  create(context: CheckContext<Options, NoInfer<MessageIds>>): RowVisitor;
};

/**
 * Declares a row check: its meta beside its logic, as an ESLint rule does. The message ids are
 * inferred from `meta.messages` only (`NoInfer` on `create`) and the options from `meta.options`,
 * so `report({ messageId })` with an id the check does not declare is a compile error rather than
 * a finding rendered without a template.
 */
export function defineCheck<Options, const MessageIds extends string>(check: CheckDefinition<Options, MessageIds>): RowCheck<Options, MessageIds> {
  return check;
}

export const DOCS_BASE_URL = "https://github.com/conforme-fr/conforme/blob/main/docs/checks/";

/** Documentation page of a check, derived from its id. */
export function docsUrl(id: string): string {
  return `${DOCS_BASE_URL}${id}.md`;
}
