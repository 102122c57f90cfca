/**
 * Our JSON Schema of a Table Schema v1 descriptor, written from the spec
 * (specs.frictionlessdata.io/table-schema: "Field Descriptors", "Types and formats",
 * "Constraints", "Primary Key", "Foreign Keys", "Missing Values").
 *
 * It gives the same verdict as the official v1 profile (a test proves it on the national schemas
 * and on broken descriptors), but is shaped for precise messages: the official profile is a
 * `oneOf` over field types, so one bad property of one field yields an error for every branch;
 * here the field's `type` selects its rules with `if`/`then`, and each error points at the
 * offending property.
 */

/** The field types of Table Schema v1 ("Types and formats"). */
export const FIELD_TYPES = [
  "string",
  "number",
  "integer",
  "boolean",
  "object",
  "array",
  "date",
  "time",
  "datetime",
  "year",
  "yearmonth",
  "duration",
  "geopoint",
  "geojson",
  "any",
] as const;

type JsonSchema = Record<string, unknown>;

const stringArray = (minItems?: number): JsonSchema => ({
  type: "array",
  ...(minItems === undefined ? {} : { minItems }),
  items: { type: "string" },
});

/** `enum` holds values in the physical (string) or logical representation of the type. */
const enumOf = (...itemTypes: string[]): JsonSchema => {
  const branches = itemTypes.map((t) => ({ type: "array", minItems: 1, uniqueItems: true, items: { type: t } }));
  return branches.length === 1 ? (branches[0] as JsonSchema) : { anyOf: branches };
};
const anyEnum: JsonSchema = { type: "array", minItems: 1, uniqueItems: true };
const stringOr = (t: string): JsonSchema => ({ anyOf: [{ type: "string" }, { type: t }] });
const length = { minLength: { type: "integer" }, maxLength: { type: "integer" } };
const bounds = (t: JsonSchema): JsonSchema => ({ minimum: t, maximum: t });

interface TypeRules {
  /** Allowed `format` values; absent = any value (date/time/datetime take a strptime pattern). */
  formats?: string[];
  /** Constraints the spec lists for the type, besides `required` (all types). */
  constraints: JsonSchema;
  /** Type-specific field properties. */
  extra?: JsonSchema;
}

const TYPE_RULES: Record<(typeof FIELD_TYPES)[number], TypeRules> = {
  string: {
    formats: ["default", "email", "uri", "binary", "uuid"],
    constraints: { unique: { type: "boolean" }, pattern: { type: "string" }, enum: enumOf("string"), ...length },
  },
  number: {
    formats: ["default"],
    constraints: { unique: { type: "boolean" }, enum: enumOf("string", "number"), ...bounds(stringOr("number")) },
    extra: { bareNumber: { type: "boolean" }, decimalChar: { type: "string" }, groupChar: { type: "string" } },
  },
  integer: {
    formats: ["default"],
    constraints: { unique: { type: "boolean" }, enum: enumOf("string", "integer"), ...bounds(stringOr("integer")) },
    extra: { bareNumber: { type: "boolean" } },
  },
  boolean: {
    formats: ["default"],
    constraints: { enum: enumOf("boolean") },
    extra: { trueValues: stringArray(1), falseValues: stringArray(1) },
  },
  object: {
    formats: ["default"],
    constraints: { unique: { type: "boolean" }, enum: enumOf("string", "object"), ...length },
  },
  array: {
    formats: ["default"],
    constraints: { unique: { type: "boolean" }, enum: enumOf("string", "array"), ...length },
  },
  date: { constraints: { unique: { type: "boolean" }, enum: enumOf("string"), ...bounds({ type: "string" }) } },
  time: { constraints: { unique: { type: "boolean" }, enum: enumOf("string"), ...bounds({ type: "string" }) } },
  datetime: { constraints: { unique: { type: "boolean" }, enum: enumOf("string"), ...bounds({ type: "string" }) } },
  year: {
    formats: ["default"],
    constraints: { unique: { type: "boolean" }, enum: enumOf("string", "integer"), ...bounds(stringOr("integer")) },
  },
  yearmonth: {
    formats: ["default"],
    constraints: { unique: { type: "boolean" }, enum: enumOf("string"), ...bounds({ type: "string" }) },
  },
  duration: {
    formats: ["default"],
    constraints: { unique: { type: "boolean" }, enum: enumOf("string"), ...bounds({ type: "string" }) },
  },
  geopoint: {
    formats: ["default", "array", "object"],
    constraints: { unique: { type: "boolean" }, enum: enumOf("string", "array", "object") },
  },
  geojson: {
    formats: ["default", "topojson"],
    constraints: { unique: { type: "boolean" }, enum: enumOf("string", "object"), ...length },
  },
  // `any` has no format in the spec, so any value is let through, as the official profile does.
  any: { constraints: { unique: { type: "boolean" }, enum: anyEnum } },
};

function typeBranch(type: (typeof FIELD_TYPES)[number]): JsonSchema {
  const rules = TYPE_RULES[type];
  // A field without `type` is a string field (spec: "type ... defaults to string"), so the
  // string branch also applies when `type` is absent; every other branch needs it present.
  const condition = type === "string" ? { properties: { type: { const: "string" } } } : { properties: { type: { const: type } }, required: ["type"] };
  return {
    if: condition,
    then: {
      properties: {
        ...(rules.formats ? { format: { enum: rules.formats } } : {}),
        constraints: { type: "object", properties: { required: { type: "boolean" }, ...rules.constraints } },
        ...rules.extra,
      },
    },
  };
}

const field: JsonSchema = {
  type: "object",
  required: ["name"],
  properties: {
    name: { type: "string" },
    title: { type: "string" },
    description: { type: "string" },
    example: { type: "string" },
    rdfType: { type: "string" },
    type: { enum: [...FIELD_TYPES] },
  },
  allOf: FIELD_TYPES.map(typeBranch),
};

// Spec "Foreign Keys": `fields` and `reference.fields` are both a string or both an array;
// `reference.resource` is required in v1, the empty string meaning "this table".
const foreignKey: JsonSchema = {
  type: "object",
  required: ["fields", "reference"],
  properties: {
    fields: { anyOf: [{ type: "string" }, { type: "array", items: { type: "string" } }] },
    reference: {
      type: "object",
      required: ["resource", "fields"],
      properties: {
        resource: { type: "string" },
        fields: { anyOf: [{ type: "string" }, { type: "array", minItems: 1, uniqueItems: true, items: { type: "string" } }] },
      },
    },
  },
  if: { properties: { fields: { type: "string" } } },
  then: { properties: { reference: { properties: { fields: { type: "string" } } } } },
  else: { properties: { reference: { properties: { fields: { type: "array" } } } } },
};

/** JSON Schema (draft-07) of a Table Schema v1 descriptor. */
export const TABLE_SCHEMA_PROFILE: JsonSchema = {
  $schema: "http://json-schema.org/draft-07/schema#",
  title: "Table Schema v1 (conforme)",
  type: "object",
  required: ["fields"],
  properties: {
    fields: { type: "array", minItems: 1, items: field },
    primaryKey: {
      anyOf: [{ type: "array", minItems: 1, uniqueItems: true, items: { type: "string" } }, { type: "string" }],
    },
    foreignKeys: { type: "array", minItems: 1, items: foreignKey },
    missingValues: stringArray(),
  },
};
