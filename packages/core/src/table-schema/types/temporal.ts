import { FormatError, INVALID, type TypeImpl } from "./type.js";

/**
 * A `date` value: the number `year * 10000 + month * 100 + day` (2024-01-05 is 20240105).
 * Cheap to build, compared with `<` and `===`, and its ISO text is `dateToIso(value)`.
 * Other checks (compare-columns) compare dates of a field as plain numbers.
 */
export type DateValue = number;

/**
 * A `datetime` value: milliseconds since 1970-01-01T00:00:00Z, fractional below the
 * millisecond. An offset, when given, is applied; a datetime without offset is read as UTC.
 */
export type DateTimeValue = number;

/** A `time` value: milliseconds since midnight, the offset (when given) applied. */
export type TimeValue = number;

/** A `yearmonth` value: `year * 100 + month`. */
export type YearMonthValue = number;

/** A `duration` value: total months (years × 12 + months) and seconds of the rest. */
export interface DurationValue {
  months: number;
  seconds: number;
}

const pad = (n: number, width: number): string => String(n).padStart(width, "0");

export function dateToIso(value: DateValue): string {
  const y = Math.floor(value / 10000);
  return `${pad(y, 4)}-${pad(Math.floor(value / 100) % 100, 2)}-${pad(value % 100, 2)}`;
}

export function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeap(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Days from 1970-01-01 to the date (proleptic Gregorian). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function validDate(y: number, m: number, d: number): boolean {
  // Python's datetime: MINYEAR is 1.
  return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

const d0 = 48;
const isD = (c: number): boolean => c >= 48 && c <= 57;

/**
 * `strptime(s, "%Y-%m-%d")` by hand, the format frictionless uses by default. As Python's
 * strptime: four-digit year, month `1[0-2]|0[1-9]|[1-9]`, day `3[01]|[12]\d|0[1-9]|[1-9]| [1-9]`,
 * so the unpadded `2015-5-12` is accepted and `2024-02-30` is not. No strip.
 */
export function parseIsoDate(s: string): DateValue | typeof INVALID {
  const n = s.length;
  if (n < 8 || n > 10) return INVALID;
  const c0 = s.charCodeAt(0);
  const c1 = s.charCodeAt(1);
  const c2 = s.charCodeAt(2);
  const c3 = s.charCodeAt(3);
  if (!isD(c0) || !isD(c1) || !isD(c2) || !isD(c3) || s.charCodeAt(4) !== 45) return INVALID;
  const y = (c0 - d0) * 1000 + (c1 - d0) * 100 + (c2 - d0) * 10 + (c3 - d0);
  let i: number;
  let m: number;
  const m0 = s.charCodeAt(5);
  if (s.charCodeAt(6) === 45) {
    if (m0 < 49 || m0 > 57) return INVALID;
    m = m0 - d0;
    i = 7;
  } else {
    const m1 = s.charCodeAt(6);
    if (s.charCodeAt(7) !== 45 || !isD(m1)) return INVALID;
    if (m0 === 48 && m1 !== 48) m = m1 - d0;
    else if (m0 === 49 && m1 <= 50) m = 10 + m1 - d0;
    else return INVALID;
    i = 8;
  }
  const rest = n - i;
  let d: number;
  if (rest === 1) {
    const c = s.charCodeAt(i);
    if (c < 49 || c > 57) return INVALID;
    d = c - d0;
  } else if (rest === 2) {
    const a = s.charCodeAt(i);
    const b = s.charCodeAt(i + 1);
    if (!isD(b)) return INVALID;
    if (a === 32 /* " 5" */ || a === 48) {
      if (b === 48) return INVALID;
      d = b - d0;
    } else if (a === 49 || a === 50) d = (a - d0) * 10 + (b - d0);
    else if (a === 51 && b <= 49) d = 30 + b - d0;
    else return INVALID;
  } else return INVALID;
  if (!validDate(y, m, d)) return INVALID;
  return y * 10000 + m * 100 + d;
}

/** The parts a strptime-style format reads. */
interface Parts {
  y: number;
  m: number;
  d: number;
  H: number;
  M: number;
  S: number;
  ms: number;
  /** Offset in minutes, or null when the format reads none. */
  offset: number | null;
  pm: boolean | null;
  yday: number | null;
}

type Setter = (p: Parts, text: string) => boolean;

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

function parseOffset(text: string): number | null {
  if (text === "Z" || text === "z") return 0;
  const m = /^([+-])(\d\d):?(\d\d)(?::?(\d\d)(?:\.\d{1,6})?)?$/.exec(text);
  if (!m) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3]) + Number(m[4] ?? 0) / 60;
  return m[1] === "-" ? -minutes : minutes;
}

