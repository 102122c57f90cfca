import type { RowCheck, RowView, RowVisitor, TableInfo } from "../check.js";
import type { Finding, FindingDraft, Lang } from "../findings.js";
import type { Dialect, FileReport, HeaderMatch, SchemaRef } from "../report.js";
import { readTable, type ByteSource, type SpreadsheetLimits, type TableFormat } from "../reading/index.js";
import type { ReadOptions, ReadProblem, ReadResult, TableSink } from "../reading/read-table.js";
import { columnName } from "../reading/spreadsheet/values.js";
import type { TableSchema } from "../table-schema/descriptor.js";
import { INVALID, type CompiledField } from "../table-schema/field.js";
import { compileField, describeType, FieldError } from "../table-schema/index.js";
import { compileCustomChecks, type CustomCheckDescriptor } from "../checks/custom-checks.js";
import { findCheck } from "../checks/registry.js";
import { validCellsPercent } from "../checks/valid-cells.js";
import { foldAccents } from "../checks/helpers.js";
import { hintFor } from "../messages/hints.js";
import { quoteValue } from "../messages/quote.js";
import { FindingFactory, type SeverityOverrides } from "./findings-factory.js";
import { KeyTable } from "./key-table.js";
import type { PreviewRequest } from "./preview.js";
import { DEFAULT_OPTIONS } from "../options.js";

/**
 * How header labels are matched to schema fields: `position` (frictionless), `name` (order free,
 * absent optional columns and unknown ones are warnings), `validata` (as `name`, with Validata's
 * header warnings), or `auto`, the default, which picks per file (see {@link chooseHeaderMode}).
 */
export type HeaderMode = "auto" | HeaderMatch;

/** A row check with the options it runs with. */
export interface ConfiguredCheck {
  check: RowCheck<never>;
  options: unknown;
}

/**
 * Key sets of the resources a table's foreign keys point to, by resource name, then by the
 * referenced fields joined with ",". Built by the package validator before the table is read.
 */
export type ForeignKeyLookups = Map<string, Map<string, Set<string>>>;

export interface ValidatorOptions {
  lang?: Lang;
  /** Stop a file after this many findings and mark it partial (frictionless: 1000). 0: no limit. */
  maxErrors?: number;
  headerMode?: HeaderMode;
  checks?: ConfiguredCheck[];
  severity?: SeverityOverrides;
  lookups?: ForeignKeyLookups;
  schemaRef?: SchemaRef;
  /** Findings about the schema itself (harmless departures from the spec), added to every file. */
  schemaFindings?: FindingDraftWithCode[];
  /** Shared across the files of a run so that severities and languages stay consistent. */
  factory?: FindingFactory;
  /** Runs the schema's `custom_checks` (Validata's extension); default true. */
  customChecks?: boolean;
  /** Longest cell read, in characters; longer ones are cut and reported (`oversized-cell`). Default 1 Mi. */
  maxCellLength?: number;
  /** Longest record read, in characters; past it, cells are dropped (`oversized-row`). Default 16 Mi. */
  maxRowLength?: number;
  /** The schema was built from the header because none was given: its fields declare nothing. */
  inferredSchema?: boolean;
}

export type FindingDraftWithCode = FindingDraft & { code: string };

export interface SourceOptions {
  /** Name of the file in findings (a path relative to the working directory). */
  name: string;
  encoding?: string;
  dialect?: Partial<Dialect>;
  /**
   * `xlsx` or `ods` reads a workbook's sheet (`tableFormatOf(name)` tells by the file name);
   * default CSV. Findings in a sheet carry their cell reference (`cellRef`, `B12`).
   */
  format?: TableFormat;
  /** The workbook's sheet: name or 1-based position; default the first. */
  sheet?: string | number;
  /** Bounds on a workbook (zip bombs, XML nesting). */
  spreadsheetLimits?: Partial<SpreadsheetLimits>;
  /**
   * Checks run on this source only, after the validator's: state that belongs to one file (the
   * metadata facts collector of `lint`) without compiling another validator.
   */
  checks?: ConfiguredCheck[];
  /**
   * Validata custom checks run on this source beside those its schema declares (the config's
   * `checks` for this file), compiled here against the schema's fields as the schema's are: a
   * misdeclared one is a `check-error` of this file, and the others still run.
   */
  customChecks?: CustomCheckDescriptor[];
  /**
   * Collects the first rows as read, for the HTML report only (never in the FileReport, which
   * may be published): cells of columns a check declared personal come masked.
   */
  preview?: PreviewRequest;
}

/** A Table Schema compiled once, then run over any number of files or streams. */
export interface Validator {
  readonly schema: TableSchema;
  readonly fields: readonly CompiledField[];
  validate(source: ByteSource, options: SourceOptions): Promise<FileReport>;
  /**
   * The keys a foreign key to this table looks up (frictionless builds this lookup before reading
   * the referring table): for each list of field names, the values of those fields in each row,
   * cast by this schema and joined as the validator joins a row's key, keyed by the names joined
   * with ",". Rows where a part is missing or does not cast are left out. One pass over the
   * source, casting only those fields; nothing is reported.
   */
  keys(source: ByteSource, fieldLists: readonly (readonly string[])[], options?: KeySourceOptions): Promise<Map<string, Set<string>>>;
}

/** How `Validator.keys` reads its source. */
export type KeySourceOptions = Pick<SourceOptions, "encoding" | "format" | "sheet">;

export const DEFAULT_MAX_ERRORS: number = DEFAULT_OPTIONS.maxErrors;

/**
 * Compiles the schema's fields (throws `FieldError` naming the property when one cannot drive
 * validation) and returns a validator. The schema must already be loaded and normalised.
 */
