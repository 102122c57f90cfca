import type { ByteSource, ReadProblem, ReadResult, SheetRef, SpreadsheetFormat, TableSink } from "../read-table.js";
import { readOds } from "./ods.js";
import { RowAssembler, type RowLimits } from "./rows.js";
import { readXlsx } from "./xlsx.js";
import { SheetNotFound, sheetPicker, type Workbook } from "./workbook.js";
import { XmlError } from "./xml.js";
import { Inflater, readCentralDirectory, ZipError, type InflateLimits } from "./zip.js";

/** Bounds on a workbook: what it may weigh, expand to, and nest. */
export interface SpreadsheetLimits extends InflateLimits {
  /** Bytes of the workbook file itself (compressed). */
  maxFileBytes: number;
  /** Depth of XML elements. */
  maxDepth: number;
}

/**
 * Defaults sized for the largest real sheets (Excel's 1,048,576 rows of a few columns expand to
 * about 1 GB of XML) and far under what would exhaust memory: the workbook is held compressed,
 * its parts streamed.
 */
export const SPREADSHEET_LIMITS: SpreadsheetLimits = {
  maxFileBytes: 256 * 1024 * 1024,
  maxBytes: 2 * 1024 * 1024 * 1024,
  maxRatio: 200,
  ratioFloor: 16 * 1024 * 1024,
  maxDepth: 64,
};

export interface SpreadsheetReadOptions extends RowLimits {
  format: SpreadsheetFormat;
  /** Sheet name, or 1-based position; default the first sheet. */
  sheet?: string | number;
  limits?: Partial<SpreadsheetLimits>;
}

// OLE2 compound file (MS-CFB §2.2): an encrypted xlsx (ECMA-376 Agile Encryption) or an old .xls.
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * Reads one sheet of an xlsx or ods workbook into the sink, as `readTable` reads a CSV: records
 * with their row numbers (`line` is the sheet's row), problems instead of exceptions for bad
 * input. The file is gathered in memory compressed (a zip is read from its end), then the
 * parts are inflated and parsed as streams: the sheet's XML is never whole in memory.
 */
export async function readSpreadsheet(source: ByteSource, options: SpreadsheetReadOptions, sink: TableSink): Promise<ReadResult> {
  const limits = { ...SPREADSHEET_LIMITS, ...options.limits };
  const result: ReadResult = { encoding: "utf-8", dialect: { delimiter: ",", quoteChar: '"', lineTerminator: "\n" }, bytes: 0, records: 0, stopped: false };
  const problem = (messageId: ReadProblem["messageId"], data: Record<string, unknown>): ReadResult => {
    sink.problem({ code: "source-error", messageId, data });
    return result;
  };

  const chunks: Uint8Array[] = [];
  let tooLarge = false;
  try {
    for await (const chunk of iterate(source)) {
      result.bytes += chunk.length;
      // Read to the end all the same, so that the caller's hash and progress see the whole file.
      if (result.bytes > limits.maxFileBytes) tooLarge = true;
      else chunks.push(chunk);
    }
  } catch (error) {
    return problem("default", { detail: error instanceof Error ? error.message : String(error), reason: "read" });
  }
  if (result.bytes === 0) return problem("empty", { reason: "empty" });
  if (tooLarge) return problem("workbookTooLarge", { detail: `${result.bytes} bytes, more than ${limits.maxFileBytes}`, reason: "zip-bomb" });
  const zip = concat(chunks, result.bytes);
  chunks.length = 0;
  if (OLE2.every((byte, k) => zip[k] === byte)) return problem("protectedWorkbook", { format: options.format, reason: "workbook" });

  const rows = new RowAssembler(sink, options);
  try {
    const entries = readCentralDirectory(zip);
    const inflater = new Inflater(zip, limits);
    const context = { entries, inflater, maxDepth: limits.maxDepth, pick: sheetPicker(options.sheet), sheet: options.sheet };
    const workbook: Workbook = options.format === "ods" ? readOds(context) : readXlsx(context);
    const sheet = workbook.read(rows);
    result.sheet = { ...sheet, format: options.format } satisfies SheetRef;
  } catch (error) {
    if (error instanceof SheetNotFound) {
      problem("sheetNotFound", { sheet: String(options.sheet ?? 1), sheets: error.sheets.map((name) => `« ${name} »`).join(", "), reason: "sheet" });
    } else if (error instanceof ZipError && error.kind === "protected") {
      problem("protectedWorkbook", { format: options.format, reason: "workbook" });
    } else if (error instanceof ZipError && error.kind === "bomb") {
      problem("workbookTooLarge", { detail: error.message, reason: "zip-bomb" });
    } else if (error instanceof XmlError) {
      problem(error.kind === "malformed" ? "unreadableWorkbook" : "xmlRefused", {
        format: options.format,
        detail: error.message,
        reason: error.kind === "malformed" ? "workbook" : "xml",
      });
    } else if (error instanceof ZipError) {
      problem("unreadableWorkbook", { format: options.format, detail: error.message, reason: "workbook" });
    } else {
      throw error;
    }
  }
  result.records = rows.records;
  result.stopped = rows.stopped;
  return result;
}

async function* iterate(source: ByteSource): AsyncGenerator<Uint8Array> {
  if (source instanceof Uint8Array) {
    yield source;
    return;
  }
  if ("getReader" in source && typeof source.getReader === "function") {
    const reader = source.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        yield value;
      }
    } finally {
      reader.releaseLock();
    }
  }
  yield* source as AsyncIterable<Uint8Array>;
}

function concat(chunks: Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
