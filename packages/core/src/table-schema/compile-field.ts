import type { FieldDescriptor } from "./descriptor.js";
import { INVALID, type CompiledField, type ConstraintFailure } from "./field.js";
import { compilePattern, PatternError } from "./pattern.js";
import { arrayType, anyType, geojsonType, geopointType, objectType } from "./types/json.js";
import { booleanType, integerType, numberType } from "./types/numeric.js";
import { stringType } from "./types/string.js";
import { dateType, datetimeType, durationType, timeType, yearmonthType, yearType } from "./types/temporal.js";
import { FormatError, type TypeImpl } from "./types/type.js";

/**
 * A field descriptor that cannot drive validation. `property` is the offending property's path
 * (`fields[3].constraints.pattern`); `detail` says why, in French and English. The caller reports
 * it as a `schema-error` before reading any row.
 */
export class FieldError extends Error {
  readonly property: string;
  readonly detail: { fr: string; en: string };
  /** The `name` of the field at fault, when it has one: users know fields by name, not index. */
  readonly field?: string;
  constructor(property: string, detail: { fr: string; en: string }, field?: string) {
    super(`${property}: ${detail.en}`);
    this.name = "FieldError";
    this.property = property;
    this.detail = detail;
    if (field !== undefined) this.field = field;
  }
}

const ORDERED = ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"] as const;

/**
 * Constraints each type accepts besides `required` and `unique`, as frictionless-py v5 lists
 * them (`supported_constraints`); a schema setting another is refused with a field error, as
 * frictionless does. Deviation: exclusiveMinimum/exclusiveMaximum (Table Schema v2) are accepted
 * wherever minimum is.
 */
const SUPPORTED: Record<string, readonly string[]> = {
  string: ["minLength", "maxLength", "pattern", "enum"],
  number: [...ORDERED, "enum"],
  integer: [...ORDERED, "enum"],
  date: [...ORDERED, "enum"],
  time: [...ORDERED, "enum"],
  datetime: [...ORDERED, "enum"],
  year: [...ORDERED, "enum"],
  yearmonth: [...ORDERED, "enum"],
  boolean: ["enum"],
  duration: ["enum"],
  geopoint: ["enum"],
  geojson: ["enum"],
  any: ["enum"],
  object: ["minLength", "maxLength", "enum"],
  array: ["minLength", "maxLength", "enum"],
};

/** The format frictionless reads: absent means "default"; the v1 `fmt:` prefix is dropped. */
function normalFormat(descriptor: { format?: unknown }): string {
  const f = descriptor.format;
  if (typeof f !== "string" || f === "") return "default";
  return f.startsWith("fmt:") ? f.slice(4) : f;
}

function normalType(descriptor: { type?: unknown }): string {
  return typeof descriptor.type === "string" ? descriptor.type : "string";
}

/**
 * The `type/format` text frictionless prints in type-error notes (`type is "date/%Y-%m-%d"`):
 * the declared format verbatim (without `fmt:`), `default` when none is declared.
 */
export function describeType(field: Pick<FieldDescriptor, "type" | "format">): string {
  return `${normalType(field)}/${normalFormat(field)}`;
}

function knownFormatsOnly(type: string, format: string): void {
  if (format !== "default") {
    throw new FormatError({
      fr: `le type ${type} n'a pas de format « ${format} » (seul « default » existe)`,
      en: `type ${type} has no format "${format}" (only "default")`,
    });
  }
}

