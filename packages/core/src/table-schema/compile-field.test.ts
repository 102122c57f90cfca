import { describe, expect, it } from "vitest";
import { compileField, describeType, FieldError } from "./compile-field.js";
import type { FieldDescriptor } from "./descriptor.js";
import { INVALID } from "./field.js";

const field = (d: Partial<FieldDescriptor>, schemaMissing?: string[]) => compileField({ name: "f", ...d } as FieldDescriptor, schemaMissing, "fields[3]");

type Row = [descriptor: Partial<FieldDescriptor>, raw: string, expected: unknown];

// Valid raw -> expected value; INVALID when frictionless (or a documented deviation) refuses it.
const CASTS: Row[] = [
  [{ type: "string" }, " a b ", " a b "],
  [{ type: "string", format: "email" }, "contact@mairie-paris.fr", "contact@mairie-paris.fr"],
  [{ type: "string", format: "email" }, "contact[at]mairie.fr", INVALID],
  [{ type: "string", format: "email" }, "a@b", INVALID],
  [{ type: "string", format: "uri" }, "https://www.data.gouv.fr/fr/", "https://www.data.gouv.fr/fr/"],
  [{ type: "string", format: "uri" }, "http://x.fr/a b", "http://x.fr/a b"],
  [{ type: "string", format: "uri" }, "voir site", INVALID],
  [{ type: "string", format: "uri" }, "www.x.fr/a:b", INVALID],
  [{ type: "string", format: "uuid" }, "123e4567-e89b-12d3-a456-426614174000", "123e4567-e89b-12d3-a456-426614174000"],
  [{ type: "string", format: "uuid" }, "123e4567-e89b-12d3-a456", INVALID],
  [{ type: "string", format: "binary" }, "aGVsbG8=", "aGVsbG8="],
  [{ type: "string", format: "binary" }, "aGVsbG8", INVALID],
  [{ type: "integer" }, "42", 42],
  [{ type: "integer" }, " 42 ", 42],
  [{ type: "integer" }, "00250", 250],
  [{ type: "integer" }, "+5", 5],
  [{ type: "integer" }, "-0", 0],
  [{ type: "integer" }, "12345678901234567890", 12345678901234567890n],
  [{ type: "integer" }, "1_000", INVALID],
  [{ type: "integer" }, "12.5", INVALID],
  [{ type: "integer" }, "1e3", INVALID],
  [{ type: "integer" }, " ", INVALID],
  [{ type: "integer" }, "١٢", INVALID],
  [{ type: "integer", bareNumber: false }, "€ 12 ", 12],
  [{ type: "integer", groupChar: " " }, "1 000", 1000],
  [{ type: "number" }, "2.5", 2.5],
  [{ type: "number" }, " 2.630245", 2.630245],
  [{ type: "number" }, "+.5", 0.5],
  [{ type: "number" }, "1e3", 1000],
  [{ type: "number" }, "5.", 5],
  [{ type: "number" }, "NaN", NaN],
  [{ type: "number" }, "-inf", -Infinity],
  [{ type: "number" }, "77,7", INVALID],
  [{ type: "number" }, "1_000.5", INVALID],
  [{ type: "number" }, "0x10", INVALID],
  [{ type: "number" }, ".", INVALID],
  [{ type: "number", decimalChar: "," }, "77,7", 77.7],
  [{ type: "number", decimalChar: "," }, "77.7", INVALID],
  [{ type: "number", decimalChar: ",", groupChar: " " }, "1 234,50", 1234.5],
  [{ type: "number", decimalChar: ",", groupChar: " " }, "1\u00a0234,50", INVALID],
  [{ type: "number", bareNumber: false }, "12.5 %", 12.5],
  [{ type: "boolean" }, "true", true],
  [{ type: "boolean" }, "0", false],
  [{ type: "boolean" }, "TRUE", true],
  [{ type: "boolean" }, " true", INVALID],
  [{ type: "boolean" }, "oui", INVALID],
  [{ type: "boolean", trueValues: ["oui"], falseValues: ["non"] }, "oui", true],
  [{ type: "boolean", trueValues: ["oui"], falseValues: ["non"] }, "true", INVALID],
  [{ type: "date" }, "2024-01-05", 20240105],
  [{ type: "date" }, "2015-5-12", 20150512],
  [{ type: "date" }, "2015-05- 2", 20150502],
  [{ type: "date" }, "2024-02-29", 20240229],
  [{ type: "date" }, "2023-02-29", INVALID],
  [{ type: "date" }, "2024-02-30", INVALID],
  [{ type: "date" }, "2024-13-01", INVALID],
  [{ type: "date" }, "0000-01-01", INVALID],
  [{ type: "date" }, "20240105", INVALID],
  [{ type: "date" }, "2024-01-05 ", INVALID],
  [{ type: "date" }, "05/01/2024", INVALID],
  [{ type: "date", format: "%Y-%m-%d" }, "2024-1-5", 20240105],
  [{ type: "date", format: "%d/%m/%Y" }, "05/01/2024", 20240105],
  [{ type: "date", format: "fmt:%d/%m/%Y" }, "5/1/2024", 20240105],
  [{ type: "date", format: "%d/%m/%Y" }, "2024-01-05", INVALID],
  [{ type: "date", format: "%Y" }, "2024", 20240101],
  [{ type: "date", format: "%Y" }, "24", INVALID],
  [{ type: "date", format: "%d %B %Y" }, "5 january 2024", 20240105],
  [{ type: "date", format: "any" }, "2024-01-05", 20240105],
  [{ type: "date", format: "any" }, "13/05/2024", 20240513],
  [{ type: "date", format: "any" }, "05/13/2024", 20240513],
  [{ type: "date", format: "any" }, "demain", INVALID],
  [{ type: "datetime" }, "2022-10-18T12:35:49+0000", Date.UTC(2022, 9, 18, 12, 35, 49)],
  [{ type: "datetime" }, "2022-10-18T12:35:49+02:00", Date.UTC(2022, 9, 18, 10, 35, 49)],
  [{ type: "datetime" }, "2022-10-18 12:35:49.5Z", Date.UTC(2022, 9, 18, 12, 35, 49, 500)],
  [{ type: "datetime" }, "2022-10-18T12:35:49", Date.UTC(2022, 9, 18, 12, 35, 49)],
  [{ type: "datetime" }, "2022-10-18T12:35", INVALID],
  [{ type: "datetime" }, "2022-10-18", INVALID],
  [{ type: "datetime" }, "01/03/2024 10:00", INVALID],
  [{ type: "datetime" }, "2022-10-18T25:00:00", INVALID],
  [{ type: "datetime", format: "%d/%m/%Y %H:%M" }, "01/03/2024 10:00", Date.UTC(2024, 2, 1, 10, 0)],
  [{ type: "time" }, "10:00:00", 36_000_000],
  [{ type: "time" }, "10:00:00Z", 36_000_000],
  [{ type: "time" }, "10:00", INVALID],
  [{ type: "time" }, "25:00:00", INVALID],
  [{ type: "time", format: "%H:%M" }, "9:05", 32_700_000],
  [{ type: "year" }, "2024", 2024],
  [{ type: "year" }, "+202", 202],
  [{ type: "year" }, "02024", INVALID],
  [{ type: "year" }, "24", INVALID],
  [{ type: "year" }, "20a4", INVALID],
  [{ type: "yearmonth" }, "2024-03", 202403],
  [{ type: "yearmonth" }, "2024-3", 202403],
  [{ type: "yearmonth" }, "2024-13", INVALID],
  [{ type: "yearmonth" }, "2024-03-01", INVALID],
  [{ type: "duration" }, "P1Y2M", { months: 14, seconds: 0 }],
  [{ type: "duration" }, "PT1H30M", { months: 0, seconds: 5400 }],
  [{ type: "duration" }, "P1W", { months: 0, seconds: 604800 }],
  [{ type: "duration" }, "P", INVALID],
  [{ type: "duration" }, "1H", INVALID],
  [{ type: "geopoint" }, "5.73187, 45.15934", { lon: 5.73187, lat: 45.15934 }],
  [{ type: "geopoint" }, "48.85", INVALID],
  [{ type: "geopoint" }, "200, 45", INVALID],
  [{ type: "geopoint" }, "5, 95", INVALID],
  [{ type: "geopoint", format: "array" }, "[7.487105,48.345345]", { lon: 7.487105, lat: 48.345345 }],
  [{ type: "geopoint", format: "array" }, "[2.35, 48.85, 12]", INVALID],
  [{ type: "geopoint", format: "object" }, '{"lon": 2.35, "lat": 48.85}', { lon: 2.35, lat: 48.85 }],
  [{ type: "geopoint", format: "object" }, '{"lon": 2.35}', INVALID],
  [{ type: "geojson" }, '{"type": "Point", "coordinates": [2.35, 48.85]}', { type: "Point", coordinates: [2.35, 48.85] }],
  [
    { type: "geojson" },
    '{"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [0, 1], [0, 0]]]}',
    {
      type: "Polygon",
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [0, 1],
          [0, 0],
        ],
      ],
    },
  ],
  [{ type: "geojson" }, "POINT(2.35 48.85)", INVALID],
  [{ type: "geojson" }, '{"type": "Point", "coordinates": [[2.35, 48.85]]}', INVALID],
  [{ type: "geojson" }, '{"type": "Circle"}', INVALID],
  [{ type: "geojson", format: "topojson" }, '{"type": "Topology", "objects": {}}', { type: "Topology", objects: {} }],
  [{ type: "object" }, '{"a": 1}', { a: 1 }],
  [{ type: "object" }, "[1]", INVALID],
  [{ type: "array" }, '["a", "b"]', ["a", "b"]],
  [{ type: "array" }, '["a",', INVALID],
  [{ type: "array" }, '{"a": 1}', INVALID],
  [{ type: "array", arrayItem: { type: "integer" } }, '["1", 2]', [1, 2]],
  [{ type: "array", arrayItem: { type: "integer" } }, '["x"]', INVALID],
  [{ type: "any" }, " x ", " x "],
  [{}, "untyped", "untyped"],
];

