import type { Finding, Lang } from "../findings.js";
import type { FileReport, Report } from "../report.js";
import { aggregateMessage, maxErrorsOf, partialNotice, recordPlace } from "./aggregate.js";
import { codeTitle, describeCode } from "./catalog.js";
import { findingGroups, type FindingGroup } from "./groups.js";
import { headerModeLine } from "./header-mode.js";
import { markdownCode, markdownHtmlText, markdownText } from "./sanitize.js";
import { groupByCode, personalRisk, RISK_NAMES, SEVERITY_NAMES, type PersonalRisk } from "./views.js";

export interface MarkdownOptions {
  /** False lists every finding of a column failing on many rows (`--no-aggregate`), and every example of a code. */
  aggregate?: boolean;
  /** Examples shown per code in a file's details (default 3; all of them with `aggregate: false`). */
  examplesPerCode?: number;
  /**
   * Bytes the text may take: sections that would cross it are left out and a closing line says
   * how many (GitHub caps a job summary and a comment). No limit by default.
   */
  budget?: number;
  /**
   * Links each code to its documentation page (default true). The Action turns them off: its
   * hostile-input test proves that no link at all reaches a pull request, which one of ours would blur.
   */
  links?: boolean;
  /** A line shown under the verdict, as the caller words it (the Action's `changed-only` choice). */
  note?: string;
  /** Text put before everything, unescaped (the Action's hidden marker of its comment). */
  prefix?: string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

/** Core's risk names (as the HTML report words them), with a colour for the overview. */
function risks(lang: Lang): Record<PersonalRisk, string> {
  const names = RISK_NAMES[lang];
  return { high: `🔴 ${names.high}`, medium: `🟠 ${names.medium}`, low: `🟡 ${names.low}`, none: names.none };
}

const TEXTS = {
  fr: {
    title: "Conformité des données (conforme)",
    valid: "✅ Conforme",
    invalid: "❌ Non conforme",
    verdict: (files: number, errors: number, warnings: number) =>
      `${plural(files, "fichier vérifié", "fichiers vérifiés")}, ${plural(errors, "erreur", "erreurs")}, ${plural(warnings, "avertissement", "avertissements")}.`,
    noFiles: "Aucun fichier à vérifier.",
    file: "Fichier",
    schema: "Conformité au schéma",
    personal: "Données personnelles",
    metadata: "Métadonnées",
    descriptor: "Descripteur",
    fileValid: "✅ conforme",
    fileInvalid: (errors: number) => `❌ ${plural(errors, "erreur", "erreurs")}`,
    warnings: (n: number) => plural(n, "avertissement", "avertissements"),
    validCells: (percent: string) => `${percent} % de cellules valides`,
    partial: "lecture arrêtée au nombre maximal d'erreurs",
    risk: risks("fr"),
    findingsCount: (n: number) => plural(n, "constat", "constats"),
    noScore: "—",
    score: (points: number, max: number) => `${points}/${max} (data.gouv.fr)`,
    code: "Code",
    severity: "Gravité",
    count: "Nombre",
    examples: "Exemples",
    severities: SEVERITY_NAMES.fr,
    line: (n: number) => `ligne ${n}`,
    header: "en-tête",
    runErrors: "Échecs de l'exécution",
    truncated: (files: number) =>
      `Résumé tronqué pour rester sous la limite de taille : ${plural(files, "fichier non détaillé", "fichiers non détaillés")}. Le rapport HTML et le SARIF donnent tout.`,
    moreRows: (n: number) => `… et ${plural(n, "autre fichier", "autres fichiers")}`,
  },
  en: {
    title: "Data conformity (conforme)",
    valid: "✅ Valid",
    invalid: "❌ Invalid",
    verdict: (files: number, errors: number, warnings: number) =>
      `${plural(files, "file checked", "files checked")}, ${plural(errors, "error", "errors")}, ${plural(warnings, "warning", "warnings")}.`,
    noFiles: "No file to check.",
    file: "File",
    schema: "Schema conformity",
    personal: "Personal data",
    metadata: "Metadata",
    descriptor: "Descriptor",
    fileValid: "✅ valid",
    fileInvalid: (errors: number) => `❌ ${plural(errors, "error", "errors")}`,
    warnings: (n: number) => plural(n, "warning", "warnings"),
    validCells: (percent: string) => `${percent}% valid cells`,
    partial: "reading stopped at the error limit",
    risk: risks("en"),
    findingsCount: (n: number) => plural(n, "finding", "findings"),
    noScore: "—",
    score: (points: number, max: number) => `${points}/${max} (data.gouv.fr)`,
    code: "Code",
    severity: "Severity",
    count: "Count",
    examples: "Examples",
    severities: SEVERITY_NAMES.en,
    line: (n: number) => `line ${n}`,
    header: "header",
    runErrors: "Run failures",
    truncated: (files: number) =>
      `Summary truncated to stay under the size limit: ${plural(files, "file not detailed", "files not detailed")}. The HTML report and the SARIF file have everything.`,
    moreRows: (n: number) => `… and ${plural(n, "other file", "other files")}`,
  },
} as const;

type Texts = (typeof TEXTS)[Lang];

/** Room kept for the closing truncation line, so that the total stays under budget whatever happens. */
const RESERVE = 1_000;

/**
 * The report as GitHub-flavoured Markdown, for `--format markdown`, the Action's job summary and
 * its pull-request comment: a verdict, one row per file (schema conformity, personal-data risk,
 * data.gouv.fr metadata score), the metadata scores, then per file a folded section with its
 * findings grouped by code and a few examples. With a `budget`, sections that would cross it are
 * left out and a closing line says so. Every value from the data is escaped.
 */
export function formatMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const lang = report.lang;
  const texts = TEXTS[lang];
  const budget = options.budget ?? Number.POSITIVE_INFINITY;
  const valid = report.valid && report.runErrors.length === 0;
  const head: string[] = [
    options.prefix ?? "",
    `## ${texts.title}`,
    "",
    `**${valid ? texts.valid : texts.invalid}** — ${texts.verdict(report.stats.files, report.stats.errors, report.stats.warnings)}`,
    "",
  ];
  if (options.note) head.push(`_${markdownText(options.note)}_`, "");
  // Names from the data (files, descriptors) are escaped text, not code spans: no Markdown from
  // them takes effect anywhere, which the hostile-input tests check without exceptions.
  if (report.runErrors.length > 0) {
    head.push(`### ${texts.runErrors}`, "");
    for (const error of report.runErrors) head.push(`- ${markdownCode(error.code)}${error.file ? ` ${markdownText(error.file)}` : ""} : ${markdownText(error.message)}`);
    head.push("");
  }
  if (report.files.length === 0) head.push(texts.noFiles, "");

