import { describe, expect, it } from "vitest";
import type { FieldDescriptor } from "../table-schema/descriptor.js";
import { hintFor } from "./hints.js";

const date: FieldDescriptor = { name: "dateConvention", type: "date" };
const number: FieldDescriptor = { name: "montant", type: "number" };
const siret: FieldDescriptor = {
  name: "idAttribuant",
  type: "string",
  description: "SIRET de la collectivité, 14 chiffres d'un seul tenant.",
  example: "23350001600040",
  constraints: { pattern: "^\\d{14}$" },
};

const cases: { name: string; code: string; data: Record<string, unknown>; field: FieldDescriptor | undefined; fr?: string[]; en?: string[] }[] = [
  { name: "French date in an ISO date field", code: "type-error", data: { cell: "31/12/2024" }, field: date, fr: ["« 2024-12-31 »"], en: ["\"2024-12-31\""] },
  { name: "French date without leading zeros", code: "type-error", data: { cell: "5/1/2016" }, field: date, fr: ["2016-01-05"] },
  { name: "datetime in a date field", code: "type-error", data: { cell: "2024-12-31T10:00:00" }, field: date, fr: ["« 2024-12-31 »"] },
  { name: "other bad date: format reminder", code: "type-error", data: { cell: "hier" }, field: date, fr: ["aaaa-mm-jj"] },
  { name: "decimal comma", code: "type-error", data: { cell: "100000,1" }, field: number, fr: ["« 100000.1 »"], en: ["\"100000.1\""] },
  { name: "decimal comma with thousands space", code: "type-error", data: { cell: "1 250,50" }, field: number, fr: ["« 1250.50 »"] },
  { name: "integer with .0", code: "type-error", data: { cell: "12.0" }, field: { name: "n", type: "integer" }, fr: ["« 12 »"] },
  { name: "boolean lists its values", code: "type-error", data: { cell: "no" }, field: { name: "b", type: "boolean", trueValues: ["oui"], falseValues: ["non"] }, fr: ["oui", "non"] },
  { name: "pattern shows description and example", code: "constraint-error", data: { cell: "218601946", constraint: "pattern" }, field: siret, fr: ["14 chiffres d'un seul tenant", "« 23350001600040 »"], en: ["\"23350001600040\""] },
];

const none: { name: string; code: string; data: Record<string, unknown>; field: FieldDescriptor | undefined }[] = [
  { name: "other codes", code: "unique-error", data: { cell: "x" }, field: siret },
  // The enum message itself lists the allowed values; a hint would repeat them.
  { name: "enum", code: "constraint-error", data: { constraint: "enum", expected: ["aide en numéraire", "aide en nature"] }, field: undefined },
  { name: "pattern without description nor example", code: "constraint-error", data: { constraint: "pattern" }, field: { name: "x", type: "string" } },
  { name: "plain string type", code: "type-error", data: { cell: "x" }, field: { name: "x", type: "string" } },
  { name: "date field with a custom format", code: "type-error", data: { cell: "31/12/2024" }, field: { name: "d", type: "date", format: "%d/%m/%Y" } },
  { name: "unknown field", code: "type-error", data: { cell: "31/12/2024" }, field: undefined },
];

describe("hintFor", () => {
  it.each(cases)("$name", ({ code, data, field, fr = [], en = [] }) => {
    const hint = hintFor(code, data, field);
    expect(hint).toBeDefined();
    for (const part of fr) expect(hint?.fr).toContain(part);
    for (const part of en) expect(hint?.en).toContain(part);
  });

  it.each(none)("no hint: $name", ({ code, data, field }) => {
    expect(hintFor(code, data, field)).toBeUndefined();
  });
});
