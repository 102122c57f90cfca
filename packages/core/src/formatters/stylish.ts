import type { Finding, Lang } from "../findings.js";
import type { Report } from "../report.js";
import { findingGroups } from "./groups.js";
import { headerModeLine } from "./header-mode.js";

export interface StylishOptions {
  /** ANSI colours; the CLI turns them off for NO_COLOR and non-TTY output. */
  color?: boolean;
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
    partial: "lecture arrêtée au nombre maximal d'erreurs : résultats partiels",
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
    partial: "reading stopped at the error limit: partial results",
    row: "row",
    header: "header",
    column: "column",
    file: "file",
    run: "Run failure",
  },
} as const;

function location(finding: Finding, lang: Lang): string {
  const w = words[lang];
  if (finding.rowNumber === 1) return `${w.header}${finding.fieldNumber ? `:${finding.fieldNumber}` : ""}`;
  if (finding.rowNumber !== undefined) return `${w.row} ${finding.rowNumber}${finding.fieldNumber ? `:${finding.fieldNumber}` : ""}`;
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
    out.push(paint("31;1", `${w.run}${error.file ? ` (${error.file})` : ""} : ${error.message}`));
  }
  for (const file of findingGroups(report)) {
    if (file.findings.length === 0) continue;
    out.push("", paint("4", file.file));
    const width = Math.max(...file.findings.map((finding) => location(finding, lang).length));
    for (const finding of file.findings) {
      const severity = finding.severity === "error" ? paint("31", w.error) : finding.severity === "warning" ? paint("33", w.warning) : paint("36", w.info);
      out.push(`  ${location(finding, lang).padEnd(width)}  ${severity}  ${finding.message}  ${paint("2", finding.code)}`);
    }
    if (file.partial) out.push(paint("33", `  ${w.partial}`));
  }
  const { errors, warnings, files } = report.stats;
  const headers = headerModeLine(report);
  if (headers) out.push("", paint("2", headers));
  out.push("", `${report.valid ? paint("32;1", w.valid) : paint("31;1", w.invalid)} : ${w.files(files)}, ${w.errors(errors)}, ${w.warnings(warnings)}`);
  return `${out.join("\n").replace(/^\n/, "")}\n`;
}
