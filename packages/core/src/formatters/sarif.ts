import type { Finding, Lang, Severity } from "../findings.js";
import type { Report } from "../report.js";
import { aggregateFindings, aggregateMessage, lineNote, maxErrorsOf, partialNotice, type AggregateOptions, type FindingEntry } from "./aggregate.js";
import { describeCode } from "./catalog.js";
import { findingGroups } from "./groups.js";

const LEVEL: Record<Severity, "error" | "warning" | "note"> = { error: "error", warning: "warning", info: "note" };

/** A relative path as a URI reference: each segment percent-encoded (SARIF §3.10, RFC 3986). */
function uriOf(file: string): string {
  return file.split("/").map(encodeURIComponent).join("/");
}

/**
 * SARIF 2.1.0 (OASIS), the format GitHub code scanning uploads: one run, the check catalogue
 * entries of the codes found as rules (helpUri: the check's docs page), one result per finding
 * located at its physical line (SARIF §3.30: startLine is 1-based), and run errors as
 * tool-execution notifications, as is a file stopped at the error limit. Accepted findings carry an
 * external suppression with the reason. A column failing the same way on many rows is one result
 * at its first row, its count and first records in `properties` (`aggregate: false` lists all).
 */
export function formatSarif(report: Report, options: AggregateOptions = {}): string {
  const lang = report.lang;
  const entries = findingGroups(report).flatMap((group) =>
    aggregateFindings(group.findings, options).map((entry) => ({ entry, file: (entry.kind === "finding" ? entry.finding : entry.aggregate.example).file ?? group.file })),
  );
  const findings = entries.map(({ entry }) => (entry.kind === "finding" ? entry.finding : entry.aggregate.example));
  const ruleIds = [...new Set(findings.map((finding) => finding.code))].sort();
  const ruleIndex = new Map(ruleIds.map((id, index) => [id, index]));
  const rules = ruleIds.map((id) => {
    const info = describeCode(id);
    const rule: Record<string, unknown> = { id, helpUri: info.helpUri };
    if (info.description) rule.shortDescription = { text: info.description[lang] };
    if (info.severity) rule.defaultConfiguration = { level: LEVEL[info.severity] };
    if (info.category) rule.properties = { category: info.category };
    return rule;
  });
  const results = entries.map(({ entry, file }) => result(entry, file, lang, ruleIndex));
  const stopped = report.files.flatMap((file) => {
    const notice = partialNotice(file, lang, maxErrorsOf(report));
    return notice === undefined
      ? []
      : [{ level: "warning", message: { text: notice }, descriptor: { id: "max-errors" }, locations: [{ physicalLocation: { artifactLocation: { uri: uriOf(file.file) } } }] }];
  });
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
            ],
          },
        ],
        columnKind: "unicodeCodePoints",
        results,
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

function result(entry: FindingEntry, file: string, lang: Lang, ruleIndex: Map<string, number>): Record<string, unknown> {
  const finding: Finding = entry.kind === "finding" ? entry.finding : entry.aggregate.example;
  // GitHub code scanning requires a startLine: a finding about the whole file points at line 1.
  const region: Record<string, number> = { startLine: finding.line ?? 1 };
  // `column` is a character position only in metadata descriptors; a CSV cell has no column.
  if (finding.pointer !== undefined && finding.column !== undefined) region.startColumn = finding.column;
  const properties: Record<string, unknown> = { category: finding.category };
  for (const key of ["rowNumber", "fieldNumber", "fieldName", "pointer"] as const) {
    if (finding[key] !== undefined) properties[key] = finding[key];
  }
  if (entry.kind === "aggregate") {
    properties.count = entry.aggregate.count;
    properties.rowNumbers = entry.aggregate.rows;
  }
  // The region is the record's physical line: the message names the record when they differ.
  const text = `${entry.kind === "finding" ? finding.message : aggregateMessage(entry.aggregate, lang)}${lineNote(finding, lang)}`;
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
