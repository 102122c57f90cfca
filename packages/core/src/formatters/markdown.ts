import type { Finding, Lang, Severity } from "../findings.js";
import { findingGroups } from "./groups.js";
import { headerModeLine } from "./header-mode.js";
import type { Report } from "../report.js";
import { describeCode } from "./catalog.js";

export interface MarkdownOptions {
  /** Findings listed per file; the rest are counted (default 50, a pull-request comment stays readable). */
  maxFindingsPerFile?: number;
}

const words = {
  fr: {
    title: "Rapport conforme",
    valid: "✅ Conforme",
    invalid: "❌ Non conforme",
    summary: (files: number, errors: number, warnings: number) => `${files} fichier(s), ${errors} erreur(s), ${warnings} avertissement(s)`,
    file: "Fichier",
    status: "État",
    errors: "Erreurs",
    warnings: "Avertissements",
    rows: "Lignes",
    place: "Emplacement",
    severity: "Sévérité",
    code: "Code",
    message: "Message",
    run: "Échecs de l'exécution",
    more: (n: number) => `… et ${n} autre(s) constat(s), voir le rapport complet.`,
    severities: { error: "erreur", warning: "avertissement", info: "info" } as Record<Severity, string>,
    line: "ligne",
    row: "enreg.",
    accepted: "accepté",
  },
  en: {
    title: "conforme report",
    valid: "✅ Valid",
    invalid: "❌ Invalid",
    summary: (files: number, errors: number, warnings: number) => `${files} file(s), ${errors} error(s), ${warnings} warning(s)`,
    file: "File",
    status: "Status",
    errors: "Errors",
    warnings: "Warnings",
    rows: "Rows",
    place: "Location",
    severity: "Severity",
    code: "Code",
    message: "Message",
    run: "Run failures",
    more: (n: number) => `… and ${n} more finding(s), see the full report.`,
    severities: { error: "error", warning: "warning", info: "info" } as Record<Severity, string>,
    line: "line",
    row: "row",
    accepted: "accepted",
  },
} as const;

/**
 * Text inside a Markdown table cell: cell values are untrusted, so HTML is neutralised, the
 * characters Markdown reads as syntax are escaped (CommonMark §2.4 backslash escapes) and
 * line breaks folded.
 */
export function escapeMarkdown(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/([\\`*_[\]|#!~])/g, "\\$1")
    .replace(/\r?\n|\r/g, " ");
}

function place(finding: Finding, lang: Lang): string {
  const w = words[lang];
  const parts: string[] = [];
  if (finding.line !== undefined) parts.push(`${w.line} ${finding.line}`);
  else if (finding.rowNumber !== undefined) parts.push(`${w.row} ${finding.rowNumber}`);
  if (finding.fieldName !== undefined) parts.push(finding.fieldName);
  else if (finding.pointer !== undefined) parts.push(finding.pointer || "/");
  return escapeMarkdown(parts.join(", "));
}

/**
 * A Markdown summary for a pull-request comment or the GitHub job summary: verdict, a table of
 * files, then each file's findings (capped) with a link to the check's documentation.
 */
export function formatMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const lang = report.lang;
  const w = words[lang];
  const cap = options.maxFindingsPerFile ?? 50;
  const out: string[] = [`## ${w.title}`, "", `**${report.valid ? w.valid : w.invalid}** : ${w.summary(report.stats.files, report.stats.errors, report.stats.warnings)}`];
  if (report.runErrors.length > 0) {
    out.push("", `### ${w.run}`, "");
    for (const error of report.runErrors) out.push(`- \`${error.code}\`${error.file ? ` ${escapeMarkdown(error.file)}` : ""} : ${escapeMarkdown(error.message)}`);
  }
  if (report.files.length > 0) {
    out.push("", `| ${w.file} | ${w.status} | ${w.errors} | ${w.warnings} | ${w.rows} |`, "|---|---|---:|---:|---:|");
    for (const file of report.files) {
      out.push(`| ${escapeMarkdown(file.file)} | ${file.valid ? "✅" : "❌"} | ${file.stats.errors} | ${file.stats.warnings} | ${file.stats.rows} |`);
    }
    const headers = headerModeLine(report);
    if (headers) out.push("", escapeMarkdown(headers));
  }
  for (const file of findingGroups(report)) {
    if (file.findings.length === 0) continue;
    out.push("", `### ${escapeMarkdown(file.file)}`, "", `| ${w.place} | ${w.severity} | ${w.code} | ${w.message} |`, "|---|---|---|---|");
    for (const finding of file.findings.slice(0, cap)) {
      const severity = `${w.severities[finding.severity]}${finding.accepted ? ` (${w.accepted})` : ""}`;
      out.push(`| ${place(finding, lang)} | ${severity} | [\`${finding.code}\`](${describeCode(finding.code).helpUri}) | ${escapeMarkdown(finding.message)} |`);
    }
    if (file.findings.length > cap) out.push("", w.more(file.findings.length - cap));
  }
  return `${out.join("\n")}\n`;
}
