import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { describeShared, sharedDir } from "../../../../test/shared.js";
import { loadTableSchema } from "./load.js";
import { SchemaLoadError, type SchemaProblem } from "./problems.js";

const field = (name: string, extra: Record<string, unknown> = {}) => ({ name, ...extra });

function fatalOf(json: unknown): SchemaProblem[] {
  try {
    loadTableSchema(json, "schema.json");
  } catch (error) {
    expect(error).toBeInstanceOf(SchemaLoadError);
    return (error as SchemaLoadError).problems;
  }
  throw new Error("expected a SchemaLoadError");
}

describe("loadTableSchema refuses schemas that cannot drive validation", () => {
  const cases: { name: string; json: unknown; property: string; messageId: string }[] = [
    { name: "not an object", json: [], property: "(racine)", messageId: "notAnObject" },
    { name: "no fields", json: { primaryKey: "id" }, property: "fields", messageId: "fieldsMissing" },
    { name: "fields not an array", json: { fields: { id: {} } }, property: "fields", messageId: "fieldsMissing" },
    { name: "empty fields", json: { fields: [] }, property: "fields", messageId: "fieldsEmpty" },
    { name: "field not an object", json: { fields: [field("a"), "b"] }, property: "fields[1]", messageId: "fieldNotObject" },
    { name: "field without name", json: { fields: [field("a"), { type: "integer" }] }, property: "fields[1].name", messageId: "fieldNameMissing" },
    { name: "empty name", json: { fields: [field("")] }, property: "fields[0].name", messageId: "fieldNameMissing" },
    { name: "duplicate name", json: { fields: [field("a"), field("a")] }, property: "fields[1].name", messageId: "duplicateFieldName" },
    { name: "unknown type", json: { fields: [field("a"), field("b"), field("c", { type: "text" })] }, property: "fields[2].type", messageId: "unknownType" },
    { name: "type not a string", json: { fields: [field("a", { type: 3 })] }, property: "fields[0].type", messageId: "unknownType" },
    { name: "primaryKey names absent field", json: { fields: [field("a")], primaryKey: "id" }, property: "primaryKey", messageId: "unknownKeyField" },
    { name: "primaryKey list names absent field", json: { fields: [field("a")], primaryKey: ["a", "b"] }, property: "primaryKey[1]", messageId: "unknownKeyField" },
    { name: "primaryKey empty list", json: { fields: [field("a")], primaryKey: [] }, property: "primaryKey", messageId: "keyShape" },
    { name: "primaryKey number", json: { fields: [field("a")], primaryKey: 1 }, property: "primaryKey", messageId: "keyShape" },
    {
      name: "foreign key local field absent",
      json: { fields: [field("a")], foreignKeys: [{ fields: "x", reference: { resource: "r", fields: "id" } }] },
      property: "foreignKeys[0].fields",
      messageId: "unknownKeyField",
    },
    {
      name: "self foreign key names absent field",
      json: { fields: [field("a"), field("b")], foreignKeys: [{ fields: "a", reference: { resource: "", fields: "z" } }] },
      property: "foreignKeys[0].reference.fields",
      messageId: "unknownKeyField",
    },
    {
      name: "foreign key arity",
      json: { fields: [field("a"), field("b")], foreignKeys: [{ fields: ["a", "b"], reference: { resource: "r", fields: ["id"] } }] },
      property: "foreignKeys[0].reference.fields",
      messageId: "foreignKeyArity",
    },
    { name: "foreign key without reference", json: { fields: [field("a")], foreignKeys: [{ fields: "a" }] }, property: "foreignKeys[0]", messageId: "foreignKeyShape" },
    { name: "uniqueKeys not a list", json: { fields: [field("a")], uniqueKeys: "a" }, property: "uniqueKeys", messageId: "keyShape" },
    { name: "uniqueKeys absent field", json: { fields: [field("a")], uniqueKeys: [["a", "z"]] }, property: "uniqueKeys[0][1]", messageId: "unknownKeyField" },
    { name: "missingValues not strings", json: { fields: [field("a")], missingValues: ["", 0] }, property: "missingValues", messageId: "missingValuesNotStrings" },
    { name: "field missingValues not strings", json: { fields: [field("a", { missingValues: "NA" })] }, property: "fields[0].missingValues", messageId: "missingValuesNotStrings" },
    { name: "constraints not an object", json: { fields: [field("a", { constraints: ["required"] })] }, property: "fields[0].constraints", messageId: "profileViolation" },
    {
      name: "required not boolean",
      json: { fields: [field("a", { constraints: { required: "yes" } })] },
      property: "fields[0].constraints.required",
      messageId: "profileViolation",
    },
    {
      name: "maxLength not integer",
      json: { fields: [field("a", { constraints: { maxLength: "10" } })] },
      property: "fields[0].constraints.maxLength",
      messageId: "profileViolation",
    },
    {
      name: "integer enum of decimals",
      json: { fields: [field("a", { type: "integer", constraints: { enum: [1.5] } })] },
      property: "fields[0].constraints.enum",
      messageId: "profileViolation",
    },
    { name: "trueValues not a list", json: { fields: [field("a", { type: "boolean", trueValues: "oui" })] }, property: "fields[0].trueValues", messageId: "profileViolation" },
    { name: "geopoint unknown format", json: { fields: [field("a", { type: "geopoint", format: "wkt" })] }, property: "fields[0].format", messageId: "profileViolation" },
    { name: "date format not a string", json: { fields: [field("a", { type: "date", format: 1 })] }, property: "fields[0].format", messageId: "formatNotString" },
    {
      name: "arrayItem unknown type",
      json: { fields: [field("a", { type: "array", arrayItem: { type: "texte" } })] },
      property: "fields[0].arrayItem.type",
      messageId: "unknownType",
    },
  ];
  it.each(cases)("$name -> $property", ({ json, property, messageId }) => {
    const problems = fatalOf(json);
    expect(problems[0]).toMatchObject({ code: "schema-error", property, messageId, source: "schema.json" });
  });

  it("names the property in both languages", () => {
    try {
      loadTableSchema({ fields: [field("a"), field("b"), field("c", { type: "text" })] }, "s.json");
      expect.unreachable();
    } catch (error) {
      const e = error as SchemaLoadError;
      expect(e.property).toBe("fields[2].type");
      expect(e.message).toContain("fields[2].type");
      expect(e.messages.en).toContain("fields[2].type");
      expect(e.messages.fr).not.toBe(e.messages.en);
    }
  });

  it("reports every fatal problem, in descriptor order", () => {
    const problems = fatalOf({ fields: [field("a", { type: "x" }), { type: "string" }], primaryKey: "z" });
    expect(problems.map((p) => p.property)).toEqual(["fields[0].type", "fields[1].name", "primaryKey"]);
  });
});

