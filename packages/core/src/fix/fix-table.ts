import type { RowCheck, RowView, TableInfo } from "../check.js";
import type { Severity } from "../findings.js";
import { quoteValue, maskPersonalValues } from "../messages/quote.js";
import { renderMessage } from "../messages/render.js";
import { personalDataCheck } from "../personal-data/personal-data-check.js";
import type { Dialect } from "../report.js";
import { readTable, type ByteSource, type ReadProblem, type SheetRef, type TableFormat } from "../reading/index.js";
import { isValidSiren } from "../checks/french-siren-value.js";
import { isValidSiret } from "../checks/french-siret-value.js";
import type { FieldDescriptor, TableSchema } from "../table-schema/descriptor.js";
import { INVALID, type CompiledField } from "../table-schema/field.js";
import { compileField } from "../table-schema/index.js";
import { chooseHeaderMode, matchLabels, normaliseLabel } from "../validate/validator.js";
import { FIX_KINDS, FIX_NOTES, type FixKind, type FixNoteId } from "./kinds.js";
import {
  booleanSpelling,
  certainPointForComma,
  digitsFromScientific,
  enumMatch,
  FRENCH_DATE,
  isMonthFirst,
  isoDatetimeFromFrench,
  isoFromFrench,
  leadingZerosCandidates,
  wholeFromDecimals,
} from "./repairs.js";

export interface FixOptions {
  /** Name of the file in the change list (a path relative to the working directory). */
  name: string;
  /** Bypasses encoding detection, as for `lint`. CSV only. */
  encoding?: string;
  /**
   * `xlsx` or `ods` reads a workbook's sheet (`tableFormatOf(name)` tells by the file name) and
   * writes it as CSV; default CSV.
   */
  format?: TableFormat;
  /** The workbook's sheet: name or 1-based position; default the first. */
  sheet?: string | number;
  /** Members given here are used as is; the others are sniffed. */
  dialect?: Partial<Dialect>;
  /** Line ending of the fixed file: `"\n"` (default) or `"\r\n"` (RFC 4180). */
  lineEnding?: "\n" | "\r\n";
  /**
   * Personal data the personal-data check detects: left as it is (default), each value masked
   * (`"value"`), or its column removed (`"column"`; values found inside free text are masked).
   */
  maskPersonal?: false | "value" | "column";
}

/** One change: where (file, row, column) and what, before → after. */
export interface FixChange {
  file: string;
  kind: FixKind;
  /** Logical record number (the header is 1); absent for a change to the whole file. */
  rowNumber?: number;
  /** 1-based position of the column in the source file. */
  fieldNumber?: number;
  /** The schema field (or the label of a column the schema does not know). */
  fieldName?: string;
  /** Values as a message quotes them: personal values masked, long ones cut. */
  before: string;
  after: string;
}

/** Something seen and left alone, with its reason (docs/fix.md). */
export interface FixNote {
  id: FixNoteId;
  fieldName?: string;
  /** Cells concerned. */
  cells?: number;
  /** The note in French and English. */
  message: { fr: string; en: string };
}

export interface FixResult {
  file: string;
  /**
   * The fixed table as UTF-8 CSV text (`,`, `"`, the chosen line ending, no BOM). Undefined when
   * the source could not be read whole and faithfully: see `problems`.
   */
  text?: string;
  /** At least one change was made: the text differs from the source in its content or its form. */
  changed: boolean;
  changes: FixChange[];
  /** Changes counted per kind, in the order of {@link FIX_KINDS}. */
  summary: { kind: FixKind; count: number }[];
  notes: FixNote[];
  /** What prevented a faithful copy (undecodable bytes, an unterminated quote, a cut cell, an empty file...). */
  problems: ReadProblem[];
  /** The source's encoding and dialect, as read (a workbook: UTF-8 and the CSV defaults). */
  encoding: string;
  dialect: Dialect;
  /** The sheet read, for a workbook. */
  sheet?: SheetRef;
  /** Data rows (the header excluded). */
  rows: number;
}

/** Column-wide facts a single cell cannot show. */
interface ColumnFacts {
  /** Some date is month first (12/31/2024): no date of the column is read day first. */
  monthFirst: boolean;
  /** Some cell writes a decimal point: a lone `1,234` may then hold a thousands separator. */
  points: boolean;
}

/**
 * A value repair: the corrected candidates for a trimmed cell its field refuses. A repair is
 * applied when exactly one candidate passes the field's type and constraints.
 */
