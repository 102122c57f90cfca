import { describe, expect, it } from "vitest";
import { sharedAvailable } from "../../../../test/shared.js";
import { validateSarif } from "../../../../test/cli/sarif-schema.js";
import { docsUrl } from "../check.js";
import { formatSarif } from "./sarif.js";
import { sampleReport } from "./testing-report.js";

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn?: number } } }>;
  suppressions?: Array<{ kind: string; justification: string }>;
}

const log = JSON.parse(formatSarif(sampleReport())) as {
  runs: Array<{
    tool: { driver: { rules: Array<{ id: string; helpUri: string }> } };
    results: SarifResult[];
    invocations: Array<{ executionSuccessful: boolean; toolExecutionNotifications: Array<{ descriptor: { id: string } }> }>;
  }>;
};
const run = log.runs[0]!;

describe("formatSarif", () => {
  it.runIf(sharedAvailable("SARIF schema"))("validates against the official SARIF 2.1.0 schema", () => {
    validateSarif(log);
  });

  it.each([
    ["type-error", "error", 4, undefined],
    ["french-siret-value", "error", 3, undefined],
    ["personal-data-email", "warning", 1, undefined],
    ["schema-warning", "note", 7, 5],
  ])("%s: level %s at line %i", (code, level, line, column) => {
    const result = run.results.find((candidate) => candidate.ruleId === code)!;
    expect(result.level).toBe(level);
    const location = result.locations[0]!.physicalLocation;
    expect(location.region.startLine).toBe(line);
    expect(location.region.startColumn).toBe(column);
    expect(location.artifactLocation.uri).toBe("donn%C3%A9es/sub%20ventions%2C%20100%25.csv");
    expect(run.tool.driver.rules[result.ruleIndex]!.id).toBe(code);
  });

  it("takes rules from the catalogue with the code's own docs page as helpUri", () => {
    expect(run.tool.driver.rules.map((rule) => [rule.id, rule.helpUri])).toEqual([
      ["french-siret-value", docsUrl("french-siret-value")],
      ["personal-data-email", docsUrl("personal-data-email")],
      ["schema-warning", docsUrl("schema-warning")],
      ["type-error", docsUrl("type-error")],
    ]);
  });

  it("suppresses accepted findings with their reason and reports run errors as notifications", () => {
    expect(run.results.find((result) => result.ruleId === "personal-data-email")!.suppressions).toEqual([{ kind: "external", justification: "adresse de service" }]);
    expect(run.invocations[0]!.executionSuccessful).toBe(false);
    expect(run.invocations[0]!.toolExecutionNotifications.map((notification) => notification.descriptor.id)).toEqual(["schema-error"]);
  });

  // Found by test/fuzz/formatters.fuzz.test.ts: a data package's resource path "\ud800.csv"
  // made encodeURIComponent throw, and the CLI print a stack trace instead of the log.
  it("writes a file name holding half a surrogate pair as U+FFFD", () => {
    const report = sampleReport();
    report.files[0]!.file = "a/\ud800b\udc00.csv";
    for (const finding of report.files[0]!.findings) finding.file = report.files[0]!.file;
    const uris = (JSON.parse(formatSarif(report)) as typeof log).runs[0]!.results.map((result) => result.locations[0]!.physicalLocation.artifactLocation.uri);
    expect(uris).toContain("a/%EF%BF%BDb%EF%BF%BD.csv");
  });
});