describe("cast", () => {
  it.each(CASTS)("%j casts %j", (descriptor, raw, expected) => {
    expect(field(descriptor).cast(raw)).toEqual(expected);
  });
});

describe("describeType", () => {
  it.each([
    [{ type: "date", format: "%Y-%m-%d" }, "date/%Y-%m-%d"],
    [{ type: "date", format: "fmt:%Y" }, "date/%Y"],
    [{ type: "date" }, "date/default"],
    [{}, "string/default"],
    [{ type: "geopoint", format: "array" }, "geopoint/array"],
  ])("%j is %s", (descriptor, expected) => {
    expect(describeType(descriptor as FieldDescriptor)).toBe(expected);
  });
});

type CheckRow = [descriptor: Partial<FieldDescriptor>, raw: string, failures: string[]];

// Constraint failures of a valid cell, by name ("item:" for arrayItem failures).
const CHECKS: CheckRow[] = [
  [{ constraints: { minLength: 3 } }, "ab", ["minLength"]],
  [{ constraints: { minLength: 3 } }, "abc", []],
  [{ constraints: { maxLength: 2 } }, "éé", []],
  [{ constraints: { maxLength: 2 } }, "😀😀", []],
  [{ constraints: { maxLength: 2 } }, "abc", ["maxLength"]],
  [{ constraints: { minLength: 16, pattern: "^\\d{14}$" } }, "123", ["minLength", "pattern"]],
  [{ constraints: { pattern: "^\\d{14}$" } }, "12345678901234", []],
  [{ constraints: { pattern: "\\d{5}" } }, "12345\n", ["pattern"]],
  [{ constraints: { pattern: "[0-9]{5}|2[AB][0-9]{3}" } }, "12345xyz", ["pattern"]],
  [{ constraints: { pattern: "[0-9]{5}|2[AB][0-9]{3}" } }, "2A123", []],
  [{ constraints: { enum: ["Hors service", "Inconnu"] } }, "Hors service ", ["enum"]],
  [{ constraints: { enum: ["Hors service", "Inconnu"] } }, "Inconnu", []],
  [{ constraints: { enum: [1, 2] } }, "1", ["enum"]],
  [{ type: "integer", constraints: { enum: [1, "2"] } }, "02", []],
  [{ type: "integer", constraints: { enum: [1, "2"] } }, "3", ["enum"]],
  [{ type: "integer", constraints: { minimum: 0, maximum: "10" } }, "-1", ["minimum"]],
  [{ type: "integer", constraints: { minimum: 0, maximum: "10" } }, "10", []],
  [{ type: "integer", constraints: { exclusiveMinimum: 0, exclusiveMaximum: 10 } }, "10", ["exclusiveMaximum"]],
  [{ type: "integer", constraints: { exclusiveMinimum: 0, exclusiveMaximum: 10 } }, "0", ["exclusiveMinimum"]],
  [{ type: "number", constraints: { minimum: -90, maximum: 90 } }, "NaN", ["minimum", "maximum"]],
  [{ type: "number", constraints: { minimum: -90, maximum: 90 } }, "inf", ["maximum"]],
  [{ type: "number", constraints: { minimum: -90, maximum: 90 } }, "-90", []],
  [{ type: "number", constraints: { enum: [1] } }, "1.0", []],
  [{ type: "date", constraints: { minimum: "2020-01-01" } }, "2019-12-31", ["minimum"]],
  [{ type: "date", constraints: { minimum: "2020-01-01" } }, "2020-1-1", []],
  [{ type: "date", format: "%d/%m/%Y", constraints: { maximum: "31/12/2020" } }, "01/01/2021", ["maximum"]],
  [{ type: "year", constraints: { minimum: 2000 } }, "1999", ["minimum"]],
  [{ type: "boolean", constraints: { enum: [true] } }, "false", ["enum"]],
  [{ type: "array", constraints: { maxLength: 1 } }, '["a", "b"]', ["maxLength"]],
  [{ type: "object", constraints: { minLength: 2 } }, '{"a": 1}', ["minLength"]],
  [{ type: "object", constraints: { enum: [{ a: 1, b: 2 }] } }, '{"b": 2, "a": 1}', []],
  [{ type: "array", arrayItem: { type: "string", constraints: { enum: ["agriculture biologique", "label rouge"] } } }, '["agriculture biologique", "label vert"]', ["item:enum"]],
  [{ type: "array", arrayItem: { type: "string", constraints: { required: true, enum: ["mixé"] } } }, '["mixé", "", "haché", "x"]', ["item:required", "item:enum"]],
  // frictionless checks the items only when the array itself passed its constraints.
  [{ type: "array", constraints: { maxLength: 1 }, arrayItem: { constraints: { enum: ["a"] } } }, '["b", "c"]', ["maxLength"]],
];

