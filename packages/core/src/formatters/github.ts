import type { Lang } from "../findings.js";
import type { Report } from "../report.js";
import { aggregateFindings, aggregateMessage, lineNote, maxErrorsOf, partialNotice, type AggregateOptions } from "./aggregate.js";
import {
  ANNOTATION_LEVEL,
  ANNOTATION_LIMITS,
  capAnnotations,
  compareAnnotationRanks,
  findingTitle,
  LEVEL_RANK,
  overflowTitle,
  partialTitle,
  runErrorTitle,
  type AnnotationLevel,
} from "./annotations.js";
import { findingGroups } from "./groups.js";
import { workflowData, workflowProperty } from "./sanitize.js";

/** Escapes a workflow command's message, as the runner decodes it: `%`, CR and LF (see sanitize.ts). */
export const escapeData = workflowData;
/** Escapes a workflow command's property value: also `:` and `,`. */
export const escapeProperty = workflowProperty;

export interface GithubOptions extends AggregateOptions {
  /**
   * Annotations printed per level before the rest are only counted, in one closing notice.
   * Defaults to what GitHub shows per step (`ANNOTATION_LIMITS`); `false` prints them all, for a
   * reader other than the runner.
   */
  limits?: Readonly<Record<AnnotationLevel, number>> | false;
}

const OVERFLOW = {
  fr: (total: number, hidden: number) =>
    `${total} annotations, dont ${hidden} non affichées : GitHub n'en montre que ${ANNOTATION_LIMITS.error} par niveau (erreur, avertissement, notice) et par étape. ` +
    "Pour tout voir : la même commande avec `--format stylish`, ou le rapport JSON (`--format json --output rapport.json`).",
  en: (total: number, hidden: number) =>
    `${total} annotations, ${hidden} of them not shown: GitHub shows only ${ANNOTATION_LIMITS.error} per level (error, warning, notice) and per step. ` +
    "To see them all: the same command with `--format stylish`, or the JSON report (`--format json --output report.json`).",
} as const satisfies Record<Lang, unknown>;

interface Command {
  level: AnnotationLevel;
  properties: string[];
  message: string;
  rank: number[];
}

/**
 * GitHub Actions workflow commands, one line per finding: `::error file=…,line=…,title=…::message`
 * (docs.github.com, "Workflow commands for GitHub Actions"), which the runner turns into
 * annotations on the pull request. `line` is the physical line of the record, so the message says
 * which record that is when a multi-line cell above makes them differ. A column failing the same
 * way on many rows is one command at its first row (`aggregate: false` lists them all). Accepted
 * findings are notices.
 *
 * GitHub drops, silently, what passes 10 annotations of a level in a step (see
 * `ANNOTATION_LIMITS`), so the most important come first and only those are printed: run
 * failures, then by level errors, warnings, notices; within a level a file whose reading stopped
 * at the error limit, then personal data, then the rest in the order of the files. One closing
 * notice, in a slot kept for it, gives the total and how many were left out.
 */
export function formatGithub(report: Report, options: GithubOptions = {}): string {
  const lang: Lang = report.lang;
  const commands: Command[] = [];
  report.runErrors.forEach((error, index) => {
    const properties = [`title=${escapeProperty(runErrorTitle(error.code, lang))}`];
    if (error.file) properties.unshift(`file=${escapeProperty(error.file)}`);
    commands.push({ level: "error", properties, message: error.message, rank: [LEVEL_RANK.error, -1, 0, index] });
  });
  let order = 0;
  for (const group of findingGroups(report)) {
    for (const entry of aggregateFindings(group.findings, options)) {
      const finding = entry.kind === "finding" ? entry.finding : entry.aggregate.example;
      const properties = [`file=${escapeProperty(finding.file ?? group.file)}`];
      if (finding.line !== undefined) properties.push(`line=${finding.line}`);
      if (finding.pointer !== undefined && finding.column !== undefined) properties.push(`col=${finding.column}`);
      properties.push(`title=${escapeProperty(findingTitle(entry))}`);
      const level = finding.accepted ? "notice" : ANNOTATION_LEVEL[finding.severity];
      const text = entry.kind === "aggregate" ? aggregateMessage(entry.aggregate, lang) : finding.message;
      const message = `${text}${lineNote(finding, lang, group.sheet)}${finding.accepted ? ` (${finding.accepted.reason})` : ""}`;
      commands.push({ level, properties, message, rank: [LEVEL_RANK[level], 0, finding.category === "personal-data" ? 0 : 1, order++] });
    }
    const partial = group.kind === "data" ? report.files.find((file) => file.file === group.file) : undefined;
    const notice = partial ? partialNotice(partial, lang, maxErrorsOf(report)) : undefined;
    if (notice) {
      const properties = [`file=${escapeProperty(group.file)}`, `title=${escapeProperty(partialTitle(lang))}`];
      commands.push({ level: "warning", properties, message: notice, rank: [LEVEL_RANK.warning, -1, 0, order++] });
    }
  }
  commands.sort((a, b) => compareAnnotationRanks(a.rank, b.rank));
  const { shown, hidden } = options.limits === false ? { shown: commands, hidden: 0 } : capAnnotations(commands, options.limits ?? ANNOTATION_LIMITS);
  const lines = shown.map((command) => `::${command.level} ${command.properties.join(",")}::${escapeData(command.message)}`);
  if (hidden > 0) lines.push(`::notice title=${escapeProperty(overflowTitle(lang))}::${escapeData(OVERFLOW[lang](commands.length, hidden))}`);
  return lines.length > 0 ? `${lines.join("\n")}\n` : "";
}
