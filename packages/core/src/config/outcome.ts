import type { Report } from "../report.js";

/** When warnings fail a run: config `strict`, `maxWarnings`, or the same command-line flags. */
export interface FailurePolicy {
  strict?: boolean;
  maxWarnings?: number;
}

/**
 * The documented exit code of a run: 2 when the run itself failed (run errors), 1 when errors
 * were found, or warnings under `strict` or beyond `maxWarnings`, 0 otherwise.
 */
export function exitCodeOf(report: Report, policy: FailurePolicy = {}): 0 | 1 | 2 {
  if (report.runErrors.length > 0) return 2;
  if (report.stats.errors > 0) return 1;
  if (policy.strict && report.stats.warnings > 0) return 1;
  if (policy.maxWarnings !== undefined && report.stats.warnings > policy.maxWarnings) return 1;
  return 0;
}