// Regex pieces of CPython's _strptime (Lib/_strptime.py, TimeRE), C locale.
const DIRECTIVES: Record<string, { re: string; set: Setter }> = {
  Y: { re: "\\d\\d\\d\\d", set: (p, t) => ((p.y = Number(t)), true) },
  y: { re: "\\d\\d", set: (p, t) => ((p.y = Number(t) + (Number(t) < 69 ? 2000 : 1900)), true) },
  m: { re: "1[0-2]|0[1-9]|[1-9]", set: (p, t) => ((p.m = Number(t)), true) },
  d: { re: "3[01]|[12]\\d|0[1-9]|[1-9]| [1-9]", set: (p, t) => ((p.d = Number(t.trim())), true) },
  H: { re: "2[0-3]|[0-1]\\d|\\d", set: (p, t) => ((p.H = Number(t)), true) },
  I: { re: "1[0-2]|0[1-9]|[1-9]", set: (p, t) => ((p.H = Number(t)), true) },
  M: { re: "[0-5]\\d|\\d", set: (p, t) => ((p.M = Number(t)), true) },
  S: { re: "6[0-1]|[0-5]\\d|\\d", set: (p, t) => ((p.S = Number(t)), true) },
  f: { re: "[0-9]{1,6}", set: (p, t) => ((p.ms = Number(t.padEnd(6, "0")) / 1000), true) },
  z: {
    re: "[+-]\\d\\d:?[0-5]\\d(?::?[0-5]\\d(?:\\.\\d{1,6})?)?|Z",
    set: (p, t) => {
      p.offset = parseOffset(t);
      return p.offset !== null;
    },
  },
  p: { re: "am|pm", set: (p, t) => ((p.pm = t.toLowerCase() === "pm"), true) },
  b: { re: MONTHS.map((m) => m.slice(0, 3)).join("|"), set: (p, t) => ((p.m = monthIndex(t)), true) },
  B: { re: MONTHS.join("|"), set: (p, t) => ((p.m = monthIndex(t)), true) },
  a: { re: DAYS.map((d) => d.slice(0, 3)).join("|"), set: () => true },
  A: { re: DAYS.join("|"), set: () => true },
  j: {
    re: "36[0-6]|3[0-5]\\d|[12]\\d\\d|0[1-9]\\d|00[1-9]|[1-9]\\d|0[1-9]|[1-9]",
    set: (p, t) => ((p.yday = Number(t)), true),
  },
};
DIRECTIVES["h"] = DIRECTIVES["b"]!;

function monthIndex(t: string): number {
  const lower = t.toLowerCase();
  return MONTHS.findIndex((m) => m.startsWith(lower.slice(0, 3))) + 1;
}

/** A strptime-style format compiled once: `parse` returns the parts or null. */
export interface Strptime {
  parse(s: string): Parts | null;
}

/**
 * Compiles a Python `strptime` format (`%d/%m/%Y`, `%Y`, `%Y-%m-%dT%H:%M:%S%z`...). Whitespace in
 * the format matches one or more whitespace characters, as CPython does. Throws a FormatError
 * on a directive Python does not know, where frictionless would fail every cell.
 */
