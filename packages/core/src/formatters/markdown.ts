import type { Finding, Lang } from "../findings.js";
import { findingGroups } from "./groups.js";
import { headerModeLine } from "./header-mode.js";
import type { Report } from "../report.js";
import { aggregateFindings, aggregateMessage, maxErrorsOf, partialNotice, recordPlace } from "./aggregate.js";
import { describeCode } from "./catalog.js";
import { markdownCode, markdownText } from "./sanitize.js";
import { SEVERITY_NAMES } from "./views.js";

export interface MarkdownOptions {
  /** Findings listed per file; the rest are counted (default 50, a pull-request comment stays readable). */
  maxFindingsPerFile?: number;
  /** False lists every finding of a column failing on many rows (`--no-aggregate`). */
  aggregate?: boolean;
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
    severities: SEVERITY_NAMES.fr,
    line: "ligne",
    rowsRead: (n: number) => `${n} lues (lecture arrêtée)`,
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
    severities: SEVERITY_NAMES.en,
    line: "line",
    rowsRead: (n: number) => `${n} read (stopped)`,
    accepted: "accepted",
  },
} as const;

function place(finding: Finding, lang: Lang, sheet: boolean): string {
  const parts: string[] = [];
  const where = finding.pointer !== undefined && finding.line !== undefined ? `${words[lang].line} ${finding.line}` : recordPlace(finding, lang, sheet);
  if (where !== undefined) parts.push(where);
  if (finding.fieldName !== undefined) parts.push(finding.fieldName);
  else if (finding.pointer !== undefined) parts.push(finding.pointer || "/");
  return markdownText(parts.join(", "));
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
    for (const error of report.runErrors) out.push(`- \`${error.code}\`${error.file ? ` ${markdownText(error.file)}` : ""} : ${markdownText(error.message)}`);
  }
  if (report.files.length > 0) {
    out.push("", `| ${w.file} | ${w.status} | ${w.errors} | ${w.warnings} | ${w.rows} |`, "|---|---|---:|---:|---:|");
    for (const file of report.files) {
      // A file stopped at the error limit is neither valid nor fully counted.
      const status = !file.valid ? "❌" : file.partial ? "⚠️" : "✅";
      const rows = file.partial ? w.rowsRead(file.stats.rows) : String(file.stats.rows);
      out.push(`| ${markdownText(file.file)} | ${status} | ${file.stats.errors} | ${file.stats.warnings} | ${rows} |`);
    }
    const headers = headerModeLine(report);
    if (headers) out.push("", markdownText(headers));
  }
  for (const file of findingGroups(report)) {
    const stopped = file.kind === "data" ? report.files.find((candidate) => candidate.file === file.file) : undefined;
    const notice = stopped ? partialNotice(stopped, lang, maxErrorsOf(report)) : undefined;
    if (file.findings.length === 0 && notice === undefined) continue;
    out.push("", `### ${markdownText(file.file)}`);
    if (notice) out.push("", `> ⚠️ ${markdownText(notice)}`);
    out.push("", `| ${w.place} | ${w.severity} | ${w.code} | ${w.message} |`, "|---|---|---|---|");
    const entries = aggregateFindings(file.findings, { aggregate: options.aggregate });
    for (const entry of entries.slice(0, cap)) {
      const finding = entry.kind === "finding" ? entry.finding : entry.aggregate.example;
      const message = entry.kind === "finding" ? finding.message : aggregateMessage(entry.aggregate, lang);
      const severity = `${w.severities[finding.severity]}${finding.accepted ? ` (${w.accepted})` : ""}`;
      out.push(`| ${place(finding, lang, file.sheet)} | ${severity} | [${markdownCode(finding.code)}](${describeCode(finding.code).helpUri}) | ${markdownText(message)} |`);
    }
    const hidden = entries.slice(cap).reduce((n, entry) => n + (entry.kind === "finding" ? 1 : entry.aggregate.count), 0);
    if (hidden > 0) out.push("", w.more(hidden));
  }
  return `${out.join("\n")}\n`;
}