describe("loadTableSchema loads harmless departures with a warning", () => {
  const cases: { name: string; json: Record<string, unknown>; property: string; messageId: string }[] = [
    { name: "non-string example", json: { fields: [field("a", { type: "integer", example: 2 })] }, property: "fields[0].example", messageId: "profileViolation" },
    { name: "object example", json: { fields: [field("a", { type: "geojson", example: { type: "Point" } })] }, property: "fields[0].example", messageId: "profileViolation" },
    { name: "title not a string", json: { fields: [field("a", { title: 3 })] }, property: "fields[0].title", messageId: "profileViolation" },
    { name: "enum outside constraints", json: { fields: [field("a", { enum: ["x"] })] }, property: "fields[0].enum", messageId: "enumOutsideConstraints" },
    { name: "number with a format", json: { fields: [field("a", { type: "number", format: "currency" })] }, property: "fields[0].format", messageId: "profileViolation" },
    { name: "string with an unknown format", json: { fields: [field("a", { format: "phone" })] }, property: "fields[0].format", messageId: "profileViolation" },
    { name: "v2 arrayItem", json: { fields: [field("a", { type: "array", arrayItem: { type: "string" } })] }, property: "fields[0].arrayItem", messageId: "v2Property" },
    { name: "v2 uniqueKeys", json: { fields: [field("a")], uniqueKeys: [["a"]] }, property: "uniqueKeys", messageId: "v2Property" },
    { name: "v2 field missingValues", json: { fields: [field("a", { missingValues: ["-"] })] }, property: "fields[0].missingValues", messageId: "v2Property" },
    { name: "malformed custom_checks", json: { fields: [field("a")], custom_checks: { name: "x" } }, property: "custom_checks", messageId: "customChecksShape" },
    {
      name: "foreign key without resource",
      json: { fields: [field("a"), field("id")], foreignKeys: [{ fields: "a", reference: { fields: "id" } }] },
      property: "foreignKeys[0].reference.resource",
      messageId: "profileViolation",
    },
    {
      name: "foreign key mixing string and list",
      json: { fields: [field("a")], foreignKeys: [{ fields: "a", reference: { resource: "r", fields: ["id"] } }] },
      property: "foreignKeys[0].reference.fields",
      messageId: "profileViolation",
    },
  ];
  it.each(cases)("$name -> $property", ({ json, property, messageId }) => {
    const { warnings } = loadTableSchema(json, "schema.json");
    expect(warnings).toContainEqual(expect.objectContaining({ code: "schema-warning", property, messageId }));
  });

  it("has no warning on a clean schema, well-formed custom_checks included", () => {
    const json = { fields: [field("a", { type: "integer", example: "2" })], custom_checks: [{ name: "french-siret-value", params: { column: "a" } }] };
    expect(loadTableSchema(json, "s").warnings).toEqual([]);
  });
});