interface Repair {
  kind: FixKind;
  candidates(cell: string, field: FieldDescriptor, facts: ColumnFacts): (string | undefined)[];
}

const typeOf = (field: FieldDescriptor): string => field.type ?? "string";

/** Tried in turn; the damage that most constrains a value comes first. */
const REPAIRS: readonly Repair[] = [
  { kind: "excelScientific", candidates: (cell, field) => (typeOf(field) === "string" || typeOf(field) === "integer" ? [digitsFromScientific(cell)] : []) },
  { kind: "leadingZeros", candidates: (cell, field) => (typeOf(field) === "string" ? leadingZerosCandidates(cell) : []) },
  {
    kind: "frenchDate",
    candidates: (cell, field, facts) => {
      if (facts.monthFirst) return [];
      const type = typeOf(field);
      if (type === "datetime") return [isoDatetimeFromFrench(cell)];
      return type === "date" || type === "string" ? [isoFromFrench(cell)] : [];
    },
  },
  {
    kind: "decimalComma",
    candidates: (cell, field, facts) => {
      const type = typeOf(field);
      const decimalChar = typeof field.decimalChar === "string" ? field.decimalChar : ".";
      return (type === "number" && decimalChar === ".") || type === "string" ? [certainPointForComma(cell, facts.points)] : [];
    },
  },
  { kind: "integerDecimals", candidates: (cell, field) => (typeOf(field) === "integer" ? [wholeFromDecimals(cell)] : []) },
  { kind: "booleanValues", candidates: (cell, field) => (typeOf(field) === "boolean" ? [booleanSpelling(cell, field)] : []) },
  { kind: "enumCase", candidates: (cell, field) => [enumMatch(cell, field)] },
];

const POINT_DECIMAL = /^[+-]?\d+\.\d+$/;

/** A field's judgement of a cell: missing values pass unless the field is required. */
function passes(field: CompiledField, cell: string): boolean {
  if (field.isMissing(cell)) return !field.required;
  const value = field.cast(cell);
  return value !== INVALID && field.check(value, cell) === null;
}

/** The fixed value of one cell and the kind of fix, or undefined to keep it as it is. */
function fixCell(raw: string, field: CompiledField, facts: ColumnFacts, guard?: (value: string) => boolean): { value: string; kind: FixKind } | undefined {
  const trimmed = raw.trim();
  if (passes(field, raw)) return trimmed !== raw && passes(field, trimmed) ? { value: trimmed, kind: "trim" } : undefined;
  if (trimmed !== raw && passes(field, trimmed)) return { value: trimmed, kind: "trim" };
  if (trimmed === "") return undefined;
  for (const repair of REPAIRS) {
    const accepted = new Set(
      repair
        .candidates(trimmed, field.descriptor, facts)
        .filter((c): c is string => c !== undefined && c !== trimmed && !field.isMissing(c) && passes(field, c) && (guard?.(c) ?? true)),
    );
    if (accepted.size === 1) return { value: [...accepted][0]!, kind: repair.kind };
    // Two candidates that both pass (a pattern allowing 5 or 6 digits): nothing is certain.
    if (accepted.size > 1) return undefined;
  }
  return undefined;
}

/**
 * Identifier checks a repaired value must pass as well, by field name: the schema's Validata
 * custom checks of SIRET and SIREN. A 13-digit number whose zero-padded form fails the Luhn key
 * was no SIRET that lost its zero, and the fix must not trade a pattern error for a key error.
 */
function identifierGuards(schema: TableSchema): Map<string, (value: string) => boolean> {
  const guards = new Map<string, (value: string) => boolean>();
  for (const custom of schema.custom_checks ?? []) {
    const column = custom.params?.column;
    if (typeof column !== "string") continue;
    if (custom.name === "french-siret-value" || custom.name === "siret") guards.set(column, isValidSiret);
    if (custom.name === "french-siren-value" || custom.name === "siren") guards.set(column, isValidSiren);
  }
  return guards;
}

/** A change before its values are quoted; `column` is its column in the fixed file. */
interface RawChange extends FixChange {
  column?: number;
}

/**
 * Writes a corrected copy of a table: what is mechanical and certain is fixed, the rest is left
 * as it is (docs/fix.md). The source is read as `lint` reads it (encoding detected over the
 * whole stream, dialect sniffed); the result is UTF-8 CSV with `,` and `"`, without BOM, each
 * record ending with `lineEnding`. Header labels equal to schema names up to case, accents and
 * separators get the exact names, in schema order (columns the schema does not know follow);
 * cell values the field refuses get the one corrected value that passes. Every change is listed
 * with its row and column, values quoted as findings quote them (personal values masked).
 * Browser-safe: the whole table is held in memory (the fix writes a whole file anyway), and the
 * column-wide guards (dates month first, decimal points) need every row before the first fix.
 * Throws a `FieldError` when the schema cannot drive validation, as `createValidator` does.
 */
