import { describe, expect, it } from "vitest";
import { validateSarif } from "../../../../test/cli/sarif-schema.js";
import { sharedAvailable } from "../../../../test/shared.js";
import { docsUrl } from "../check.js";
import type { Finding, Severity } from "../findings.js";
import { PERSONAL_DATA_KINDS, personalDataCode } from "../personal-data/index.js";
import type { Report } from "../report.js";
import { codeCatalog } from "./catalog.js";
import { RULE_DOCS } from "./rule-docs.generated.js";
import { formatSarif, sarifOmittedResults, SARIF_MAX_RESULTS } from "./sarif.js";
import { sarifRule, type SarifRule } from "./sarif-rules.js";

/** Every finding code: the catalogue's, the derived personal-data codes, and every documented code. */
const codes = [...new Set([...codeCatalog().map((entry) => entry.code), ...PERSONAL_DATA_KINDS.map(personalDataCode), ...Object.keys(RULE_DOCS)])].sort();
const personal = (code: string) => codeCatalog().find((entry) => entry.code === code)?.category === "personal-data" || code.startsWith("personal-data");
/** What a finding of the code says of itself, for codes the catalogue might not list. */
const seen = (code: string) => ({ category: personal(code) ? "personal-data" : code.startsWith("metadata-") ? "metadata" : "schema", severity: "warning" }) as const;

function finding(code: string, severity: Severity, line: number, extra: Partial<Finding> = {}): Finding {
  return { code, messageId: "default", severity, category: seen(code).category, message: `${code} ${line}`, data: {}, file: "a.csv", line, ...extra };
}

function report(findings: Finding[], lang: "fr" | "en" = "fr"): Report {
  const count = (severity: Severity) => findings.filter((item) => item.severity === severity).length;
  return {
    reportVersion: "1.0",
    tool: { name: "conforme", version: "0.1.0" },
    lang,
    createdAt: "2025-01-10T00:00:00.000Z",
    durationMs: 1,
    valid: false,
    stats: { files: 1, errors: count("error"), warnings: count("warning"), infos: count("info") },
    runErrors: [],
    files: [
      {
        file: "a.csv",
        valid: false,
        partial: false,
        labels: ["a"],
        stats: { rows: findings.length, fields: 1, bytes: 1, errors: count("error"), warnings: count("warning"), infos: count("info") },
        durationMs: 1,
        findings,
      },
    ],
  };
}

interface Log {
  runs: Array<{
    tool: { driver: { rules: SarifRule[] } };
    results: Array<{ ruleId: string; level: string; locations: Array<{ physicalLocation: { region: { startLine: number } } }> }>;
    properties: { totalResults: number; omittedResults: number };
    invocations: Array<{ toolExecutionNotifications: Array<{ level: string; descriptor: { id: string } }> }>;
  }>;
}