describe("loadTableSchema normalises keys", () => {
  it("turns string keys into lists and fills the self reference", () => {
    const input = {
      fields: [field("id"), field("parent"), field("code")],
      primaryKey: "id",
      uniqueKeys: ["code", ["id", "code"]],
      foreignKeys: [
        { fields: "parent", reference: { resource: "", fields: "id" } },
        { fields: ["code"], reference: { fields: ["id"] } },
      ],
    };
    const copy = structuredClone(input);
    const { schema } = loadTableSchema(input, "s");
    expect(schema.primaryKey).toEqual(["id"]);
    expect(schema.uniqueKeys).toEqual([["code"], ["id", "code"]]);
    expect(schema.foreignKeys).toEqual([
      { fields: ["parent"], reference: { resource: "", fields: ["id"] } },
      { fields: ["code"], reference: { resource: "", fields: ["id"] } },
    ]);
    expect(input).toEqual(copy);
  });
});

// The 16 national fixtures (../shared/schemas/README.md). Besides the warnings listed here, each
// field whose `example` is not a string or whose `enum` sits outside `constraints` must give one.
const FIXTURE_SCHEMAS: { file: string; warnings: [string, string][] }[] = [
  { file: "scdl/deliberations/schema.json", warnings: [] },
  { file: "scdl/subventions/schema.json", warnings: [] },
  { file: "scdl/budget/schema.json", warnings: [] },
  { file: "scdl/equipements/schema.json", warnings: [] },
  { file: "scdl/catalogue/schema.json", warnings: [] },
  { file: "scdl/prenoms/schema.json", warnings: [] },
  {
    file: "scdl/menus-collectifs/schema.json",
    warnings: [15, 18, 19, 20].map((i) => [`fields[${i}].arrayItem`, "v2Property"] as [string, string]),
  },
  { file: "atlasante/schema-dae/schema.json", warnings: [] },
  { file: "etalab/schema-lieux-covoiturage/schema.json", warnings: [] },
  { file: "etalab/schema-irve/statique/schema-statique.json", warnings: [] },
  { file: "etalab/schema-irve/dynamique/schema-dynamique.json", warnings: [] },
  { file: "etalab/schema-stationnement/schema.json", warnings: [] },
  { file: "etalab/schema-stationnement-cyclable/schema.json", warnings: [] },
  { file: "openmaraude/schema-stationstaxi/schema.json", warnings: [] },
  { file: "CEREMA/schema-arrete-circulation-marchandises/schema.json", warnings: [] },
  { file: "cnigfr/schema-friches/schema.json", warnings: [] },
  { file: "cnigfr/schema-operations-amenagement/schema/secteur/schema_secteur.json", warnings: [] },
  { file: "cnigfr/schema-operations-amenagement/schema/programme/schema_programme.json", warnings: [] },
  {
    file: "cnigfr/schema-operations-amenagement/schema/operation-amenagement/schema_operation-amenagement.json",
    warnings: [],
  },
];

/** The warnings a fixture must give for its non-string examples and misplaced enums. */
function expectedFieldWarnings(json: { fields: Record<string, unknown>[] }): [string, string][] {
  const out: [string, string][] = [];
  json.fields.forEach((f, i) => {
    if ("enum" in f) out.push([`fields[${i}].enum`, "enumOutsideConstraints"]);
    if ("example" in f && typeof f.example !== "string") out.push([`fields[${i}].example`, "profileViolation"]);
  });
  return out;
}

describeShared("loadTableSchema on the national schemas", () => {
  const sortKey = ([p, m]: [string, string]) => `${p.replace(/\d+/g, (d) => d.padStart(4, "0"))} ${m}`;
  const byKey = (a: [string, string], b: [string, string]) => (sortKey(a) < sortKey(b) ? -1 : 1);

  it.each(FIXTURE_SCHEMAS)("$file loads with exactly the known warnings", ({ file, warnings }) => {
    const source = path.join(sharedDir, "schemas", file);
    const json = JSON.parse(readFileSync(source, "utf8"));
    const loaded = loadTableSchema(json, source);
    const expected = [...warnings, ...expectedFieldWarnings(json)].sort(byKey);
    expect(loaded.warnings.map((w) => [w.property, w.messageId] as [string, string]).sort(byKey)).toEqual(expected);
    expect(loaded.schema.fields.length).toBe(json.fields.length);
    if (json.primaryKey !== undefined) expect(Array.isArray(loaded.schema.primaryKey)).toBe(true);
  });

  it("six schemas carry non-string examples (the known harmless break)", () => {
    const withBadExample = FIXTURE_SCHEMAS.filter(({ file }) => {
      const json = JSON.parse(readFileSync(path.join(sharedDir, "schemas", file), "utf8"));
      return loadTableSchema(json, file).warnings.some((w) => w.property.endsWith(".example"));
    });
    expect(withBadExample).toHaveLength(6);
  });
});