  let size = bytes(head.join("\n"));
  const rows: string[] = [];
  if (report.files.length > 0) {
    rows.push(`| ${texts.file} | ${texts.schema} | ${texts.personal} | ${texts.metadata} |`, "| --- | --- | --- | --- |");
    size += bytes(rows.join("\n"));
    const scores = datagouvScores(report);
    let shown = 0;
    for (const file of report.files) {
      const row = overviewRow(file, scores.get(file.file), texts);
      // The overview takes at most half the budget so that some details always fit.
      if (size + bytes(row) + 1 > budget / 2 - RESERVE) break;
      rows.push(row);
      size += bytes(row) + 1;
      shown++;
    }
    const after: string[] = [];
    if (shown < report.files.length) after.push("", texts.moreRows(report.files.length - shown));
    const headers = headerModeLine(report);
    if (headers) after.push("", markdownText(headers));
    after.push("");
    rows.push(...after);
    size += bytes(after.join("\n")) + 1;
  }

  const sections = report.metadata ?? [];
  if (sections.length > 0) {
    const table = [`| ${texts.descriptor} | data.gouv.fr | data.europa.eu (MQA) |`, "| --- | --- | --- |"];
    for (const section of sections) {
      const datagouv = section.scores.find((score) => score.id === "datagouv");
      const mqa = section.scores.find((score) => score.id === "mqa");
      const cell = (score: typeof datagouv) => (score ? `${score.points}/${score.max}${score.rating ? ` (${markdownText(score.rating)})` : ""}` : texts.noScore);
      table.push(`| ${markdownText(section.descriptor)} | ${cell(datagouv)} | ${cell(mqa)} |`);
    }
    const text = [...table, ""].join("\n");
    if (size + bytes(text) < budget / 2) {
      rows.push(text);
      size += bytes(text) + 1;
    }
  }

  const details: string[] = [];
  let omitted = 0;
  const maxErrors = maxErrorsOf(report);
  for (const group of findingGroups(report)) {
    const file = group.kind === "data" ? report.files.find((candidate) => candidate.file === group.file) : undefined;
    const notice = file ? partialNotice(file, lang, maxErrors) : undefined;
    if (group.findings.length === 0 && notice === undefined) continue;
    const section = fileDetails(group, file, notice, texts, lang, options);
    if (omitted > 0 || size + bytes(section) + 1 > budget - RESERVE) {
      omitted++;
      continue;
    }
    details.push(section);
    size += bytes(section) + 1;
  }
  const tail = omitted > 0 ? ["", `> ${texts.truncated(omitted)}`, ""] : [];
  return [...head, ...rows, ...details, ...tail].join("\n").replace(/^\n/, "");
}

