import { describe, expect, it } from "vitest";
import type { Category, Finding, Severity } from "../findings.js";
import type { FileReport } from "../report.js";
import { ANNOTATION_LIMITS } from "./annotations.js";
import { escapeData, escapeProperty, formatGithub } from "./github.js";
import { reportOf, sampleReport } from "./testing-report.js";

interface Command {
  level: string;
  properties: Record<string, string>;
  message: string;
}

/** The commands as the runner reads them: level, decoded properties, message. */
function commands(text: string): Command[] {
  const decode = (value: string) => value.replace(/%0D/g, "\r").replace(/%0A/g, "\n").replace(/%3A/g, ":").replace(/%2C/g, ",").replace(/%25/g, "%");
  return text
    .trimEnd()
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const match = /^::(error|warning|notice) ([^:]*)::(.*)$/.exec(line);
      if (!match) throw new Error(`not a workflow command: ${line}`);
      const properties = Object.fromEntries(match[2]!.split(",").map((pair) => [pair.slice(0, pair.indexOf("=")), decode(pair.slice(pair.indexOf("=") + 1))]));
      return { level: match[1]!, properties, message: decode(match[3]!) };
    });
}

function finding(code: string, severity: Severity, category: Category, row: number, fieldName = "montant"): Finding {
  return { code, messageId: "default", severity, category, message: `${code} row ${row}`, data: {}, rowNumber: row, line: row, fieldNumber: 1, fieldName };
}

function fileOf(file: string, findings: Finding[], partial = false): FileReport {
  const count = (severity: Severity) => findings.filter((f) => f.severity === severity).length;
  return {
    file,
    valid: count("error") === 0,
    partial,
    labels: [],
    stats: { rows: 100, fields: 3, bytes: 1_000, errors: count("error"), warnings: count("warning"), infos: count("info") },
    findings,
    durationMs: 1,
  };
}