export function compileStrptime(format: string): Strptime {
  let src = "";
  const setters: Setter[] = [];
  for (let i = 0; i < format.length; i++) {
    const c = format[i]!;
    if (c === "%") {
      const k = format[i + 1];
      i++;
      if (k === "%") {
        src += "%";
        continue;
      }
      const dir = k === undefined ? undefined : DIRECTIVES[k];
      if (!dir) {
        throw new FormatError({
          fr: `directive « %${k ?? ""} » inconnue dans le format de date « ${format} »`,
          en: `unknown directive "%${k ?? ""}" in date format "${format}"`,
        });
      }
      src += `(${dir.re})`;
      setters.push(dir.set);
    } else if (/\s/.test(c)) {
      src += "\\s+";
      while (i + 1 < format.length && /\s/.test(format[i + 1]!)) i++;
    } else {
      src += c.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
    }
  }
  // Built from fixed pieces and escaped literals only: bounded backtracking.
  const re = new RegExp(`^(?:${src})$`, "i");
  return {
    parse(s) {
      const m = re.exec(s);
      if (!m) return null;
      const p: Parts = { y: 1900, m: 1, d: 1, H: 0, M: 0, S: 0, ms: 0, offset: null, pm: null, yday: null };
      for (let g = 0; g < setters.length; g++) if (!setters[g]!(p, m[g + 1]!)) return null;
      if (p.pm !== null) p.H = (p.H % 12) + (p.pm ? 12 : 0);
      if (p.yday !== null) {
        let days = p.yday;
        let month = 1;
        while (month <= 12 && days > daysInMonth(p.y, month)) days -= daysInMonth(p.y, month++);
        if (month > 12) return null;
        p.m = month;
        p.d = days;
      }
      if (p.S > 59) p.S = 59; // CPython clamps leap seconds 60 and 61 when building the datetime
      if (!validDate(p.y, p.m, p.d)) return null;
      return p;
    },
  };
}

function instant(p: Parts): DateTimeValue {
  const ms = (((daysFromCivil(p.y, p.m, p.d) * 24 + p.H) * 60 + p.M) * 60 + p.S) * 1000 + p.ms;
  return p.offset === null ? ms : ms - p.offset * 60000;
}

function twoDigits(s: string, i: number): number {
  const a = s.charCodeAt(i);
  const b = s.charCodeAt(i + 1);
  return isD(a) && isD(b) ? (a - d0) * 10 + (b - d0) : -1;
}

/**
 * `HH:MM:SS[.ffffff][offset]` from position `i`, as dateutil's isoparser reads a time; writes the
 * milliseconds since midnight (offset applied) to `out[0]` and whether the hour was 24.
 */
function parseIsoTime(s: string, i: number, out: number[]): boolean {
  const H = twoDigits(s, i);
  if (H < 0 || s.charCodeAt(i + 2) !== 58) return false;
  const M = twoDigits(s, i + 3);
  if (M < 0 || M > 59) return false;
  let j = i + 5;
  let S = 0;
  let frac = 0;
  if (s.charCodeAt(j) === 58) {
    S = twoDigits(s, j + 1);
    if (S < 0 || S > 59) return false;
    j += 3;
    const sep = s.charCodeAt(j);
    if (sep === 46 || sep === 44) {
      j++;
      const start = j;
      while (j < s.length && isD(s.charCodeAt(j))) j++;
      if (j === start) return false;
      // dateutil keeps microseconds (6 digits) and ignores further digits.
      frac = Number(s.slice(start, Math.min(j, start + 6)).padEnd(6, "0")) / 1000;
    }
  }
  if (H > 24 || (H === 24 && (M !== 0 || S !== 0 || frac !== 0))) return false;
  let offset = 0;
  if (j < s.length) {
    const o = parseOffset(s.slice(j));
    if (o === null || Math.abs(o) >= 24 * 60) return false;
    offset = o;
  }
  out[0] = ((H * 60 + M) * 60 + S) * 1000 + frac - offset * 60000;
  return true;
}

const timeScratch = [0];

/**
 * Default `datetime`: frictionless requires `s[16] == ":"` and at least 19 characters, then
 * calls dateutil's `isoparse`: `YYYY-MM-DD`, one separator character, `HH:MM:SS`, optional
 * fraction and offset (`Z`, `+01:00`, `+0100`, `+01`).
 */
export function parseIsoDateTime(s: string): DateTimeValue | typeof INVALID {
  if (s.length < 19 || s.charCodeAt(16) !== 58) return INVALID;
  const c0 = s.charCodeAt(0);
  const c1 = s.charCodeAt(1);
  const c2 = s.charCodeAt(2);
  const c3 = s.charCodeAt(3);
  if (!isD(c0) || !isD(c1) || !isD(c2) || !isD(c3) || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) {
    return INVALID;
  }
  const y = (c0 - d0) * 1000 + (c1 - d0) * 100 + (c2 - d0) * 10 + (c3 - d0);
  const m = twoDigits(s, 5);
  const d = twoDigits(s, 8);
  if (!validDate(y, m, d)) return INVALID;
  if (!parseIsoTime(s, 11, timeScratch)) return INVALID;
  return daysFromCivil(y, m, d) * 86400000 + timeScratch[0]!;
}