export function createValidator(schema: TableSchema, options: ValidatorOptions = {}): Validator {
  const schemaMissing = schema.missingValues ?? [""];
  const fields = schema.fields.map((descriptor, index) => {
    try {
      return compileField(descriptor, schemaMissing, `fields[${index}]`);
    } catch (error) {
      const name = (descriptor as { name?: unknown } | null)?.name;
      if (error instanceof FieldError && typeof name === "string") throw new FieldError(error.property, error.detail, name);
      throw error;
    }
  });
  const factory = options.factory ?? new FindingFactory(options.lang ?? "fr", options.severity);
  // Validata's custom checks declared by the schema run beside the user's checks; a misdeclared
  // one is a check-error reported with every file, and the others still run.
  const custom =
    options.customChecks === false
      ? { checks: [], problems: [] }
      : compileCustomChecks(
          schema.custom_checks,
          schema.fields.map((field) => field.name),
        );
  const checks: ConfiguredCheck[] = [...(options.checks ?? []), ...custom.checks];
  for (const { check } of checks) factory.register(check.id, check.meta);
  const runOptions: ValidatorOptions = { ...options, checks, schemaFindings: [...(options.schemaFindings ?? []), ...custom.problems] };
  return {
    schema,
    fields,
    validate: (source, sourceOptions) => validateTable({ schema, fields, factory, options: runOptions }, source, sourceOptions),
    keys: (source, fieldLists, sourceOptions = {}) =>
      readKeys(fields, source, fieldLists, { ...sourceOptions, maxCellLength: options.maxCellLength, maxRowLength: options.maxRowLength }),
  };
}

/** What the audit trail names as the schema of a file validated against its own header. */
export const HEADER_SCHEMA_SOURCE = "(en-tête du fichier)";

/**
 * A validator without a schema: each file's header is its schema, every column untyped (`any`)
 * and a blank label named by its position, compiled when the header is read, in the file's one
 * pass. Structure problems (blank or duplicate labels, blank rows, missing or extra cells) are
 * still found. `schema` and `fields` are empty (each file has its own), and so is what `keys` finds.
 */
export function createHeaderValidator(options: ValidatorOptions = {}): Validator {
  const factory = options.factory ?? new FindingFactory(options.lang ?? DEFAULT_OPTIONS.lang, options.severity);
  for (const { check } of options.checks ?? []) factory.register(check.id, check.meta);
  // Labels meet their fields by position, so that blank or duplicate labels stay findings.
  const runOptions: ValidatorOptions = { schemaRef: { source: HEADER_SCHEMA_SOURCE }, ...options, inferredSchema: true, headerMode: "position" };
  const schema: TableSchema = { fields: [] };
  return {
    schema,
    fields: [],
    validate: (source, sourceOptions) => validateTable({ schema, fields: [], factory, options: runOptions, fromHeader: true }, source, sourceOptions),
    keys: (source, fieldLists, sourceOptions = {}) =>
      readKeys([], source, fieldLists, { ...sourceOptions, maxCellLength: options.maxCellLength, maxRowLength: options.maxRowLength }),
  };
}

/** The header's schema, compiled: what a header validator validates the rest of the file with. */
function compileHeader(compiled: Compiled, cells: readonly string[]): Compiled {
  const schema: TableSchema = {
    fields: cells.map((label, index) => ({ name: label.trim() === "" ? `field${index + 1}` : label.trim(), type: "any" })),
  };
  const missing = schema.missingValues ?? [""];
  const fields = schema.fields.map((descriptor, index) => compileField(descriptor, missing, `fields[${index}]`));
  return { ...compiled, schema, fields, fromHeader: false };
}

async function readKeys(fields: readonly CompiledField[], source: ByteSource, fieldLists: readonly (readonly string[])[], options: ReadOptions): Promise<Map<string, Set<string>>> {
  const lists = fieldLists.map((names) => ({
    names,
    fields: names.map((name) => fields.find((field) => field.name === name)),
    positions: [] as number[],
    keys: new Set<string>(),
  }));
  await readTable(source, options, {
    record(cells, rowNumber) {
      if (rowNumber === 1) {
        // Labels as the header compares them, each field at the first column bearing its name.
        for (const list of lists) list.positions = list.names.map((name) => cells.findIndex((label) => label.trim() === name));
        return;
      }
      for (const list of lists) {
        const parts: string[] = [];
        for (let k = 0; k < list.fields.length; k++) {
          const field = list.fields[k];
          const raw = cells[list.positions[k]!];
          if (!field || raw === undefined || field.isMissing(raw)) break;
          const value = field.cast(raw);
          if (value === INVALID) break;
          parts.push(field.key(value));
        }
        if (parts.length === list.fields.length) list.keys.add(parts.join("\u0000"));
      }
    },
    problem() {},
  });
  return new Map(lists.map((list) => [list.names.join(","), list.keys]));
}

