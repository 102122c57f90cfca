export { createDecoder, type DecodeError, type DecodeResult, type DecoderOptions, type StreamDecoder } from "./decode.js";
export { createCsvParser, type CsvParser, type CsvSink } from "./parse.js";
export {
  readTable,
  tableFormatOf,
  SNIFF_BYTES,
  type ByteSource,
  type ReadOptions,
  type ReadProblem,
  type ReadResult,
  type SheetRef,
  type SpreadsheetFormat,
  type TableFormat,
  type TableSink,
} from "./read-table.js";
export type { SpreadsheetLimits } from "./spreadsheet/read-sheet.js";
export { sniffDialect, SNIFF_DELIMITERS, SNIFF_LINES } from "./sniff.js";
