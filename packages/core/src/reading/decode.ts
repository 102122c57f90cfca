/** A byte that could not be decoded; it was replaced by U+FFFD in the text. */
export interface DecodeError {
  /** First byte of the invalid sequence. */
  byte: number;
  /** Offset of that byte in the source. */
  byteOffset: number;
  /** Offset of the U+FFFD in the decoded text (UTF-16 code units, BOM excluded). */
  textOffset: number;
}

export interface DecodeResult {
  text: string;
  errors: readonly DecodeError[];
}

export interface StreamDecoder {
  /** Decodes the next chunk. Bytes of a sequence split across chunks are held until complete. */
  write(bytes: Uint8Array): DecodeResult;
  /** Flushes the stream: an incomplete sequence at the very end is an error. */
  end(): DecodeResult;
  /**
   * The encoding in use: "utf-8" until detection switches to "windows-1252"; for an explicit
   * encoding, its canonical name ("utf-8", "windows-1252", "iso-8859-1", or the WHATWG name).
   */
  readonly encoding: string;
  /** Whether a byte order mark was found and stripped. */
  readonly bom: boolean;
}

export interface DecoderOptions {
  /** Bypasses detection. Unknown labels make {@link createDecoder} throw a RangeError. */
  encoding?: string;
}

const NO_ERRORS: readonly DecodeError[] = Object.freeze([]);
const EMPTY: DecodeResult = Object.freeze({ text: "", errors: NO_ERRORS });

type Mode = "detect" | "utf-8" | "latin1" | "other";

/**
 * A streaming decoder that detects the encoding over the whole stream, not on a first sample.
 *
 * frictionless-py runs chardet on the first 100 000 bytes, so a latin-1 file whose first accent
 * lies further on is read as UTF-8 and fails mid-file (frictionless-py v5.19 `buffer_size`). Here the
 * stream is decoded as UTF-8 until an invalid sequence appears: if every byte before it was
 * ASCII, the stream is windows-1252 (a superset of latin-1 on printable characters, and what
 * French spreadsheets export), and the ASCII prefix decodes the same in both. Once a valid
 * multibyte sequence has been seen, the stream is UTF-8 and an invalid byte is an error.
 * A UTF-8 BOM is stripped, as Python's utf-8-sig (which frictionless uses) does, but it does not
 * settle the encoding: Excel and some export tools write one before a windows-1252 body, so
 * detection goes on over the body (frictionless reads such a file as UTF-8 and reports an
 * encoding-error). A UTF-16 BOM selects UTF-16. With an explicit encoding, a UTF-8 BOM is
 * stripped too, whatever the encoding, so that it never ends up in the first label.
 */