function asArray(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/**
 * A label as auto mode compares it with field names: lower case, accents dropped, and only
 * letters and digits kept, so `Date de convention`, `date_convention` and `dateConvention`
 * meet, and `Numéro` meets `numero`.
 */
export function looseLabelKey(label: string): string {
  return foldAccents(label).replace(/[^\p{L}\p{N}]/gu, "");
}

/**
 * The `auto` header mode's choice for one file. Labels equal to the field names, in order: by
 * position (frictionless' semantics, which also counts extra cells). Otherwise by name, with
 * Validata's warnings, when the labels are recognisably the schema's names: at least half of
 * the columns the file and the schema could share have a label equal to a field name up to case,
 * accents and separators, whatever their order. Otherwise (a file without a header row, whose
 * first line is data, or a file for another schema) by position, which points at each column.
 */
export function chooseHeaderMode(labels: readonly string[], fields: readonly { name: string }[]): "position" | "validata" {
  if (labels.length === fields.length && labels.every((label, index) => label === fields[index]!.name)) return "position";
  const names = new Set(fields.map((field) => looseLabelKey(field.name)));
  const matched = new Set(labels.map(looseLabelKey).filter((key) => key !== "" && names.has(key))).size;
  return matched > 0 && matched * 2 >= Math.min(labels.length, fields.length) ? "validata" : "position";
}

/**
 * Which column holds each field when labels are matched by name: the first label equal to the
 * field's name; with `loose` (auto mode), then the first unused label equal to it up to case,
 * accents and separators (Validata's `header_case` off goes as far as case). `positions[i]` is
 * field i's column, -1 when absent; `loose` lists the fields matched the second way. `fixTable`
 * renames and reorders columns with the same matching.
 */
export function matchLabels(labels: readonly string[], fields: readonly { name: string }[], loose: boolean): { positions: number[]; loose: number[] } {
  const positionOf = new Map<string, number>();
  labels.forEach((label, index) => {
    if (!positionOf.has(label)) positionOf.set(label, index);
  });
  const used = new Set<number>();
  const positions = fields.map((field) => {
    const position = positionOf.get(field.name);
    if (position === undefined) return -1;
    used.add(position);
    return position;
  });
  const looseFields: number[] = [];
  if (loose) {
    const byKey = new Map<string, number>();
    labels.forEach((label, position) => {
      const key = looseLabelKey(label);
      if (!used.has(position) && key !== "" && !byKey.has(key)) byKey.set(key, position);
    });
    fields.forEach((field, index) => {
      if (positions[index]! >= 0) return;
      const position = byKey.get(looseLabelKey(field.name));
      if (position === undefined || used.has(position)) return;
      positions[index] = position;
      used.add(position);
      looseFields.push(index);
    });
  }
  return { positions, loose: looseFields };
}

/** Frictionless compares labels stripped, with line breaks read as spaces. */
export function normaliseLabel(label: string): string {
  return label.replace(/\r?\n|\r/g, " ").trim();
}

interface KeyIndex {
  fields: number[];
  /** The key's field names, for messages. */
  names: string;
  seen: KeyTable;
}

interface ForeignKeyState {
  fields: number[];
  fieldNames: string[];
  reference: string;
  referenceFields: string[];
  /** Self-reference: keys of the referenced fields seen so far, and rows still unresolved. */
  selfFields?: number[];
  selfKeys?: KeyTable;
  pending?: { key: string; rowNumber: number; line: number; values: string[] }[];
  lookup?: Set<string>;
}

/** What a validator compiled once and shares with every file it validates. */
interface Compiled {
  schema: TableSchema;
  fields: readonly CompiledField[];
  factory: FindingFactory;
  options: ValidatorOptions;
  /** The schema is the file's header, compiled when it is read (`createHeaderValidator`). */
  fromHeader?: boolean;
}

/**
 * One file through a compiled schema, in the steps of a single streaming pass: open (findings
 * known before reading), keys, checks, the header, each row, then the keys and checks that can
 * only conclude at the end, and the file's report.
 */
async function validateTable(compiled: Compiled, source: ByteSource, sourceOptions: SourceOptions): Promise<FileReport> {
  await prepareChecks([...(compiled.options.checks ?? []), ...(sourceOptions.checks ?? [])], sourceOptions.customChecks);
  let run = compiled.fromHeader ? undefined : startRun(compiled, sourceOptions);
  // Without a schema, the run starts on the header, which its schema is made of; what the reader
  // reports before it (an undecodable encoding) waits for it.
  const early: ReadProblem[] = [];
  const sink: TableSink = run ?? {
    record(cells, rowNumber, line, numbers) {
      run ??= startRun(compileHeader(compiled, cells), sourceOptions, early);
      return run.record(cells, rowNumber, line, numbers);
    },
    problem(problem) {
      if (run) run.problem(problem);
      else early.push(problem);
    },
  };
  const result = await readTable(source, readOptionsOf(compiled.options, sourceOptions), sink);
  run ??= startRun(compileHeader(compiled, []), sourceOptions, early);
  run.finishKeys();
  run.endChecks();
  run.collectPreview();
  return run.fileReport(result);
}

/** The steps before the first record: configuration findings, key tables, the checks' visitors. */
function startRun(compiled: Compiled, sourceOptions: SourceOptions, early: readonly ReadProblem[] = []): TableRun {
  const run = new TableRun(compiled, sourceOptions);
  run.reportConfiguration();
  for (const problem of early) run.problem(problem);
  run.prepareKeys();
  run.createVisitors();
  return run;
}

/**
 * Checks load what they need (reference lists) before the first row: the source's custom checks
 * too, by name, since they are compiled against the fields only once the header is known.
 */
async function prepareChecks(checks: readonly ConfiguredCheck[], customChecks: readonly CustomCheckDescriptor[] | undefined): Promise<void> {
  const named = (customChecks ?? []).map((descriptor) => (typeof descriptor?.name === "string" ? findCheck(descriptor.name) : undefined));
  await Promise.all([...checks.map(({ check }) => check), ...named].map((check) => check?.prepare?.()));
}

function readOptionsOf(options: ValidatorOptions, sourceOptions: SourceOptions): ReadOptions {
  return {
    encoding: sourceOptions.encoding,
    dialect: sourceOptions.dialect,
    format: sourceOptions.format,
    sheet: sourceOptions.sheet,
    spreadsheetLimits: sourceOptions.spreadsheetLimits,
    maxCellLength: options.maxCellLength,
    maxRowLength: options.maxRowLength,
  };
}

/** The state of one file's pass; each step of `validateTable` is a method. */
class TableRun implements TableSink {
  readonly started = Date.now();
  readonly file: string;
  readonly schema: TableSchema;
  readonly fields: readonly CompiledField[];
  readonly fieldCount: number;
  readonly factory: FindingFactory;
  readonly options: ValidatorOptions;
  readonly sourceOptions: SourceOptions;
  readonly maxErrors: number;
  readonly requestedMode: HeaderMode;
  /** Decided on the header in auto mode; until then (an empty file), position. */
  headerMode: HeaderMatch;
  readonly findings: Finding[] = [];
  readonly fieldNumberByName: Map<string, number>;
  readonly schemaMissing: Set<string>;
  readonly spreadsheet: boolean;
  partial = false;
  labels: string[] = [];
  dataRows = 0;
  /** Sheet row of the header: a workbook's table may start below empty rows. */
  headerLine = 1;
  readonly previewLimit: number;
  readonly previewRows: string[][] = [];
  previewFirstRow = 2;

  /** Position of each schema field's cell in a row; -1 when the column is absent (name modes). */
  readonly cellIndex: number[];
  // Keys as 64-bit hashes (key-table.ts): a false duplicate has a ~n²/2^65 chance.
  unique: (KeyTable | undefined)[] = [];
  primaryKey: KeyIndex | undefined;
  uniqueKeys: KeyIndex[] = [];
  foreignKeys: ForeignKeyState[] = [];

  /** Cast values of the current row, reused from row to row: null missing, INVALID failed cast. */
  readonly values: unknown[];
  currentCells: readonly string[] = [];
  /** Positions of the current row's cells that the workbook stored as numbers. */
  currentNumbers: ReadonlySet<number> | undefined;
  currentRow = 0;
  currentLine = 0;
  readonly rowView: RowView;
  readonly tableInfo: TableInfo;
  /** Checks of this source only: `checks` and the compiled `customChecks`. */
  sourceChecks: ConfiguredCheck[] = [];
  visitors: RowVisitor[] = [];
  readonly sensitive = new Map<number, (value: string) => string>();
  /** Raw values of the foreign-key findings, so that personal ones can be masked at the end. */
  readonly foreignKeyValues = new WeakMap<Finding, string[]>();
  /**
   * One cell, one root cause: a value that failed its field's type or constraints is reported
   * by the engine, with a hint; a custom or French check that then rejects the same cell (a
   * SIRET failing the pattern and french-siret-value) would say the same thing again.
   */
  readonly failedCells = new Set<number>();

  constructor(compiled: Compiled, sourceOptions: SourceOptions) {
    this.schema = compiled.schema;
    this.fields = compiled.fields;
    this.fieldCount = compiled.fields.length;
    this.factory = compiled.factory;
    this.options = compiled.options;
    this.sourceOptions = sourceOptions;
    this.file = sourceOptions.name;
    this.maxErrors = this.options.maxErrors ?? DEFAULT_MAX_ERRORS;
    this.requestedMode = this.options.headerMode ?? DEFAULT_OPTIONS.headerMode;
    this.headerMode = this.requestedMode === "auto" ? "position" : this.requestedMode;
    this.fieldNumberByName = new Map(this.fields.map((field, index) => [field.name, index]));
    this.schemaMissing = new Set(this.schema.missingValues ?? [""]);
    this.previewLimit = Math.max(0, sourceOptions.preview?.rows ?? 0);
    this.spreadsheet = sourceOptions.format === "xlsx" || sourceOptions.format === "ods";
    this.cellIndex = this.fields.map((_, index) => index);
    this.values = new Array(this.fieldCount).fill(null);
    // The row view's getters read the current row of this run, whatever `this` they are called with.
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const run = this;
    this.rowView = {
      get rowNumber() {
        return run.currentRow;
      },
      get line() {
        return run.currentLine;
      },
      get cells() {
        return run.currentCells;
      },
      get(name) {
        const index = run.fieldNumberByName.get(name);
        const position = index === undefined ? -1 : (run.cellIndex[index] ?? -1);
        return position < 0 ? undefined : run.currentCells[position];
      },
      value(name) {
        const index = run.fieldNumberByName.get(name);
        if (index === undefined || (run.cellIndex[index] ?? -1) < 0) return undefined;
        const value = run.values[index];
        return value === INVALID ? undefined : value;
      },
    };
    this.tableInfo = {
      fieldNames: this.fields.map((field) => field.name),
      declaredFields: this.options.inferredSchema ? undefined : this.schema.fields.map(({ name, title, description }) => ({ name, title, description })),
      get labels() {
        return run.labels;
      },
      fieldIndex(name) {
        const index = run.fieldNumberByName.get(name);
        return index === undefined ? -1 : (run.cellIndex[index] ?? -1);
      },
    };
  }

  emit(code: string, draft: FindingDraft, owner?: string): boolean {
    // In a sheet, a cell is found by its reference: the column letters and the sheet's row.
    if (this.spreadsheet && draft.fieldNumber !== undefined && draft.line !== undefined && !NO_COLUMN.has(code)) {
      draft = { ...draft, cellRef: `${columnName(draft.fieldNumber)}${draft.line}` };
    }
    const finding = this.factory.make(code, draft, this.file, owner);
    if (finding) this.findings.push(finding);
    return finding !== undefined;
  }

  /**
   * Findings known before any row: the schema's departures from the spec, misdeclared checks,
   * the schema's then this source's. Compiles this source's custom checks on the way.
   */
  reportConfiguration(): void {
    const added = this.sourceOptions.customChecks;
    const compiled = added ? compileCustomChecks(added, this.tableInfo.fieldNames) : undefined;
    this.sourceChecks = [...(this.sourceOptions.checks ?? []), ...(compiled?.checks ?? [])];
    for (const { code, ...draft } of [...(this.options.schemaFindings ?? []), ...(compiled?.problems ?? [])]) this.emit(code, draft);
  }

  /** Key tables of unique fields, the primary key, unique keys and foreign keys. */
  prepareKeys(): void {
    const { schema, fields, fieldNumberByName } = this;
    this.unique = fields.map((field) => (field.unique ? new KeyTable() : undefined));
    const fieldIndexOf = (names: string[]): number[] => names.map((name) => fieldNumberByName.get(name) ?? -1);
    const keyIndex = (names: string[]): KeyIndex => ({ fields: fieldIndexOf(names), names: names.join(", "), seen: new KeyTable() });
    this.primaryKey = schema.primaryKey ? keyIndex(asArray(schema.primaryKey)) : undefined;
    this.uniqueKeys = (schema.uniqueKeys ?? []).map((key) => keyIndex(asArray(key)));
    const foreignKeys: ForeignKeyState[] = (schema.foreignKeys ?? []).map((fk) => {
      const fieldNames = asArray(fk.fields);
      const referenceFields = asArray(fk.reference.fields);
      const reference = fk.reference.resource ?? "";
      const state: ForeignKeyState = { fields: fieldIndexOf(fieldNames), fieldNames, reference, referenceFields };
      if (reference === "") {
        state.selfFields = fieldIndexOf(referenceFields);
        state.selfKeys = new KeyTable();
        state.pending = [];
      } else {
        state.lookup = this.options.lookups?.get(reference)?.get(referenceFields.join(","));
      }
      return state;
    });
    // Alone, a table cannot check references to other resources: say so once, as frictionless
    // does, and check the rest of the table all the same.
    const unchecked = foreignKeys.filter((fk) => fk.reference !== "" && !fk.lookup);
    if (unchecked.length > 0) {
      this.emit("resource-error", {
        messageId: "packageRequired",
        data: {
          fields: unchecked.map((fk) => fk.fieldNames.join(", ")).join(" ; "),
          resource: [...new Set(unchecked.map((fk) => fk.reference))].join(", "),
        },
      });
    }
    this.foreignKeys = foreignKeys.filter((fk) => !unchecked.includes(fk));
  }

  /** The row checks' visitors for this file: the validator's checks, then this source's own. */
  createVisitors(): void {
    const own = this.sourceChecks;
    const checks = own.length > 0 ? [...(this.options.checks ?? []), ...own] : (this.options.checks ?? []);
    for (const { check } of own) this.factory.register(check.id, check.meta);
    this.visitors = checks.map(({ check, options: checkOptions }) =>
      check.create({
        options: checkOptions as never,
        table: this.tableInfo,
        report: ({ code, ...draft }) => {
          const sameCell = draft.rowNumber === this.currentRow && draft.fieldNumber !== undefined && this.failedCells.has(draft.fieldNumber);
          if (sameCell && VALUE_CATEGORIES.has(check.meta.category)) return;
          this.emit(code ?? check.id, { line: draft.rowNumber === this.currentRow ? this.currentLine : undefined, ...draft }, check.id);
        },
        markSensitiveColumn: (fieldNumber, mask) => this.sensitive.set(fieldNumber, mask),
      }),
    );
  }

  // The reader's sink: the header, then each row, until the error limit.
  record(cells: string[], rowNumber: number, line: number, numbers?: ReadonlySet<number>): boolean {
    this.currentNumbers = numbers;
    if (rowNumber === 1) {
      this.headerLine = line;
      this.readHeader(cells);
    } else this.readRow(cells, rowNumber, line);
    return !this.limitReached();
  }

  problem(problem: ReadProblem): void {
    this.emit(problem.code, { rowNumber: problem.rowNumber, line: problem.line, fieldNumber: problem.fieldNumber, messageId: problem.messageId, data: problem.data });
  }

  limitReached(): boolean {
    if (this.maxErrors > 0 && this.findings.length >= this.maxErrors) {
      this.findings.length = this.maxErrors;
      this.partial = true;
      return true;
    }
    return false;
  }

  readHeader(cells: string[]): void {
    this.labels = cells.map(normaliseLabel);
    // An empty first line has no label at all (a line of delimiters has blank labels instead):
    // one blank-header says it better than a missing-label per field.
    if (cells.length === 0 && this.fieldCount > 0) {
      this.emit("blank-header", { rowNumber: 1, line: this.headerLine });
    } else {
      if (this.requestedMode === "auto") this.headerMode = chooseHeaderMode(this.labels, this.fields);
      if (this.headerMode === "position") this.readHeaderByPosition();
      else this.readHeaderByName();
    }
    for (const visitor of this.visitors) visitor.header?.(this.tableInfo);
  }

  readHeaderByPosition(): void {
    const { labels, fields, fieldCount, headerLine } = this;
    for (let i = fieldCount; i < labels.length; i++) {
      this.emit("extra-label", { rowNumber: 1, line: headerLine, fieldNumber: i + 1, fieldName: "", cell: labels[i] ?? "", data: { label: labels[i] ?? "" } });
    }
    for (let i = labels.length; i < fieldCount; i++) {
      this.emit("missing-label", { rowNumber: 1, line: headerLine, fieldNumber: i + 1, fieldName: fields[i]!.name });
    }
    const firstSeen = new Map<string, number[]>();
    for (let i = 0; i < Math.min(labels.length, fieldCount); i++) {
      const label = labels[i]!;
      const field = fields[i]!;
      const at = { rowNumber: 1, line: headerLine, fieldNumber: i + 1, fieldName: field.name, cell: label };
      const earlier = firstSeen.get(label);
      if (label === "") this.emit("blank-label", at);
      else if (earlier) this.emit("duplicate-label", { ...at, data: { label, positions: earlier.join(", ") } });
      else if (label !== field.name) this.emit("incorrect-label", { ...at, data: { label } });
      if (earlier) earlier.push(i + 1);
      else firstSeen.set(label, [i + 1]);
    }
  }

  readHeaderByName(): void {
    const { labels, fields, fieldCount, headerLine, cellIndex } = this;
    const validata = this.headerMode === "validata";
    const match = matchLabels(labels, fields, this.requestedMode === "auto");
    const used = new Set<number>();
    match.positions.forEach((position, index) => {
      cellIndex[index] = position;
      if (position >= 0) used.add(position);
    });
    // Auto mode accepts a label that differs from its field's name only by case, accents,
    // spaces, underscores or hyphens, and says so once per label: the file reads, and the
    // producer learns the exact name.
    for (const index of match.loose) {
      const field = fields[index]!;
      const position = cellIndex[index]!;
      const label = labels[position] ?? "";
      this.emit("incorrect-label", {
        rowNumber: 1,
        line: headerLine,
        fieldNumber: position + 1,
        fieldName: field.name,
        cell: label,
        messageId: "loose",
        severity: "warning",
        data: { label },
      });
    }
    fields.forEach((field, index) => {
      if ((cellIndex[index] ?? -1) >= 0) return;
      const at = { rowNumber: 1, line: headerLine, fieldNumber: index + 1, fieldName: field.name };
      if (field.required) this.emit("missing-label", at);
      else if (validata) this.emit("missing-header-warn", at);
      else this.emit("missing-label", { ...at, severity: "warning" });
    });
    labels.forEach((label, position) => {
      if (used.has(position)) return;
      const at = { rowNumber: 1, line: headerLine, fieldNumber: position + 1, fieldName: "", cell: label, data: { label } };
      this.emit(validata ? "extra-header-warn" : "extra-label", validata ? at : { ...at, severity: "warning" });
    });
    const sameColumns = fields.every((_, index) => (cellIndex[index] ?? -1) >= 0) && labels.length === fieldCount;
    if (validata && sameColumns) {
      // As Validata: order is only compared when the file has exactly the schema's columns.
      // Fields not in schema order: report each one not at its place.
      const present = fields.map((_, index) => index).filter((index) => (cellIndex[index] ?? -1) >= 0);
      const byPosition = [...present].sort((a, b) => cellIndex[a]! - cellIndex[b]!);
      present.forEach((fieldIndex, rank) => {
        if (byPosition[rank] !== fieldIndex) {
          this.emit("disordered-header-warn", {
            rowNumber: 1,
            line: headerLine,
            fieldNumber: cellIndex[fieldIndex]! + 1,
            fieldName: fields[fieldIndex]!.name,
            data: { expectedNumber: fieldIndex + 1 },
          });
        }
      });
    }
  }

  isBlank(cells: readonly string[]): boolean {
    const byPosition = this.headerMode === "position";
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i]!;
      const field = byPosition ? this.fields[i] : undefined;
      if (field ? !field.isMissing(cell) : !this.schemaMissing.has(cell)) return false;
    }
    return true;
  }

  /** Records the row's key: the row that held it before, 0 when new, -1 when every part is null. */
  swapKey(index: KeyIndex, rowNumber: number): number {
    if (index.fields.length === 1) {
      const position = index.fields[0]!;
      const value = position < 0 ? null : this.values[position];
      if (Number.isSafeInteger(value)) return index.seen.swapInteger(value as number, rowNumber);
    }
    const key = this.keyOf(index.fields);
    return key === null ? -1 : index.seen.swap(key, rowNumber);
  }

  keyOf(indexes: number[]): string | null {
    const { values, fields } = this;
    if (indexes.length === 1) {
      const index = indexes[0]!;
      const value = index < 0 ? null : values[index];
      return value === null || value === INVALID || value === undefined ? null : fields[index]!.key(value);
    }
    let key = "";
    let allNull = true;
    for (let k = 0; k < indexes.length; k++) {
      const index = indexes[k]!;
      const value = index < 0 ? null : values[index];
      if (k > 0) key += "\u0000";
      if (value === null || value === INVALID || value === undefined) {
        key += "\u0001";
      } else {
        allNull = false;
        key += fields[index]!.key(value);
      }
    }
    return allNull ? null : key;
  }

  readRow(cells: string[], rowNumber: number, line: number): void {
    this.dataRows++;
    if (this.previewRows.length < this.previewLimit) {
      if (this.previewRows.length === 0) this.previewFirstRow = rowNumber;
      this.previewRows.push(cells.slice());
    }
    this.currentCells = cells;
    this.currentRow = rowNumber;
    this.currentLine = line;
    this.failedCells.clear();
    const blank = this.isBlank(cells);
    if (blank) this.emit("blank-row", { rowNumber, line });
    this.castCells(cells, rowNumber, line, blank);
    if (!blank && this.headerMode === "position") {
      for (let i = this.fieldCount; i < cells.length; i++) {
        this.emit("extra-cell", { rowNumber, line, fieldNumber: i + 1, fieldName: "", cell: cells[i]! });
      }
    }
    this.checkKeys(cells, rowNumber, line);
    if (!blank) for (const visitor of this.visitors) visitor.row?.(this.rowView);
  }

  /** Casts each field's cell into `values` and reports missing cells, type and constraint errors. */
  castCells(cells: string[], rowNumber: number, line: number, blank: boolean): void {
    const { fields, fieldCount, cellIndex, values, failedCells, currentNumbers } = this;
    for (let f = 0; f < fieldCount; f++) {
      const field = fields[f]!;
      const position = cellIndex[f]!;
      if (position < 0) {
        values[f] = null;
        continue;
      }
      if (position >= cells.length) {
        values[f] = null;
        if (!blank) {
          if (field.required) {
            this.emit("constraint-error", {
              rowNumber,
              line,
              fieldNumber: position + 1,
              fieldName: field.name,
              messageId: "required",
              data: { constraint: "required", expected: true },
            });
          }
          this.emit("missing-cell", { rowNumber, line, fieldNumber: position + 1, fieldName: field.name, cell: "" });
        }
        continue;
      }
      const raw = cells[position]!;
      if (field.isMissing(raw)) {
        values[f] = null;
        if (field.required && !blank) {
          this.emit("constraint-error", {
            rowNumber,
            line,
            fieldNumber: position + 1,
            fieldName: field.name,
            cell: raw,
            messageId: "required",
            data: { constraint: "required", expected: true },
          });
        }
        continue;
      }
      const value = field.cast(raw);
      values[f] = value;
      if (value === INVALID) {
        if (!blank) {
          const [type, format] = describeType(field).split("/");
          if (
            this.emit("type-error", {
              rowNumber,
              line,
              fieldNumber: position + 1,
              fieldName: field.name,
              cell: raw,
              data: withHint("type-error", { type, format }, raw, field, currentNumbers?.has(position)),
            })
          ) {
            failedCells.add(position + 1);
          }
        }
        continue;
      }
      const failures = field.check(value, raw);
      if (failures && !blank) {
        for (const failure of failures) {
          const made = this.emit("constraint-error", {
            rowNumber,
            line,
            fieldNumber: position + 1,
            fieldName: field.name,
            cell: raw,
            messageId: failure.arrayItem ? "arrayItem" : failure.constraint in CONSTRAINT_MESSAGES ? failure.constraint : "default",
            data: withHint(
              "constraint-error",
              { constraint: failure.constraint, expected: formatExpected(failure.expected), ...(failure.arrayItem ? { arrayItem: true } : {}) },
              raw,
              field,
              currentNumbers?.has(position),
            ),
          });
          if (made && failure.constraint !== "required") failedCells.add(position + 1);
        }
      }
    }
  }

  /** Unique fields, primary key, unique keys and foreign keys of the row's cast values. */
  checkKeys(cells: string[], rowNumber: number, line: number): void {
    const { fields, fieldCount, cellIndex, values, unique } = this;
    for (let f = 0; f < fieldCount; f++) {
      const seen = unique[f];
      const value = values[f];
      if (!seen || value === null || value === INVALID) continue;
      const previousRow = Number.isSafeInteger(value) ? seen.swapInteger(value as number, rowNumber) : seen.swap(fields[f]!.key(value), rowNumber);
      if (previousRow !== 0) {
        this.emit("unique-error", { rowNumber, line, fieldNumber: cellIndex[f]! + 1, fieldName: fields[f]!.name, cell: cells[cellIndex[f]!] ?? "", data: { previousRow } });
      }
    }
    const primaryKey = this.primaryKey;
    if (primaryKey) {
      const previousRow = this.swapKey(primaryKey, rowNumber);
      if (previousRow < 0) {
        this.emit("primary-key", { rowNumber, line, messageId: "allNull", data: { fields: primaryKey.names } });
      } else if (previousRow !== 0) {
        this.emit("primary-key", { rowNumber, line, data: { fields: primaryKey.names, previousRow } });
      }
    }
    for (const uniqueKey of this.uniqueKeys) {
      const previousRow = this.swapKey(uniqueKey, rowNumber);
      if (previousRow > 0) {
        this.emit("unique-error", { rowNumber, line, fieldName: uniqueKey.names, messageId: "default", data: { previousRow } });
      }
    }
    for (const fk of this.foreignKeys) this.checkForeignKey(fk, rowNumber, line);
  }

  checkForeignKey(fk: ForeignKeyState, rowNumber: number, line: number): void {
    if (fk.selfFields && fk.selfKeys) {
      const own = this.keyOf(fk.selfFields);
      if (own !== null) fk.selfKeys.add(own);
    }
    const key = this.keyOf(fk.fields);
    if (key === null) return;
    const found = fk.lookup ? fk.lookup.has(key) : fk.selfKeys!.has(key);
    if (found) return;
    const cellValues = fk.fields.map((index) => this.currentCells[this.cellIndex[index] ?? -1] ?? "");
    if (fk.pending) fk.pending.push({ key, rowNumber, line, values: cellValues });
    else this.reportForeignKey(fk, rowNumber, line, cellValues);
  }

  reportForeignKey(fk: ForeignKeyState, rowNumber: number, line: number, cellValues: string[]): void {
    this.emit("foreign-key", {
      rowNumber,
      line,
      data: {
        fields: fk.fieldNames.join(", "),
        fieldNumbers: fk.fields.map((index) => (this.cellIndex[index] ?? -1) + 1),
        values: quoteValues(cellValues),
        reference: fk.reference === "" ? fk.referenceFields.join(", ") : `${fk.reference} (${fk.referenceFields.join(", ")})`,
        resource: fk.reference,
        referenceFields: fk.referenceFields,
      },
    });
    const finding = this.findings[this.findings.length - 1];
    if (finding?.code === "foreign-key") this.foreignKeyValues.set(finding, cellValues);
  }

  /** References to rows of the same table resolve once every row is read. */
  finishKeys(): void {
    if (this.partial) return;
    for (const fk of this.foreignKeys) {
      for (const pending of fk.pending ?? []) {
        if (!fk.selfKeys!.has(pending.key)) this.reportForeignKey(fk, pending.rowNumber, pending.line, pending.values);
      }
    }
  }

  /**
   * Checks end even when reading stopped at the error limit: the personal-data check declares
   * its columns there, and without that the cells already reported in them would go out
   * unmasked. What they report past the limit is dropped.
   */
  endChecks(): void {
    for (const visitor of this.visitors) visitor.end?.();
    this.limitReached();
    maskSensitive(this.findings, this.sensitive, this.factory, this.foreignKeyValues);
  }

  collectPreview(): void {
    const preview = this.sourceOptions.preview;
    if (!preview || this.previewLimit === 0) return;
    for (const row of this.previewRows) {
      for (const [fieldNumber, mask] of this.sensitive) {
        const cell = row[fieldNumber - 1];
        if (cell !== undefined && cell !== "") row[fieldNumber - 1] = mask(cell);
      }
      // Every other cell is quoted as findings quote it: a personal value outside the columns
      // found personal (alone in a column, an extra cell) is masked there too.
      for (let k = 0; k < row.length; k++) row[k] = quoteValue(row[k]!);
    }
    preview.collect({ labels: this.labels.map((label) => quoteValue(label)), rows: this.previewRows, firstRowNumber: this.previewFirstRow });
  }

  fileReport(result: ReadResult): FileReport {
    const { findings, dataRows, fieldCount } = this;
    const countsByCode: Record<string, number> = {};
    const stats = {
      rows: dataRows,
      fields: fieldCount,
      bytes: result.bytes,
      errors: 0,
      warnings: 0,
      infos: 0,
      validCellsPercent: validCellsPercent(findings, dataRows, fieldCount),
      countsByCode,
    };
    for (const finding of findings) {
      countsByCode[finding.code] = (countsByCode[finding.code] ?? 0) + 1;
      if (finding.severity === "error") stats.errors++;
      else if (finding.severity === "warning") stats.warnings++;
      else stats.infos++;
    }
    const report: FileReport = {
      file: this.file,
      valid: stats.errors === 0,
      partial: this.partial,
      // A workbook has neither encoding nor dialect: its sheet says where the rows came from.
      ...(result.sheet ? { sheet: result.sheet } : { encoding: result.encoding, dialect: result.dialect }),
      headerMode: this.headerMode,
      // Quoted as findings quote them: a file without its header row has a person's data there.
      labels: this.labels.map((label) => quoteValue(label)),
      stats,
      findings,
      durationMs: Date.now() - this.started,
    };
    if (this.options.schemaRef) report.schema = this.options.schemaRef;
    return report;
  }
}

