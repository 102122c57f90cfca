import { describe, expect, it } from "vitest";
import type { FieldDescriptor } from "../table-schema/descriptor.js";
import { INVALID } from "../table-schema/field.js";
import { compileField } from "../table-schema/index.js";
import { hintFor, plainSummary, type Accepts } from "./hints.js";

const date: FieldDescriptor = { name: "dateConvention", type: "date" };
const number: FieldDescriptor = { name: "montant", type: "number" };
const siret: FieldDescriptor = {
  name: "idAttribuant",
  type: "string",
  description: "SIRET de la collectivité, 14 chiffres d'un seul tenant.",
  example: "23350001600040",
  constraints: { pattern: "^\\d{14}$" },
};
const postcode: FieldDescriptor = { name: "codePostal", type: "string", constraints: { pattern: "^\\d{5}$" } };
const isoDateText: FieldDescriptor = { name: "datesPeriodeVersement", type: "string", constraints: { pattern: "^\\d{4}-\\d{2}-\\d{2}$" } };
const decimalText: FieldDescriptor = { name: "taux", type: "string", constraints: { pattern: "^\\d+(\\.\\d+)?$" } };
const nature: FieldDescriptor = { name: "nature", type: "string", constraints: { enum: ["aide en numéraire", "aide en nature", "Aide en numéraire mixte"] } };
const siretNumber: FieldDescriptor = { name: "siret", type: "integer" };

/** What the validator gives hintFor: whether a value passes the field's type and constraints. */
function acceptsOf(field: FieldDescriptor): Accepts {
  const compiled = compileField(field, [""], "fields[0]");
  return (candidate) => {
    const value = compiled.cast(candidate);
    return value !== INVALID && value !== null && compiled.check(value, candidate) === null;
  };
}

const cases: { name: string; code: string; data: Record<string, unknown>; field: FieldDescriptor; id: string; suggestion?: string; fr?: string[]; en?: string[] }[] = [
  {
    name: "French date in an ISO date field",
    code: "type-error",
    data: { cell: "31/12/2024" },
    field: date,
    id: "frenchDate",
    suggestion: "2024-12-31",
    fr: ["« 2024-12-31 »"],
    en: ['"2024-12-31"'],
  },
  { name: "French date without leading zeros", code: "type-error", data: { cell: "5/1/2016" }, field: date, id: "frenchDate", suggestion: "2016-01-05" },
  { name: "datetime in a date field", code: "type-error", data: { cell: "2024-12-31T10:00:00" }, field: date, id: "frenchDate", suggestion: "2024-12-31" },
  { name: "other bad date: format reminder", code: "type-error", data: { cell: "hier" }, field: date, id: "dateFormat", fr: ["aaaa-mm-jj"] },
  { name: "decimal comma", code: "type-error", data: { cell: "12,5" }, field: number, id: "decimalComma", suggestion: "12.5", fr: ["« 12.5 »"], en: ['"12.5"'] },
  { name: "decimal comma with thousands space", code: "type-error", data: { cell: "1 250,50" }, field: number, id: "decimalComma", suggestion: "1250.50" },
  { name: "integer with .0", code: "type-error", data: { cell: "12.0" }, field: { name: "n", type: "integer" }, id: "integerDecimals", suggestion: "12" },
  {
    name: "boolean lists its values",
    code: "type-error",
    data: { cell: "peut-être" },
    field: { name: "b", type: "boolean", trueValues: ["oui"], falseValues: ["non"] },
    id: "booleanValues",
    fr: ["oui", "non"],
  },
  {
    name: "boolean in other words: the schema's spelling",
    code: "type-error",
    data: { cell: "no" },
    field: { name: "b", type: "boolean", trueValues: ["oui"], falseValues: ["non"] },
    id: "booleanValues",
    suggestion: "non",
    fr: ["« non »"],
  },
  { name: "exact scientific notation: the digits", code: "type-error", data: { cell: "1,2345E+4" }, field: siretNumber, id: "excelScientific", suggestion: "12345" },
  {
    name: "pattern shows description and example",
    code: "constraint-error",
    data: { cell: "218601946", constraint: "pattern" },
    field: siret,
    id: "patternDescription",
    fr: ["14 chiffres d'un seul tenant", "« 23350001600040 »"],
    en: ['"23350001600040"'],
  },
  // Spreadsheet and hand-entry damage.
  {
    name: "SIRET in Excel's scientific notation (pattern field)",
    code: "constraint-error",
    data: { cell: "2,43E+13", constraint: "pattern" },
    field: siret,
    id: "excelScientific",
    fr: ["notation scientifique", "perdus"],
    en: ["scientific notation"],
  },
  { name: "SIRET in scientific notation (integer field)", code: "type-error", data: { cell: "2.43E+13" }, field: siretNumber, id: "excelScientific" },
  {
    name: "postcode that lost its leading zero",
    code: "constraint-error",
    data: { cell: "1000", constraint: "pattern" },
    field: postcode,
    id: "leadingZeros",
    suggestion: "01000",
    fr: ["« 01000 »"],
  },
  { name: "INSEE-like code that lost two zeros", code: "constraint-error", data: { cell: "100", constraint: "pattern" }, field: postcode, id: "leadingZeros", suggestion: "00100" },
  {
    name: "French date in a pattern field",
    code: "constraint-error",
    data: { cell: "12/03/2024", constraint: "pattern" },
    field: isoDateText,
    id: "frenchDate",
    suggestion: "2024-03-12",
  },
  { name: "decimal comma in a pattern field", code: "constraint-error", data: { cell: "12,5", constraint: "pattern" }, field: decimalText, id: "decimalComma", suggestion: "12.5" },
  {
    name: "enum value differing by case",
    code: "constraint-error",
    data: { cell: "Aide en numéraire", constraint: "enum" },
    field: nature,
    id: "enumCase",
    suggestion: "aide en numéraire",
    fr: ["« aide en numéraire »"],
  },
  // A workbook's number cell (the validator passes storedAs: "number"): Excel kept 15 digits.
  {
    name: "16-digit number stored in a workbook (pattern field)",
    code: "constraint-error",
    data: { cell: "1234567890123450", constraint: "pattern", storedAs: "number" },
    field: { name: "iban", type: "string", constraints: { pattern: "^\\d{18}$" } },
    id: "excelScientific",
    fr: ["15 chiffres significatifs"],
    en: ["15 significant digits"],
  },
  {
    name: "enum value differing by accents and spaces",
    code: "constraint-error",
    data: { cell: "aide  en numeraire mixte ", constraint: "enum" },
    field: nature,
    id: "enumCase",
    suggestion: "Aide en numéraire mixte",
  },
];

