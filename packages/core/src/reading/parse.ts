import type { Dialect } from "../report.js";
import { DEFAULT_OPTIONS } from "../options.js";

/** Receives the records of a {@link createCsvParser} parser, synchronously, in order. */
export interface CsvSink {
  /**
   * One record. `line` is the 1-based physical line where the record starts. Return `false` to
   * stop: the parser then ignores everything pushed afterwards.
   */
  record(cells: string[], line: number): boolean | void;
  /**
   * Malformed quoting. Called before the record it concerns is passed to `record`, so that
   * record's number is the count of records emitted so far plus one.
   */
  error(error: { message: string; line: number }): void;
  /**
   * A cell or a record longer than the parser's limits, cut. Called before the record it
   * concerns is passed to `record`, like `error`.
   */
  oversize?(oversize: Oversize): void;
}

/**
 * A cut cell (`kind: "cell"`, with its 1-based `fieldNumber`) or a cut record (`kind: "row"`):
 * `length` is the length read in the file, `limit` the length kept, in UTF-16 code units.
 */
export interface Oversize {
  kind: "cell" | "row";
  line: number;
  fieldNumber?: number;
  length: number;
  limit: number;
}

/** Bounds on what one record may hold in memory, in UTF-16 code units (about one per byte). */
export interface ParseLimits {
  /** Longest cell kept; longer cells are cut and reported. */
  maxCellLength?: number;
  /**
   * Longest record kept, its cells and delimiters counted: past it, cells are cut to what is
   * left, then dropped, and the record is reported once.
   */
  maxRowLength?: number;
}

/** 1 MiB per cell: a long free-text cell fits many times over; a swallowed file does not. */
export const DEFAULT_MAX_CELL_LENGTH: number = DEFAULT_OPTIONS.maxCellLength;
/** 16 MiB per record: a wide table of long cells fits; a file with no line break does not. */
export const DEFAULT_MAX_ROW_LENGTH: number = DEFAULT_OPTIONS.maxRowLength;

export interface CsvParser {
  push(text: string): void;
  end(): void;
  /** Records emitted so far. */
  readonly records: number;
  /** 1-based physical line of the next character to be read. */
  readonly line: number;
}

const LF = 10;
const CR = 13;

// States of Python's csv reader (Modules/_csv.c), which frictionless-py uses with strict mode
// off. START_RECORD is START_FIELD with no field saved yet.
const START_FIELD = 0;
const IN_FIELD = 1;
const IN_QUOTED = 2;
const QUOTE_IN_QUOTED = 3;

/**
 * A streaming CSV parser with the semantics of Python's `csv.reader` (doublequote on, strict
 * off, file opened with `newline=""`), fed text in chunks of any size:
 * - a quote opens a quoted field only at the start of a field; elsewhere it is literal;
 * - after a closing quote, a character other than a quote, delimiter or line break is appended
 *   and the field continues unquoted (`"ab"c` reads `abc`);
 * - CRLF, LF and a lone CR each end a line; an empty line is the record `[]`;
 * - an unterminated quote swallows the rest of the input into one cell (frictionless-py Quirk
 *   15); conforme additionally reports it through `sink.error`.
 *
 * Chosen over papaparse on measured speed and on these semantics; see
 * `scripts/parser-bench.mjs`.
 */
