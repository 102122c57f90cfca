import type { Finding } from "../findings.js";
import { readTable, type ByteSource, type ReadOptions } from "../reading/index.js";
import type { FileReport } from "../report.js";
import type { TableSchema } from "../table-schema/descriptor.js";
import type { FindingFactory } from "./findings-factory.js";
import { createValidator, type Validator, type ValidatorOptions } from "./validator.js";

/** What the audit trail names as the schema of a file validated against its own header. */
export const HEADER_SCHEMA_SOURCE = "(en-tête du fichier)";

/**
 * Without a schema, the header is the schema: every column untyped (`any`), a blank label named
 * by its position. Structure problems (blank or duplicate labels, blank rows, missing or extra
 * cells) are still found. Reads the header row only, then stops.
 */
export async function inferredValidator(source: ByteSource, read: ReadOptions, options: ValidatorOptions): Promise<Validator> {
  let labels: string[] = [];
  await readTable(source, read, {
    record(cells) {
      labels = cells;
      return false;
    },
    problem() {},
  });
  const schema: TableSchema = {
    fields: labels.map((label, index) => ({ name: label.trim() === "" ? `field${index + 1}` : label.trim(), type: "any" })),
  };
  // Labels meet their fields by position, so that blank or duplicate labels stay findings.
  return createValidator(schema, { schemaRef: { source: HEADER_SCHEMA_SOURCE }, ...options, inferredSchema: true, headerMode: "position" });
}

/**
 * The report of a file that could not be read: one `source-error` (`detail`, `reason`) saying
 * why, no rows. `lint` and `lintSources` report such files alike.
 */
export function failedFileReport(name: string, data: { detail: string; reason: string }, factory: FindingFactory, bytes = 0): FileReport {
  const finding = factory.make("source-error", { messageId: "default", data }, name);
  const findings: Finding[] = finding ? [finding] : [];
  const count = (severity: Finding["severity"]) => findings.filter((one) => one.severity === severity).length;
  return {
    file: name,
    valid: count("error") === 0,
    // Not "stopped at the error limit": nothing was read at all, as the finding says.
    partial: false,
    labels: [],
    stats: { rows: 0, fields: 0, bytes, errors: count("error"), warnings: count("warning"), infos: count("info"), countsByCode: finding ? { "source-error": 1 } : {} },
    findings,
    durationMs: 0,
  };
}