const none: { name: string; code: string; data: Record<string, unknown>; field: FieldDescriptor | undefined }[] = [
  { name: "other codes", code: "unique-error", data: { cell: "x" }, field: siret },
  // The enum message itself lists the allowed values; a hint would repeat them.
  { name: "enum value far from every allowed one", code: "constraint-error", data: { cell: "prêt", constraint: "enum" }, field: nature },
  {
    name: "pattern without description nor example",
    code: "constraint-error",
    data: { cell: "x", constraint: "pattern" },
    field: { name: "x", type: "string", constraints: { pattern: "^a$" } },
  },
  { name: "plain string type", code: "type-error", data: { cell: "x" }, field: { name: "x", type: "string" } },
  { name: "date field with a custom format", code: "type-error", data: { cell: "31/12/2024" }, field: { name: "d", type: "date", format: "%d/%m/%Y" } },
  { name: "unknown field", code: "type-error", data: { cell: "31/12/2024" }, field: undefined },
  // A workbook's 14-digit number is exact: a SIRET that fails its checksum needs no precision hint.
  {
    name: "15 digits or fewer stored as a number",
    code: "constraint-error",
    data: { cell: "123456789012345", constraint: "pattern", storedAs: "number" },
    field: { name: "x", type: "string", constraints: { pattern: "^a$" } },
  },
  // Padding that still fails the pattern is no suggestion.
  { name: "digits too short even padded", code: "constraint-error", data: { cell: "12", constraint: "pattern" }, field: postcode },
];

describe("hintFor", () => {
  it.each(cases)("$name", ({ code, data, field, id, suggestion, fr = [], en = [] }) => {
    const hint = hintFor(code, data, field, acceptsOf(field));
    expect(hint?.id).toBe(id);
    expect(hint?.suggestion).toBe(suggestion);
    for (const part of fr) expect(hint?.fr).toContain(part);
    for (const part of en) expect(hint?.en).toContain(part);
  });

  it.each(none)("no hint: $name", ({ code, data, field }) => {
    expect(hintFor(code, data, field, field ? acceptsOf(field) : undefined)).toBeUndefined();
  });

  it("suggests no padded value without a way to check it", () => {
    expect(hintFor("constraint-error", { cell: "1000", constraint: "pattern" }, postcode)).toBeUndefined();
  });
});

describe("plainSummary", () => {
  it.each([
    ["keeps a short sentence", "SIRET de la collectivité.", "SIRET de la collectivité."],
    ["ends an unpunctuated description", "Code INSEE", "Code INSEE."],
    ["keeps the first sentence only", "Prénom de l'enfant. Un acte peut en donner plusieurs.", "Prénom de l'enfant."],
    ["reduces Markdown links and emphasis to their text", "Voir [_le guide_](https://exemple.fr/guide) du **COG**", "Voir le guide du COG."],
  ])("%s", (_name, description, expected) => {
    expect(plainSummary(description)).toBe(expected);
  });

  it("cuts a long sentence to a bounded length", () => {
    const summary = plainSummary(`${"mot ".repeat(200)}fin.`);
    expect(summary.length).toBeLessThanOrEqual(200);
    expect(summary.endsWith("…")).toBe(true);
  });
});