export function createDecoder(options: DecoderOptions = {}): StreamDecoder {
  let mode: Mode;
  let encoding: string;
  let other: TextDecoder | undefined;
  const label = options.encoding?.trim().toLowerCase();
  if (label === undefined || label === "") {
    mode = "detect";
    encoding = "utf-8";
  } else if (label === "utf-8" || label === "utf8" || label === "utf-8-sig") {
    mode = "utf-8";
    encoding = "utf-8";
  } else if (LATIN1_LABELS.has(label)) {
    mode = "latin1";
    encoding = "iso-8859-1";
    other = new TextDecoder("windows-1252");
  } else {
    // Throws a RangeError for a label TextDecoder does not know.
    other = new TextDecoder(label);
    mode = "other";
    encoding = other.encoding;
  }

  // Bytes held before the BOM check (fewer than 3 bytes seen so far).
  let head: Uint8Array | undefined = new Uint8Array(0);
  let bom = false;
  let utf8 = newUtf8();
  // Trailing bytes of an incomplete UTF-8 sequence, also held inside `utf8`; kept here to
  // re-decode them on the slow path.
  let carry: Uint8Array = new Uint8Array(0);
  // Offset in the source of the next byte passed to write().
  let bytesIn = 0;
  let textOut = 0;
  let sawMultibyte = false;

  function newUtf8(): TextDecoder {
    // ignoreBOM: the BOM is handled here, and only one is stripped, as utf-8-sig does.
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  }

  function write(bytes: Uint8Array): DecodeResult {
    if (head !== undefined) {
      const all = concat(head, bytes);
      if (all.length < 3) {
        head = all;
        return EMPTY;
      }
      head = undefined;
      return decodeStart(all, false);
    }
    return decodeBytes(bytes, false);
  }

  function end(): DecodeResult {
    if (head !== undefined) {
      const all = head;
      head = undefined;
      return decodeStart(all, true);
    }
    return decodeBytes(new Uint8Array(0), true);
  }

  // First bytes of the stream (nothing decoded yet): look for a BOM.
  function decodeStart(all: Uint8Array, final: boolean): DecodeResult {
    let body = all;
    if (all.length >= 3 && all[0] === 0xef && all[1] === 0xbb && all[2] === 0xbf) {
      bom = true;
      bytesIn = 3;
      body = all.subarray(3);
    } else if (mode === "detect" && all.length >= 2 && ((all[0] === 0xff && all[1] === 0xfe) || (all[0] === 0xfe && all[1] === 0xff))) {
      bom = true;
      other = new TextDecoder(all[0] === 0xff ? "utf-16le" : "utf-16be");
      mode = "other";
      encoding = other.encoding;
      bytesIn = 2;
      body = all.subarray(2);
    }
    return decodeBytes(body, final);
  }

  function decodeBytes(bytes: Uint8Array, final: boolean): DecodeResult {
    if (mode === "latin1" || mode === "other") {
      bytesIn += bytes.length;
      let text = (other as TextDecoder).decode(bytes, { stream: !final || singleByte(encoding) });
      if (mode === "latin1") text = toLatin1(text);
      textOut += text.length;
      return text === "" ? EMPTY : { text, errors: NO_ERRORS };
    }
    // Fast path: a fatal streaming UTF-8 decode; the bytes are scanned only when it fails.
    const prevCarry = carry.length;
    let text: string;
    try {
      text = utf8.decode(bytes, { stream: !final });
    } catch {
      return slowPath(bytes, final);
    }
    const newCarry = final ? new Uint8Array(0) : incompleteTail(carry, bytes);
    // Multibyte sequences decode to fewer UTF-16 units than bytes; ASCII to exactly as many.
    if (!sawMultibyte && text.length !== prevCarry + bytes.length - newCarry.length) sawMultibyte = true;
    carry = newCarry;
    bytesIn += bytes.length;
    textOut += text.length;
    return text === "" ? EMPTY : { text, errors: NO_ERRORS };
  }

  // Scans `carry + bytes` for the first invalid sequence, as the WHATWG UTF-8 decoder defines
  // it (one U+FFFD per maximal invalid subpart), then resumes the fast path.
  function slowPath(bytes: Uint8Array, final: boolean): DecodeResult {
    const buf = concat(carry, bytes);
    const base = bytesIn - carry.length;
    bytesIn += bytes.length;
    carry = new Uint8Array(0);
    utf8 = newUtf8();
    const parts: string[] = [];
    const errors: DecodeError[] = [];
    let length = 0;
    let pos = 0;
    while (pos < buf.length) {
      const bad = findInvalid(buf, pos, final);
      const validEnd = bad === undefined ? buf.length : bad.start;
      if (validEnd > pos) {
        const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(buf.subarray(pos, validEnd));
        if (!sawMultibyte && text.length !== validEnd - pos) sawMultibyte = true;
        parts.push(text);
        length += text.length;
      }
      if (bad === undefined) break;
      if (bad.incomplete) {
        // A sequence cut by the chunk end: hand it to the fast decoder for the next chunk.
        carry = buf.slice(bad.start);
        utf8.decode(carry, { stream: true });
        break;
      }
      if (mode === "detect" && !sawMultibyte) {
        // Only ASCII so far: the whole stream is windows-1252.
        mode = "other";
        encoding = "windows-1252";
        other = new TextDecoder("windows-1252");
        const rest = other.decode(buf.subarray(bad.start), { stream: true });
        parts.push(rest);
        break;
      }
      if (mode === "detect") mode = "utf-8";
      errors.push({ byte: buf[bad.start] as number, byteOffset: base + bad.start, textOffset: textOut + length });
      parts.push("\uFFFD");
      length += 1;
      pos = bad.start + bad.length;
    }
    const text = parts.join("");
    textOut += text.length;
    return { text, errors: errors.length === 0 ? NO_ERRORS : errors };
  }

  return {
    write,
    end,
    get encoding() {
      return encoding;
    },
    get bom() {
      return bom;
    },
  };
}

