import type { ErrorObject } from "ajv";
import type { MessageTemplate } from "../check.js";
import type { ForeignKey, TableSchema } from "./descriptor.js";
import { problemFactory, SchemaLoadError, type SchemaProblem, type SchemaWarning } from "./problems.js";
import { validateTableSchemaProfile } from "../schema-validators.js";
import { FIELD_TYPES } from "./profile.js";

/** A foreign key after loading: both field lists are arrays, `resource` is "" for the table itself. */
export interface NormalizedForeignKey extends ForeignKey {
  fields: string[];
  reference: { resource: string; fields: string[] };
}

/** A Table Schema after loading: keys are arrays whatever the descriptor wrote. */
export interface NormalizedTableSchema extends TableSchema {
  primaryKey?: string[];
  uniqueKeys?: string[][];
  foreignKeys?: NormalizedForeignKey[];
}

export interface LoadedTableSchema {
  schema: NormalizedTableSchema;
  warnings: SchemaWarning[];
}

const M = {
  notAnObject: {
    fr: "le descripteur doit être un objet JSON, pas {actual}",
    en: "the descriptor must be a JSON object, not {actual}",
  },
  fieldsMissing: {
    fr: "la liste « fields » des champs est absente ou n'est pas un tableau",
    en: "the `fields` list is missing or is not an array",
  },
  fieldsEmpty: { fr: "la liste « fields » ne déclare aucun champ", en: "the `fields` list declares no field" },
  fieldNotObject: { fr: "un champ doit être un objet JSON", en: "a field must be a JSON object" },
  fieldNameMissing: {
    fr: "le champ n'a pas de nom (« name » doit être une chaîne non vide)",
    en: "the field has no name (`name` must be a non-empty string)",
  },
  duplicateFieldName: {
    fr: "le nom « {name} » est déjà celui du champ n° {first}",
    en: "the name `{name}` is already used by field #{first}",
  },
  unknownType: {
    fr: "type inconnu « {type} » (types admis : {allowed})",
    en: "unknown type `{type}` (allowed types: {allowed})",
  },
  formatNotString: {
    fr: "le format doit être une chaîne (motif de date ou « default »)",
    en: "the format must be a string (a date pattern or `default`)",
  },
  unknownKeyField: {
    fr: "la clé nomme le champ « {name} », absent du schéma",
    en: "the key names field `{name}`, which the schema does not declare",
  },
  keyShape: {
    fr: "une clé doit être un nom de champ ou une liste non vide de noms de champs",
    en: "a key must be a field name or a non-empty list of field names",
  },
  foreignKeyShape: {
    fr: "une clé étrangère doit avoir « fields » et « reference » {resource, fields}",
    en: "a foreign key must have `fields` and `reference` {resource, fields}",
  },
  foreignKeyArity: {
    fr: "{local} champ(s) locaux pour {remote} champ(s) référencés",
    en: "{local} local field(s) for {remote} referenced field(s)",
  },
  resourceNotString: {
    fr: "« resource » doit être le nom d'une ressource (chaîne ; vide pour la table elle-même)",
    en: "`resource` must be a resource name (a string; empty for this table)",
  },
  missingValuesNotStrings: {
    fr: "« missingValues » doit être une liste de chaînes",
    en: "`missingValues` must be a list of strings",
  },
  arrayItemNotObject: { fr: "« arrayItem » doit être un objet", en: "`arrayItem` must be an object" },
  enumOutsideConstraints: {
    fr: "« enum » est posé sur le champ et non dans « constraints » : il est ignoré à la validation",
    en: "`enum` sits on the field instead of inside `constraints`: validation ignores it",
  },
  v2Property: {
    fr: "« {key} » vient de Table Schema v2 ; conforme l'applique, d'autres outils v1 l'ignorent",
    en: "`{key}` comes from Table Schema v2; conforme applies it, other v1 tools ignore it",
  },
  customChecksShape: {
    fr: "« custom_checks » (extension Validata) doit être une liste d'objets {name, params}",
    en: "`custom_checks` (Validata extension) must be a list of {name, params} objects",
  },
  profileType: { fr: "doit être de type {type}", en: "must be of type {type}" },
  profileEnum: { fr: "doit valoir l'une de ces valeurs : {allowed}", en: "must be one of: {allowed}" },
  profileRequired: { fr: "propriété obligatoire absente", en: "required property is missing" },
  profileMinItems: { fr: "doit contenir au moins {limit} élément(s)", en: "must have at least {limit} item(s)" },
  profileUniqueItems: { fr: "ne doit pas contenir de doublons", en: "must not contain duplicates" },
  profileShape: { fr: "n'a pas une forme admise par la spécification", en: "does not have a shape the spec allows" },
} satisfies Record<string, MessageTemplate>;

