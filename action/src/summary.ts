import {
  aggregateMessage,
  codeTitle,
  groupByCode,
  markdownCode,
  markdownHtmlText,
  markdownText,
  partialNotice,
  personalRisk,
  recordPlace,
  type FileReport,
  type Lang,
  type Report,
} from "@conforme/core/internal";
import { findingLine } from "./annotations.js";
import type { Texts } from "./texts.js";

/** A data.gouv.fr metadata score attached to the files of one descriptor. */
export interface MetadataScore {
  descriptor: string;
  points: number;
  max: number;
}

export interface SummaryInput {
  report: Report;
  /** Metadata score per report file path. */
  scores: Map<string, MetadataScore>;
  /** A line on how `changed-only` chose the files, when on. */
  note?: string;
}

/**
 * GitHub rejects a step summary above 1 MiB (docs, "Adding a job summary"); the budget leaves
 * room for other steps of the job that append to the same file.
 */
export const SUMMARY_BUDGET = 1_000_000;
/** Issue comments take at most 65,536 characters; bytes never undercount characters. */
export const COMMENT_BUDGET = 60_000;

const EXAMPLES_PER_CODE = 3;

/**
 * The verdict as GitHub-flavoured Markdown: a headline, one row per file (schema conformity,
 * personal-data risk, metadata score), then per file the findings grouped by code with a few
 * examples. Sections that would cross `budget` bytes are left out and a closing line says so.
 * Every value from the data is escaped; cells shown are those findings carry (masked upstream).
 */
export function renderSummary(input: SummaryInput, texts: Texts, budget = SUMMARY_BUDGET, prefix = ""): string {
  const { report } = input;
  const valid = report.valid && report.runErrors.length === 0;
  const head: string[] = [
    prefix,
    `## ${texts.title}`,
    "",
    `**${valid ? texts.valid : texts.invalid}** — ${texts.verdict(report.stats.files, report.stats.errors, report.stats.warnings)}`,
    "",
  ];
  if (input.note) head.push(`_${markdownText(input.note)}_`, "");
  if (report.runErrors.length > 0) {
    head.push(`### ${texts.runErrors}`, "");
    for (const error of report.runErrors) head.push(`- ${markdownCode(error.code)}${error.file ? ` ${markdownCode(error.file)}` : ""} : ${markdownText(error.message)}`);
    head.push("");
  }
  if (report.files.length === 0) head.push(texts.noFiles, "");

  // A reserve for the closing truncation line keeps the total under budget whatever happens.
  const reserve = 1_000;
  let size = bytes(head.join("\n"));
  const rows: string[] = [];
  if (report.files.length > 0) {
    rows.push(`| ${texts.file} | ${texts.schema} | ${texts.personal} | ${texts.metadata} |`, "| --- | --- | --- | --- |");
    size += bytes(rows.join("\n"));
    let shown = 0;
    for (const file of report.files) {
      const row = overviewRow(file, input.scores.get(file.file), texts);
      // The overview takes at most half the budget so that some details always fit.
      if (size + bytes(row) + 1 > budget / 2 - reserve) break;
      rows.push(row);
      size += bytes(row) + 1;
      shown++;
    }
    if (shown < report.files.length) rows.push("", texts.moreRows(report.files.length - shown));
    rows.push("");
    size += 2;
  }

  const sections = report.metadata ?? [];
  if (sections.length > 0) {
    const table = [`| ${texts.descriptor} | data.gouv.fr | data.europa.eu (MQA) |`, "| --- | --- | --- |"];
    for (const section of sections) {
      const datagouv = section.scores.find((score) => score.id === "datagouv");
      const mqa = section.scores.find((score) => score.id === "mqa");
      const cell = (score: typeof datagouv) => (score ? `${score.points}/${score.max}${score.rating ? ` (${markdownText(score.rating)})` : ""}` : texts.noScore);
      table.push(`| ${markdownCode(section.descriptor)} | ${cell(datagouv)} | ${cell(mqa)} |`);
    }
    const text = [...table, ""].join("\n");
    if (size + bytes(text) < budget / 2) {
      rows.push(text);
      size += bytes(text) + 1;
    }
  }

  const details: string[] = [];
  let omitted = 0;
  for (const file of report.files) {
    if (file.findings.length === 0) continue;
    const section = fileDetails(file, texts, report.lang);
    if (omitted > 0 || size + bytes(section) + 1 > budget - reserve) {
      omitted++;
      continue;
    }
    details.push(section);
    size += bytes(section) + 1;
  }
  const tail = omitted > 0 ? ["", `> ${texts.truncated(omitted)}`, ""] : [];
  return [...head, ...rows, ...details, ...tail].join("\n").replace(/^\n/, "");
}