describe("check", () => {
  it.each(CHECKS)("%j on %j", (descriptor, raw, names) => {
    const f = field(descriptor);
    const value = f.cast(raw);
    expect(value).not.toBe(INVALID);
    const failures = f.check(value, raw) ?? [];
    expect(failures.map((x) => (x.arrayItem ? `item:${x.constraint}` : x.constraint)).sort()).toEqual([...names].sort());
  });

  it("reports the schema's value as expected", () => {
    const f = field({ type: "integer", constraints: { maximum: "10" } });
    expect(f.check(f.cast("11"), "11")).toEqual([{ constraint: "maximum", expected: "10" }]);
  });
});

describe("missing values", () => {
  it.each([
    [{}, undefined, "", true],
    [{}, undefined, " ", false],
    [{}, ["NA"], "NA", true],
    [{}, ["NA"], "", false],
    [{ missingValues: ["", "N/A"] }, ["NA"], "NA", false],
    [{ missingValues: ["", "N/A"] }, ["NA"], "N/A", true],
    [{ missingValues: [] }, undefined, "", false],
  ] as [Partial<FieldDescriptor>, string[] | undefined, string, boolean][])("%j with schema %j: %j missing is %s", (descriptor, schemaMissing, raw, missing) => {
    expect(field(descriptor, schemaMissing).isMissing(raw)).toBe(missing);
  });
});

