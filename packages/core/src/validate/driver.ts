import type { Finding } from "../findings.js";
import type { FileReport } from "../report.js";
import type { FindingFactory } from "./findings-factory.js";

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
