import type { Finding } from "../findings.js";
import type { Report } from "../report.js";

/** Findings located in one file: a data file, or a metadata descriptor. */
export interface FindingGroup {
  file: string;
  kind: "data" | "metadata";
  findings: Finding[];
  /** Reading stopped at the error limit (data files only). */
  partial: boolean;
  /** A workbook's sheet: places are cell references and sheet rows, not lines of a text file. */
  sheet: boolean;
  durationMs: number;
}

/**
 * Every located finding of the report, grouped by the file it points into: the data files, then
 * the metadata descriptors (whose findings carry a JSON Pointer and a line). Formatters that list
 * findings go through this, so that no kind of finding is left out of one format.
 *
 * A metadata criterion not fully met is an `info` finding, a recommendation: there are a score's
 * worth of them per descriptor, and the scores already sum them up, so they are left out unless
 * `metadataInfos` is set (`conforme metadata` lists them all).
 */
export function findingGroups(report: Report, options: { metadataInfos?: boolean } = {}): FindingGroup[] {
  const groups: FindingGroup[] = report.files.map((file) => ({
    file: file.file,
    kind: "data",
    findings: file.findings,
    partial: file.partial,
    sheet: file.sheet !== undefined,
    durationMs: file.durationMs,
  }));
  for (const section of report.metadata ?? []) {
    const findings = options.metadataInfos ? section.findings : section.findings.filter((finding) => finding.severity !== "info");
    groups.push({ file: section.descriptor, kind: "metadata", findings, partial: false, sheet: false, durationMs: 0 });
  }
  return groups;
}