describe("key", () => {
  it.each([
    [{ type: "integer" }, "1", "01"],
    [{ type: "number" }, "1.0", "1"],
    [{ type: "date" }, "2015-5-2", "2015-05-02"],
    [{ type: "datetime" }, "2022-10-18T12:00:00+02:00", "2022-10-18T10:00:00Z"],
    [{ type: "object" }, '{"a": 1, "b": 2}', '{"b": 2, "a": 1}'],
    [{ type: "geopoint" }, "2.35, 48.85", "2.350,48.850"],
  ] as [Partial<FieldDescriptor>, string, string][])("%j: %j and %j are the same value", (descriptor, a, b) => {
    const f = field(descriptor);
    expect(f.key(f.cast(a))).toBe(f.key(f.cast(b)));
  });

  it.each([
    [{ type: "integer" }, "1", "2"],
    [{ type: "string" }, "a", "a "],
    [{ type: "date" }, "2015-05-02", "2015-05-03"],
  ] as [Partial<FieldDescriptor>, string, string][])("%j: %j and %j differ", (descriptor, a, b) => {
    const f = field(descriptor);
    expect(f.key(f.cast(a))).not.toBe(f.key(f.cast(b)));
  });

  it("gives dates their ISO text", () => {
    const f = field({ type: "date", format: "%d/%m/%Y" });
    expect(f.key(f.cast("5/1/2024"))).toBe("2024-01-05");
  });
});

