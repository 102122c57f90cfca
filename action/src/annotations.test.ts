import { formatGithub, type FileReport, type Finding, type Report } from "@conforme/core/internal";
import { describe, expect, it } from "vitest";
// The envelope core's formatter tests share (test/ imports it the same way).
import { reportOf } from "../../packages/core/src/formatters/testing-report.js";
import { planAnnotations } from "./annotations.js";
import { TEXTS } from "./texts.js";

function finding(overrides: Partial<Finding>): Finding {
  return { code: "type-error", messageId: "default", severity: "error", category: "schema", message: "m", data: {}, ...overrides };
}

function fileReport(file: string, findings: Finding[], partial = false): FileReport {
  const errors = findings.filter((f) => f.severity === "error").length;
  return {
    file,
    valid: errors === 0,
    partial,
    labels: [],
    stats: { rows: 50, fields: 3, bytes: 1, errors, warnings: findings.length - errors, infos: 0 },
    findings,
    durationMs: 1,
  };
}

/** What the `github` format and the Action both annotate: a run failure, a partial file, a folded column, personal data, a metadata warning. */
function report(lang: "fr" | "en", extraErrors = 0): Report {
  const folded = Array.from({ length: 5 }, (_, i) => finding({ rowNumber: i + 2, line: i + 2, fieldNumber: 2, fieldName: "date_decision" }));
  const personal = finding({ code: "personal-data-email", category: "personal-data", severity: "warning", fieldNumber: 3, fieldName: "courriel" });
  const header = finding({ code: "extra-header-warn", severity: "warning", rowNumber: 1, line: 1, fieldNumber: 4 });
  const more = Array.from({ length: extraErrors }, (_, i) => finding({ rowNumber: i + 10, line: i + 10, fieldNumber: 1, fieldName: `c${i}` }));
  const files = [fileReport("deliberations.csv", [...folded, personal, header, ...more], true)];
  const metadata = finding({ code: "metadata-temporal-mismatch", category: "metadata", severity: "warning", pointer: "/temporal", line: 7, column: 3 });
  return reportOf(files, {
    lang,
    runErrors: [{ code: "schema-error", file: "schema.json", message: "illisible" }],
    metadata: [
      {
        descriptor: "datapackage.json",
        format: "datapackage-v1",
        dataFiles: ["deliberations.csv"],
        valid: true,
        stats: { errors: 0, warnings: 1, infos: 0 },
        scores: [],
        findings: [metadata],
      },
    ],
  });
}

/** `title` of each workflow command, decoded as the runner does. */
function githubTitles(text: string): string[] {
  const decode = (value: string) => value.replace(/%3A/g, ":").replace(/%2C/g, ",").replace(/%25/g, "%");
  return text
    .trimEnd()
    .split("\n")
    .map((line) => decode(/(?:^::\w+ |,)title=([^,:]*)/.exec(line)?.[1] ?? ""));
}

describe("annotation titles", () => {
  it.each(["fr", "en"] as const)("are the same in the github format and the Action (%s)", (lang) => {
    const action = planAnnotations(report(lang), undefined, TEXTS[lang]).annotations.map((a) => a.title);
    const github = githubTitles(formatGithub(report(lang)));
    expect(github.sort()).toEqual(action.sort());
    // Each kind is there: run failure, read stopped, folded column with its count, field, metadata.
    expect(github).toHaveLength(6);
    expect(github).toContain("type-error · date_decision · ×5");
    expect(github).toContain("personal-data-email · courriel");
    expect(github).toContain("extra-header-warn · #4");
    expect(github).toContain("metadata-temporal-mismatch");
  });

  it("the notice counting what was left out has the same title in both", () => {
    const crowded = report("fr", 12);
    const action = planAnnotations(crowded, undefined, TEXTS.fr).annotations.at(-1)!;
    const github = githubTitles(formatGithub(crowded)).at(-1);
    expect(action.level).toBe("notice");
    expect(github).toBe(action.title);
  });
});