/** Default `time`: `s[5] == ":"`, at least 8 characters, then isoparse's time grammar. */
export function parseIsoTimeValue(s: string): TimeValue | typeof INVALID {
  if (s.length < 8 || s.charCodeAt(5) !== 58) return INVALID;
  if (!parseIsoTime(s, 0, timeScratch)) return INVALID;
  return timeScratch[0]!;
}

const ANY_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$|^(\d{4})(\d\d)(\d\d)$|^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/**
 * The `any` format of date and datetime. frictionless calls dateutil's free-text parser; this is
 * a smaller grammar (docs/parity.md): ISO dates, compact `YYYYMMDD`, and numeric
 * `DD/MM/YYYY` (also `.` or `-`), read day first as French data writes it, month first only
 * when the day-first reading is impossible (as dateutil swaps them).
 */
function parseAnyParts(s: string): { y: number; m: number; d: number; rest: string } | null {
  const t = s.trim();
  const cut = t.search(/[T ]/);
  const datePart = cut < 0 ? t : t.slice(0, cut);
  const rest = cut < 0 ? "" : t.slice(cut + 1).trim();
  const m = ANY_DATE.exec(datePart);
  if (!m) return null;
  if (m[1] !== undefined) return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]), rest };
  if (m[4] !== undefined) return { y: Number(m[4]), m: Number(m[5]), d: Number(m[6]), rest };
  const a = Number(m[7]);
  const b = Number(m[8]);
  const y = Number(m[9]);
  if (validDate(y, b, a)) return { y, m: b, d: a, rest };
  return { y, m: a, d: b, rest };
}

function parseAnyTime(rest: string): number | null {
  if (rest === "") return 0;
  const m = /^(\d{1,2})(?::(\d\d))?(?::(\d\d)(?:[.,](\d{1,6})\d*)?)?\s*(Z|[+-]\d\d(?::?\d\d)?)?$/i.exec(rest);
  if (!m) return null;
  const H = Number(m[1]);
  const M = Number(m[2] ?? 0);
  const S = Number(m[3] ?? 0);
  if (H > 23 || M > 59 || S > 59) return null;
  const frac = m[4] ? Number(m[4].padEnd(6, "0")) / 1000 : 0;
  const offset = m[5] ? parseOffset(m[5].length === 3 ? `${m[5]}:00` : m[5]) : 0;
  if (offset === null) return null;
  return ((H * 60 + M) * 60 + S) * 1000 + frac - offset * 60000;
}

export function dateType(format: string): TypeImpl {
  let cast: (raw: string) => unknown;
  if (format === "default" || format === "%Y-%m-%d") cast = parseIsoDate;
  else if (format === "any") {
    cast = (raw) => {
      const p = parseAnyParts(raw);
      if (!p || !validDate(p.y, p.m, p.d)) return INVALID;
      const t = parseAnyTime(p.rest);
      // frictionless keeps the date of a datetime whatever its time.
      if (t === null) return INVALID;
      return p.y * 10000 + p.m * 100 + p.d;
    };
  } else {
    const f = compileStrptime(format);
    cast = (raw) => {
      const p = f.parse(raw);
      return p ? p.y * 10000 + p.m * 100 + p.d : INVALID;
    };
  }
  return { cast, primitive: true, ordered: true, key: (v) => dateToIso(v as number) };
}

export function datetimeType(format: string): TypeImpl {
  let cast: (raw: string) => unknown;
  if (format === "default") cast = parseIsoDateTime;
  else if (format === "any") {
    cast = (raw) => {
      const p = parseAnyParts(raw);
      if (!p || !validDate(p.y, p.m, p.d)) return INVALID;
      const t = parseAnyTime(p.rest);
      return t === null ? INVALID : daysFromCivil(p.y, p.m, p.d) * 86400000 + t;
    };
  } else {
    const f = compileStrptime(format);
    cast = (raw) => {
      const p = f.parse(raw);
      return p ? instant(p) : INVALID;
    };
  }
  return { cast, primitive: true, ordered: true };
}