describe("formatGithub", () => {
  it.each([
    ["100%", "100%25", "100%25"],
    ["a\r\nb", "a%0D%0Ab", "a%0D%0Ab"],
    ["x: y, z", "x: y, z", "x%3A y%2C z"],
  ])("escapes %j", (raw, data, property) => {
    expect(escapeData(raw)).toBe(data);
    expect(escapeProperty(raw)).toBe(property);
  });

  it("writes one command per finding and run error, located, escaped, most important first", () => {
    const text = formatGithub(sampleReport());
    const file = "données/sub ventions, 100%.csv";
    expect(commands(text).map((c) => [c.level, c.properties["file"], c.properties["line"], c.properties["col"], c.properties["title"]])).toEqual([
      ["error", "schemas/x.json", undefined, undefined, "conforme : exécution impossible (schema-error)"],
      ["error", file, "4", undefined, "type-error · siret"],
      ["error", file, "3", undefined, "french-siret-value · siret"],
      // Accepted: a notice, and personal data before the rest of its level.
      ["notice", file, undefined, undefined, "personal-data-email · email"],
      ["notice", file, "7", "5", "schema-warning"],
    ]);
    const lines = text.trimEnd().split("\n");
    expect(lines.every((line) => !line.includes("\n"))).toBe(true);
    expect(lines[1]).toContain("%0A50%25");
  });

  it("titles in English with an English report", () => {
    expect(commands(formatGithub(sampleReport("en")))[0]!.properties["title"]).toBe("conforme: run failed (schema-error)");
  });

  it("is empty for a clean report", () => {
    const report = sampleReport();
    expect(formatGithub({ ...report, runErrors: [], files: [report.files[1]!] })).toBe("");
  });

  describe("GitHub's limits", () => {
    // Two rows per column stay below the aggregation threshold: each is its own annotation. The
    // personal-data findings come last in the file; the partial file's notice comes after them.
    const schemaErrors = Array.from({ length: 12 }, (_, i) => finding("type-error", "error", "schema", i + 2, `c${Math.floor(i / 2)}`));
    const schemaWarnings = Array.from({ length: 12 }, (_, i) => finding("constraint-error", "warning", "schema", i + 2, `w${Math.floor(i / 2)}`));
    const personalWarnings = [finding("personal-data-nir", "warning", "personal-data", 30, "nir"), finding("personal-data-email", "warning", "personal-data", 31, "courriel")];
    const personalErrors = [finding("personal-data-iban", "error", "personal-data", 40, "iban")];
    const infos = Array.from({ length: 14 }, (_, i) => finding("french-gentile", "info", "french", i + 50, `i${Math.floor(i / 2)}`));
    const report = reportOf([fileOf("budget.csv", [...schemaErrors, ...schemaWarnings, ...personalWarnings, ...personalErrors]), fileOf("stopped.csv", infos, true)], {
      runErrors: [{ code: "schema-error", message: "schéma illisible" }],
    });
    const all = commands(formatGithub(report, { limits: false }));
    const capped = commands(formatGithub(report));
    const levels = (list: Command[], level: string) => list.filter((c) => c.level === level);

    it("prints everything with limits off", () => {
      // 1 run error, 12 + 1 errors, 12 + 2 warnings and the stopped file's warning, 14 infos.
      expect([levels(all, "error").length, levels(all, "warning").length, levels(all, "notice").length]).toEqual([14, 15, 14]);
    });

    it("prints at most 10 of each level, the last notice slot saying how many were left out", () => {
      expect(levels(capped, "error")).toHaveLength(ANNOTATION_LIMITS.error);
      expect(levels(capped, "warning")).toHaveLength(ANNOTATION_LIMITS.warning);
      expect(levels(capped, "notice")).toHaveLength(ANNOTATION_LIMITS.notice);
      const last = capped.at(-1)!;
      expect(last.level).toBe("notice");
      expect(last.properties["title"]).toBe("conforme : annotations limitées");
      expect(last.properties["file"]).toBeUndefined();
      // The total and how many are missing, and where to see them all.
      expect(last.message).toMatch(new RegExp(`\\b${all.length}\\b`));
      expect(last.message).toMatch(new RegExp(`\\b${all.length - (capped.length - 1)}\\b`));
      expect(last.message).toContain("--format stylish");
      expect(last.message).toContain("--format json");
    });

    it("errors first, run failures before findings, personal data before schema, then file order", () => {
      expect(capped.map((c) => c.level)).toEqual([...Array(10).fill("error"), ...Array(10).fill("warning"), ...Array(10).fill("notice")]);
      expect(levels(capped, "error").map((c) => c.properties["title"]!.split(" ")[0])).toEqual(["conforme", "personal-data-iban", ...Array(8).fill("type-error")]);
      expect(
        levels(capped, "error")
          .slice(2)
          .map((c) => c.properties["line"]),
      ).toEqual(["2", "3", "4", "5", "6", "7", "8", "9"]);
      const warnings = levels(capped, "warning");
      expect(warnings[0]!.properties).toMatchObject({ file: "stopped.csv", title: "conforme : lecture arrêtée (max-errors)" });
      expect(warnings.slice(1, 3).map((c) => c.properties["title"])).toEqual(["personal-data-nir · nir", "personal-data-email · courriel"]);
      expect(warnings.slice(3).map((c) => c.properties["line"])).toEqual(["2", "3", "4", "5", "6", "7", "8"]);
      expect(
        levels(capped, "notice")
          .slice(0, 9)
          .map((c) => c.properties["line"]),
      ).toEqual(["50", "51", "52", "53", "54", "55", "56", "57", "58"]);
    });

    it.each([
      ["below every limit", { errors: 9, warnings: 0 }, 0],
      ["at the limit", { errors: 10, warnings: 10 }, 0],
      ["one over", { errors: 11, warnings: 0 }, 1],
    ])("%s: the notice only when something is left out", (_, { errors, warnings }, hidden) => {
      const findings = [
        ...Array.from({ length: errors }, (_, i) => finding("type-error", "error", "schema", i + 2, `e${i}`)),
        ...Array.from({ length: warnings }, (_, i) => finding("constraint-error", "warning", "schema", i + 2, `w${i}`)),
      ];
      const out = commands(formatGithub(reportOf([fileOf("a.csv", findings)])));
      expect(out.filter((c) => c.level === "notice")).toHaveLength(hidden);
      expect(out.filter((c) => c.level !== "notice")).toHaveLength(Math.min(errors, 10) + Math.min(warnings, 10));
    });
  });
});
