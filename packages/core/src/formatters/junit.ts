import type { Finding } from "../findings.js";
import { findingGroups } from "./groups.js";
import type { Report } from "../report.js";

/** XML 1.0 text: the five entities, and characters XML cannot carry at all removed (§2.2). */
export function escapeXml(value: string): string {
  return value
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

function where(finding: Finding): string {
  const parts: string[] = [];
  if (finding.line !== undefined) parts.push(`line ${finding.line}`);
  if (finding.rowNumber !== undefined) parts.push(`row ${finding.rowNumber}`);
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
 */
export function formatJunit(report: Report): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  if (report.runErrors.length > 0) {
    const cases = report.runErrors.map(
      (error) =>
        `    <testcase classname="conforme" name="${escapeXml(`${error.code}${error.file ? ` ${error.file}` : ""}`)}">\n      <error type="${escapeXml(error.code)}" message="${escapeXml(error.message)}"/>\n    </testcase>`,
    );
    tests += cases.length;
    suites.push(`  <testsuite name="conforme" tests="${cases.length}" failures="0" errors="${cases.length}" skipped="0" time="0">\n${cases.join("\n")}\n  </testsuite>`);
  }
  for (const file of findingGroups(report)) {
    const failing = file.findings.filter((finding) => finding.severity !== "info" && !finding.accepted);
    const name = escapeXml(file.file);
    const cases =
      failing.length === 0
        ? [`    <testcase classname="${name}" name="${escapeXml(file.file)}" time="${seconds(file.durationMs)}"/>`]
        : failing.map((finding) => {
            const label = escapeXml(`${finding.code}${where(finding) ? ` (${where(finding)})` : ""}`);
            const body = escapeXml(`${finding.message}\n${where(finding)}`);
            return `    <testcase classname="${name}" name="${label}">\n      <failure type="${finding.severity}" message="${escapeXml(finding.message)}">${body}</failure>\n    </testcase>`;
          });
    tests += cases.length;
    failures += failing.length;
    suites.push(
      `  <testsuite name="${name}" tests="${cases.length}" failures="${failing.length}" errors="0" skipped="0" time="${seconds(file.durationMs)}">\n${cases.join("\n")}\n  </testsuite>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="conforme" tests="${tests}" failures="${failures}" errors="${report.runErrors.length}" time="${seconds(report.durationMs)}">\n${suites.join("\n")}\n</testsuites>\n`;
}
