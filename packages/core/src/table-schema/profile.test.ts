import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { Ajv } from "ajv";
import { expect, it } from "vitest";
import { describeShared, sharedDir } from "../../../../test/shared.js";
import { profileErrors } from "./load.js";

const f = (name: string, extra: Record<string, unknown> = {}) => ({ name, ...extra });

/** Descriptors that break the spec in one way each; the official profile must reject them too. */
const BROKEN: [string, Record<string, unknown>][] = [
  ["no fields", { primaryKey: "a" }],
  ["fields not an array", { fields: {} }],
  ["empty fields", { fields: [] }],
  ["field not an object", { fields: ["a"] }],
  ["field without name", { fields: [{ type: "string" }] }],
  ["name not a string", { fields: [{ name: 1 }] }],
  ["unknown type", { fields: [f("a", { type: "text" })] }],
  ["non-string example", { fields: [f("a", { type: "integer", example: 2 })] }],
  ["boolean example", { fields: [f("a", { type: "boolean", example: false })] }],
  ["title not a string", { fields: [f("a", { title: ["x"] })] }],
  ["string format unknown", { fields: [f("a", { format: "phone" })] }],
  ["number format", { fields: [f("a", { type: "number", format: "currency" })] }],
  ["geopoint format unknown", { fields: [f("a", { type: "geopoint", format: "wkt" })] }],
  ["constraints not an object", { fields: [f("a", { constraints: true })] }],
  ["required not boolean", { fields: [f("a", { constraints: { required: "true" } })] }],
  ["string enum of numbers", { fields: [f("a", { constraints: { enum: [1, 2] } })] }],
  ["empty enum", { fields: [f("a", { constraints: { enum: [] } })] }],
  ["duplicate enum values", { fields: [f("a", { constraints: { enum: ["x", "x"] } })] }],
  ["number enum mixing strings and numbers", { fields: [f("a", { type: "number", constraints: { enum: ["1", 2] } })] }],
  ["integer enum of decimals", { fields: [f("a", { type: "integer", constraints: { enum: [1.5] } })] }],
  ["integer minimum decimal", { fields: [f("a", { type: "integer", constraints: { minimum: 0.5 } })] }],
  ["date minimum number", { fields: [f("a", { type: "date", constraints: { minimum: 2020 } })] }],
  ["maxLength string", { fields: [f("a", { constraints: { maxLength: "5" } })] }],
  ["pattern not a string", { fields: [f("a", { constraints: { pattern: 5 } })] }],
  ["boolean enum of strings", { fields: [f("a", { type: "boolean", constraints: { enum: ["oui"] } })] }],
  ["trueValues empty", { fields: [f("a", { type: "boolean", trueValues: [] })] }],
  ["falseValues not strings", { fields: [f("a", { type: "boolean", falseValues: [0] })] }],
  ["bareNumber string", { fields: [f("a", { type: "number", bareNumber: "false" })] }],
  ["decimalChar number", { fields: [f("a", { type: "number", decimalChar: 1 })] }],
  ["primaryKey number", { fields: [f("a")], primaryKey: 1 }],
  ["primaryKey empty list", { fields: [f("a")], primaryKey: [] }],
  ["primaryKey duplicates", { fields: [f("a")], primaryKey: ["a", "a"] }],
  ["missingValues not a list", { fields: [f("a")], missingValues: "" }],
  ["missingValues number", { fields: [f("a")], missingValues: ["", 0] }],
  ["foreignKeys not a list", { fields: [f("a")], foreignKeys: { fields: "a" } }],
  ["foreignKeys empty", { fields: [f("a")], foreignKeys: [] }],
  ["foreign key without reference", { fields: [f("a")], foreignKeys: [{ fields: "a" }] }],
  ["reference without resource", { fields: [f("a")], foreignKeys: [{ fields: "a", reference: { fields: "b" } }] }],
  ["reference without fields", { fields: [f("a")], foreignKeys: [{ fields: "a", reference: { resource: "" } }] }],
  ["string and list mixed", { fields: [f("a")], foreignKeys: [{ fields: "a", reference: { resource: "r", fields: ["b"] } }] }],
  ["list and string mixed", { fields: [f("a")], foreignKeys: [{ fields: ["a"], reference: { resource: "r", fields: "b" } }] }],
  ["resource not a string", { fields: [f("a")], foreignKeys: [{ fields: "a", reference: { resource: 1, fields: "b" } }] }],
];

