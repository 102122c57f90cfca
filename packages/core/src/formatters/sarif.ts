import type { Finding, Lang, Severity } from "../findings.js";
import type { Report } from "../report.js";
import { aggregateFindings, aggregateMessage, lineNote, maxErrorsOf, partialNotice, type AggregateOptions, type FindingEntry } from "./aggregate.js";
import { findingGroups } from "./groups.js";
import type { FormatOptions } from "./index.js";
import { SARIF_LEVEL as LEVEL, sarifRule } from "./sarif-rules.js";

/**
 * Results kept in one SARIF run. GitHub code scanning rejects a run of more than 25,000 results
 * (and shows the 5,000 most severe); past the cap the most severe are kept and the run says how
 * many were left out.
 */
export const SARIF_MAX_RESULTS = 25_000;

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** What a SARIF log of this report keeps: the findings it shows and how many it leaves out. */
export function sarifSelection<T extends { finding: Finding }>(items: T[], max = SARIF_MAX_RESULTS): { kept: T[]; omitted: number } {
  if (items.length <= max) return { kept: items, omitted: 0 };
  // Most severe first, accepted findings after the others of their level; stable within a rank,
  // then the original order (file, line) is restored for the kept ones.
  const rank = (finding: Finding) => RANK[finding.severity] * 2 + (finding.accepted ? 1 : 0);
  const order = items.map((item, index) => ({ index, rank: rank(item.finding) })).sort((a, b) => a.rank - b.rank || a.index - b.index);
  const keep = new Set(order.slice(0, max).map((entry) => entry.index));
  return { kept: items.filter((_item, index) => keep.has(index)), omitted: items.length - max };
}

/**
 * How many results a SARIF log of this report leaves out (0 below {@link SARIF_MAX_RESULTS}),
 * counting a column aggregated as one result, as {@link formatSarif} does.
 */
export function sarifOmittedResults(report: Report, max = SARIF_MAX_RESULTS, options: AggregateOptions = {}): number {
  const total = findingGroups(report).reduce((sum, group) => sum + aggregateFindings(group.findings, options).length, 0);
  return Math.max(0, total - max);
}

// A UTF-16 half without its other half: encodeURIComponent throws on it. A data package's
// resource path may hold one (JSON's "\ud800"); it is printed as U+FFFD, as Node prints it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** A relative path as a URI reference: each segment percent-encoded (SARIF §3.10, RFC 3986). */
function uriOf(file: string): string {
  return file.replace(LONE_SURROGATE, "\uFFFD").split("/").map(encodeURIComponent).join("/");
}

export interface SarifFormatOptions extends FormatOptions, AggregateOptions {
  /** Results kept in the run; {@link SARIF_MAX_RESULTS} by default. */
  maxResults?: number;
}

/**
 * SARIF 2.1.0 (OASIS), the format GitHub code scanning uploads: one run, the check catalogue
 * entries of the codes found as rules (helpUri: the code's docs page), one result per finding
 * located at its physical line (SARIF §3.30: startLine is 1-based), and run errors as
 * tool-execution notifications, as is a file stopped at the error limit. Accepted findings carry an
 * external suppression with the reason. A column failing the same way on many rows is one result
 * at its first row, its count and first records in `properties` (`aggregate: false` lists all).
 * Rules carry GitHub's fields (sarif-rules.ts). At most `maxResults` results: the run's
 * properties (`totalResults`, `omittedResults`) and a warning notification say how many were
 * left out.
 */