/** Codes whose `fieldNumber` is a schema field's position, not a column of the sheet. */
const NO_COLUMN: ReadonlySet<string> = new Set(["missing-label", "missing-header-warn"]);

/** Categories of the checks that judge a cell's value, whose finding an engine error on the cell makes redundant. */
const VALUE_CATEGORIES: ReadonlySet<string> = new Set(["custom", "french"]);

const CONSTRAINT_MESSAGES = {
  required: true,
  minLength: true,
  maxLength: true,
  minimum: true,
  maximum: true,
  exclusiveMinimum: true,
  exclusiveMaximum: true,
  pattern: true,
  enum: true,
};

/**
 * Adds how to fix the value (a French date's ISO form, the zeros a spreadsheet dropped...) when
 * there is one; a corrected value is only suggested when it passes the field's type and
 * constraints.
 */
function withHint(code: string, data: Record<string, unknown>, cell: string, field: CompiledField, storedAsNumber = false): Record<string, unknown> {
  const accepts = (candidate: string): boolean => {
    if (field.isMissing(candidate)) return false;
    const value = field.cast(candidate);
    return value !== INVALID && field.check(value, candidate) === null;
  };
  const hint = hintFor(code, storedAsNumber ? { ...data, cell, storedAs: "number" } : { ...data, cell }, field.descriptor, accepts);
  return hint ? { ...data, hint } : data;
}

