import { describe, expect, it } from "vitest";
import type { Finding } from "../findings.js";
import type { FileReport } from "../report.js";
import { aggregateBadge, badgeMessage, badgeStatus, formatBadge, type BadgeInput, type BadgeStatus } from "./badge.js";

function fileWith(findings: Array<Partial<Finding>>): FileReport {
  return {
    file: "subventions.csv",
    valid: findings.every((f) => f.severity !== "error"),
    partial: false,
    labels: [],
    stats: { rows: 10, fields: 10, bytes: 100, errors: 0, warnings: 0, infos: 0 },
    durationMs: 1,
    findings: findings.map((f) => ({ code: "type-error", messageId: "x", severity: "error", category: "schema", message: "", data: {}, ...f })),
  };
}

describe("badgeStatus", () => {
  const cases: Array<[string, Array<Partial<Finding>>, BadgeStatus]> = [
    ["no finding", [], "valid"],
    ["a content error", [{ code: "type-error", rowNumber: 3 }], "invalid"],
    ["a missing required column", [{ code: "missing-label", category: "structure", rowNumber: 1 }], "invalid-structure"],
    ["an unreadable source", [{ code: "encoding-error", category: "source" }], "invalid-structure"],
    [
      "a structure error beside content errors",
      [
        { code: "type-error", rowNumber: 3 },
        { code: "incorrect-label", category: "structure" },
      ],
      "invalid-structure",
    ],
    ["an extra column as a warning", [{ code: "extra-label", category: "structure", severity: "warning", rowNumber: 1 }], "partially-valid"],
    ["a content warning only", [{ code: "type-error", severity: "warning", rowNumber: 3 }], "valid"],
    ["a blank row (row-level structure error)", [{ code: "blank-row", category: "structure", rowNumber: 5 }], "invalid"],
    ["an accepted error", [{ code: "type-error", rowNumber: 3, accepted: { reason: "known" } }], "valid"],
    ["personal data only", [{ code: "personal-data", category: "personal-data" }], "valid"],
  ];
  it.each(cases)("%s", (_name, findings, expected) => {
    expect(badgeStatus(fileWith(findings))).toBe(expected);
  });
});

describe("formatBadge", () => {
  const cases: Array<[BadgeInput, string]> = [
    [{ status: "valid" }, "valide"],
    [{ status: "partially-valid" }, "partiellement valide"],
    [{ status: "invalid-structure" }, "structure invalide"],
    [{ status: "invalid", validCellsPercent: 97.36 }, "cellules valides : 97,3\u00a0%"],
    [{ status: "invalid", validCellsPercent: 99.99 }, "cellules valides : 99,9\u00a0%"],
    [{ status: "invalid" }, "invalide"],
    [{ status: "valid", lang: "en" }, "valid"],
    [{ status: "invalid", validCellsPercent: 50, lang: "en" }, "valid cells: 50.0%"],
    [{ status: "invalid-structure", lang: "en" }, "invalid structure"],
  ];
  it.each(cases)("words %j as %j", (input, expected) => {
    expect(badgeMessage(input)).toBe(expected);
    const svg = formatBadge(input);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toContain(`>${expected}</text>`);
  });

  it("gives each status its own colour and grows with the text", () => {
    const statuses: BadgeStatus[] = ["valid", "partially-valid", "invalid", "invalid-structure"];
    const fills = statuses.map((status) => /<rect x="\d+" width="\d+" height="20" fill="(#[0-9a-f]{6})"/.exec(formatBadge({ status }))?.[1]);
    expect(new Set(fills).size).toBe(4);
    const width = (svg: string) => Number(/width="(\d+)"/.exec(svg)?.[1]);
    expect(width(formatBadge({ status: "partially-valid" }))).toBeGreaterThan(width(formatBadge({ status: "valid" })));
  });

  it("escapes the label and references nothing outside itself", () => {
    const svg = formatBadge({ status: "valid", label: `<a href="x">"&` });
    expect(svg).toContain("&lt;a href=&quot;x&quot;&gt;&quot;&amp;");
    const tags = new Set([...svg.matchAll(/<([a-z]+)/g)].map((match) => match[1]));
    expect([...tags].sort()).toEqual(["g", "rect", "svg", "text", "title"]);
    expect(svg).not.toMatch(/xlink|url\(/);
  });
});

describe("aggregateBadge", () => {
  const sized = (findings: Array<Partial<Finding>>, rows: number, validCellsPercent?: number): FileReport => {
    const file = fileWith(findings);
    file.stats = { ...file.stats, rows, fields: 10, ...(validCellsPercent === undefined ? {} : { validCellsPercent }) };
    return file;
  };
  const cases: Array<[string, FileReport[], BadgeStatus, number | undefined]> = [
    ["every file valid", [sized([], 10, 100), sized([], 5, 100)], "valid", undefined],
    [
      "a partially valid file",
      [sized([], 10, 100), sized([{ code: "extra-label", category: "structure", severity: "warning", rowNumber: 1 }], 5, 100)],
      "partially-valid",
      undefined,
    ],
    // 100 cells at 90 % and 300 cells at 100 %: 390 valid cells out of 400.
    ["content errors, weighted by cells", [sized([{ code: "type-error", rowNumber: 3 }], 10, 90), sized([], 30, 100)], "invalid", 97.5],
    [
      "a structure error wins",
      [sized([{ code: "type-error", rowNumber: 3 }], 10, 90), sized([{ code: "missing-label", category: "structure", rowNumber: 1 }], 3)],
      "invalid-structure",
      undefined,
    ],
    ["no file", [], "invalid", undefined],
  ];
  it.each(cases)("%s", (_, files, status, percent) => {
    const badge = aggregateBadge(files);
    expect(badge.status).toBe(status);
    expect(badge.validCellsPercent).toBe(percent);
  });
});
