import type { ReadProblem, TableSink } from "../read-table.js";
import { DEFAULT_OPTIONS } from "../../options.js";

/** The largest sheet Excel and LibreOffice make: XFD1048576 (16,384 columns, 1,048,576 rows). */
export const MAX_COLUMNS = 16_384;
export const MAX_ROWS = 1_048_576;

/** Cells of one sheet row as a reader found them: sparse, by 0-based column. */
export interface SheetRow {
  /** 1-based row of the sheet. */
  row: number;
  values: string[];
  /** 0-based columns whose cell the spreadsheet stored as a number (not a date, not text). */
  numbers?: Set<number>;
}

export interface RowLimits {
  maxCellLength?: number;
  maxRowLength?: number;
}

const DEFAULT_MAX_CELL: number = DEFAULT_OPTIONS.maxCellLength;
const DEFAULT_MAX_ROW: number = DEFAULT_OPTIONS.maxRowLength;

/**
 * Turns sheet rows into the records a CSV of the sheet would have, as a data officer's "save as
 * CSV" makes it: the first non-empty row is the header (row 1), leading empty rows are skipped,
 * empty rows between data rows are blank records, and the empty rows after the last data row
 * (LibreOffice writes a million of them, repeated) are no rows at all. A record is as wide as
 * the header: an empty cell the XML leaves out is an empty cell, not a missing one; cells past
 * the header are kept up to the last non-empty one (extra cells).
 */
export class RowAssembler {
  records = 0;
  stopped = false;
  private width = 0;
  /** Sheet rows of the empty rows met since the last data row, written only if data follows. */
  private pendingEmpty: Array<{ first: number; count: number }> = [];
  private readonly maxCell: number;
  private readonly maxRow: number;

  constructor(
    private readonly sink: TableSink,
    limits: RowLimits,
  ) {
    this.maxCell = limits.maxCellLength ?? DEFAULT_MAX_CELL;
    this.maxRow = limits.maxRowLength ?? DEFAULT_MAX_ROW;
  }

  /** Empty rows (`count` of them from sheet row `first`): they count only if data follows. */
  empty(first: number, count = 1): void {
    if (this.records === 0 || count <= 0) return;
    const last = this.pendingEmpty[this.pendingEmpty.length - 1];
    if (last && last.first + last.count === first) last.count += count;
    else this.pendingEmpty.push({ first, count });
  }

  /** One row; returns false once the sink stopped reading. */
  row(row: SheetRow): boolean {
    if (this.stopped) return false;
    let last = -1;
    for (let k = row.values.length - 1; k >= 0; k--) {
      const value = row.values[k];
      if (value !== undefined && value !== "") {
        last = k;
        break;
      }
    }
    if (last < 0) {
      this.empty(row.row);
      return true;
    }
    for (const { first, count } of this.pendingEmpty) {
      for (let k = 0; k < count; k++) {
        if (this.sink.record([], ++this.records, first + k) === false) {
          this.stopped = true;
          return false;
        }
      }
    }
    this.pendingEmpty = [];
    const rowNumber = this.records + 1;
    if (rowNumber === 1) this.width = last + 1;
    const length = Math.max(this.width, last + 1);
    const cells: string[] = new Array(length);
    let total = 0;
    let kept = length;
    for (let k = 0; k < length; k++) {
      let value = row.values[k] ?? "";
      if (value.length > this.maxCell) {
        this.problem({ code: "oversized-cell", messageId: "default", rowNumber, line: row.row, fieldNumber: k + 1, data: { length: value.length, limit: this.maxCell } });
        value = value.slice(0, this.maxCell);
      }
      total += value.length + 1;
      if (total > this.maxRow) {
        this.problem({ code: "oversized-row", messageId: "default", rowNumber, line: row.row, data: { length: total, limit: this.maxRow } });
        kept = k;
        break;
      }
      cells[k] = value;
    }
    if (kept < length) cells.length = kept;
    this.records = rowNumber;
    if (this.sink.record(cells, rowNumber, row.row, row.numbers) === false) {
      this.stopped = true;
      return false;
    }
    return true;
  }

  problem(problem: ReadProblem): void {
    this.sink.problem(problem);
  }
}
