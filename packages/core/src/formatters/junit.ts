import type { Finding, Lang } from "../findings.js";
import { findingGroups } from "./groups.js";
import type { Report } from "../report.js";
import { aggregateFindings, aggregateMessage, lineNote, maxErrorsOf, partialNotice, type AggregateOptions } from "./aggregate.js";

/**
 * XML 1.0 text: the five entities, and characters XML cannot carry at all removed (§2.2). CR and
 * LF become references: an attribute keeps them (§3.3.3 turns raw ones into spaces), and the
 * XML printed to a CI log starts no line with data, so no workflow command comes from a cell
 * (nor a legacy one: `##[` is written `##&#91;`).
 */
export function escapeXml(value: string): string {
  return value
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;")
    .replace(/\r/g, "&#13;")
    .replace(/\n/g, "&#10;")
    .replace(/##\[/g, "##&#91;");
}

function where(finding: Finding, count?: number): string {
  const parts: string[] = [];
  if (finding.line !== undefined) parts.push(`line ${finding.line}`);
  if (finding.rowNumber !== undefined) parts.push(`row ${finding.rowNumber}`);
  if (finding.cellRef !== undefined) parts.push(`cell ${finding.cellRef}`);
  if (count !== undefined) parts.push(`${count} rows`);
  if (finding.fieldName !== undefined) parts.push(`field ${finding.fieldName}`);
  else if (finding.fieldNumber !== undefined) parts.push(`field ${finding.fieldNumber}`);
  if (finding.pointer !== undefined) parts.push(finding.pointer || "/");
  return parts.join(", ");
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);

/**
 * JUnit XML as CI dashboards read it (the de facto schema of Ant's and Jenkins' reports): one
 * testsuite per file, one failing testcase per error or warning (`type` is the severity), and a
 * passing testcase for a file without any. Run errors form a `conforme` suite of errored cases.
 * A column failing the same way on many rows is one testcase (`aggregate: false` lists all), and
 * the part of a file left unread at the error limit is a skipped testcase saying so.
 */
export function formatJunit(report: Report, options: AggregateOptions = {}): string {
  const lang: Lang = report.lang;
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let skippedTotal = 0;
  if (report.runErrors.length > 0) {
    const cases = report.runErrors.map(
      (error) =>
        `    <testcase classname="conforme" name="${escapeXml(`${error.code}${error.file ? ` ${error.file}` : ""}`)}">\n      <error type="${escapeXml(error.code)}" message="${escapeXml(error.message)}"/>\n    </testcase>`,
    );
    tests += cases.length;
    suites.push(`  <testsuite name="conforme" tests="${cases.length}" failures="0" errors="${cases.length}" skipped="0" time="0">\n${cases.join("\n")}\n  </testsuite>`);
  }
  for (const file of findingGroups(report)) {
    const failing = aggregateFindings(
      file.findings.filter((finding) => finding.severity !== "info" && !finding.accepted),
      options,
    );
    const name = escapeXml(file.file);
    const cases =
      failing.length === 0
        ? [`    <testcase classname="${name}" name="${escapeXml(file.file)}" time="${seconds(file.durationMs)}"/>`]
        : failing.map((entry) => {
            const finding = entry.kind === "finding" ? entry.finding : entry.aggregate.example;
            const place = where(finding, entry.kind === "aggregate" ? entry.aggregate.count : undefined);
            const message = `${entry.kind === "finding" ? finding.message : aggregateMessage(entry.aggregate, lang)}${lineNote(finding, lang, file.sheet)}`;
            const label = escapeXml(`${finding.code}${place ? ` (${place})` : ""}`);
            const body = escapeXml(`${message}\n${place}`);
            return `    <testcase classname="${name}" name="${label}">\n      <failure type="${finding.severity}" message="${escapeXml(message)}">${body}</failure>\n    </testcase>`;
          });
    const stopped = file.kind === "data" ? report.files.find((candidate) => candidate.file === file.file) : undefined;
    const notice = stopped ? partialNotice(stopped, lang, maxErrorsOf(report)) : undefined;
    if (notice) cases.push(`    <testcase classname="${name}" name="max-errors">\n      <skipped message="${escapeXml(notice)}"/>\n    </testcase>`);
    const skipped = notice ? 1 : 0;
    tests += cases.length;
    failures += failing.length;
    skippedTotal += skipped;
    // How the header met the schema (by position, by name): a suite property, as in every report.
    const mode = stopped?.headerMode;
    const properties = mode ? `    <properties>\n      <property name="headerMode" value="${escapeXml(mode)}"/>\n    </properties>\n` : "";
    suites.push(
      `  <testsuite name="${name}" tests="${cases.length}" failures="${failing.length}" errors="0" skipped="${skipped}" time="${seconds(file.durationMs)}">\n${properties}${cases.join("\n")}\n  </testsuite>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="conforme" tests="${tests}" failures="${failures}" errors="${report.runErrors.length}" skipped="${skippedTotal}" time="${seconds(report.durationMs)}">\n${suites.join("\n")}\n</testsuites>\n`;
}