export function formatSarif(report: Report, options: SarifFormatOptions = {}): string {
  const lang = report.lang;
  const max = options.maxResults ?? SARIF_MAX_RESULTS;
  const all = findingGroups(report).flatMap((group) =>
    aggregateFindings(group.findings, options).map((entry) => {
      const finding = entry.kind === "finding" ? entry.finding : entry.aggregate.example;
      return { entry, finding, file: finding.file ?? group.file, sheet: group.sheet };
    }),
  );
  const { kept, omitted } = sarifSelection(all, max);
  const ruleIds = [...new Set(kept.map(({ finding }) => finding.code))].sort();
  const ruleIndex = new Map(ruleIds.map((id, index) => [id, index]));
  const firstOf = new Map<string, Finding>();
  for (const { finding } of kept) if (!firstOf.has(finding.code)) firstOf.set(finding.code, finding);
  const rules = ruleIds.map((id) => sarifRule(id, lang, firstOf.get(id)));
  const results = kept.map(({ entry, file, sheet }) => result(entry, file, lang, ruleIndex, sheet));
  const stopped = report.files.flatMap((file) => {
    const notice = partialNotice(file, lang, maxErrorsOf(report));
    return notice === undefined
      ? []
      : [{ level: "warning", message: { text: notice }, descriptor: { id: "max-errors" }, locations: [{ physicalLocation: { artifactLocation: { uri: uriOf(file.file) } } }] }];
  });
  const overflow = [];
  if (omitted > 0) {
    const text =
      lang === "fr"
        ? `${omitted} constats sur ${all.length} ne sont pas dans ce fichier SARIF : GitHub n'en accepte pas plus de ${max} par exécution. Les plus graves sont gardés ; le rapport JSON ou HTML donne tout.`
        : `${omitted} of ${all.length} findings are left out of this SARIF file: GitHub accepts at most ${max} per run. The most severe are kept; the JSON or HTML report has them all.`;
    overflow.push({ level: "warning", message: { text }, descriptor: { id: "sarif-results-omitted" } });
  }
  const sarif = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "conforme",
            version: report.tool.version,
            informationUri: "https://github.com/conforme-fr/conforme",
            language: lang,
            rules,
          },
        },
        invocations: [
          {
            executionSuccessful: report.runErrors.length === 0,
            toolExecutionNotifications: [
              ...report.runErrors.map((error) => {
                const notification: Record<string, unknown> = { level: "error", message: { text: error.message }, descriptor: { id: error.code } };
                if (error.file) notification.locations = [{ physicalLocation: { artifactLocation: { uri: uriOf(error.file) } } }];
                return notification;
              }),
              ...stopped,
              ...overflow,
            ],
          },
        ],
        columnKind: "unicodeCodePoints",
        results,
        properties: { totalResults: all.length, omittedResults: omitted, ...headerModes(report) },
      },
    ],
  };
  // As in formatJson: no legacy workflow command (`##[`) readable in a CI log.
  return `${JSON.stringify(sarif, null, 2).replace(/##\[/g, "##\\u005b")}\n`;
}

/** How each file's header met the schema (`position`, `validata`...), as every report says. */
function headerModes(report: Report): { headerModes?: Record<string, string> } {
  const modes = Object.fromEntries(report.files.flatMap((file) => (file.headerMode ? [[file.file, file.headerMode]] : [])));
  return Object.keys(modes).length > 0 ? { headerModes: modes } : {};
}

function result(entry: FindingEntry, file: string, lang: Lang, ruleIndex: Map<string, number>, sheet: boolean): Record<string, unknown> {
  const finding: Finding = entry.kind === "finding" ? entry.finding : entry.aggregate.example;
  // GitHub code scanning requires a startLine: a finding about the whole file points at line 1.
  const region: Record<string, number> = { startLine: finding.line ?? 1 };
  // `column` is a character position only in metadata descriptors; a CSV cell has no column.
  if (finding.pointer !== undefined && finding.column !== undefined) region.startColumn = finding.column;
  const properties: Record<string, unknown> = { category: finding.category };
  for (const key of ["rowNumber", "fieldNumber", "fieldName", "cellRef", "pointer"] as const) {
    if (finding[key] !== undefined) properties[key] = finding[key];
  }
  if (entry.kind === "aggregate") {
    properties.count = entry.aggregate.count;
    properties.rowNumbers = entry.aggregate.rows;
  }
  // The region is the record's physical line: the message names the record when they differ.
  const text = `${entry.kind === "finding" ? finding.message : aggregateMessage(entry.aggregate, lang)}${lineNote(finding, lang, sheet)}`;
  const sarifResult: Record<string, unknown> = {
    ruleId: finding.code,
    ruleIndex: ruleIndex.get(finding.code) ?? 0,
    level: LEVEL[finding.severity],
    message: { text },
    locations: [{ physicalLocation: { artifactLocation: { uri: uriOf(file) }, region } }],
    properties,
  };
  if (finding.accepted) sarifResult.suppressions = [{ kind: "external", justification: finding.accepted.reason }];
  return sarifResult;
}