export function timeType(format: string): TypeImpl {
  let cast: (raw: string) => unknown;
  if (format === "default") cast = parseIsoTimeValue;
  else if (format === "any") {
    cast = (raw) => {
      const t = parseAnyTime(raw.trim());
      return t === null ? INVALID : t;
    };
  } else {
    const f = compileStrptime(format);
    cast = (raw) => {
      const p = f.parse(raw);
      return p ? ((p.H * 60 + p.M) * 60 + p.S) * 1000 + p.ms - (p.offset ?? 0) * 60000 : INVALID;
    };
  }
  return { cast, primitive: true, ordered: true };
}

/** `year`: exactly 4 characters, then Python `int()`, in 0..9999 (so `+202` and ` 202` pass). */
export function parseYear(s: string): number | typeof INVALID {
  if (s.length !== 4) return INVALID;
  const t = s.trim();
  if (!/^[+-]?\d+$/.test(t)) return INVALID;
  const v = Number(t);
  return v < 0 || v > 9999 ? INVALID : v;
}

export function yearType(): TypeImpl {
  return {
    cast: parseYear,
    castJson: (v) => (typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= 9999 ? v : INVALID),
    primitive: true,
    ordered: true,
  };
}

/** `yearmonth`: `YYYY-MM` split on "-", each part read with Python `int()`, month 1..12. */
export function parseYearMonth(s: string): YearMonthValue | typeof INVALID {
  const dash = s.indexOf("-");
  if (dash < 0 || s.indexOf("-", dash + 1) >= 0) return INVALID;
  const ys = s.slice(0, dash).trim();
  const ms = s.slice(dash + 1).trim();
  if (!/^\+?\d+$/.test(ys) || !/^\+?\d+$/.test(ms)) return INVALID;
  const y = Number(ys);
  const m = Number(ms);
  if (m < 1 || m > 12) return INVALID;
  return y * 100 + m;
}

export function yearmonthType(): TypeImpl {
  return {
    cast: parseYearMonth,
    castJson: (v) => {
      if (Array.isArray(v) && v.length === 2 && Number.isInteger(v[0]) && Number.isInteger(v[1])) {
        const [y, m] = v as [number, number];
        return m >= 1 && m <= 12 ? y * 100 + m : INVALID;
      }
      return INVALID;
    },
    primitive: true,
    ordered: true,
    key: (v) => {
      const n = v as number;
      return `${Math.floor(n / 100)}-${pad(n % 100, 2)}`;
    },
  };
}

const DURATION =
  /^([+-])?P(?:(\d+(?:[.,]\d+)?)Y)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)W)?(?:(\d+(?:[.,]\d+)?)D)?(?:T(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;
const DURATION_ALT = /^([+-])?P(\d{4})-?(\d\d)-?(\d\d)T(\d\d):?(\d\d):?(\d\d(?:[.,]\d+)?)$/;

const num = (t: string | undefined): number => (t === undefined ? 0 : Number(t.replace(",", ".")));

/** ISO 8601 durations as isodate's `parse_duration` reads them (`P1Y2M`, `PT1H30M`, `P1W`). */
export function parseDuration(s: string): DurationValue | typeof INVALID {
  const m = DURATION.exec(s);
  if (m) {
    if (s.length <= (m[1] ? 2 : 1)) return INVALID; // a bare "P" has no component
    const sign = m[1] === "-" ? -1 : 1;
    const months = num(m[2]) * 12 + num(m[3]);
    const seconds = ((num(m[4]) * 7 + num(m[5])) * 24 + num(m[6])) * 3600 + num(m[7]) * 60 + num(m[8]);
    return { months: sign * months, seconds: sign * seconds };
  }
  const a = DURATION_ALT.exec(s);
  if (!a) return INVALID;
  const sign = a[1] === "-" ? -1 : 1;
  const months = num(a[2]) * 12 + num(a[3]);
  const seconds = (num(a[4]) * 24 + num(a[5])) * 3600 + num(a[6]) * 60 + num(a[7]);
  return { months: sign * months, seconds: sign * seconds };
}

export function durationType(): TypeImpl {
  return {
    cast: parseDuration,
    primitive: false,
    ordered: false,
    key: (v) => {
      const d = v as DurationValue;
      return `${d.months}M${d.seconds}S`;
    },
  };
}
