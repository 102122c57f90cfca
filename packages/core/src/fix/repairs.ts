import type { FieldDescriptor } from "../table-schema/descriptor.js";

/**
 * The corrected values behind the damage hints (messages/hints.ts) and `fixTable`: one function
 * per kind of damage, so that what a finding suggests and what `conforme fix` writes are the
 * same value. Each returns candidates only; whether a candidate passes the field's type and
 * constraints is the caller's test (`Accepts`), and the fix adds the column-wide guards a
 * single cell cannot see (see {@link ColumnFacts}).
 */

/** Lower case, accents dropped, spaces collapsed: how a hand-typed enum or boolean value is compared. */
export function comparable(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{Mn}/gu, "")
    .replace(/\s+/g, " ");
}

// Excel shows a long number (a SIRET read as a number) as 2,43E+13 and, once saved so, keeps
// only the digits shown: the rest are zeros for good (Microsoft, "Excel shows long numbers in
// scientific notation", 15-digit precision).
export const SCIENTIFIC = /^[+-]?\d+(?:[.,]\d+)?[eE][+-]?\d+$/;
const SCIENTIFIC_PARTS = /^(\d+)(?:[.,](\d+))?[eE]\+?(\d+)$/;

/**
 * The digits a number in scientific notation stands for, only when none was lost: every digit
 * is written in the mantissa (`1,2345E+4` → `12345`). When the exponent asks for more digits
 * than the mantissa shows (`2,43E+13`), the missing ones are the zeros Excel put in place of
 * the lost digits, and nothing is returned. At most 15 digits: Excel's precision.
 */
export function digitsFromScientific(cell: string): string | undefined {
  const match = SCIENTIFIC_PARTS.exec(cell);
  if (!match) return undefined;
  const [, whole = "", fraction = "", exponent = ""] = match;
  if (Number(exponent) !== fraction.length) return undefined;
  const digits = whole + fraction;
  return digits.length <= 15 ? digits : undefined;
}

const DIGITS = /^\d+$/;

/**
 * A code a spreadsheet read as a number loses its leading zeros (`01000` becomes `1000`): the
 * value padded with one or two zeros. The caller keeps the one candidate the field accepts, and
 * none when several pass (a pattern that allows several lengths says nothing certain).
 */
export function leadingZerosCandidates(cell: string): string[] {
  if (!DIGITS.test(cell)) return [];
  return [cell.padStart(cell.length + 1, "0"), cell.padStart(cell.length + 2, "0")];
}

/** The one value of the field's enum equal to `cell` up to case, accents and spaces. */
export function enumMatch(cell: string, field: FieldDescriptor): string | undefined {
  const wanted = comparable(cell);
  const values = Array.isArray(field.constraints?.enum) ? field.constraints.enum : [];
  const near = values.filter((value): value is string => typeof value === "string" && comparable(value) === wanted);
  return near.length === 1 ? near[0] : undefined;
}

export const FRENCH_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const FRENCH_DATETIME = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/** `31/12/2024` (day first, as French spreadsheets write it) → `2024-12-31`. */
export function isoFromFrench(cell: string): string | undefined {
  const match = FRENCH_DATE.exec(cell);
  if (!match) return undefined;
  const [, day = "", month = "", year = ""] = match;
  return isoDate(day, month, year);
}

/** `31/12/2024 14:30` → `2024-12-31T14:30:00`: Table Schema's default datetime form (RFC 3339 without zone). */
export function isoDatetimeFromFrench(cell: string): string | undefined {
  const match = FRENCH_DATETIME.exec(cell);
  if (!match) return undefined;
  const [, day = "", month = "", year = "", hour = "", minute = "", second = "00"] = match;
  const date = isoDate(day, month, year);
  if (!date || Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return undefined;
  return `${date}T${hour.padStart(2, "0")}:${minute}:${second}`;
}

function isoDate(day: string, month: string, year: string): string | undefined {
  const d = Number(day);
  const m = Number(month);
  if (m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  return `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
}

/**
 * Whether a date written with slashes can only be month first (`12/31/2024`): its second part
 * is no month. One such cell in a column says its other dates are month first too.
 */
export function isMonthFirst(cell: string): boolean {
  const match = FRENCH_DATE.exec(cell) ?? FRENCH_DATETIME.exec(cell);
  return match !== null && Number(match[2]) > 12 && Number(match[1]) <= 12;
}

export const DECIMAL_COMMA = /^[+-]?\d[\d\s\u00a0\u202f.]*,\d+$|^[+-]?\d+,\d*$/;

/** `1 250,50` → `1250.50`: spaces dropped, the comma a point (the hint's reading). */
export function pointForComma(cell: string): string {
  return cell.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
}

/**
 * A decimal comma the fix may replace: one comma, digits on both sides, and only spaces
 * (ordinary, non-breaking, narrow non-breaking: what French locales print) grouping the
 * integer part by three. A point anywhere (`1.234,5`) is refused, as is a lone `1,234` when
 * other cells of the column write decimal points: its comma may then separate thousands.
 */
const CERTAIN_DECIMAL_COMMA = /^[+-]?(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+),\d+$/;
const THOUSANDS_LOOKALIKE = /^[+-]?\d{1,3},\d{3}$/;

export function certainPointForComma(cell: string, pointsInColumn: boolean): string | undefined {
  if (!CERTAIN_DECIMAL_COMMA.test(cell)) return undefined;
  if (pointsInColumn && THOUSANDS_LOOKALIKE.test(cell)) return undefined;
  return pointForComma(cell);
}

/** An integer written with a zero fraction (`12.0`, as spreadsheets export whole numbers): `12`. */
export function wholeFromDecimals(cell: string): string | undefined {
  return /^[+-]?\d+\.0+$/.test(cell) ? cell.replace(/\.0+$/, "") : undefined;
}

// Words for yes and no in French and English data; single letters (o, n, x) are left out:
// `x` marks a box in one file and means "unknown" in another.
const TRUE_WORDS = new Set(["oui", "vrai", "true", "yes", "1"]);
const FALSE_WORDS = new Set(["non", "faux", "false", "no", "0"]);
const DEFAULT_TRUE = ["true", "True", "TRUE", "1"];
const DEFAULT_FALSE = ["false", "False", "FALSE", "0"];

/**
 * The schema's spelling of a yes or no (`Oui` → `oui` when trueValues is `["oui"]`, `Vrai` →
 * `true` by default): the value of trueValues or falseValues equal to the cell up to case and
 * accents, else the first one that is a yes (no) word, else the first one.
 */
export function booleanSpelling(cell: string, field: FieldDescriptor): string | undefined {
  const word = comparable(cell);
  const truth = TRUE_WORDS.has(word) ? true : FALSE_WORDS.has(word) ? false : undefined;
  if (truth === undefined) return undefined;
  const declared = truth ? field.trueValues : field.falseValues;
  const values = Array.isArray(declared) && declared.length > 0 ? declared : truth ? DEFAULT_TRUE : DEFAULT_FALSE;
  const words = truth ? TRUE_WORDS : FALSE_WORDS;
  if (values.includes(cell)) return cell;
  return values.find((value) => comparable(value) === word) ?? values.find((value) => words.has(comparable(value))) ?? values[0];
}
