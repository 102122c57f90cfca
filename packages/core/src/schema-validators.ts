import type { ErrorObject } from "ajv";
import * as generated from "./schema-validators.generated.js";

// The validators are compiled ahead of time (Ajv standalone code, written by `pnpm generate`):
// compiling them at start-up cost more than half of a 10-row lint (docs/performance.md). The
// generated module is untyped; these are its types.

/** An Ajv standalone validator: the verdict, and the errors of the last call on the function. */
export interface SchemaValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/** The Table Schema v1 profile (table-schema/profile.ts). */
export const validateTableSchemaProfile = generated.tableSchemaProfile as SchemaValidator;
/** The configuration file (config/schema.ts). */
export const validateConfigFile = generated.configFile as SchemaValidator;
/** The conforme dataset descriptor (metadata/descriptor-schema.ts). */
export const validateDatasetDescriptor = generated.datasetDescriptor as SchemaValidator;
/** A check's options, by check id; every registered check has one. */
export const checkOptionsValidators = generated.checkOptions as Readonly<Record<string, SchemaValidator | undefined>>;