// Node 20's TextDecoder decodes windows-1252 as ISO-8859-1 when `stream` is false (a latin-1
// fast path; 0x80 gives U+0080 instead of U+20AC), and correctly when streaming. A single-byte
// decoder holds no state between calls, so streaming is always safe for it.
function singleByte(encoding: string): boolean {
  return encoding === "windows-1252" || encoding === "iso-8859-1";
}

const LATIN1_LABELS = new Set(["iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "cp819", "iso-ir-100"]);

// WHATWG maps the ISO-8859-1 labels to windows-1252, whose bytes 0x80-0x9F are typographic
// characters; Python's latin-1 (what frictionless uses) maps them to U+0080-U+009F. Every
// windows-1252 character above U+00FF comes from one of those bytes, so map them back.
let fromCp1252: Map<string, string> | undefined;
function toLatin1(text: string): string {
  if (!/[^\u0000-\u00ff]/.test(text)) return text;
  if (fromCp1252 === undefined) {
    fromCp1252 = new Map();
    const cp1252 = new TextDecoder("windows-1252");
    for (let b = 0x80; b <= 0x9f; b++) fromCp1252.set(cp1252.decode(Uint8Array.of(b), { stream: true }), String.fromCharCode(b));
  }
  const map = fromCp1252;
  return text.replace(/[^\u0000-\u00ff]/g, (ch) => map.get(ch) ?? ch);
}

interface Invalid {
  start: number;
  length: number;
  incomplete: boolean;
}

// The first ill-formed sequence at or after `pos`, by the WHATWG UTF-8 decoder's rules
// (Encoding Standard §9.1.1): bounds on the second byte exclude overlongs, surrogates and
// code points above U+10FFFF.
function findInvalid(buf: Uint8Array, pos: number, final: boolean): Invalid | undefined {
  const n = buf.length;
  let i = pos;
  while (i < n) {
    const b = buf[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lower = 0x80;
    let upper = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lower = 0xa0;
      if (b === 0xed) upper = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lower = 0x90;
      if (b === 0xf4) upper = 0x8f;
    } else return { start: i, length: 1, incomplete: false };
    let j = i + 1;
    for (let k = 0; k < need; k++, j++) {
      if (j >= n) return { start: i, length: j - i, incomplete: !final };
      const c = buf[j] as number;
      if (c < (k === 0 ? lower : 0x80) || c > (k === 0 ? upper : 0xbf)) return { start: i, length: j - i, incomplete: false };
    }
    i = j;
  }
  return undefined;
}

// After a successful streaming decode, the bytes the decoder holds: a valid but incomplete
// sequence at the end of `carry + bytes` (at most 3 bytes).
function incompleteTail(carry: Uint8Array, bytes: Uint8Array): Uint8Array {
  const all = bytes.length >= 3 || carry.length === 0 ? bytes : concat(carry, bytes);
  const n = all.length;
  for (let k = 1; k <= 3 && k <= n; k++) {
    const b = all[n - k] as number;
    if ((b & 0xc0) === 0x80) continue;
    if (b < 0xc0) break;
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    return need > k ? all.slice(n - k) : new Uint8Array(0);
  }
  return new Uint8Array(0);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