describe("compiled field", () => {
  it("exposes name, type, format, required and unique", () => {
    const f = field({ type: "date", format: "fmt:%Y", constraints: { required: true, unique: true } });
    expect([f.name, f.type, f.format, f.required, f.unique]).toEqual(["f", "date", "%Y", true, true]);
  });

  it("returns null from check when nothing fails", () => {
    const f = field({ constraints: { pattern: "a+" } });
    expect(f.check("aa", "aa")).toBeNull();
  });
});

// Descriptors that cannot drive validation, with the property the error names.
const FIELD_ERRORS: [Partial<FieldDescriptor>, string][] = [
  [{ type: "integr" }, "fields[3].type"],
  [{ type: "string", format: "siret" }, "fields[3].format"],
  [{ type: "integer", format: "percent" }, "fields[3].format"],
  [{ type: "geopoint", format: "latlon" }, "fields[3].format"],
  [{ type: "geojson", format: "wkt" }, "fields[3].format"],
  [{ type: "date", format: "%Q" }, "fields[3].format"],
  [{ type: "integer", constraints: { pattern: "\\d+" } }, "fields[3].constraints.pattern"],
  [{ type: "boolean", constraints: { minimum: 0 } }, "fields[3].constraints.minimum"],
  [{ type: "string", constraints: { minimum: "a" } }, "fields[3].constraints.minimum"],
  [{ type: "integer", constraints: { minLength: 1 } }, "fields[3].constraints.minLength"],
  [{ constraints: { pattern: "(?=a)b" } }, "fields[3].constraints.pattern"],
  [{ constraints: { pattern: "(a)\\1" } }, "fields[3].constraints.pattern"],
  [{ constraints: { pattern: "[a-" } }, "fields[3].constraints.pattern"],
  [{ constraints: { pattern: "\\q" } }, "fields[3].constraints.pattern"],
  [{ constraints: { minLength: -1 } }, "fields[3].constraints.minLength"],
  [{ constraints: { enum: "a" as unknown as unknown[] } }, "fields[3].constraints.enum"],
  [{ type: "integer", constraints: { minimum: "ten" } }, "fields[3].constraints.minimum"],
  [{ type: "date", constraints: { maximum: "31/12/2020" } }, "fields[3].constraints.maximum"],
  [{ missingValues: [1] as unknown as string[] }, "fields[3].missingValues"],
  [{ type: "boolean", trueValues: "oui" as unknown as string[] }, "fields[3].trueValues"],
  [{ type: "array", arrayItem: { type: "integr" } }, "fields[3].arrayItem.type"],
  [{ type: "array", arrayItem: { constraints: { pattern: "(?!x)" } } }, "fields[3].arrayItem.constraints.pattern"],
];

describe("FieldError", () => {
  it.each(FIELD_ERRORS)("%j names %s", (descriptor, property) => {
    let error: unknown;
    try {
      field(descriptor);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FieldError);
    const fe = error as FieldError;
    expect(fe.property).toBe(property);
    expect(fe.detail.fr).not.toBe("");
    expect(fe.detail.en).not.toBe("");
  });

  it("names the property relative to the field when no path is given", () => {
    expect(() => compileField({ name: "x", type: "nope" }, undefined)).toThrow(expect.objectContaining({ property: "type" }));
  });
});
