export { createDecoder, type DecodeError, type DecodeResult, type DecoderOptions, type StreamDecoder } from "./decode.js";
export { createCsvParser, type CsvParser, type CsvSink } from "./parse.js";
export { readTable, SNIFF_BYTES, type ByteSource, type ReadOptions, type ReadProblem, type ReadResult, type TableSink } from "./read-table.js";
export { sniffDialect, SNIFF_DELIMITERS, SNIFF_LINES } from "./sniff.js";
