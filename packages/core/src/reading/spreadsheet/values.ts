/**
 * Cell values as the Table Schema engine reads them: text in the canonical lexical forms of
 * Table Schema's types (numbers with a point and no thousands separator, ISO 8601 dates,
 * "true"/"false"), whatever the spreadsheet displays.
 */

/**
 * A stored number as text. Excel keeps 15 significant digits (Microsoft, "Floating-point
 * arithmetic may give inaccurate results in Excel") and writes the double nearest to what it
 * shows (0.1 + 0.2 as 0.30000000000000004): rounded to 15 significant digits, the value is what
 * the user sees. Never in exponent notation: 1E-7 is "0.0000001" and 1.2E+20 is "120000000000000000000".
 */
export function canonicalNumber(raw: string): string {
  // Most stored numbers are already canonical: 15 digits at most, no leading or trailing zero.
  if (CANONICAL.test(raw) && raw.length <= (raw.includes(".") ? 16 : 15) + (raw.startsWith("-") ? 1 : 0)) return raw === "-0" ? "0" : raw;
  const value = Number(raw.trim());
  if (raw.trim() === "" || !Number.isFinite(value)) return raw;
  if (value === 0) return "0";
  return plainDecimal(value.toPrecision(15));
}

const CANONICAL = /^-?(?:0|[1-9]\d*)(?:\.\d*[1-9])?$/;

/** A decimal in exponent or fixed notation written out in fixed notation, without trailing zeros. */
export function plainDecimal(text: string): string {
  const match = /^([+-]?)(\d+)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!match) return text;
  const [, sign = "", whole = "", fraction = "", exponentText = "0"] = match;
  const exponent = Number(exponentText);
  let digits = whole + fraction;
  // Position of the decimal point in `digits`.
  let point = whole.length + exponent;
  if (point <= 0) {
    digits = "0".repeat(1 - point) + digits;
    point = 1;
  } else if (point > digits.length) {
    digits += "0".repeat(point - digits.length);
  }
  let integer = digits.slice(0, point).replace(/^0+(?=\d)/, "");
  const decimals = digits.slice(point).replace(/0+$/, "");
  if (integer === "") integer = "0";
  const out = decimals === "" ? integer : `${integer}.${decimals}`;
  return sign === "-" && out !== "0" ? `-${out}` : out;
}

/** What a number format shows of a value: a date, a time, both, or none of them. */
export type DateKind = "date" | "time" | "datetime";

/**
 * Built-in number formats that show dates and times (ECMA-376 Part 1 §18.8.30): 14-22, 45-47,
 * and the East Asian ones (27-36, 50-58) that Excel maps to dates in those locales.
 */
const BUILT_IN_DATES: ReadonlyMap<number, DateKind> = new Map([
  [14, "date"],
  [15, "date"],
  [16, "date"],
  [17, "date"],
  [18, "time"],
  [19, "time"],
  [20, "time"],
  [21, "time"],
  [22, "datetime"],
  [45, "time"],
  [46, "time"],
  [47, "time"],
  ...[27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58].map((id): [number, DateKind] => [id, "date"]),
  [32, "time"],
  [33, "time"],
]);

export function builtInDateKind(id: number): DateKind | undefined {
  return BUILT_IN_DATES.get(id);
}

/**
 * Whether a custom number format code shows a date or a time (ECMA-376 Part 1 §18.8.31): its
 * first section, without quoted text, escaped characters and bracketed colours or conditions,
 * has day, month, year, hour or second tokens. `[h]`, `[mm]` and `[ss]` are elapsed times.
 */
export function formatDateKind(code: string): DateKind | undefined {
  const section = firstSection(code)
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/_./g, "")
    .replace(/\*./g, "");
  const elapsed = /\[(h+|m+|s+)\]/i.test(section);
  let bare = section.replace(/\[[^\]]*\]/g, "").toLowerCase();
  const meridiem = /am\/pm|a\/p/.test(bare);
  bare = bare.replace(/am\/pm|a\/p/g, "");
  const time = elapsed || meridiem || /[hs]/.test(bare);
  // "m" is a month, unless an hour or a second goes with it (then a minute).
  const date = /[dy]/.test(bare) || (/m/.test(bare) && !time);
  if (date && time) return "datetime";
  if (date) return "date";
  if (time) return "time";
  return undefined;
}

function firstSection(code: string): string {
  let quoted = false;
  for (let k = 0; k < code.length; k++) {
    const char = code[k];
    if (char === '"') quoted = !quoted;
    else if (char === "\\") k++;
    else if (char === ";" && !quoted) return code.slice(0, k);
  }
  return code;
}