export function createCsvParser(dialect: Pick<Dialect, "delimiter" | "quoteChar">, sink: CsvSink, limits: ParseLimits = {}): CsvParser {
  const delimiter = dialect.delimiter.charCodeAt(0);
  const delimiterChar = dialect.delimiter;
  const quoteChar = dialect.quoteChar;
  const quote = quoteChar.charCodeAt(0);
  if (dialect.delimiter.length !== 1 || quoteChar.length !== 1 || delimiter === quote) {
    throw new RangeError(`unsupported CSV dialect: delimiter ${JSON.stringify(dialect.delimiter)}, quote ${JSON.stringify(quoteChar)}`);
  }

  const maxCell = positiveLimit(limits.maxCellLength, DEFAULT_MAX_CELL_LENGTH);
  const maxRow = positiveLimit(limits.maxRowLength, DEFAULT_MAX_ROW_LENGTH);

  let state = START_FIELD;
  let fields: string[] = [];
  // Part of the current field read so far, when it spans chunks or holds doubled quotes.
  let field = "";
  // Length of the current field in the file; more than field.length once it is cut.
  let fieldLength = 0;
  // Length of the record in the file so far (finished cells and their delimiters), and what of
  // it is kept: a string is never built beyond the limits, whatever the input. rowCut: the
  // record ran out of room.
  let rowLength = 0;
  let rowKept = 0;
  let rowCut = false;
  // The last character consumed was a CR: a following LF belongs to the same line break.
  let afterCR = false;
  let line = 1;
  let recordLine = 1;
  let quoteLine = 1;
  let records = 0;
  let stopped = false;

  // Appends s[from, to) to the current field, as far as the limits allow.
  function append(s: string, from: number, to: number): void {
    fieldLength += to - from;
    const room = Math.min(maxCell, maxRow - rowKept) - field.length;
    if (room <= 0) return;
    field += to - from <= room ? (from === 0 && to === s.length ? s : s.slice(from, to)) : s.slice(from, from + room);
  }

  // Ends the current field: kept in the record unless the record is already full.
  function finishField(): void {
    const length = fieldLength;
    const kept = field;
    field = "";
    fieldLength = 0;
    if (length > kept.length) {
      if (length > maxCell) sink.oversize?.({ kind: "cell", line: recordLine, fieldNumber: fields.length + 1, length, limit: maxCell });
      // Cut shorter than the cell limit: the record's room ran out.
      if (kept.length < Math.min(length, maxCell)) rowCut = true;
    }
    rowLength += length + 1;
    if (rowKept >= maxRow) {
      rowCut = true;
      return;
    }
    rowKept += kept.length + 1;
    fields.push(kept);
  }

  // The fast path of unquoted fields: the whole field is s[from, to), nothing read before it.
  function pushField(s: string, from: number, to: number): void {
    const length = to - from;
    if (field === "" && fieldLength === 0 && length <= maxCell && rowKept + length < maxRow) {
      fields.push(s.slice(from, to));
      rowLength += length + 1;
      rowKept += length + 1;
      return;
    }
    append(s, from, to);
    finishField();
  }

  function emit(): void {
    // The record's room ran out: cells were cut short or dropped (a cell only too long for the
    // cell limit is reported by itself).
    if (rowCut) sink.oversize?.({ kind: "row", line: recordLine, length: rowLength - 1, limit: maxRow });
    rowCut = false;
    rowLength = 0;
    rowKept = 0;
    const cells = fields;
    fields = [];
    records++;
    if (sink.record(cells, recordLine) === false) stopped = true;
  }

  function push(s: string): void {
    const n = s.length;
    let i = 0;
    // Cached positions of the next delimiter, LF and CR in this chunk: unquoted fields end at
    // the nearest, and line breaks inside quoted fields are counted without a second pass.
    let nextDelim = -1;
    let nextLF = -1;
    let nextCR = -1;
    while (i < n && !stopped) {
      if (state === START_FIELD) {
        const c = s.charCodeAt(i);
        if (c === LF || c === CR) {
          i++;
          if (c === LF && afterCR) {
            // The LF of a CRLF whose CR ended the record.
            afterCR = false;
            continue;
          }
          // An empty line is the record []; after a delimiter, the last field is empty.
          if (rowLength > 0) finishField();
          emit();
          recordLine = ++line;
          afterCR = c === CR;
          continue;
        }
        afterCR = false;
        if (c === quote) {
          state = IN_QUOTED;
          quoteLine = line;
          i++;
          continue;
        }
        if (c === delimiter) {
          finishField();
          i++;
          continue;
        }
        state = IN_FIELD;
      }

      if (state === IN_FIELD) {
        // Unquoted text runs to the next delimiter or line break. indexOf beats a charCodeAt
        // loop here (measured with scripts/parser-bench.mjs); the positions are cached for the
        // chunk and searched again only once passed. Each needle has this one call site: see
        // the note on searching at the end of this file.
        if (nextDelim < i) nextDelim = indexOrEnd(s, delimiterChar, i);
        if (nextLF < i) nextLF = indexOrEnd(s, "\n", i);
        if (nextCR < i) nextCR = indexOrEnd(s, "\r", i);
        let j = nextDelim < nextLF ? nextDelim : nextLF;
        if (nextCR < j) j = nextCR;
        if (j === n) {
          append(s, i, n);
          return;
        }
        pushField(s, i, j);
        state = START_FIELD;
        const c = s.charCodeAt(j);
        i = j + 1;
        if (c !== delimiter) {
          emit();
          recordLine = ++line;
          afterCR = c === CR;
        }
        continue;
      }

      if (state === IN_QUOTED) {
        // The quoted text runs to the next quote. Its line breaks (a CR, or an LF not preceded
        // by a CR) are counted with a character loop, NOT with indexOf: see the note on
        // searching at the end of this file.
        const q = indexOrEnd(s, quoteChar, i);
        let prevCR = afterCR;
        for (let k = i; k < q; k++) {
          const c = s.charCodeAt(k);
          if (c === CR) {
            line++;
            prevCR = true;
          } else {
            if (c === LF && !prevCR) line++;
            prevCR = false;
          }
        }
        append(s, i, q);
        if (q === n) {
          afterCR = prevCR;
          return;
        }
        afterCR = false;
        state = QUOTE_IN_QUOTED;
        i = q + 1;
        continue;
      }

      // QUOTE_IN_QUOTED: the character after a quote inside a quoted field.
      const c = s.charCodeAt(i);
      i++;
      if (c === quote) {
        append(quoteChar, 0, 1);
        state = IN_QUOTED;
      } else if (c === delimiter) {
        finishField();
        state = START_FIELD;
      } else if (c === LF || c === CR) {
        finishField();
        state = START_FIELD;
        emit();
        recordLine = ++line;
        afterCR = c === CR;
      } else {
        append(s, i - 1, i);
        state = IN_FIELD;
      }
    }
  }

  function end(): void {
    if (stopped) return;
    if (state === IN_QUOTED) {
      sink.error({ message: "unterminated quoted field: the rest of the file was read as one cell", line: quoteLine });
    }
    if (state !== START_FIELD) {
      finishField();
      state = START_FIELD;
      emit();
    } else if (rowLength > 0) {
      // A last line ending with a delimiter and no line break.
      finishField();
      emit();
    }
  }

  return {
    push,
    end,
    get records() {
      return records;
    },
    get line() {
      return line;
    },
  };
}

function positiveLimit(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value >= 1 ? Math.floor(value) : fallback;
}

// A note on searching. V8's optimizing compiler (TurboFan, Node 20 / V8 11.3) treats
// `s.indexOf(c, i)` as a pure operation: two calls with the same receiver, needle and position
// in different branches are merged into one (value numbering) and scheduled where both branches
// can use it, that is unconditionally, at the top of the loop, outside the `if (next < i)`
// guards that make the cached positions above worthwhile. A search for a character absent from
// the chunk (a CR in a file with LF line ends) then scans the rest of the chunk for every
// field: each 1 MiB chunk took ~1.5 s instead of ~10 ms once the loop was optimized, depending on
// compilation timing (about one run in three, every run with --no-concurrent-recompilation).
// Hence: one call site per needle, and no indexOf on the quoted-field path. Guarded by the
// "time per chunk stays flat" test in parse.test.ts.
function indexOrEnd(s: string, needle: string, from: number): number {
  const k = s.indexOf(needle, from);
  return k === -1 ? s.length : k;
}