/** Values of an enum a message lists; the others are counted. */
export const MAX_LISTED_VALUES = 10;

function formatExpected(expected: unknown): string {
  if (Array.isArray(expected)) {
    const listed = expected
      .slice(0, MAX_LISTED_VALUES)
      .map((item) => String(item))
      .join(", ");
    return expected.length > MAX_LISTED_VALUES ? `${listed}, … (+${expected.length - MAX_LISTED_VALUES})` : listed;
  }
  if (typeof expected === "string") return expected;
  return JSON.stringify(expected) ?? String(expected);
}

function quoteValues(values: readonly string[]): string {
  return values.map((value) => `« ${quoteValue(value)} »`).join(", ");
}

/** Masks every finding's cell in the columns a check declared personal, and re-renders it. */
function maskSensitive(findings: Finding[], sensitive: Map<number, (value: string) => string>, factory: FindingFactory, foreignKeyValues: WeakMap<Finding, string[]>): void {
  if (sensitive.size === 0) return;
  for (const finding of findings) {
    const values = foreignKeyValues.get(finding);
    const positions = finding.data.fieldNumbers;
    if (values && Array.isArray(positions) && positions.some((position) => sensitive.has(position as number))) {
      const masked = values.map((value, k) => sensitive.get(positions[k] as number)?.(value) ?? value);
      finding.data = { ...finding.data, values: quoteValues(masked) };
      finding.message = factory.render(finding);
      continue;
    }
    if (finding.category === "personal-data" || finding.fieldNumber === undefined || finding.cell === undefined) continue;
    const mask = sensitive.get(finding.fieldNumber);
    if (!mask) continue;
    finding.cell = mask(finding.cell);
    // A hint quotes the raw value: it goes with it.
    if ("hint" in finding.data) {
      const { hint: _hint, ...data } = finding.data;
      finding.data = data;
    }
    finding.message = factory.render(finding);
  }
}