/** Descriptors the spec allows, some of them unusual. */
const VALID: [string, Record<string, unknown>][] = [
  ["minimal", { fields: [f("a")] }],
  [
    "every type",
    {
      fields: ["string", "number", "integer", "boolean", "object", "array", "date", "time", "datetime", "year", "yearmonth", "duration", "geopoint", "geojson", "any"].map((t) =>
        f(t, { type: t }),
      ),
    },
  ],
  ["date pattern format", { fields: [f("a", { type: "date", format: "%d/%m/%Y" })] }],
  ["geopoint array", { fields: [f("a", { type: "geopoint", format: "array" })] }],
  ["number enum", { fields: [f("a", { type: "number", constraints: { enum: [1, 2.5], minimum: "0" } })] }],
  ["extension keys", { fields: [f("a", { enum: ["x"], arrayItem: { type: "x" } })], custom_checks: [], uniqueKeys: 3 }],
  ["keys", { fields: [f("a"), f("b")], primaryKey: ["a"], foreignKeys: [{ fields: ["a"], reference: { resource: "", fields: ["b"] } }] }],
  ["string keys", { fields: [f("a"), f("b")], primaryKey: "a", foreignKeys: [{ fields: "a", reference: { resource: "r", fields: "b" } }] }],
  ["boolean values", { fields: [f("a", { type: "boolean", trueValues: ["oui"], falseValues: ["non"], constraints: { enum: [true] } })] }],
  ["constraints of other types ignored", { fields: [f("a", { type: "boolean", constraints: { pattern: 1, minLength: "x" } })] }],
];

function schemaFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return schemaFiles(full);
    if (!name.endsWith(".json") || name === "fixtures.json" || name === "datapackage.json") return [];
    return full.includes(`${path.sep}catalog${path.sep}`) ? [] : [full];
  });
}

const vendor = path.join(sharedDir, "vendor-schemas");

describeShared("our profile agrees with the official v1 profile", () => {
  // Two copies of the official v1 profile: draft-07 from datapackage.org, draft-04 from
  // specs.frictionlessdata.io. The draft-04 one uses no keyword whose meaning changed in later
  // drafts, so Ajv reads it once its `$schema` is dropped.
  const load = (file: string) => {
    const { $schema: _draft, ...profile } = JSON.parse(readFileSync(path.join(vendor, file), "utf8"));
    return new Ajv({ strict: false }).compile(profile);
  };
  const officials = [load("frictionless-profiles-1.0/tableschema.json"), load("table-schema.json")];
  const official = (json: unknown) => {
    const verdicts = officials.map((validate) => validate(json));
    expect(new Set(verdicts).size).toBe(1);
    return verdicts[0];
  };
  const ours = (json: unknown) => profileErrors(json).length === 0;

  const national = schemaFiles(path.join(sharedDir, "schemas"));
  it("finds the national schemas", () => expect(national.length).toBeGreaterThanOrEqual(19));

  it.each(national.map((file) => [path.relative(sharedDir, file), file]))("same verdict on %s", (_name, file) => {
    const json = JSON.parse(readFileSync(file, "utf8"));
    expect(ours(json)).toBe(official(json));
  });

  it.each(BROKEN)("both reject: %s", (_name, json) => {
    expect(official(json)).toBe(false);
    expect(ours(json)).toBe(false);
  });

  it.each(VALID)("both accept: %s", (_name, json) => {
    expect(official(json)).toBe(true);
    expect(ours(json)).toBe(true);
  });
});