/**
 * A format made of zeros only (`00000`, Excel's "Zip Code" special format) shows an integer
 * padded to that many digits: 1000 is shown, and saved as CSV, as 01000. Its width, if so.
 */
export function zeroPaddingWidth(code: string): number | undefined {
  const section = firstSection(code).trim();
  return /^0{2,}$/.test(section) ? section.length : undefined;
}

const DAY_MS = 86_400_000;
// 1899-12-30, day 0 of the 1900 system once its fictitious 1900-02-29 is skipped.
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/**
 * An Excel serial date as ISO 8601 text (ECMA-376 Part 1 §18.17.4). In the 1900 system serial 1
 * is 1900-01-01 and serial 60 is 1900-02-29, a day that never was (kept from Lotus 1-2-3), so
 * serials below 61 are one day later than the arithmetic gives; in the 1904 system (old Mac
 * workbooks, `date1904`) serial 0 is 1904-01-01. Times are rounded to the second, as Excel shows them.
 */
export function excelSerialToIso(serial: number, kind: DateKind, date1904: boolean): string | undefined {
  if (!Number.isFinite(serial) || serial < 0 || serial >= 2_958_466) return undefined;
  if (kind === "date" && Number.isInteger(serial)) {
    // A column of dates repeats the same few thousand days: each is computed once.
    const cache = date1904 ? DATES_1904 : DATES_1900;
    let iso = cache.get(serial);
    if (iso === undefined) {
      iso = serialToIso(serial, kind, date1904);
      if (cache.size < 100_000) cache.set(serial, iso);
    }
    return iso;
  }
  return serialToIso(serial, kind, date1904);
}

const DATES_1900 = new Map<number, string>();
const DATES_1904 = new Map<number, string>();

function serialToIso(serial: number, kind: DateKind, date1904: boolean): string {
  let ms = Math.round(serial * 86_400) * 1000;
  if (kind === "time") return isoTime(ms % DAY_MS);
  if (date1904) ms += EPOCH_1904;
  else if (serial >= 61) ms += EPOCH_1900;
  else if (serial >= 60 && serial < 61) return kind === "date" ? "1900-02-29" : `1900-02-29T${isoTime(ms % DAY_MS)}`;
  else ms += EPOCH_1900 + DAY_MS;
  const iso = new Date(ms).toISOString();
  return kind === "date" ? iso.slice(0, 10) : iso.slice(0, 19);
}

function isoTime(ms: number): string {
  return new Date(ms).toISOString().slice(11, 19);
}

/** An ODF `office:time-value` (an XML Schema duration, `PT10H30M00S`) as `10:30:00`. */
export function odfTime(duration: string): string | undefined {
  const match = /^-?P(?:(\d+)D)?T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/.exec(duration.trim());
  if (!match) return undefined;
  const [, days = "0", hours = "0", minutes = "0", seconds = "0"] = match;
  const total = Math.round(((Number(days) * 24 + Number(hours)) * 60 + Number(minutes)) * 60 + Number(seconds));
  const h = Math.floor(total / 3600);
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${pad(h)}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
}

/**
 * An ODF `office:date-value` (XML Schema date or dateTime): the date alone when its time is
 * midnight, as LibreOffice writes a date cell; fractions of a second dropped.
 */
export function odfDate(value: string): string {
  const trimmed = value.trim();
  const match = /^(-?\d{4,}-\d{2}-\d{2})(?:T(\d{2}:\d{2}:\d{2})(?:\.\d+)?)?/.exec(trimmed);
  if (!match) return trimmed;
  const [, date = "", time] = match;
  return time === undefined || time === "00:00:00" ? date : `${date}T${time}`;
}

/**
 * Excel escapes characters XML cannot carry as `_xHHHH_` in strings (ECMA-376 Part 1
 * §22.9.2.19, ST_Xstring): `_x000D_` is a carriage return, and `_x005F_` escapes the underscore
 * of a literal `_x…_`.
 */
export function unescapeXstring(text: string): string {
  if (!text.includes("_x")) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_all, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** A 1-based column number as letters: 1 is A, 27 is AA (ECMA-376 Part 1 §18.17.2.3). */
export function columnName(column: number): string {
  let name = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** The 1-based column of a cell reference's letters (`B12` is 2), or undefined. */
export function columnNumber(reference: string): number | undefined {
  let column = 0;
  let k = 0;
  for (; k < reference.length; k++) {
    const code = reference.charCodeAt(k);
    const upper = code >= 97 ? code - 32 : code;
    if (upper < 65 || upper > 90) break;
    column = column * 26 + (upper - 64);
  }
  return k === 0 ? undefined : column;
}
