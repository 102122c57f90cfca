import { DEFAULT_OPTIONS } from "../options.js";

/**
 * First rows of a file, as read, for the HTML report's preview with failing cells highlighted.
 * Never part of the JSON report: cells may be personal. The engine hands them out with the
 * cells of every column a check declared personal already masked.
 */
export interface PreviewTable {
  labels: string[];
  rows: string[][];
  /** Row number (header = 1) of `rows[0]`; defaults to 2. */
  firstRowNumber?: number;
}

/** Rows shown by default: enough to see the file's shape, few enough to print on one page. */
export const DEFAULT_PREVIEW_ROWS: number = DEFAULT_OPTIONS.previewRows;

/** Asks the validator for a preview of the first `rows` data rows, handed to `collect` at the end. */
export interface PreviewRequest {
  rows: number;
  collect(table: PreviewTable): void;
}
