import type { Finding, Lang, Severity } from "../findings.js";
import type { FileReport } from "../report.js";
import { aggregateFindings, type FindingEntry } from "./aggregate.js";

const RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };

/** A file's findings of one code, as a report for people lists them. */
export interface CodeGroup {
  code: string;
  /** The worst severity among them. */
  severity: Severity;
  /** How many there are, counting those the engine stopped keeping (`stats.countsByCode`). */
  count: number;
  /** The first of them, a column failing on many rows folded into one entry, at most `maxEntries`. */
  entries: FindingEntry[];
}

export interface GroupOptions {
  /** False lists every finding (`--no-aggregate`). */
  aggregate?: boolean;
  /** Entries kept per code (all by default). */
  maxEntries?: number;
  /** The engine's counts per code, which cover the findings it did not keep. */
  countsByCode?: Readonly<Record<string, number>>;
}

/**
 * Findings grouped by code, the worst first: by severity, then by count, then by code. The HTML
 * report and the Markdown report (the CLI's, the Action's summary and comment) list a file's findings this way.
 */
export function groupByCode(findings: readonly Finding[], options: GroupOptions = {}): CodeGroup[] {
  const byCode = new Map<string, { severity: Severity; findings: Finding[] }>();
  for (const finding of findings) {
    const group = byCode.get(finding.code);
    if (group === undefined) byCode.set(finding.code, { severity: finding.severity, findings: [finding] });
    else {
      group.findings.push(finding);
      if (RANK[finding.severity] > RANK[group.severity]) group.severity = finding.severity;
    }
  }
  const groups: CodeGroup[] = [];
  for (const [code, group] of byCode) {
    const entries = aggregateFindings(group.findings, { aggregate: options.aggregate });
    groups.push({
      code,
      severity: group.severity,
      count: Math.max(group.findings.length, options.countsByCode?.[code] ?? 0),
      entries: options.maxEntries === undefined ? entries : entries.slice(0, Math.max(0, options.maxEntries)),
    });
  }
  return groups.sort((a, b) => RANK[b.severity] - RANK[a.severity] || b.count - a.count || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** How much a file's personal data exposes people: its worst unaccepted personal-data finding. */
export type PersonalRisk = "high" | "medium" | "low" | "none";

/** Severities in words, as the Markdown report (`--format markdown`, the Action's summary) prints them. */
export const SEVERITY_NAMES: Readonly<Record<Lang, Readonly<Record<Severity, string>>>> = {
  fr: { error: "erreur", warning: "avertissement", info: "info" },
  en: { error: "error", warning: "warning", info: "info" },
};

/** The risk in words, one wording for every report (HTML, job summary, pull-request comment). */
export const RISK_NAMES: Readonly<Record<Lang, Readonly<Record<PersonalRisk, string>>>> = {
  fr: { high: "risque élevé", medium: "risque modéré", low: "risque faible", none: "aucune détectée" },
  en: { high: "high risk", medium: "moderate risk", low: "low risk", none: "none detected" },
};

/**
 * The personal-data risk of a file: high for an error, medium for a warning, low for an info,
 * none without a finding. Findings the user accepted in the configuration are left out of both
 * the risk and the count: the publication is then a decision, no longer a risk to report.
 */
export function personalRisk(file: Pick<FileReport, "findings">): { risk: PersonalRisk; count: number } {
  let worst: Severity | undefined;
  let count = 0;
  for (const finding of file.findings) {
    if (finding.category !== "personal-data" || finding.accepted !== undefined) continue;
    count++;
    if (worst === undefined || RANK[finding.severity] > RANK[worst]) worst = finding.severity;
  }
  const risk: PersonalRisk = worst === "error" ? "high" : worst === "warning" ? "medium" : worst === "info" ? "low" : "none";
  return { risk, count };
}
