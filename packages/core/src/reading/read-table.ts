import type { Dialect } from "../report.js";
import { createDecoder, type DecodeError, type DecodeResult, type StreamDecoder } from "./decode.js";
import { createCsvParser, type CsvParser, type ParseLimits } from "./parse.js";
import { sniffDialect } from "./sniff.js";
import type { SpreadsheetLimits } from "./spreadsheet/read-sheet.js";

/**
 * Bytes of a table, as a web stream or any async iterable (a Node read stream is one), or all
 * at once (a file dropped on a web page, read with `arrayBuffer()`).
 */
export type ByteSource = AsyncIterable<Uint8Array> | ReadableStream<Uint8Array> | Uint8Array;

/** Workbook formats read beside CSV. */
export type SpreadsheetFormat = "xlsx" | "ods";
/** How a table's bytes are read: CSV text (the default) or a workbook's sheet. */
export type TableFormat = "csv" | SpreadsheetFormat;

/** The sheet a spreadsheet table was read from; `index` is its 1-based position in the workbook. */
export interface SheetRef {
  format: SpreadsheetFormat;
  name: string;
  index: number;
}

/**
 * The format a file name announces: `.xlsx` (and macro-enabled `.xlsm`) and `.ods` are
 * workbooks, anything else is read as CSV text. A workbook renamed `.csv` stays CSV, and is
 * refused there by its zip signature (`source-error`, `binary`).
 */
export function tableFormatOf(name: string): TableFormat {
  const match = /\.([a-z]+)$/i.exec(name);
  const extension = match?.[1]?.toLowerCase();
  if (extension === "xlsx" || extension === "xlsm") return "xlsx";
  if (extension === "ods") return "ods";
  return "csv";
}

export interface ReadOptions extends ParseLimits {
  /** Bypasses encoding detection ("utf-8", "windows-1252", "iso-8859-1", or a WHATWG label). CSV only. */
  encoding?: string;
  /** Members given here are used as is; the others are sniffed. CSV only. */
  dialect?: Partial<Dialect>;
  /** `xlsx` or `ods` reads a workbook's sheet instead of CSV text (see {@link tableFormatOf}). */
  format?: TableFormat;
  /** The sheet of a workbook: its name, or its 1-based position; default the first. */
  sheet?: string | number;
  /** Bounds on a workbook (zip bombs, XML nesting); the defaults suit the largest real sheets. */
  spreadsheetLimits?: Partial<SpreadsheetLimits>;
}

export interface ReadProblem {
  code: "encoding-error" | "source-error" | "oversized-cell" | "oversized-row";
  /** Message template of the code (messages/table-schema.ts). */
  messageId: "default" | "empty" | "unterminatedQuote" | "binary" | "nulByte" | "sheetNotFound" | "unreadableWorkbook" | "protectedWorkbook" | "workbookTooLarge" | "xmlRefused";
  /** Logical record number the problem lies in (header = 1). */
  rowNumber?: number;
  /** 1-based physical line. */
  line?: number;
  /** 1-based position of the cell in its record. */
  fieldNumber?: number;
  data: Record<string, unknown>;
}

export interface TableSink {
  /**
   * One record: `rowNumber` is the logical record number (the header is 1, a quoted multi-line
   * record counts once), `line` the physical line it starts on (a workbook: the sheet's row).
   * `numbers`: for a workbook, the 0-based positions of the cells it stored as numbers (neither
   * text nor dates), whose digits past the 15th it did not keep. Return `false` to stop reading.
   */
  record(cells: string[], rowNumber: number, line: number, numbers?: ReadonlySet<number>): boolean | void;
  problem(problem: ReadProblem): void;
}

export interface ReadResult {
  /** Encoding detected or given: "utf-8", "windows-1252", "iso-8859-1"... */
  encoding: string;
  dialect: Dialect;
  /** Bytes read from the source (fewer than its size when reading stopped early). */
  bytes: number;
  records: number;
  /** True when the sink stopped reading. */
  stopped: boolean;
  /** The text began with a byte order mark (removed from the first label); `fixTable` says it drops it. */
  bom?: boolean;
  /** The sheet read, for a workbook (absent when none could be). */
  sheet?: SheetRef;
}

/** Decoded text gathered before sniffing the dialect, unless the source ends first. */
export const SNIFF_BYTES = 64 * 1024;

