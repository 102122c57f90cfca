import type { Lang } from "../findings.js";
import { REPORT_VERSION, type FileReport, type Report, type RunError } from "../report.js";
import { VERSION } from "../version.js";

/** Assembles the run's report from its file reports; the verdict counts errors only. */
export function buildReport(files: FileReport[], runErrors: RunError[], lang: Lang, startedAt: Date, extra: Partial<Report> = {}): Report {
  const stats = { files: files.length, errors: 0, warnings: 0, infos: 0 };
  for (const file of files) {
    stats.errors += file.stats.errors;
    stats.warnings += file.stats.warnings;
    stats.infos += file.stats.infos;
  }
  return {
    reportVersion: REPORT_VERSION,
    tool: { name: "conforme", version: VERSION },
    lang,
    createdAt: startedAt.toISOString(),
    durationMs: Date.now() - startedAt.getTime(),
    valid: stats.errors === 0 && runErrors.length === 0,
    stats,
    files,
    runErrors,
    ...extra,
  };
}
