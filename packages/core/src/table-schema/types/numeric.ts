import type { FieldDescriptor } from "../descriptor.js";
import { INVALID, pyStrip, type TypeImpl } from "./type.js";

const ZERO = 48;
const NINE = 57;

function isDigit(c: number): boolean {
  return c >= ZERO && c <= NINE;
}

/**
 * frictionless's `bareNumber: false` removes `^\D*` and `\D*$` (leading and trailing non-digits,
 * the sign included, as its regex does).
 */
function stripNonDigits(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && !isDigit(s.charCodeAt(start))) start++;
  while (end > start && !isDigit(s.charCodeAt(end - 1))) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

/**
 * Integer value: a JS number when it is a safe integer, a bigint beyond (Python ints are
 * unbounded). A value that fits a number is never a bigint, so `===` and Set lookups work.
 */
export type IntegerValue = number | bigint;

/**
 * Python `int(s.strip())` on ASCII digits: optional sign, at least one digit, leading zeros
 * allowed (`00250`, `+5`, `-0`). Deviations (docs/parity.md): `_` separators and non-ASCII
 * digits are refused.
 */
export function parseInteger(s: string): IntegerValue | typeof INVALID {
  const t = pyStrip(s);
  const n = t.length;
  let i = 0;
  let negative = false;
  const first = t.charCodeAt(0);
  if (first === 43 /* + */ || first === 45 /* - */) {
    negative = first === 45;
    i = 1;
  }
  if (i >= n) return INVALID;
  if (n - i <= 15) {
    let v = 0;
    for (; i < n; i++) {
      const c = t.charCodeAt(i);
      if (c < ZERO || c > NINE) return INVALID;
      v = v * 10 + (c - ZERO);
    }
    return negative ? (v === 0 ? 0 : -v) : v;
  }
  for (let j = i; j < n; j++) if (!isDigit(t.charCodeAt(j))) return INVALID;
  const big = BigInt(t);
  return big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
}

function removeAll(s: string, part: string): string {
  return part === "" || !s.includes(part) ? s : s.split(part).join("");
}

export function integerType(descriptor: FieldDescriptor): TypeImpl {
  const bare = descriptor.bareNumber !== false;
  // Deviation: frictionless ignores groupChar on integers; Table Schema v2 defines it, and a
  // schema that declares it expects "1 000" to be read.
  const group = typeof descriptor.groupChar === "string" ? descriptor.groupChar : "";
  const cast =
    bare && group === ""
      ? parseInteger
      : (raw: string) => {
          let s = bare ? raw : stripNonDigits(raw);
          s = removeAll(s, group);
          return parseInteger(s);
        };
  return {
    cast,
    castJson: (v) => {
      if (typeof v === "number" && Number.isInteger(v)) return v;
      return INVALID;
    },
    primitive: true,
    ordered: true,
  };
}

// Exactly representable powers of ten (literals, not Math.pow, whose rounding is not specified).
const POWERS_OF_TEN = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/**
 * Python `Decimal(s)` grammar (after strip): sign, digits with an optional fraction, optional
 * exponent; or inf, infinity, nan, snan, case-insensitive. Returns the JS number. Deviation:
 * `_` separators and non-ASCII digits are refused. NaN and ±Infinity are values, as in
 * frictionless: NaN then fails both minimum and maximum.
 */
export function parseNumber(s: string): number | typeof INVALID {
  const t = pyStrip(s);
  const n = t.length;
  if (n === 0) return INVALID;
  let i = 0;
  let c = t.charCodeAt(0);
  let negative = false;
  if (c === 43 || c === 45) {
    negative = c === 45;
    i = 1;
    c = t.charCodeAt(1);
  }
  if (i < n && !isDigit(c) && c !== 46 /* . */) {
    const word = t.slice(i).toLowerCase();
    if (word === "inf" || word === "infinity") return negative ? -Infinity : Infinity;
    if (/^s?nan\d*$/.test(word)) return NaN;
    return INVALID;
  }
  let digits = 0;
  // The digits as an integer, and how many follow the point: see the fast path below.
  let mantissa = 0;
  let decimals = 0;
  while (i < n && isDigit(t.charCodeAt(i))) {
    mantissa = mantissa * 10 + (t.charCodeAt(i) - 48);
    i++;
    digits++;
  }
  if (i < n && t.charCodeAt(i) === 46) {
    i++;
    while (i < n && isDigit(t.charCodeAt(i))) {
      mantissa = mantissa * 10 + (t.charCodeAt(i) - 48);
      i++;
      digits++;
      decimals++;
    }
  }
  if (digits === 0) return INVALID;
  // Clinger's fast path: with at most 15 digits the integer is exact, 10^decimals is exact up to
  // 10^22, and one IEEE division rounds the quotient correctly, which is what Number(t) returns.
  if (i === n && digits <= 15 && decimals <= 22) {
    const value = decimals === 0 ? mantissa : mantissa / POWERS_OF_TEN[decimals]!;
    return negative ? -value : value;
  }
  if (i < n && (t.charCodeAt(i) | 32) === 101 /* e */) {
    i++;
    const sc = t.charCodeAt(i);
    if (sc === 43 || sc === 45) i++;
    let exp = 0;
    while (i < n && isDigit(t.charCodeAt(i))) {
      i++;
      exp++;
    }
    if (exp === 0) return INVALID;
  }
  if (i !== n) return INVALID;
  return Number(t);
}

export function numberType(descriptor: FieldDescriptor): TypeImpl {
  const bare = descriptor.bareNumber !== false;
  const group = typeof descriptor.groupChar === "string" ? descriptor.groupChar : "";
  const decimal = typeof descriptor.decimalChar === "string" ? descriptor.decimalChar : ".";
  // frictionless only runs its pre-processing when one of these three properties is declared.
  const processed = "groupChar" in descriptor || "decimalChar" in descriptor || "bareNumber" in descriptor;
  const cast = !processed
    ? parseNumber
    : (raw: string) => {
        let s = bare ? raw : stripNonDigits(raw);
        s = removeAll(s, group);
        if (decimal !== ".") {
          if (s.includes(".")) return INVALID;
          if (decimal !== "") s = s.split(decimal).join(".");
        }
        return parseNumber(s);
      };
  return {
    cast,
    castJson: (v) => (typeof v === "number" ? v : INVALID),
    primitive: true,
    ordered: true,
  };
}

const DEFAULT_TRUE = ["true", "True", "TRUE", "1"];
const DEFAULT_FALSE = ["false", "False", "FALSE", "0"];

/** Exact match against trueValues / falseValues, no strip (frictionless, Table Schema v1). */
export function booleanType(descriptor: FieldDescriptor): TypeImpl {
  const trueValues = new Set(Array.isArray(descriptor.trueValues) ? descriptor.trueValues : DEFAULT_TRUE);
  const falseValues = new Set(Array.isArray(descriptor.falseValues) ? descriptor.falseValues : DEFAULT_FALSE);
  return {
    cast: (raw) => (trueValues.has(raw) ? true : falseValues.has(raw) ? false : INVALID),
    castJson: (v) => (typeof v === "boolean" ? v : INVALID),
    primitive: true,
    ordered: false,
  };
}
