import type { Lang } from "../findings.js";
import { quoteValue } from "../messages/quote.js";
import type { RunError } from "../report.js";
import { FieldError, SchemaLoadError, type SchemaWarning } from "../table-schema/index.js";
import type { FindingDraftWithCode } from "./validator.js";

/** A failure before any row is read (schema unreadable or unusable) as the report's run error. */
export function runError(error: unknown, file: string | undefined, lang: Lang): RunError {
  if (error instanceof SchemaLoadError) return { code: "schema-error", file, message: error.messages[lang] };
  if (error instanceof FieldError) {
    const where =
      error.field === undefined
        ? error.property
        : lang === "fr"
          ? `champ « ${quoteValue(error.field)} », ${error.property}`
          : `field "${quoteValue(error.field)}", ${error.property}`;
    const message = lang === "fr" ? `Schéma inutilisable pour valider : ${where} : ${error.detail.fr}` : `The schema cannot drive validation: ${where}: ${error.detail.en}`;
    return { code: "schema-error", file, message };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: "run-error", file, message };
}

/** Harmless departures of a schema from the spec, reported with every file it validates. */
export function warningsAsFindings(warnings: SchemaWarning[], lang: Lang): FindingDraftWithCode[] {
  return warnings.map((warning) => ({
    code: "schema-warning",
    messageId: "default",
    pointer: warning.pointer,
    data: { property: warning.property, detail: warning.detail[lang], source: warning.source },
  }));
}