function overviewRow(file: FileReport, score: MetadataScore | undefined, texts: Texts): string {
  // A file read only in part is never "conforme": the rest of it was not checked.
  const conformity = [file.valid ? (file.partial ? `⚠️ ${texts.partial}` : texts.fileValid) : texts.fileInvalid(file.stats.errors)];
  if (file.stats.warnings > 0) conformity.push(texts.warnings(file.stats.warnings));
  if (file.stats.validCellsPercent !== undefined) conformity.push(texts.validCells(formatPercent(file.stats.validCellsPercent)));
  if (file.partial && !file.valid) conformity.push(`⚠️ ${texts.partial}`);
  const { risk, count } = personalRisk(file);
  const personal = risk === "none" ? texts.risk.none : `${texts.risk[risk]} (${texts.findingsCount(count)})`;
  const metadata = score ? texts.score(score.points, score.max) : texts.noScore;
  return `| ${markdownCode(file.file)} | ${conformity.join(", ")} | ${personal} | ${metadata} |`;
}

function fileDetails(file: FileReport, texts: Texts, lang: Lang): string {
  // Examples are entries: a column failing on many rows is one example with its count, so the
  // field's description is not repeated three times.
  const groups = groupByCode(file.findings, { maxEntries: EXAMPLES_PER_CODE, ...(file.stats.countsByCode && { countsByCode: file.stats.countsByCode }) });
  const lines = [
    `<details><summary>${markdownHtmlText(file.file)} — ${markdownHtmlText(texts.findingsCount(groups.reduce((n, group) => n + group.count, 0)))}</summary>`,
    "",
    `| ${texts.code} | ${texts.severity} | ${texts.count} | ${texts.examples} |`,
    "| --- | --- | ---: | --- |",
  ];
  const notice = partialNotice(file, lang);
  if (notice !== undefined) lines.splice(2, 0, `> ⚠️ ${markdownText(notice)}`, "");
  for (const group of groups) {
    const examples = group.entries.map((entry) => {
      const finding = entry.kind === "finding" ? entry.finding : entry.aggregate.example;
      const line = findingLine(finding);
      // Record and physical line both, when a multi-line cell above makes them differ.
      const where = line === 1 ? texts.header : finding.rowNumber !== undefined ? (recordPlace(finding, lang) ?? "") : line !== undefined ? texts.line(line) : "";
      const message = entry.kind === "finding" ? finding.message : aggregateMessage(entry.aggregate, lang);
      return `${where ? `${markdownText(where)} : ` : ""}${markdownText(truncate(message, 400))}`;
    });
    // Named as the HTML report and `conforme explain` name it. No link: the summary's hostile-input
    // test proves that no link at all reaches it, which a link of ours would blur.
    const title = codeTitle(group.code, lang);
    const code = `${markdownCode(group.code)}${title ? ` ${markdownText(title)}` : ""}`;
    lines.push(`| ${code} | ${texts.severities[group.severity]} | ${group.count} | ${examples.join("<br>")} |`);
  }
  lines.push("", "</details>", "");
  return lines.join("\n");
}

function formatPercent(value: number): string {
  return (Math.floor(value * 10) / 10).toString();
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function bytes(text: string): number {
  return Buffer.byteLength(text, "utf8");
}
