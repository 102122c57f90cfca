import { Inflate } from "fflate";

/**
 * A zip archive read from its central directory (PKWARE APPNOTE.TXT 6.3.10, §4.3.12 and §4.3.16):
 * the local headers can carry zeros and a data descriptor instead of sizes (LibreOffice writes
 * some so), the central directory always has them. Only what xlsx and ods use is read: stored and
 * deflated entries, Zip64 sizes; encrypted entries and multi-disk archives are refused.
 */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  /** Offset of the entry's local header. */
  offset: number;
  encrypted: boolean;
}

/** Why an archive or one of its entries was refused; the message is English, for `detail`. */
export class ZipError extends Error {
  constructor(
    message: string,
    readonly kind: "corrupt" | "bomb" | "protected" = "corrupt",
  ) {
    super(message);
  }
}

/** Bounds on what an archive may expand to: a zip bomb stops at the first bound it passes. */
export interface InflateLimits {
  /** Bytes all entries read may expand to, together. */
  maxBytes: number;
  /**
   * Largest expansion ratio of an entry past `ratioFloor` bytes. Real sheets expand 5 to 40
   * times; deflate cannot pass about 1032 (RFC 1951's longest match, 258 bytes, for 2 bits).
   */
  maxRatio: number;
  ratioFloor: number;
}

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export function readCentralDirectory(zip: Uint8Array): Map<string, ZipEntry> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  // The end record is in the last 22 + 65535 bytes (its comment is at most 64 KiB).
  let end = -1;
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === EOCD) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new ZipError("no zip end of central directory record: not a zip archive, or a truncated one");
  let count = view.getUint16(end + 10, true);
  let directoryOffset = view.getUint32(end + 16, true);
  if (view.getUint16(end + 4, true) !== 0 || view.getUint16(end + 6, true) !== 0) throw new ZipError("multi-disk zip archives are not read");
  if ((count === 0xffff || directoryOffset === 0xffffffff) && end >= 20 && view.getUint32(end - 20, true) === EOCD64_LOCATOR) {
    const at = safeNumber(view.getBigUint64(end - 12, true));
    if (at + 56 > zip.length || view.getUint32(at, true) !== EOCD64) throw new ZipError("broken Zip64 end of central directory record");
    count = safeNumber(view.getBigUint64(at + 32, true));
    directoryOffset = safeNumber(view.getBigUint64(at + 48, true));
  }
  const entries = new Map<string, ZipEntry>();
  const names = new TextDecoder("utf-8");
  let at = directoryOffset;
  for (let k = 0; k < count; k++) {
    if (at + 46 > zip.length || view.getUint32(at, true) !== CENTRAL) throw new ZipError("broken zip central directory");
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    let compressedSize = view.getUint32(at + 20, true);
    let size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    let offset = view.getUint32(at + 42, true);
    const name = names.decode(zip.subarray(at + 46, at + 46 + nameLength));
    // Zip64 extended information (APPNOTE 4.5.3): the 64-bit values of the fields set to all ones, in order.
    let extra = at + 46 + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd) {
      const id = view.getUint16(extra, true);
      const length = view.getUint16(extra + 2, true);
      if (id === 0x0001) {
        let field = extra + 4;
        const next = (): number => {
          if (field + 8 > extra + 4 + length) throw new ZipError("broken Zip64 extra field");
          const value = safeNumber(view.getBigUint64(field, true));
          field += 8;
          return value;
        };
        if (size === 0xffffffff) size = next();
        if (compressedSize === 0xffffffff) compressedSize = next();
        if (offset === 0xffffffff) offset = next();
      }
      extra += 4 + length;
    }
    // Later duplicates are ignored: a reader must not be steered by a second entry of the same name.
    if (!entries.has(name)) entries.set(name, { name, method, compressedSize, size, offset, encrypted: (flags & 1) === 1 });
    at = extraEnd + commentLength;
  }
  return entries;
}

function safeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipError("zip offset or size out of range");
  return Number(value);
}

/** Bytes handed to the inflater at a time: at most about 1032 times that comes out of one push. */
const INFLATE_SLICE = 8 * 1024;

/**
 * Counts the bytes inflated across the entries of one archive and refuses past the limits:
 * the sizes the directory declares may lie, the bytes that come out do not.
 */
export class Inflater {
  private total = 0;

  constructor(
    private readonly zip: Uint8Array,
    readonly limits: InflateLimits,
  ) {}

  /** The entry's bytes, expanded one slice at a time and handed to `sink` as they come. */
  entry(entry: ZipEntry, sink: (chunk: Uint8Array) => void): void {
    if (entry.encrypted) throw new ZipError(`${entry.name} is encrypted`, "protected");
    const view = new DataView(this.zip.buffer, this.zip.byteOffset, this.zip.byteLength);
    if (entry.offset + 30 > this.zip.length || view.getUint32(entry.offset, true) !== LOCAL) throw new ZipError(`broken local header of ${entry.name}`);
    const start = entry.offset + 30 + view.getUint16(entry.offset + 26, true) + view.getUint16(entry.offset + 28, true);
    const end = start + entry.compressedSize;
    if (end > this.zip.length) throw new ZipError(`${entry.name} runs past the end of the archive`);
    let produced = 0;
    const account = (length: number): void => {
      produced += length;
      this.total += length;
      if (this.total > this.limits.maxBytes) {
        throw new ZipError(`the workbook expands past ${this.limits.maxBytes} bytes`, "bomb");
      }
      if (produced > this.limits.ratioFloor && produced > Math.max(1, entry.compressedSize) * this.limits.maxRatio) {
        throw new ZipError(`${entry.name} expands more than ${this.limits.maxRatio} times`, "bomb");
      }
    };
    if (entry.method === 0) {
      for (let at = start; at < end; at += INFLATE_SLICE) {
        const chunk = this.zip.subarray(at, Math.min(end, at + INFLATE_SLICE));
        account(chunk.length);
        sink(chunk);
      }
      return;
    }
    if (entry.method !== 8) throw new ZipError(`${entry.name} uses compression method ${entry.method}, not deflate`);
    // An exception from the sink (the reader stopping, a refused XML part) is not a deflate error.
    let fromSink = false;
    const inflate = new Inflate((chunk) => {
      account(chunk.length);
      fromSink = true;
      sink(chunk);
      fromSink = false;
    });
    try {
      for (let at = start; at < end; at += INFLATE_SLICE) inflate.push(this.zip.subarray(at, Math.min(end, at + INFLATE_SLICE)), at + INFLATE_SLICE >= end);
      if (start === end) inflate.push(new Uint8Array(0), true);
    } catch (error) {
      if (error instanceof ZipError || fromSink) throw error;
      throw new ZipError(`${entry.name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
