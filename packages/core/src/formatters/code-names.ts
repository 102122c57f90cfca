import { checks } from "../checks/registry.js";
import { codeCatalog } from "./catalog.js";

/**
 * Names other tools gave to what conforme reports under another code, so that a user pasting a
 * code from an older report finds our page. Only names whose meaning is the same are listed.
 */
export const OTHER_CODE_NAMES: Readonly<Record<string, string>> = {
  // frictionless-py before v5 named header problems after the header, v5 after the label
  // (frictionless v4 reports' `scope`).
  "extra-header": "extra-label",
  "missing-header": "missing-label",
  "duplicate-header": "duplicate-label",
  "non-matching-header": "incorrect-label",
  "required-error": "constraint-error",
  // goodtables-py (the data-quality-spec codes before frictionless).
  "extra-value": "extra-cell",
  "missing-value": "missing-cell",
  "type-or-format-error": "type-error",
  "required-constraint": "constraint-error",
  "pattern-constraint": "constraint-error",
  "enumerable-constraint": "constraint-error",
  "minimum-constraint": "constraint-error",
  "maximum-constraint": "constraint-error",
  "minimum-length-constraint": "constraint-error",
  "maximum-length-constraint": "constraint-error",
  "unique-constraint": "unique-error",
  // Validata's own error codes (validata_core `ErrType`, module `domain/types/error_types`); those
  // conforme reports verbatim (`nomenclature-actes`) are codes of the catalogue.
  "missing-required-header": "missing-label",
  // fr-format's name for the same check.
  "coordonnees-gps-francaises": "french-gps-coordinates",
};

/** Families whose codes a user may type without their prefix or suffix: `email`, `opening-hours`. */
const PREFIXES = ["personal-data-", "metadata-", "metadata-datagouv-", "metadata-mqa-"];
const SUFFIXES = ["-value", "-error", "-warn"];

/** `French_SIRET_value`, `ForeignKeyError`, ` blank row ` -> kebab-case as codes are written. */
function normalise(name: string): string {
  return name
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .toLowerCase()
    .replace(/[\s_]+/g, "-");
}

export type CodeLookup =
  /** `alias` is set when `name` is not the code itself. */
  | { code: string; alias?: string }
  /** Nothing matched (`candidates` empty) or several codes did. */
  | { code?: undefined; candidates: string[] };

/**
 * The finding code a user means by `name` (for `conforme explain`): the code itself; a check's
 * alias (`siret`); another tool's name for it (frictionless v4, goodtables, Validata); the same
 * written with capitals or `_`; or a code without its family prefix or suffix (`email` for
 * `personal-data-email`, `opening-hours` for `opening-hours-value`). `known` adds codes outside
 * the catalogue, such as metadata criteria, whose pages exist.
 */
export function findCode(name: string, known: readonly string[] = []): CodeLookup {
  const codes = new Set([...codeCatalog().map((entry) => entry.code), ...known]);
  if (codes.has(name)) return { code: name };
  const wanted = normalise(name);
  const aliased = (code: string): CodeLookup => ({ code, alias: name });
  if (codes.has(wanted)) return aliased(wanted);
  const other = OTHER_CODE_NAMES[wanted];
  if (other !== undefined) return aliased(other);
  const check = checks.find((candidate) => candidate.aliases?.includes(wanted));
  if (check) return aliased(check.id);
  const candidates = [...codes].filter((code) => PREFIXES.some((prefix) => code === `${prefix}${wanted}`) || SUFFIXES.some((suffix) => code === `${wanted}${suffix}`));
  if (candidates.length === 0) {
    // `foreign-key-error` (Validata's old docs, frictionless v4's `primary-key-error`).
    const stripped = SUFFIXES.find((suffix) => wanted.endsWith(suffix) && codes.has(wanted.slice(0, -suffix.length)));
    if (stripped) return aliased(wanted.slice(0, -stripped.length));
  }
  if (candidates.length === 1) return aliased(candidates[0]!);
  return { candidates: candidates.sort() };
}