describe("SARIF rules", () => {
  it("covers every family of codes", () => {
    for (const code of ["type-error", "french-siret-value", "personal-data-nir", "small-count", "reidentification-risk", "metadata-mqa-keyword"]) expect(codes).toContain(code);
    expect(codes.length).toBeGreaterThanOrEqual(100);
  });

  it.each(["fr", "en"] as const)("no rule lacks GitHub's fields (%s)", (lang) => {
    const missing: string[] = [];
    for (const code of codes) {
      const rule = sarifRule(code, lang, seen(code));
      const problems = [
        rule.id === code || "id",
        /^[A-Z][A-Za-z0-9]*$/.test(rule.name) || "name",
        (rule.shortDescription.text.length > 0 && rule.shortDescription.text.length <= 1024) || "shortDescription",
        (rule.fullDescription.text.length > 0 && rule.fullDescription.text.length <= 1024) || "fullDescription",
        rule.help.text.includes(code) || "help.text",
        rule.help.markdown.includes(`\`${code}\``) || "help.markdown",
        rule.helpUri === docsUrl(code) || "helpUri",
        (rule.properties.category !== undefined && rule.properties.tags.includes(rule.properties.category) && rule.properties.tags.length <= 10) || "tags",
        ["very-high", "high", "medium", "low"].includes(rule.properties.precision) || "precision",
        rule.defaultConfiguration !== undefined || "defaultConfiguration",
      ];
      if (personal(code)) {
        const severity = Number(rule.properties["security-severity"]);
        problems.push((severity > 0 && severity <= 10) || "security-severity", rule.properties.tags.includes("security") || "security tag");
      } else {
        problems.push(rule.properties["security-severity"] === undefined || "security-severity on a non-personal code");
      }
      for (const problem of problems) if (problem !== true) missing.push(`${code}: ${problem}`);
    }
    expect(missing).toEqual([]);
  });

  it("help comes from the code's page, with links made absolute", () => {
    const rule = sarifRule("personal-data-email", "fr");
    expect(rule.help.markdown).toBe(RULE_DOCS["personal-data-email"]!.markdown);
    expect(rule.help.markdown).toContain(`](${docsUrl("personal-data")})`);
    expect(rule.help.markdown).not.toMatch(/\]\((?!https?:|#)/);
    expect(rule.help.text).not.toMatch(/\]\(|^#/m);
    expect(sarifRule("personal-data-email", "en").fullDescription.text).toBe(RULE_DOCS["personal-data-email"]!.en);
  });

  it.each([
    ["personal-data-nir", "high", "8.5"],
    ["personal-data-person-name", "low", "5.5"],
    ["personal-data-ip", "medium", "4.5"],
    ["small-count", "high", "4.0"],
    ["type-error", "very-high", undefined],
  ])("%s: precision %s, security-severity %s", (code, precision, severity) => {
    const rule = sarifRule(code, "fr");
    expect(rule.properties.precision).toBe(precision);
    expect(rule.properties["security-severity"]).toBe(severity);
  });

  it.runIf(sharedAvailable("SARIF schema"))("a log with every rule validates against SARIF 2.1.0", () => {
    for (const lang of ["fr", "en"] as const)
      validateSarif(
        JSON.parse(
          formatSarif(
            report(
              codes.map((code, index) => finding(code, "warning", index + 1)),
              lang,
            ),
          ),
        ),
      );
  });
});

describe("SARIF results cap", () => {
  it("keeps the most severe first, says how many were left out, keeps file order", () => {
    const findings = [
      finding("type-error", "info", 1),
      finding("type-error", "warning", 2),
      finding("type-error", "error", 3),
      finding("personal-data-email", "warning", 4, { accepted: { reason: "service" } }),
      finding("type-error", "warning", 5),
      finding("type-error", "error", 6),
    ];
    const log = JSON.parse(formatSarif(report(findings), { maxResults: 4 })) as Log;
    const run = log.runs[0]!;
    expect(run.results.map((result) => [result.level, result.locations[0]!.physicalLocation.region.startLine])).toEqual([
      ["warning", 2],
      ["error", 3],
      ["warning", 5],
      ["error", 6],
    ]);
    expect(run.properties).toEqual({ totalResults: 6, omittedResults: 2 });
    expect(run.invocations[0]!.toolExecutionNotifications.map((item) => [item.level, item.descriptor.id])).toEqual([["warning", "sarif-results-omitted"]]);
    expect(run.tool.driver.rules.map((rule) => rule.id)).toEqual(["type-error"]);
  });

  it(`caps at ${SARIF_MAX_RESULTS} results by default, below GitHub's limit`, () => {
    const findings = Array.from({ length: SARIF_MAX_RESULTS + 7 }, (_value, index) => finding("type-error", index % 1000 === 0 ? "error" : "warning", index + 1));
    const big = report(findings);
    const run = (JSON.parse(formatSarif(big)) as Log).runs[0]!;
    expect(run.results).toHaveLength(SARIF_MAX_RESULTS);
    expect(run.results.filter((result) => result.level === "error")).toHaveLength(findings.filter((item) => item.severity === "error").length);
    expect(run.properties.omittedResults).toBe(7);
    expect(sarifOmittedResults(big)).toBe(7);
    expect(sarifOmittedResults(report(findings.slice(0, 10)))).toBe(0);
  });

  it("leaves nothing out under the cap", () => {
    const run = (JSON.parse(formatSarif(report([finding("type-error", "error", 1)]))) as Log).runs[0]!;
    expect(run.properties).toEqual({ totalResults: 1, omittedResults: 0 });
    expect(run.invocations[0]!.toolExecutionNotifications).toEqual([]);
  });
});