/** The data.gouv.fr score of each descriptor, attached to the data files it describes. */
function datagouvScores(report: Report): Map<string, { points: number; max: number }> {
  const scores = new Map<string, { points: number; max: number }>();
  for (const section of report.metadata ?? []) {
    const datagouv = section.scores.find((score) => score.id === "datagouv");
    if (!datagouv) continue;
    for (const file of section.dataFiles) scores.set(file, { points: datagouv.points, max: datagouv.max });
  }
  return scores;
}

function overviewRow(file: FileReport, score: { points: number; max: number } | undefined, texts: Texts): string {
  // A file read only in part is never "conforme": the rest of it was not checked.
  const conformity = [file.valid ? (file.partial ? `⚠️ ${texts.partial}` : texts.fileValid) : texts.fileInvalid(file.stats.errors)];
  if (file.stats.warnings > 0) conformity.push(texts.warnings(file.stats.warnings));
  if (file.stats.validCellsPercent !== undefined) conformity.push(texts.validCells(formatPercent(file.stats.validCellsPercent)));
  if (file.partial && !file.valid) conformity.push(`⚠️ ${texts.partial}`);
  const { risk, count } = personalRisk(file);
  const personal = risk === "none" ? texts.risk.none : `${texts.risk[risk]} (${texts.findingsCount(count)})`;
  const metadata = score ? texts.score(score.points, score.max) : texts.noScore;
  return `| ${markdownText(file.file)} | ${conformity.join(", ")} | ${personal} | ${metadata} |`;
}

function fileDetails(group: FindingGroup, file: FileReport | undefined, notice: string | undefined, texts: Texts, lang: Lang, options: MarkdownOptions): string {
  // Examples are entries: a column failing on many rows is one example with its count, so the
  // field's description is not repeated three times.
  const groups = groupByCode(group.findings, {
    aggregate: options.aggregate,
    maxEntries: options.examplesPerCode ?? (options.aggregate === false ? undefined : 3),
    ...(file?.stats.countsByCode && { countsByCode: file.stats.countsByCode }),
  });
  const total = groups.reduce((n, codeGroup) => n + codeGroup.count, 0);
  const lines = [`<details><summary>${markdownHtmlText(group.file)} — ${markdownHtmlText(texts.findingsCount(total))}</summary>`, ""];
  if (notice !== undefined) lines.push(`> ⚠️ ${markdownText(notice)}`, "");
  if (groups.length > 0) lines.push(`| ${texts.code} | ${texts.severity} | ${texts.count} | ${texts.examples} |`, "| --- | --- | ---: | --- |");
  for (const codeGroup of groups) {
    const examples = codeGroup.entries.map((entry) => {
      const finding = entry.kind === "finding" ? entry.finding : entry.aggregate.example;
      const where = place(finding, texts, lang, group.sheet);
      const message = entry.kind === "finding" ? finding.message : aggregateMessage(entry.aggregate, lang);
      return `${where ? `${markdownText(where)} : ` : ""}${markdownText(truncate(message, 400))}`;
    });
    // Named as the HTML report and `conforme explain` name it.
    const title = codeTitle(codeGroup.code, lang);
    const name = options.links === false ? markdownCode(codeGroup.code) : `[${markdownCode(codeGroup.code)}](${describeCode(codeGroup.code).helpUri})`;
    lines.push(`| ${name}${title ? ` ${markdownText(title)}` : ""} | ${texts.severities[codeGroup.severity]} | ${codeGroup.count} | ${examples.join("<br>")} |`);
  }
  lines.push("", "</details>", "");
  return lines.join("\n");
}

/** Where a finding is: the record and its line (both when a multi-line cell makes them differ), the header, or a line and pointer of a descriptor. */
function place(finding: Finding, texts: Texts, lang: Lang, sheet: boolean): string {
  if (finding.pointer !== undefined) return [finding.line !== undefined ? texts.line(finding.line) : undefined, finding.pointer || "/"].filter(Boolean).join(", ");
  // A column-level finding (a field of the schema missing from the header) is located on the header.
  if (finding.rowNumber === undefined && finding.cellRef === undefined && (finding.line === 1 || (finding.line === undefined && finding.fieldNumber !== undefined)))
    return texts.header;
  return recordPlace(finding, lang, sheet) ?? "";
}

function formatPercent(value: number): string {
  return (Math.floor(value * 10) / 10).toString();
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

const encoder = new TextEncoder();

function bytes(text: string): number {
  return encoder.encode(text).length;
}
