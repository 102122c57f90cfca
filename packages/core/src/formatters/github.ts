import type { Lang, Severity } from "../findings.js";
import type { Report } from "../report.js";
import { aggregateFindings, aggregateMessage, lineNote, maxErrorsOf, partialNotice, type AggregateOptions } from "./aggregate.js";
import { findingGroups } from "./groups.js";
import { workflowData, workflowProperty } from "./sanitize.js";

const COMMAND: Record<Severity, "error" | "warning" | "notice"> = { error: "error", warning: "warning", info: "notice" };

/** Escapes a workflow command's message, as the runner decodes it: `%`, CR and LF (see sanitize.ts). */
export const escapeData = workflowData;
/** Escapes a workflow command's property value: also `:` and `,`. */
export const escapeProperty = workflowProperty;

const ROWS = {
  fr: (count: number) => ` [${count} lignes]`,
  en: (count: number) => ` [${count} rows]`,
} as const;

/**
 * GitHub Actions workflow commands, one line per finding: `::error file=…,line=…,title=…::message`
 * (docs.github.com, "Workflow commands for GitHub Actions"), which the runner turns into
 * annotations on the pull request. `line` is the physical line of the record, so the message says
 * which record that is when a multi-line cell above makes them differ. A column failing the same
 * way on many rows is one command at its first row (`aggregate: false` lists them all). Accepted
 * findings are notices. Run errors come first, unlocated; a file stopped at the error limit ends
 * with a warning saying so.
 */
export function formatGithub(report: Report, options: AggregateOptions = {}): string {
  const lang: Lang = report.lang;
  const lines: string[] = [];
  for (const error of report.runErrors) {
    const properties = [`title=${escapeProperty(`conforme ${error.code}`)}`];
    if (error.file) properties.unshift(`file=${escapeProperty(error.file)}`);
    lines.push(`::error ${properties.join(",")}::${escapeData(error.message)}`);
  }
  for (const group of findingGroups(report)) {
    for (const entry of aggregateFindings(group.findings, options)) {
      const finding = entry.kind === "finding" ? entry.finding : entry.aggregate.example;
      const properties = [`file=${escapeProperty(finding.file ?? group.file)}`];
      if (finding.line !== undefined) properties.push(`line=${finding.line}`);
      if (finding.pointer !== undefined && finding.column !== undefined) properties.push(`col=${finding.column}`);
      const count = entry.kind === "aggregate" ? ROWS[lang](entry.aggregate.count) : "";
      properties.push(`title=${escapeProperty(`conforme ${finding.code}${count}`)}`);
      const command = finding.accepted ? "notice" : COMMAND[finding.severity];
      const text = entry.kind === "aggregate" ? aggregateMessage(entry.aggregate, lang) : finding.message;
      const message = `${text}${lineNote(finding, lang, group.sheet)}${finding.accepted ? ` (${finding.accepted.reason})` : ""}`;
      lines.push(`::${command} ${properties.join(",")}::${escapeData(message)}`);
    }
    const partial = group.kind === "data" ? report.files.find((file) => file.file === group.file) : undefined;
    const notice = partial ? partialNotice(partial, lang, maxErrorsOf(report)) : undefined;
    if (notice) lines.push(`::warning file=${escapeProperty(group.file)},title=${escapeProperty("conforme --max-errors")}::${escapeData(notice)}`);
  }
  return lines.length > 0 ? `${lines.join("\n")}\n` : "";
}
