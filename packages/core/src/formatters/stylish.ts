import type { Finding, Lang } from "../findings.js";
import type { Report } from "../report.js";
import { aggregateFindings, aggregateMessage, maxErrorsOf, partialNotice, recordPlace } from "./aggregate.js";
import { findingGroups } from "./groups.js";
import { headerModeLine } from "./header-mode.js";
import { terminalText } from "./sanitize.js";

export interface StylishOptions {
  /** ANSI colours; the CLI turns them off for NO_COLOR and non-TTY output. */
  color?: boolean;
  /** False lists every finding of a column failing on many rows (`--no-aggregate`). */
  aggregate?: boolean;
}

const words = {
  fr: {
    error: "erreur",
    warning: "avertissement",
    info: "info",
    errors: (n: number) => `${n} erreur${n > 1 ? "s" : ""}`,
    warnings: (n: number) => `${n} avertissement${n > 1 ? "s" : ""}`,
    files: (n: number) => `${n} fichier${n > 1 ? "s" : ""}`,
    valid: "✔ conforme",
    invalid: "✖ non conforme",
    row: "ligne",
    header: "en-tête",
    column: "colonne",
    file: "fichier",
    run: "Échec de l'exécution",
  },
  en: {
    error: "error",
    warning: "warning",
    info: "info",
    errors: (n: number) => `${n} error${n > 1 ? "s" : ""}`,
    warnings: (n: number) => `${n} warning${n > 1 ? "s" : ""}`,
    files: (n: number) => `${n} file${n > 1 ? "s" : ""}`,
    valid: "✔ valid",
    invalid: "✖ invalid",
    row: "row",
    header: "header",
    column: "column",
    file: "file",
    run: "Run failure",
  },
} as const;

function location(finding: Finding, lang: Lang, sheet: boolean): string {
  const w = words[lang];
  // A workbook's cell: "cellule B12", "en-tête, cellule C1".
  if (finding.cellRef !== undefined) return recordPlace(finding, lang, sheet)!;
  if (finding.rowNumber === 1) return `${w.header}${finding.fieldNumber ? `:${finding.fieldNumber}` : ""}`;
  // "enregistrement 12, ligne 15:3" when a multi-line cell above moved the record down.
  if (finding.rowNumber !== undefined) return `${recordPlace(finding, lang, sheet)}${finding.fieldNumber ? `:${finding.fieldNumber}` : ""}`;
  if (finding.fieldNumber !== undefined) return `${w.column} ${finding.fieldNumber}`;
  if (finding.pointer !== undefined) return finding.line ? `${finding.line}:${finding.column ?? 1}` : finding.pointer || "/";
  return w.file;
}

/** Terminal output grouped by file, one finding a line, then a summary line. */
export function formatStylish(report: Report, options: StylishOptions = {}): string {
  const lang = report.lang;
  const w = words[lang];
  const paint = (code: string, text: string) => (options.color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const out: string[] = [];
  for (const error of report.runErrors) {
    out.push(paint("31;1", terminalText(`${w.run}${error.file ? ` (${error.file})` : ""} : ${error.message}`)));
  }
  for (const file of findingGroups(report)) {
    if (file.findings.length === 0 && !file.partial) continue;
    out.push("", paint("4", terminalText(file.file)));
    const entries = aggregateFindings(file.findings, { aggregate: options.aggregate });
    const where = (finding: Finding) => terminalText(location(finding, lang, file.sheet));
    const width = Math.max(...entries.map((entry) => where(entry.kind === "finding" ? entry.finding : entry.aggregate.example).length));
    for (const entry of entries) {
      const finding = entry.kind === "finding" ? entry.finding : entry.aggregate.example;
      const severity = finding.severity === "error" ? paint("31", w.error) : finding.severity === "warning" ? paint("33", w.warning) : paint("36", w.info);
      const message = entry.kind === "finding" ? finding.message : aggregateMessage(entry.aggregate, lang);
      out.push(`  ${where(finding).padEnd(width)}  ${severity}  ${terminalText(message)}  ${paint("2", terminalText(finding.code))}`);
    }
    const partial = file.kind === "data" ? report.files.find((candidate) => candidate.file === file.file) : undefined;
    const notice = partial ? partialNotice(partial, lang, maxErrorsOf(report)) : undefined;
    if (notice) out.push(paint("33", `  ${notice}`));
  }
  const { errors, warnings, files } = report.stats;
  const headers = headerModeLine(report);
  if (headers) out.push("", paint("2", headers));
  out.push("", `${report.valid ? paint("32;1", w.valid) : paint("31;1", w.invalid)} : ${w.files(files)}, ${w.errors(errors)}, ${w.warnings(warnings)}`);
  return `${out.join("\n").replace(/^\n/, "")}\n`;
}