/**
 * Bytes decoded into one string. Node turns a decoded text of more than about a million code
 * units (EXTERN_APEX in its string_bytes.cc) into an external two-byte string allocated in V8's
 * old space, which only a full garbage collection frees: read in 1 MiB chunks, 30 to 70 MB of
 * them piled up between collections. Under 64 Ki code units, a text is an ordinary young string
 * (one byte per character when it fits Latin-1), freed by the next scavenge, and the parser's
 * searches run on single bytes.
 */
const DECODE_BYTES = 32 * 1024;

/**
 * File signatures of the binary formats most often renamed `.csv` or exported by mistake
 * (Gary Kessler's file signature table; ISO 32000 §7.5.2 for PDF, RFC 1952 §2.3.1 for gzip,
 * APPNOTE.TXT §4.3.7 for zip, which xlsx and ods are). A text table never starts with them.
 */
const SIGNATURES: ReadonlyArray<{ format: string; bytes: readonly number[] }> = [
  { format: "PNG", bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { format: "gzip", bytes: [0x1f, 0x8b] },
  { format: "zip (xlsx, ods…)", bytes: [0x50, 0x4b, 0x03, 0x04] },
  { format: "PDF", bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { format: "JPEG", bytes: [0xff, 0xd8, 0xff] },
  { format: "GIF", bytes: [0x47, 0x49, 0x46, 0x38] },
  { format: "xls (OLE2)", bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
];
const SIGNATURE_BYTES = 8;

/** The binary format the first bytes announce, if any. */
export function binaryFormat(head: Uint8Array): string | undefined {
  for (const { format, bytes } of SIGNATURES) {
    if (head.length >= bytes.length && bytes.every((byte, k) => head[k] === byte)) return format;
  }
  return undefined;
}

const DEFAULT_DIALECT: Dialect = { delimiter: ",", quoteChar: '"', lineTerminator: "\n" };

/**
 * Reads a table in one streaming pass: decode (encoding detected over the whole stream), sniff
 * the dialect on the first 64 KiB of text, parse with Python csv semantics, and hand each record
 * to the sink with its logical row number. Never throws for bad input: an unreadable source, an
 * unknown encoding, an unusable dialect, an empty file, an unterminated quote and undecodable
 * bytes become problems.
 */
export async function readTable(source: ByteSource, options: ReadOptions, sink: TableSink): Promise<ReadResult> {
  if (options.format === "xlsx" || options.format === "ods") {
    // Imported on first need: a CSV run loads neither the zip nor the XML reader.
    const { readSpreadsheet } = await import("./spreadsheet/read-sheet.js");
    return readSpreadsheet(
      source,
      { format: options.format, sheet: options.sheet, limits: options.spreadsheetLimits, maxCellLength: options.maxCellLength, maxRowLength: options.maxRowLength },
      sink,
    );
  }
  const given = definedMembers(options.dialect);
  const fullDialect = given.delimiter !== undefined && given.quoteChar !== undefined && given.lineTerminator !== undefined;
  let dialect: Dialect = { ...DEFAULT_DIALECT, ...given };
  let bytes = 0;
  let stopped = false;
  let decoder: StreamDecoder;
  try {
    decoder = createDecoder({ encoding: options.encoding });
  } catch (error) {
    sink.problem({ code: "source-error", messageId: "default", data: { detail: `${messageOf(error)} (encoding "${options.encoding ?? ""}")`, reason: "encoding" } });
    await cancel(source);
    return { encoding: options.encoding ?? "", dialect, bytes, records: 0, stopped: false };
  }

  const badDialect = invalidDialect(dialect);
  if (badDialect !== undefined) {
    sink.problem({ code: "source-error", messageId: "default", data: { detail: badDialect, reason: "dialect" } });
    await cancel(source);
    return { encoding: decoder.encoding, dialect, bytes, records: 0, stopped: false };
  }

  let parser: CsvParser | undefined;
  // Text decoded before the parser exists (waiting to sniff), with its decode errors.
  let pending: string[] = [];
  let pendingLength = 0;
  let pendingErrors: DecodeError[] = [];
  // Offset in the decoded text of the next character handed to the parser.
  let textOffset = 0;
  let sawText = false;
  let nulReported = false;
  const limits: ParseLimits = { maxCellLength: options.maxCellLength, maxRowLength: options.maxRowLength };

  const startParser = (sample: string): CsvParser => {
    if (!fullDialect) dialect = { ...sniffDialect(sample), ...given };
    const p = createCsvParser(
      dialect,
      {
        record: (cells, line) => {
          // Called after the parser counted this record.
          if (sink.record(cells, p.records, line) === false) {
            stopped = true;
            return false;
          }
          return true;
        },
        error: ({ line }) => {
          sink.problem({ code: "source-error", messageId: "unterminatedQuote", rowNumber: p.records + 1, line, data: { line } });
        },
        oversize: ({ kind, line, fieldNumber, length, limit }) => {
          if (kind === "cell") sink.problem({ code: "oversized-cell", messageId: "default", rowNumber: p.records + 1, line, fieldNumber, data: { length, limit } });
          else sink.problem({ code: "oversized-row", messageId: "default", rowNumber: p.records + 1, line, data: { length, limit } });
        },
      },
      limits,
    );
    return p;
  };

  // Hands text to the parser, cut at each undecodable character so that its problem carries
  // the number of the record being read there.
  const feed = (p: CsvParser, text: string, errors: readonly DecodeError[]): void => {
    if (!nulReported) {
      // A NUL is no character of a text table: a binary file, or UTF-16 without its BOM. Python's
      // csv module refused it before 3.11 ("line contains NUL"); reported once, with its row.
      const nul = text.indexOf("\u0000");
      if (nul >= 0) {
        nulReported = true;
        const before = errors.filter((error) => error.textOffset - textOffset < nul);
        feed(p, text.slice(0, nul), before);
        if (stopped) return;
        sink.problem({ code: "source-error", messageId: "nulByte", rowNumber: p.records + 1, line: p.line, data: { line: p.line } });
        feed(p, text.slice(nul), errors.slice(before.length));
        return;
      }
    }
    let at = 0;
    for (const error of errors) {
      const cut = error.textOffset - textOffset;
      if (cut > at) p.push(text.slice(at, cut));
      at = Math.max(at, cut);
      if (stopped) return;
      sink.problem({
        code: "encoding-error",
        messageId: "default",
        rowNumber: p.records + 1,
        line: p.line,
        data: { byte: `0x${error.byte.toString(16).toUpperCase().padStart(2, "0")}`, offset: error.byteOffset, encoding: decoder.encoding },
      });
    }
    if (at < text.length && !stopped) p.push(at === 0 ? text : text.slice(at));
    textOffset += text.length;
  };

  const accept = (text: string, errors: readonly DecodeError[], final: boolean): void => {
    if (text !== "") sawText = true;
    if (parser === undefined) {
      if (text !== "") {
        pending.push(text);
        pendingLength += text.length;
      }
      for (const e of errors) pendingErrors.push(e);
      if (pendingLength < SNIFF_BYTES && !final && !fullDialect) return;
      if (!sawText) return;
      const buffered = pending.join("");
      // frictionless-py sniffs whole lines: a line cut by the sample's end would count fewer
      // delimiters than the others and make the sniffer give up (a 60 KB `;` header then a row).
      const lastBreak = final ? -1 : Math.max(buffered.lastIndexOf("\n"), buffered.lastIndexOf("\r"));
      parser = startParser(lastBreak > 0 ? buffered.slice(0, lastBreak + 1) : buffered);
      const bufferedErrors = pendingErrors;
      pending = [];
      pendingErrors = [];
      feed(parser, buffered, bufferedErrors);
      return;
    }
    if (text !== "" || errors.length > 0) feed(parser, text, errors);
  };

  // Chunks held before the signature check (fewer than SIGNATURE_BYTES bytes read).
  let held: Uint8Array[] | undefined = [];
  let binary = false;
  const isBinary = (chunks: Uint8Array[]): boolean => {
    const head = new Uint8Array(SIGNATURE_BYTES);
    let filled = 0;
    for (const chunk of chunks) {
      const part = chunk.subarray(0, SIGNATURE_BYTES - filled);
      head.set(part, filled);
      filled += part.length;
      if (filled === SIGNATURE_BYTES) break;
    }
    const format = binaryFormat(head.subarray(0, filled));
    if (format === undefined) return false;
    binary = true;
    sink.problem({ code: "source-error", messageId: "binary", data: { format, reason: "binary" } });
    return true;
  };
  const decodeAndAccept = (chunk: Uint8Array): void => {
    // The bytes are decoded before any is parsed, and no longer referenced while parsing: a
    // chunk held through the parse outlives a few scavenges, moves to old space and waits
    // there for a full collection (1 MiB chunks: ~25 MB of them at any time).
    const pieces = decodePieces(decoder, chunk);
    for (let k = 0; k < pieces.length && !stopped; k++) accept(pieces[k]!.text, pieces[k]!.errors, false);
  };

  const iterator = iterate(source);
  // Only the source's failures become problems; an exception from the sink is a bug and
  // propagates (after the source is released).
  let exhausted = false;
  let failure: { error: unknown } | undefined;
  try {
    while (!stopped) {
      let next: IteratorResult<Uint8Array> | undefined;
      try {
        next = await iterator.next();
      } catch (error) {
        failure = { error };
        break;
      }
      if (next.done) {
        exhausted = true;
        break;
      }
      bytes += next.value.length;
      let chunks = [next.value];
      next = undefined;
      if (held !== undefined) {
        // The first bytes are held until the signature check can be made.
        held.push(chunks[0]!);
        if (bytes < SIGNATURE_BYTES) continue;
        chunks = held;
        held = undefined;
        if (isBinary(chunks)) break;
      }
      for (const chunk of chunks) decodeAndAccept(chunk);
      chunks = [];
    }
    if (held !== undefined && failure === undefined && !isBinary(held)) {
      // A source shorter than the longest signature.
      for (const chunk of held) decodeAndAccept(chunk);
    }
    if (binary) {
      // Nothing of the file is read as a table: its bytes would only make noise.
    } else if (failure !== undefined) {
      sink.problem({ code: "source-error", messageId: "default", rowNumber: parser ? parser.records + 1 : undefined, data: { detail: messageOf(failure.error), reason: "read" } });
    } else if (!stopped) {
      const decoded = decoder.end();
      accept(decoded.text, decoded.errors, true);
      if (!stopped) parser?.end();
      if (!sawText) sink.problem({ code: "source-error", messageId: "empty", data: { reason: "empty" } });
    }
  } finally {
    if (!exhausted && failure === undefined) await iterator.return().catch(() => undefined);
  }
  return { encoding: decoder.encoding, dialect, bytes, records: parser?.records ?? 0, stopped, bom: decoder.bom };
}

// Decodes a chunk DECODE_BYTES at a time (see there).
function decodePieces(decoder: StreamDecoder, chunk: Uint8Array): DecodeResult[] {
  if (chunk.length <= DECODE_BYTES) return [decoder.write(chunk)];
  const pieces: DecodeResult[] = [];
  for (let at = 0; at < chunk.length; at += DECODE_BYTES) pieces.push(decoder.write(chunk.subarray(at, at + DECODE_BYTES)));
  return pieces;
}

interface ByteIterator {
  next(): Promise<IteratorResult<Uint8Array>>;
  return(): Promise<unknown>;
}

// A web ReadableStream is not async-iterable in every browser: read it through its reader.
function iterate(source: ByteSource): ByteIterator {
  if (source instanceof Uint8Array) {
    let done = false;
    return {
      next: async () => {
        if (done) return { done: true, value: undefined };
        done = true;
        return { done: false, value: source };
      },
      return: async () => undefined,
    };
  }
  if ("getReader" in source && typeof source.getReader === "function") {
    const reader = source.getReader();
    return {
      next: () => reader.read() as Promise<IteratorResult<Uint8Array>>,
      return: () => reader.cancel(),
    };
  }
  const it = (source as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]();
  return {
    next: () => it.next(),
    return: async () => it.return?.(),
  };
}

async function cancel(source: ByteSource): Promise<void> {
  if (source instanceof Uint8Array) return;
  try {
    if ("cancel" in source && typeof source.cancel === "function") await source.cancel();
    else await (source as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]().return?.();
  } catch {
    // Nothing to report: the read was abandoned already.
  }
}

// The parser reads one-character delimiters and quotes, as Python's csv module requires.
function invalidDialect(dialect: Dialect): string | undefined {
  if (dialect.delimiter.length !== 1) return `the delimiter must be one character, not ${JSON.stringify(dialect.delimiter)}`;
  if (dialect.quoteChar.length !== 1) return `the quote character must be one character, not ${JSON.stringify(dialect.quoteChar)}`;
  if (dialect.delimiter === dialect.quoteChar) return "the delimiter and the quote character must differ";
  return undefined;
}

function definedMembers(dialect: Partial<Dialect> | undefined): Partial<Dialect> {
  const out: Partial<Dialect> = {};
  if (dialect?.delimiter !== undefined) out.delimiter = dialect.delimiter;
  if (dialect?.quoteChar !== undefined) out.quoteChar = dialect.quoteChar;
  if (dialect?.lineTerminator !== undefined) out.lineTerminator = dialect.lineTerminator;
  return out;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
