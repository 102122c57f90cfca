import { INVALID } from "../field.js";

/** One Table Schema type with its format, compiled once per field. */
export interface TypeImpl {
  /** The typed value of a raw cell, or INVALID. Never throws. */
  cast(raw: string): unknown;
  /**
   * The typed value of a JSON value that is not a string (a constraint value, an array item),
   * or INVALID. Absent: only strings cast, as frictionless's value readers do for most types.
   */
  castJson?(value: unknown): unknown;
  /** Values are JS primitives compared with `===` and `<` (numbers, strings, booleans, bigints). */
  primitive: boolean;
  /** Supports minimum/maximum: values compare with `<` and `>`. */
  ordered: boolean;
  /** Equal values, equal keys. Absent: `String(value)`. */
  key?(value: unknown): string;
  /** Length for minLength/maxLength, when the type supports them. */
  length?(value: unknown): number;
}

export { INVALID };

/** Thrown while compiling a type when its format cannot drive validation. */
export class FormatError extends Error {
  readonly detail: { fr: string; en: string };
  constructor(detail: { fr: string; en: string }) {
    super(detail.en);
    this.name = "FormatError";
    this.detail = detail;
  }
}

export function unknownFormat(type: string, format: string, known: readonly string[]): FormatError {
  const list = known.map((f) => `"${f}"`).join(", ");
  return new FormatError({
    fr: `le format « ${format} » n'existe pas pour le type ${type} (formats possibles : ${list})`,
    en: `format "${format}" is not defined for type ${type} (known formats: ${list})`,
  });
}

/**
 * Python's `str.strip()` with no argument: removes the characters for which `str.isspace()` is
 * true. Returns the same string, without allocating, when there is nothing to strip.
 */
export function pyStrip(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && isPySpace(s.charCodeAt(start))) start++;
  while (end > start && isPySpace(s.charCodeAt(end - 1))) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

export function isPySpace(c: number): boolean {
  if (c > 0x20 && c < 0x85) return false;
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    (c >= 0x1c && c <= 0x1f) ||
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** Number of Unicode code points, as Python's `len()` counts a `str`. */
export function codePointLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff && i > 0) {
      const p = s.charCodeAt(i - 1);
      if (p >= 0xd800 && p <= 0xdbff) n--;
    }
  }
  return n;
}

/**
 * A JSON text for a parsed JSON value with object keys sorted, so that values equal as Python
 * compares dicts and lists give equal keys.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** JSON.parse that returns INVALID instead of throwing. */
export function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return INVALID;
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
