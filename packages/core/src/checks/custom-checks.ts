import type { MessageTemplate, RowCheck } from "../check.js";
import { checkOptionsValidators, type SchemaValidator } from "../schema-validators.js";
import { checks, findCheck } from "./registry.js";

/** One entry of a schema's `custom_checks` (Validata's extension of Table Schema). */
export interface CustomCheckDescriptor {
  name: string;
  params?: Record<string, unknown>;
}

/** A misdeclared custom check, reported once for the file; the other checks still run. */
export interface CustomCheckProblem {
  code: "check-error";
  messageId: "unknownCheck" | "invalidParams" | "unknownColumn";
  data: Record<string, unknown>;
}

export interface CompiledCustomChecks {
  checks: { check: RowCheck; options: Record<string, unknown> }[];
  problems: CustomCheckProblem[];
}

/** Templates of the `check-error` findings, keyed by messageId. */
export const checkErrorMessages: Record<CustomCheckProblem["messageId"], MessageTemplate> = {
  unknownCheck: {
    fr: "Custom check inconnu : « {name} » n'est pas un contrôle connu ; il est ignoré.",
    en: 'Unknown custom check: "{name}" is not a known check; it is skipped.',
  },
  invalidParams: {
    fr: "Erreur d'initialisation du custom check « {name} » : paramètres invalides ({errors}) ; il est ignoré.",
    en: 'Custom check "{name}" could not start: invalid parameters ({errors}); it is skipped.',
  },
  unknownColumn: {
    fr: "Custom check « {name} » : la colonne « {column} » (paramètre {param}) n'est pas un champ du schéma ; il est ignoré.",
    en: 'Custom check "{name}": column "{column}" (parameter {param}) is not a field of the schema; it is skipped.',
  },
};

/** Params naming one column or a list of columns, across all custom checks. */
const COLUMN_PARAMS = ["column", "column1", "column2", "othercolumns", "columns"];

/** The check's options validator, compiled ahead of time (schema-validators.generated.ts). */
function validatorOf(check: RowCheck): SchemaValidator {
  const validate = checkOptionsValidators[check.id];
  if (!validate) throw new Error(`no options validator for check ${check.id}: run \`pnpm generate\``);
  return validate;
}

/**
 * Turns a schema's `custom_checks` into checks to run and problems to report, before any row is
 * read. As in Validata, an unknown name or invalid params give one `check-error` each and the
 * check is skipped; every other check still runs. A column param naming no schema field is also
 * a `check-error` (the check could never see a value).
 */
export function compileCustomChecks(customChecks: readonly CustomCheckDescriptor[] | undefined, fieldNames: readonly string[]): CompiledCustomChecks {
  const compiled: CompiledCustomChecks = { checks: [], problems: [] };
  const known = new Set(fieldNames);
  for (const descriptor of customChecks ?? []) {
    const name = typeof descriptor?.name === "string" ? descriptor.name : String(descriptor?.name);
    const check = findCheck(name);
    if (!check) {
      compiled.problems.push({ code: "check-error", messageId: "unknownCheck", data: { name } });
      continue;
    }
    const options = descriptor.params ?? {};
    const validate = validatorOf(check);
    if (!validate(options)) {
      const errors = (validate.errors ?? []).map((error) => `${error.instancePath || "params"} ${error.message ?? ""}`.trim());
      compiled.problems.push({ code: "check-error", messageId: "invalidParams", data: { name, errors } });
      continue;
    }
    const unknown = unknownColumn(options, known);
    if (unknown) {
      compiled.problems.push({ code: "check-error", messageId: "unknownColumn", data: { name, ...unknown } });
      continue;
    }
    compiled.checks.push({ check, options });
  }
  return compiled;
}

function unknownColumn(options: Record<string, unknown>, known: ReadonlySet<string>): { param: string; column: string } | undefined {
  for (const param of COLUMN_PARAMS) {
    const value = options[param];
    const columns = Array.isArray(value) ? value : value === undefined ? [] : [value];
    for (const column of columns) {
      if (typeof column === "string" && !known.has(column)) return { param, column };
    }
  }
  return undefined;
}

/** Names accepted in `custom_checks`: every id and alias. */
export function customCheckNames(): string[] {
  return checks.flatMap((check) => [check.id, ...(check.aliases ?? [])]).sort();
}