function makeType(descriptor: FieldDescriptor, type: string, format: string): TypeImpl {
  switch (type) {
    case "string":
      return stringType(format);
    case "integer":
      knownFormatsOnly(type, format);
      return integerType(descriptor);
    case "number":
      knownFormatsOnly(type, format);
      return numberType(descriptor);
    case "boolean":
      knownFormatsOnly(type, format);
      return booleanType(descriptor);
    case "date":
      return dateType(format);
    case "datetime":
      return datetimeType(format);
    case "time":
      return timeType(format);
    case "year":
      knownFormatsOnly(type, format);
      return yearType();
    case "yearmonth":
      knownFormatsOnly(type, format);
      return yearmonthType();
    case "duration":
      knownFormatsOnly(type, format);
      return durationType();
    case "geopoint":
      return geopointType(format);
    case "geojson":
      return geojsonType(format);
    case "object":
      knownFormatsOnly(type, format);
      return objectType();
    case "array":
      knownFormatsOnly(type, format);
      return arrayType();
    case "any":
      knownFormatsOnly(type, format);
      return anyType();
    default:
      throw new FieldError("type", {
        fr: `le type « ${type} » n'existe pas dans Table Schema`,
        en: `field type "${type}" is not supported`,
      });
  }
}

/** Casts a constraint value with the field's type: strings as cells, JSON values as such. */
function castConstraint(impl: TypeImpl, value: unknown): unknown {
  if (typeof value === "string") return impl.cast(value);
  return impl.castJson ? impl.castJson(value) : INVALID;
}

type Check = (value: unknown, raw: string, failures: ConstraintFailure[] | null) => ConstraintFailure[] | null;

const push = (failures: ConstraintFailure[] | null, failure: ConstraintFailure): ConstraintFailure[] => {
  if (failures === null) return [failure];
  failures.push(failure);
  return failures;
};

interface Compiled {
  impl: TypeImpl;
  missing: (raw: string) => boolean;
  checks: Check[];
  required: boolean;
  key: (value: unknown) => string;
}

function missingTest(values: readonly string[]): (raw: string) => boolean {
  if (values.length === 0) return () => false;
  if (values.length === 1) {
    const only = values[0]!;
    return only === "" ? (raw) => raw.length === 0 : (raw) => raw === only;
  }
  const set = new Set(values);
  return (raw) => set.has(raw);
}

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === "string");
}

/**
 * Compiles the parts shared by a field and an array item: type, constraints, missing values.
 * `at` prefixes property paths in errors.
 */
function compileParts(descriptor: FieldDescriptor, missingValues: readonly string[], at: (property: string) => string): Compiled {
  const type = normalType(descriptor);
  const format = normalFormat(descriptor);
  let impl: TypeImpl;
  try {
    impl = makeType(descriptor, type, format);
  } catch (error) {
    if (error instanceof FieldError) throw new FieldError(at(error.property), error.detail);
    if (error instanceof FormatError) throw new FieldError(at("format"), error.detail);
    throw error;
  }
  const supported = SUPPORTED[type]!;
  const constraints = descriptor.constraints ?? {};
  if (typeof constraints !== "object" || Array.isArray(constraints)) {
    throw new FieldError(at("constraints"), {
      fr: "« constraints » doit être un objet",
      en: '"constraints" must be an object',
    });
  }
  const key = impl.key ?? ((v: unknown) => String(v));
  const checks: Check[] = [];
  for (const [name, expected] of Object.entries(constraints)) {
    if (name === "required" || name === "unique" || expected === undefined) continue;
    const property = at(`constraints.${name}`);
    if (!supported.includes(name)) {
      throw new FieldError(property, {
        fr: `la contrainte « ${name} » ne s'applique pas au type ${type}`,
        en: `constraint "${name}" is not supported by type "${type}"`,
      });
    }
    checks.push(compileConstraint(impl, type, name, expected, property, key));
  }
  const required = constraints.required === true;
  return { impl, missing: missingTest(missingValues), checks, required, key };
}