export async function fixTable(source: ByteSource, schema: TableSchema, options: FixOptions): Promise<FixResult> {
  const file = options.name;
  const eol = options.lineEnding ?? "\n";
  const schemaMissing = schema.missingValues ?? [""];
  const fields = schema.fields.map((descriptor, index) => compileField(descriptor, schemaMissing, `fields[${index}]`));
  const records: string[][] = [];
  const problems: ReadProblem[] = [];
  const read = await readTable(
    source,
    { encoding: options.encoding, dialect: options.dialect, format: options.format, sheet: options.sheet },
    {
      record(cells) {
        records.push(cells);
      },
      problem(problem) {
        problems.push(problem);
      },
    },
  );
  const result: FixResult = {
    file,
    changed: false,
    changes: [],
    summary: [],
    notes: [],
    problems,
    encoding: read.encoding,
    dialect: read.dialect,
    ...(read.sheet && { sheet: read.sheet }),
    rows: Math.max(0, records.length - 1),
  };
  if (problems.length > 0 || records.length === 0) return result;

  const changes: RawChange[] = [];
  // A workbook becomes a CSV file: its sheet is named, and the form of CSV text is not compared.
  if (read.sheet) changes.push({ file, kind: "workbook", before: `${read.sheet.format.toUpperCase()} « ${read.sheet.name} »`, after: "CSV" });
  else {
    if (read.encoding !== "utf-8") changes.push({ file, kind: "encoding", before: read.encoding, after: "utf-8" });
    if (read.bom) changes.push({ file, kind: "bom", before: "BOM", after: "" });
    if (read.dialect.delimiter !== "," && records.some((cells) => cells.length > 1)) changes.push({ file, kind: "delimiter", before: read.dialect.delimiter, after: "," });
    if (read.dialect.lineTerminator !== eol && records.length > 1)
      changes.push({ file, kind: "lineEnding", before: lineEndingName(read.dialect.lineTerminator), after: lineEndingName(eol) });
  }

  const header = records[0]!;
  const labels = header.map(normaliseLabel);
  // The source column of each schema field, -1 when absent.
  let positions: number[];
  const exact = labels.length === fields.length && labels.every((label, index) => label === fields[index]!.name);
  const notes: FixNote[] = [];
  if (exact) {
    positions = fields.map((_, index) => index);
  } else if (labels.length > 0 && chooseHeaderMode(labels, fields) === "validata") {
    positions = matchLabels(labels, fields, true).positions;
  } else {
    // Not the schema's header (another table, or a file whose first line is data): which
    // column holds which field is not certain, so no label, order or value is touched.
    positions = fields.map(() => -1);
    notes.push(note("headerNotRecognised", {}));
  }
  const fieldAt = new Map<number, number>();
  positions.forEach((position, index) => {
    if (position >= 0) fieldAt.set(position, index);
  });
  const matched = positions.filter((position) => position >= 0);
  const reorder = matched.some((position, k) => k > 0 && position < matched[k - 1]!);
  // Source column of each column of the fixed file: schema order, then the others as they came.
  const order = reorder ? [...matched, ...header.map((_, position) => position).filter((position) => !fieldAt.has(position))] : header.map((_, position) => position);
  const columnOf = new Map(order.map((position, column) => [position, column]));

  const outLabels = order.map((position) => {
    const index = fieldAt.get(position);
    return index === undefined ? header[position]! : fields[index]!.name;
  });
  order.forEach((position, column) => {
    const before = header[position]!;
    if (outLabels[column] !== before)
      changes.push({ file, kind: "header", rowNumber: 1, fieldNumber: position + 1, fieldName: outLabels[column], before, after: outLabels[column]!, column });
  });
  if (reorder) {
    // Before: the recognised columns as the file had them; after: in schema order.
    const asRead = [...matched].sort((a, b) => a - b).map((position) => labels[position]);
    changes.push({ file, kind: "columnOrder", rowNumber: 1, before: asRead.join(", "), after: matched.map((position) => fields[fieldAt.get(position)!]!.name).join(", ") });
  }

  const guards = identifierGuards(schema);
  const facts: ColumnFacts[] = fields.map(() => ({ monthFirst: false, points: false }));
  for (let r = 1; r < records.length; r++) {
    const cells = records[r]!;
    for (const [position, index] of fieldAt) {
      const cell = cells[position]?.trim();
      if (cell === undefined) continue;
      const fact = facts[index]!;
      if (!fact.monthFirst && isMonthFirst(cell)) fact.monthFirst = true;
      if (!fact.points && POINT_DECIMAL.test(cell)) fact.points = true;
    }
  }

  const leftMonthFirst = new Map<number, number>();
  const rows: string[][] = [];
  for (let r = 1; r < records.length; r++) {
    const cells = records[r]!;
    const rowNumber = r + 1;
    const out: string[] = [];
    for (let column = 0; column < order.length; column++) {
      const position = order[column]!;
      if (position >= cells.length) {
        // Only a reordered row gets a cell for each column: a short row kept in order stays short.
        if (reorder && cells.length > 0) {
          out.push("");
          changes.push({ file, kind: "missingCell", rowNumber, fieldNumber: position + 1, fieldName: outLabels[column], before: "", after: "", column });
        }
        continue;
      }
      const raw = cells[position]!;
      const index = fieldAt.get(position);
      const fixed = index === undefined ? undefined : fixCell(raw, fields[index]!, facts[index]!, guards.get(fields[index]!.name));
      if (fixed) {
        changes.push({ file, kind: fixed.kind, rowNumber, fieldNumber: position + 1, fieldName: outLabels[column], before: raw, after: fixed.value, column });
        out.push(fixed.value);
      } else {
        out.push(raw);
        if (index !== undefined && facts[index]!.monthFirst && FRENCH_DATE.test(raw.trim()) && !passes(fields[index]!, raw)) {
          leftMonthFirst.set(index, (leftMonthFirst.get(index) ?? 0) + 1);
        }
      }
    }
    // Cells past the header's columns stay at the end, in their order.
    for (let position = header.length; position < cells.length; position++) out.push(cells[position]!);
    rows.push(out);
  }
  for (const [index, cells] of leftMonthFirst) notes.push(note("monthFirstDates", { fieldName: fields[index]!.name, cells }));

  const personal = await personalColumns(
    outLabels,
    rows,
    fields,
    positions.map((position) => (position < 0 ? -1 : columnOf.get(position)!)),
  );
  let finalLabels = outLabels;
  let finalRows = rows;
  if (options.maskPersonal) {
    const removed = new Set<number>();
    for (const [column, found] of personal) {
      if (!found.flagged) continue;
      if (found.wholeColumn && options.maskPersonal === "column") {
        removed.add(column);
        changes.push({
          file,
          kind: "removePersonalColumn",
          rowNumber: 1,
          fieldNumber: order[column]! + 1,
          fieldName: outLabels[column],
          before: outLabels[column]!,
          after: "",
          column,
        });
        continue;
      }
      rows.forEach((row, r) => {
        const cell = row[column];
        if (cell === undefined || cell.trim() === "") return;
        const masked = found.wholeColumn ? found.mask(cell) : maskPersonalValues(cell);
        if (masked === cell) return;
        row[column] = masked;
        changes.push({ file, kind: "maskPersonal", rowNumber: r + 2, fieldNumber: order[column]! + 1, fieldName: outLabels[column], before: cell, after: masked, column });
      });
    }
    if (removed.size > 0) {
      finalLabels = outLabels.filter((_, column) => !removed.has(column));
      finalRows = rows.map((row) => row.filter((_, column) => !removed.has(column)));
    }
  }

  const lines = [csvRecord(finalLabels), ...finalRows.map(csvRecord)];
  result.text = lines.join(eol) + eol;
  result.changes = sortChanges(changes).map(({ column, ...change }) => quoteChange(change, column === undefined ? undefined : personal.get(column)?.mask));
  result.summary = summarise(result.changes);
  result.changed = result.changes.length > 0;
  result.notes = notes;
  return result;
}