/** Properties that only describe a field: a bad value there cannot change a verdict. */
const ANNOTATIONS = new Set(["title", "description", "example", "rdfType"]);
/** Types whose `format` picks how cells are parsed: an unknown format there breaks validation. */
const FORMAT_MATTERS = new Set(["geopoint", "geojson"]);
const KNOWN_TYPES = new Set<string>(FIELD_TYPES);
/** Table Schema v2 properties (datapackage.org/standard/table-schema) seen in national schemas. */
const V2_ROOT_KEYS = ["uniqueKeys", "fieldsMatch"];
const V2_FIELD_KEYS = ["missingValues", "arrayItem", "categories", "categoriesOrdered"];

/** Validates `json` against our Table Schema v1 profile (compiled ahead of time); exposed for the agreement test. */
export function profileErrors(json: unknown): ErrorObject[] {
  return validateTableSchemaProfile(json) ? [] : [...(validateTableSchemaProfile.errors ?? [])];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === "string");
const describe = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);

/** A key as written (`"id"` or `["a", "b"]`) as a list, or null when it is neither. */
function keyList(value: unknown): string[] | null {
  if (typeof value === "string") return [value];
  if (isStringList(value) && value.length > 0) return value;
  return null;
}

/**
 * Loads a Table Schema descriptor. Throws `SchemaLoadError` when the schema cannot drive
 * validation (no fields, a field without name, an unknown type, keys naming absent fields...);
 * departures from the spec that cannot change a verdict (a non-string `example`, `enum` outside
 * `constraints`, Validata and v2 extensions) are returned as warnings, as frictionless-py loads
 * such schemas. Keys are normalised to arrays.
 */
export function loadTableSchema(json: unknown, source: string): LoadedTableSchema {
  return loadTableSchemaAt(json, source, "");
}

