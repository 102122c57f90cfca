/** Table Schema descriptors as published (specs.frictionlessdata.io/table-schema), after loading. */

export type FieldType =
  | "string"
  | "number"
  | "integer"
  | "boolean"
  | "object"
  | "array"
  | "date"
  | "time"
  | "datetime"
  | "year"
  | "yearmonth"
  | "duration"
  | "geopoint"
  | "geojson"
  | "any";

export interface Constraints {
  required?: boolean;
  unique?: boolean;
  minLength?: number;
  maxLength?: number;
  minimum?: unknown;
  maximum?: unknown;
  exclusiveMinimum?: unknown;
  exclusiveMaximum?: unknown;
  pattern?: string;
  enum?: unknown[];
}

export interface FieldDescriptor {
  name: string;
  type?: FieldType | string;
  format?: string;
  title?: string;
  description?: string;
  example?: unknown;
  constraints?: Constraints;
  missingValues?: string[];
  trueValues?: string[];
  falseValues?: string[];
  decimalChar?: string;
  groupChar?: string;
  bareNumber?: boolean;
  arrayItem?: Omit<FieldDescriptor, "name"> & { name?: string };
  [key: string]: unknown;
}

export interface ForeignKey {
  fields: string | string[];
  reference: { resource?: string; fields: string | string[] };
}

export interface TableSchema {
  fields: FieldDescriptor[];
  missingValues?: string[];
  primaryKey?: string | string[];
  uniqueKeys?: (string | string[])[];
  foreignKeys?: ForeignKey[];
  /** Validata's extension: checks beyond Table Schema. */
  custom_checks?: { name: string; params?: Record<string, unknown> }[];
  name?: string;
  title?: string;
  version?: string;
  [key: string]: unknown;
}
