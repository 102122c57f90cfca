import type { Finding } from "../findings.js";
import type { FileReport, MetadataReport, Report } from "../report.js";

/**
 * The report as `--quiet` prints it, after ESLint's `getErrorResults`: only error findings, the
 * warning and info counts set to 0, and `countsByCode` without the codes seen only as warnings
 * or infos. The exit code is still decided on the whole report (ESLint counts warnings for
 * `--max-warnings` before filtering them out of the output).
 */
export function errorsOnly(report: Report): Report {
  const files = report.files.map(fileErrorsOnly);
  const metadata = report.metadata?.map(metadataErrorsOnly);
  return {
    ...report,
    stats: { ...report.stats, warnings: 0, infos: 0 },
    files,
    ...(metadata && { metadata }),
  };
}

function fileErrorsOnly(file: FileReport): FileReport {
  const findings = file.findings.filter(isError);
  const stats = { ...file.stats, warnings: 0, infos: 0 };
  if (file.stats.countsByCode) {
    const quietCodes = new Set(file.findings.filter((finding) => !isError(finding)).map((finding) => finding.code));
    for (const finding of findings) quietCodes.delete(finding.code);
    stats.countsByCode = Object.fromEntries(Object.entries(file.stats.countsByCode).filter(([code]) => !quietCodes.has(code)));
  }
  return { ...file, stats, findings };
}

function metadataErrorsOnly(section: MetadataReport): MetadataReport {
  return { ...section, stats: { ...section.stats, warnings: 0, infos: 0 }, findings: section.findings.filter(isError) };
}

const isError = (finding: Finding) => finding.severity === "error";