function note(id: FixNoteId, data: { fieldName?: string; cells?: number }): FixNote {
  const template = FIX_NOTES[id];
  return { id, ...data, message: { fr: renderMessage(template, "fr", data), en: renderMessage(template, "en", data) } };
}

function lineEndingName(eol: string): string {
  return eol === "\r\n" ? "CRLF" : eol === "\n" ? "LF" : JSON.stringify(eol);
}

/** RFC 4180 quoting, only where needed (Python's QUOTE_MINIMAL): a comma, a quote or a line break. */
function csvRecord(cells: readonly string[]): string {
  // A record of one empty cell is written "" so that it does not read back as an empty line.
  if (cells.length === 1 && cells[0] === "") return '""';
  return cells.map((cell) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)).join(",");
}

const KIND_ORDER = new Map(Object.keys(FIX_KINDS).map((kind, index) => [kind, index]));

/** File-level changes first, then by row, then by column. */
function sortChanges(changes: RawChange[]): RawChange[] {
  return changes
    .map((change, index) => ({ change, index }))
    .sort((a, b) => (a.change.rowNumber ?? 0) - (b.change.rowNumber ?? 0) || (a.change.column ?? -1) - (b.change.column ?? -1) || a.index - b.index)
    .map(({ change }) => change);
}

