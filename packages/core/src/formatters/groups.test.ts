import { describe, expect, it } from "vitest";
import type { Finding } from "../findings.js";
import type { Report } from "../report.js";
import { formatGithub } from "./github.js";
import { findingGroups } from "./groups.js";
import { formatJunit } from "./junit.js";
import { formatMarkdown } from "./markdown.js";
import { formatSarif } from "./sarif.js";
import { formatStylish } from "./stylish.js";

const finding = (code: string, severity: Finding["severity"], extra: Partial<Finding> = {}): Finding => ({
  code,
  messageId: "default",
  severity,
  category: "metadata",
  message: `message ${code}`,
  data: {},
  ...extra,
});

const report: Report = {
  reportVersion: "1.0",
  tool: { name: "conforme", version: "0.0.0" },
  lang: "fr",
  createdAt: "2025-01-10T00:00:00.000Z",
  durationMs: 0,
  valid: false,
  stats: { files: 1, errors: 1, warnings: 1, infos: 1 },
  files: [
    {
      file: "donnees/a.csv",
      valid: false,
      partial: false,
      labels: ["n"],
      stats: { rows: 1, fields: 1, bytes: 4, errors: 1, warnings: 0, infos: 0 },
      findings: [finding("type-error", "error", { category: "schema", rowNumber: 2, fieldNumber: 1, line: 2 })],
      durationMs: 0,
    },
  ],
  runErrors: [],
  metadata: [
    {
      descriptor: "donnees/datapackage.json",
      format: "datapackage-v1",
      dataFiles: ["donnees/a.csv"],
      valid: true,
      stats: { errors: 0, warnings: 1, infos: 1 },
      scores: [],
      findings: [
        finding("metadata-temporal-mismatch", "warning", { pointer: "/temporal", line: 7, column: 3 }),
        finding("metadata-mqa-keyword", "info", { pointer: "", line: 1, column: 1 }),
      ],
    },
  ],
};

describe("findingGroups", () => {
  it("lists data files then descriptors, leaving metadata recommendations out unless asked", () => {
    expect(findingGroups(report).map((group) => [group.file, group.kind, group.findings.map((f) => f.code)])).toEqual([
      ["donnees/a.csv", "data", ["type-error"]],
      ["donnees/datapackage.json", "metadata", ["metadata-temporal-mismatch"]],
    ]);
    expect(findingGroups(report, { metadataInfos: true })[1]!.findings).toHaveLength(2);
  });

  it.each([
    ["github", (r: Report) => formatGithub(r)],
    ["stylish", (r: Report) => formatStylish(r)],
    ["markdown", (r: Report) => formatMarkdown(r)],
    ["junit", (r: Report) => formatJunit(r)],
    ["sarif", (r: Report) => formatSarif(r)],
  ])("%s shows a metadata warning in its descriptor, not the recommendations", (_name, format) => {
    const text = format(report);
    expect(text).toContain("metadata-temporal-mismatch");
    expect(text).toContain("donnees/datapackage.json");
    expect(text).not.toContain("metadata-mqa-keyword");
  });

  it("annotates the metadata warning on its line in the descriptor", () => {
    expect(formatGithub(report)).toContain("::warning file=donnees/datapackage.json,line=7,col=3,title=metadata-temporal-mismatch::");
  });
});