function compileConstraint(impl: TypeImpl, type: string, name: string, expected: unknown, property: string, key: (v: unknown) => string): Check {
  const failure: ConstraintFailure = { constraint: name, expected };
  const bad = (fr: string, en: string): never => {
    throw new FieldError(property, { fr, en });
  };
  switch (name) {
    case "minLength":
    case "maxLength": {
      if (typeof expected !== "number" || !Number.isInteger(expected) || expected < 0) {
        bad(`« ${name} » doit être un entier positif`, `"${name}" must be a non-negative integer`);
      }
      const limit = expected as number;
      const length = impl.length!;
      return name === "minLength" ? (v, _raw, f) => (length(v) < limit ? push(f, failure) : f) : (v, _raw, f) => (length(v) > limit ? push(f, failure) : f);
    }
    case "pattern": {
      if (typeof expected !== "string") bad("« pattern » doit être une chaîne", '"pattern" must be a string');
      let pattern: ReturnType<typeof compilePattern>;
      try {
        pattern = compilePattern(expected as string);
      } catch (error) {
        if (error instanceof PatternError) throw new FieldError(property, error.detail);
        throw error;
      }
      // Tested on the raw cell, unstripped (frictionless); for strings value === raw.
      return (_v, raw, f) => (pattern.test(raw) ? f : push(f, failure));
    }
    case "enum": {
      if (!Array.isArray(expected)) bad("« enum » doit être une liste", '"enum" must be an array');
      // Values that do not cast with the field's type can never match (frictionless casts them to None).
      const cast = (expected as unknown[]).map((e) => castConstraint(impl, e)).filter((e) => e !== INVALID);
      if (impl.primitive) {
        const set = new Set(cast);
        return (v, _raw, f) => (set.has(v) ? f : push(f, failure));
      }
      const keys = new Set(cast.map(key));
      return (v, _raw, f) => (keys.has(key(v)) ? f : push(f, failure));
    }
    default: {
      const bound = castConstraint(impl, expected);
      if (bound === INVALID || (typeof bound === "number" && Number.isNaN(bound))) {
        bad(`la valeur ${JSON.stringify(expected)} de « ${name} » n'est pas du type ${type}`, `the value ${JSON.stringify(expected)} of "${name}" is not of type ${type}`);
      }
      const b = bound as number;
      // Written so that NaN fails every bound, as Decimal's comparison does in frictionless.
      switch (name) {
        case "minimum":
          return (v, _raw, f) => ((v as number) >= b ? f : push(f, failure));
        case "maximum":
          return (v, _raw, f) => ((v as number) <= b ? f : push(f, failure));
        case "exclusiveMinimum":
          return (v, _raw, f) => ((v as number) > b ? f : push(f, failure));
        default:
          return (v, _raw, f) => ((v as number) < b ? f : push(f, failure));
      }
    }
  }
}

/**
 * Compiles a Table Schema field descriptor once into closures applied to every cell of its
 * column. `schemaMissingValues` is the schema's `missingValues`; the field's own list, when
 * declared, replaces it; the default is `[""]`. `path` prefixes the property paths of errors
 * (`fields[3]`). Throws a FieldError when the descriptor cannot drive validation.
 *
 * Values by type: string, any: the string; integer: number (bigint past 2^53); number: number
 * (NaN and ±Infinity included); boolean: boolean; date: `yyyymmdd` number (DateValue); datetime:
 * epoch milliseconds; time: milliseconds since midnight; year: number; yearmonth: `yyyymm`
 * number; duration: {months, seconds}; geopoint: {lon, lat}; object, array, geojson: parsed JSON.
 */