function summarise(changes: readonly FixChange[]): { kind: FixKind; count: number }[] {
  const counts = new Map<FixKind, number>();
  for (const change of changes) counts.set(change.kind, (counts.get(change.kind) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => KIND_ORDER.get(a)! - KIND_ORDER.get(b)!).map(([kind, count]) => ({ kind, count }));
}

/** Values of the change list as findings show them: masked by the column's mask when the column is personal. */
function quoteChange(change: FixChange, mask: ((value: string) => string) | undefined): FixChange {
  if (change.rowNumber === undefined) return change;
  // The list of column names is not cut: each name is as short as a label.
  if (change.kind === "columnOrder") return { ...change, before: maskPersonalValues(change.before), after: change.after };
  const show = (value: string) => (value === "" ? "" : quoteValue(mask && change.rowNumber !== 1 ? mask(value) : value));
  return { ...change, before: show(change.before), after: show(change.after), ...(change.fieldName === undefined ? {} : { fieldName: quoteValue(change.fieldName) }) };
}

interface PersonalColumn {
  mask: (value: string) => string;
  /** The check's verdict covers the whole column (not only values inside free text). */
  wholeColumn: boolean;
  /** Reported as an error or a warning: an exempt column (elected officials, a directory) is info only. */
  flagged: boolean;
}

/**
 * Columns of the fixed table the personal-data check finds personal, by column of the fixed
 * file: the same check `lint` runs, over the same values, with the schema's fields declared.
 */
async function personalColumns(labels: string[], rows: string[][], fields: readonly CompiledField[], columnOfField: number[]): Promise<Map<number, PersonalColumn>> {
  const check = personalDataCheck as unknown as RowCheck<Record<string, unknown>>;
  await check.prepare?.();
  const found = new Map<number, PersonalColumn>();
  const fieldIndex = new Map(fields.map((field, index) => [field.name, index]));
  const table: TableInfo = {
    fieldNames: fields.map((field) => field.name),
    declaredFields: fields.map(({ descriptor }) => ({ name: descriptor.name, title: descriptor.title, description: descriptor.description })),
    labels,
    fieldIndex: (name) => {
      const index = fieldIndex.get(name);
      return index === undefined ? -1 : columnOfField[index]!;
    },
  };
  const visitor = check.create({
    options: {},
    table,
    report(draft) {
      if (draft.fieldNumber === undefined) return;
      const severity: Severity = draft.severity ?? check.meta.severity;
      const column = found.get(draft.fieldNumber - 1);
      if (column && severity !== "info") column.flagged = true;
      if (column && draft.rowNumber === undefined) column.wholeColumn = true;
    },
    markSensitiveColumn(fieldNumber, mask) {
      const column = found.get(fieldNumber - 1);
      if (column) column.mask = mask;
      else found.set(fieldNumber - 1, { mask, wholeColumn: false, flagged: false });
    },
  });
  visitor.header?.(table);
  let cells: readonly string[] = [];
  let rowNumber = 1;
  const view: RowView = {
    get rowNumber() {
      return rowNumber;
    },
    get line() {
      return rowNumber;
    },
    get cells() {
      return cells;
    },
    get: (name) => {
      const column = table.fieldIndex(name);
      return column < 0 ? undefined : cells[column];
    },
    value: (name) => {
      const index = fieldIndex.get(name);
      const column = table.fieldIndex(name);
      if (index === undefined || column < 0) return undefined;
      const raw = cells[column];
      if (raw === undefined) return undefined;
      const field = fields[index]!;
      if (field.isMissing(raw)) return null;
      const value = field.cast(raw);
      return value === INVALID ? undefined : value;
    },
  };
  for (let r = 0; r < rows.length; r++) {
    cells = rows[r]!;
    rowNumber = r + 2;
    if (cells.some((cell) => cell !== "")) visitor.row?.(view);
  }
  visitor.end?.();
  return found;
}