/** Same as `loadTableSchema` for a schema inlined in a larger descriptor at `basePointer`. */
export function loadTableSchemaAt(json: unknown, source: string, basePointer: string): LoadedTableSchema {
  const problem = problemFactory(source, basePointer);
  const fatal: SchemaProblem[] = [];
  const warnings: SchemaWarning[] = [];
  // Pointers (relative to this schema) the loader's own checks flagged as fatal.
  const flagged: string[] = [];
  const err = (messageId: keyof typeof M, pointer: string, data?: Record<string, unknown>) => {
    flagged.push(pointer);
    fatal.push(problem("schema-error", messageId, pointer, M[messageId], data));
  };
  const warn = (messageId: keyof typeof M, pointer: string, data?: Record<string, unknown>) => warnings.push(problem("schema-warning", messageId, pointer, M[messageId], data));

  if (!isObject(json)) {
    err("notAnObject", "", { actual: describe(json) });
    throw new SchemaLoadError(source, fatal);
  }
  const fields = json.fields;
  if (!Array.isArray(fields)) {
    err("fieldsMissing", "/fields");
    throw new SchemaLoadError(source, fatal);
  }
  if (fields.length === 0) err("fieldsEmpty", "/fields");

  const names = new Map<string, number>();
  const fieldTypes: (string | undefined)[] = [];
  fields.forEach((field: unknown, i) => {
    const at = `/fields/${i}`;
    if (!isObject(field)) {
      err("fieldNotObject", at);
      fieldTypes.push(undefined);
      return;
    }
    const type = field.type === undefined ? "string" : field.type;
    fieldTypes.push(typeof type === "string" ? type : undefined);
    if (typeof field.name !== "string" || field.name === "") err("fieldNameMissing", `${at}/name`);
    else if (names.has(field.name)) err("duplicateFieldName", `${at}/name`, { name: field.name, first: (names.get(field.name) ?? 0) + 1 });
    else names.set(field.name, i);
    if (typeof type !== "string" || !KNOWN_TYPES.has(type)) {
      err("unknownType", `${at}/type`, { type: typeof type === "string" ? type : JSON.stringify(type), allowed: FIELD_TYPES.join(", ") });
    }
    if (field.format !== undefined && typeof field.format !== "string") err("formatNotString", `${at}/format`);
    // Spec "Constraints": `enum` belongs in `constraints`; at field level every v1 validator
    // ignores it (seen in cnigfr/schema-operations-amenagement).
    if ("enum" in field && !(isObject(field.constraints) && "enum" in field.constraints)) warn("enumOutsideConstraints", `${at}/enum`);
    for (const key of V2_FIELD_KEYS) if (key in field) warn("v2Property", `${at}/${key}`, { key });
    if ("missingValues" in field && !isStringList(field.missingValues)) err("missingValuesNotStrings", `${at}/missingValues`);
    if ("arrayItem" in field) {
      const item = field.arrayItem;
      if (!isObject(item)) err("arrayItemNotObject", `${at}/arrayItem`);
      else if (item.type !== undefined && (typeof item.type !== "string" || !KNOWN_TYPES.has(item.type))) {
        err("unknownType", `${at}/arrayItem/type`, { type: String(item.type), allowed: FIELD_TYPES.join(", ") });
      }
    }
  });

  const checkKeyFields = (list: string[], pointer: string, single: boolean) => {
    list.forEach((name, j) => {
      if (!names.has(name)) err("unknownKeyField", single ? pointer : `${pointer}/${j}`, { name });
    });
  };

  let primaryKey: string[] | undefined;
  if (json.primaryKey !== undefined) {
    const list = keyList(json.primaryKey);
    if (list === null) err("keyShape", "/primaryKey");
    else checkKeyFields((primaryKey = list), "/primaryKey", typeof json.primaryKey === "string");
  }

  for (const key of V2_ROOT_KEYS) if (key in json) warn("v2Property", `/${key}`, { key });
  let uniqueKeys: string[][] | undefined;
  if (json.uniqueKeys !== undefined) {
    if (!Array.isArray(json.uniqueKeys)) err("keyShape", "/uniqueKeys");
    else {
      uniqueKeys = [];
      json.uniqueKeys.forEach((raw: unknown, j) => {
        const list = keyList(raw);
        if (list === null) err("keyShape", `/uniqueKeys/${j}`);
        else checkKeyFields(list, `/uniqueKeys/${j}`, typeof raw === "string");
        uniqueKeys?.push(list ?? []);
      });
    }
  }

  const badForeignKeys = new Set<number>();
  let foreignKeys: NormalizedForeignKey[] | undefined;
  if (json.foreignKeys !== undefined) {
    if (!Array.isArray(json.foreignKeys)) err("foreignKeyShape", "/foreignKeys");
    else {
      foreignKeys = [];
      json.foreignKeys.forEach((fk: unknown, j) => {
        const at = `/foreignKeys/${j}`;
        const before = fatal.length;
        const local = isObject(fk) ? keyList(fk.fields) : null;
        const ref = isObject(fk) && isObject(fk.reference) ? fk.reference : null;
        const remote = ref ? keyList(ref.fields) : null;
        if (local === null || ref === null || remote === null) err("foreignKeyShape", at);
        else {
          const resource = ref.resource ?? "";
          if (typeof resource !== "string") err("resourceNotString", `${at}/reference/resource`);
          if (local.length !== remote.length) err("foreignKeyArity", `${at}/reference/fields`, { local: local.length, remote: remote.length });
          checkKeyFields(local, `${at}/fields`, typeof (fk as Record<string, unknown>).fields === "string");
          // A self-reference ("" resource) must name fields of this very table; references to
          // other resources are checked when the package is loaded.
          if (resource === "") checkKeyFields(remote, `${at}/reference/fields`, typeof ref.fields === "string");
          foreignKeys?.push({ fields: local, reference: { resource: typeof resource === "string" ? resource : "", fields: remote } });
        }
        if (fatal.length > before) badForeignKeys.add(j);
      });
    }
  }

  if ("missingValues" in json && !isStringList(json.missingValues)) err("missingValuesNotStrings", "/missingValues");
  if ("custom_checks" in json) {
    const cc = json.custom_checks;
    if (!Array.isArray(cc) || !cc.every((c) => isObject(c) && typeof c.name === "string")) warn("customChecksShape", "/custom_checks");
  }

  classifyProfileErrors(json, fieldTypes, badForeignKeys, flagged, fatal, warnings, problem);

  if (fatal.length > 0) {
    fatal.sort((a, b) => comparePointers(a.pointer, b.pointer));
    throw new SchemaLoadError(source, fatal);
  }
  warnings.sort((a, b) => comparePointers(a.pointer, b.pointer));

  const schema = structuredClone(json) as NormalizedTableSchema;
  if (primaryKey) schema.primaryKey = primaryKey;
  if (uniqueKeys) schema.uniqueKeys = uniqueKeys;
  if (foreignKeys) schema.foreignKeys = foreignKeys;
  return { schema, warnings };
}