export function compileField(descriptor: FieldDescriptor, schemaMissingValues: string[] | undefined, path?: string): CompiledField {
  const at = (property: string): string => (path ? `${path}.${property}` : property);
  if (descriptor === null || typeof descriptor !== "object") {
    throw new FieldError(path ?? "field", { fr: "le champ doit être un objet", en: "the field must be an object" });
  }
  let missingValues: readonly string[] = [""];
  if (descriptor.missingValues !== undefined) {
    if (!isStringArray(descriptor.missingValues)) {
      throw new FieldError(at("missingValues"), {
        fr: "« missingValues » doit être une liste de chaînes",
        en: '"missingValues" must be an array of strings',
      });
    }
    missingValues = descriptor.missingValues;
  } else if (schemaMissingValues !== undefined) missingValues = schemaMissingValues;
  for (const name of ["trueValues", "falseValues"] as const) {
    if (descriptor[name] !== undefined && !isStringArray(descriptor[name])) {
      throw new FieldError(at(name), {
        fr: `« ${name} » doit être une liste de chaînes`,
        en: `"${name}" must be an array of strings`,
      });
    }
  }
  const parts = compileParts(descriptor, missingValues, at);
  const checks = parts.checks;
  const type = normalType(descriptor);
  let cast = parts.impl.cast;
  let checkItems: Check | null = null;
  if (type === "array" && descriptor.arrayItem !== undefined) {
    const item = compileArrayItem(descriptor, at("arrayItem"));
    const arrayCast = cast;
    // An item that is not of the item type makes the whole cell a type error.
    cast = (raw) => {
      const v = arrayCast(raw);
      if (v === INVALID) return v;
      const items = v as unknown[];
      for (let i = 0; i < items.length; i++) {
        const c = item.castItem(items[i]);
        if (c === INVALID) return INVALID;
        items[i] = c;
      }
      return items;
    };
    checkItems = item.check;
  }
  const n = checks.length;
  const check =
    n === 0 && checkItems === null
      ? () => null
      : (value: unknown, raw: string): ConstraintFailure[] | null => {
          let f: ConstraintFailure[] | null = null;
          for (let i = 0; i < n; i++) f = checks[i]!(value, raw, f);
          // frictionless checks the items only when the array itself passed.
          if (f === null && checkItems !== null) f = checkItems(value, raw, f);
          return f;
        };
  return {
    name: descriptor.name,
    type,
    format: normalFormat(descriptor),
    descriptor,
    required: parts.required,
    unique: descriptor.constraints?.unique === true,
    isMissing: parts.missing,
    cast,
    check,
    key: parts.key,
  };
}

/**
 * An array's `arrayItem`, compiled as frictionless does: a field of its own (type `any` when
 * unset, missing values `[""]`), applied to each item. Item constraint failures are reported
 * once per constraint with `arrayItem: true`, giving frictionless's note
 * `array item constraint "enum" is "[...]"`.
 */
function compileArrayItem(descriptor: FieldDescriptor, at: string): { castItem: (item: unknown) => unknown; check: Check } {
  const raw = descriptor.arrayItem;
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    throw new FieldError(at, { fr: "« arrayItem » doit être un objet", en: '"arrayItem" must be an object' });
  }
  const itemDescriptor: FieldDescriptor = {
    ...raw,
    name: typeof raw.name === "string" ? raw.name : descriptor.name,
    type: typeof raw.type === "string" ? raw.type : "any",
  };
  const itemAt = (property: string): string => `${at}.${property}`;
  const parts = compileParts(itemDescriptor, isStringArray(raw.missingValues) ? raw.missingValues : [""], itemAt);
  const impl = parts.impl;
  const castItem = (item: unknown): unknown => {
    if (item === null) return null;
    if (typeof item === "string") return parts.missing(item) ? null : impl.cast(item);
    if (parts.missing(String(item))) return null;
    return impl.castJson ? impl.castJson(item) : INVALID;
  };
  const itemChecks = parts.checks;
  const requiredFailure: ConstraintFailure = { constraint: "required", expected: true, arrayItem: true };
  const check: Check = (value, _raw, f) => {
    const items = value as unknown[];
    const seen = new Set<string>();
    for (const item of items) {
      if (item === null) {
        if (parts.required && !seen.has("required")) {
          seen.add("required");
          f = push(f, requiredFailure);
        }
        continue;
      }
      const itemRaw = typeof item === "string" ? item : JSON.stringify(item);
      const failures = itemChecks.reduce<ConstraintFailure[] | null>((acc, c) => c(item, itemRaw, acc), null);
      if (failures === null) continue;
      for (const failure of failures) {
        if (seen.has(failure.constraint)) continue;
        seen.add(failure.constraint);
        f = push(f, { ...failure, arrayItem: true });
      }
    }
    return f;
  };
  return { castItem, check };
}
