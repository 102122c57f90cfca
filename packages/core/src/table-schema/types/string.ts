import { codePointLength, INVALID, unknownFormat, type TypeImpl } from "./type.js";

export const STRING_FORMATS = ["default", "email", "uri", "uuid", "binary", "wkt"] as const;

// Email as the `validators` package checks it for frictionless: a dot-atom local part (Unicode
// letters allowed, Python's \w) and a domain of labels ending with an alphabetic TLD.
const EMAIL_LOCAL = /^[\p{L}\p{N}_!#$%&'*+/=?^`{|}~-]+(?:\.[\p{L}\p{N}_!#$%&'*+/=?^`{|}~-]+)*$/u;
const EMAIL_DOMAIN = /^(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59})$/iu;

export function isEmail(s: string): boolean {
  const at = s.lastIndexOf("@");
  if (at <= 0 || at > 64 || s.length - at - 1 > 253) return false;
  return EMAIL_LOCAL.test(s.slice(0, at)) && EMAIL_DOMAIN.test(s.slice(at + 1));
}

/**
 * frictionless checks URIs with rfc3986's validator, requiring only a scheme: per the RFC 3986
 * appendix B regex, a non-empty run of characters other than `:/?#` followed by `:`. Spaces are
 * therefore accepted (`http://x.fr/a b`), a value without scheme is not (`www.x.fr`).
 */
export function isUri(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 58 /* : */) return i > 0;
    if (c === 47 || c === 63 || c === 35) return false;
  }
  return false;
}

/** Python's `uuid.UUID(s)`: optional urn:uuid: prefix and braces, hyphens anywhere, 32 hex digits. */
export function isUuid(s: string): boolean {
  let t = s.replace(/^urn:/, "").replace(/^uuid:/, "");
  if (t.startsWith("{") && t.endsWith("}")) t = t.slice(1, -1);
  t = t.replaceAll("-", "");
  return /^[0-9a-fA-F]{32}$/.test(t);
}

/**
 * Python's non-strict `base64.b64decode`: characters outside the alphabet are discarded; the
 * data characters before the first "=" must be padded to a multiple of 4.
 */
export function isBase64(s: string): boolean {
  let data = 0;
  let pad = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const alpha = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 47;
    if (c === 61) pad++;
    else if (alpha && pad === 0) data++;
  }
  const r = data % 4;
  if (r === 1) return false;
  if (r === 2) return pad >= 2;
  if (r === 3) return pad >= 1;
  return true;
}

const WKT_HEAD =
  /^\s*(?:SRID=\d+;\s*)?(?:POINT|LINESTRING|POLYGON|MULTIPOINT|MULTILINESTRING|MULTIPOLYGON|GEOMETRYCOLLECTION|TRIANGLE|TIN|POLYHEDRALSURFACE)(?:\s*(?:ZM|Z|M))?\s*/i;

/** Well-Known Text, checked for its shape: a geometry keyword, then EMPTY or balanced parentheses. */
export function isWkt(s: string): boolean {
  const head = WKT_HEAD.exec(s);
  if (!head) return false;
  const body = s.slice(head[0].length).trim();
  if (/^EMPTY$/i.test(body)) return true;
  if (!body.startsWith("(") || !body.endsWith(")")) return false;
  let depth = 0;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch === "(") depth++;
    else if (ch === ")") {
      depth--;
      if (depth < 0) return false;
      if (depth === 0 && i !== body.length - 1) return false;
    } else if (!/[\d\s.,+\-eE]/.test(ch) && !/[A-Za-z]/.test(ch)) return false;
  }
  return depth === 0;
}

const identity = (raw: string): string => raw;
const strLength = (v: unknown): number => codePointLength(v as string);

/** Strings are kept as written: no strip (frictionless). */
export function stringType(format: string): TypeImpl {
  let test: ((s: string) => boolean) | undefined;
  switch (format) {
    case "default":
      break;
    case "email":
      test = isEmail;
      break;
    case "uri":
      test = isUri;
      break;
    case "uuid":
      test = isUuid;
      break;
    case "binary":
      test = isBase64;
      break;
    case "wkt":
      test = isWkt;
      break;
    default:
      throw unknownFormat("string", format, STRING_FORMATS);
  }
  const check = test;
  return {
    cast: check ? (raw) => (check(raw) ? raw : INVALID) : identity,
    castJson: (v) => (typeof v === "string" ? (check && !check(v) ? INVALID : v) : INVALID),
    primitive: true,
    ordered: false,
    key: identity as (v: unknown) => string,
    length: strLength,
  };
}