/** Orders pointers as the descriptor reads, numeric tokens compared as numbers. */
function comparePointers(a: string, b: string): number {
  const ta = a.split("/");
  const tb = b.split("/");
  for (let i = 0; i < Math.min(ta.length, tb.length); i++) {
    const x = ta[i] as string;
    const y = tb[i] as string;
    if (x === y) continue;
    if (/^\d+$/.test(x) && /^\d+$/.test(y)) return Number(x) - Number(y);
    return x < y ? -1 : 1;
  }
  return ta.length - tb.length;
}

/**
 * Turns profile errors into problems, one per offending property. The loader's own checks come
 * first and say more; a profile error at a property they already flagged is dropped.
 */
function classifyProfileErrors(
  json: Record<string, unknown>,
  fieldTypes: (string | undefined)[],
  badForeignKeys: Set<number>,
  flagged: string[],
  fatal: SchemaProblem[],
  warnings: SchemaWarning[],
  problem: ReturnType<typeof problemFactory>,
): void {
  const errors = profileErrors(json).filter((e) => e.keyword !== "if");
  const pointerOf = (e: ErrorObject) => (e.keyword === "required" ? `${e.instancePath}/${String((e.params as { missingProperty: string }).missingProperty)}` : e.instancePath);
  // Errors below an `anyOf` only explain why each alternative failed: the `anyOf` says it.
  const anyOfAt = errors.filter((e) => e.keyword === "anyOf").map((e) => e.instancePath);
  const seen = new Set<string>();
  for (const e of errors) {
    const pointer = pointerOf(e);
    if (e.keyword !== "anyOf" && anyOfAt.some((a) => pointer === a || pointer.startsWith(`${a}/`))) continue;
    const under = (p: string) => pointer === p || pointer.startsWith(`${p}/`);
    if (seen.has(pointer) || flagged.some(under)) continue;
    seen.add(pointer);
    const [messageId, data] = describeAjvError(e);
    const severity = profileSeverity(pointer, fieldTypes, badForeignKeys);
    const target = severity === "schema-error" ? fatal : warnings;
    target.push(problem(severity, "profileViolation", pointer, M[messageId], { ...data, keyword: e.keyword }));
  }
}

function describeAjvError(e: ErrorObject): [keyof typeof M, Record<string, unknown>] {
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case "type":
      return ["profileType", { type: params.type }];
    case "enum":
      return ["profileEnum", { allowed: params.allowedValues }];
    case "const":
      return ["profileEnum", { allowed: [params.allowedValue] }];
    case "required":
      return ["profileRequired", {}];
    case "minItems":
      return ["profileMinItems", { limit: params.limit }];
    case "uniqueItems":
      return ["profileUniqueItems", {}];
    default:
      return ["profileShape", {}];
  }
}

/** Whether a profile violation at `pointer` prevents validation. */
function profileSeverity(pointer: string, fieldTypes: (string | undefined)[], badForeignKeys: Set<number>): SchemaProblem["code"] {
  const [, top, index, key] = pointer.split("/");
  if (top === "fields" && index !== undefined && key !== undefined) {
    if (ANNOTATIONS.has(key)) return "schema-warning";
    if (key === "format") return FORMAT_MATTERS.has(fieldTypes[Number(index)] ?? "") ? "schema-error" : "schema-warning";
    return "schema-error";
  }
  // Foreign keys the loader could normalise (a missing `resource`, string and list mixed) work;
  // those it could not are already fatal.
  if (top === "foreignKeys" && index !== undefined && !badForeignKeys.has(Number(index))) return "schema-warning";
  return "schema-error";
}
