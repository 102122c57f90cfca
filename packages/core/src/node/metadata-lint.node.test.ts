import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatHtml } from "../formatters/html.js";
import { lint } from "../lint.node.js";
import type { Report } from "../report.js";
import { validateReport } from "../../../../test/report-schema.js";

const NOW = "2025-01-10";

const schema = {
  fields: [
    { name: "date_decision", type: "date" },
    { name: "code_insee", type: "string" },
    { name: "montant", type: "number" },
  ],
};

// Dates from 2023-12-15 to 2024-06-01 and two communes, one outside the declared coverage.
const csv = "date_decision,code_insee,montant\n2024-06-01,35238,100\n2023-12-15,35047,250\n2024-02-10,35238,75\n";

const datapackage = {
  name: "subventions",
  title: "Subventions de la commune",
  description: "Subventions versées aux associations.",
  licenses: [{ name: "etalab-2.0" }],
  "x-conforme": {
    spatial: ["35238"],
    temporal: { start: "2024-01-01", end: "2024-12-31" },
    accrualPeriodicity: "annual",
  },
  resources: [{ name: "subventions", path: "subventions.csv", format: "csv", schema: "schema.json" }],
};

const dataset = `title: Subventions 2024
description: Subventions versées aux associations par la commune, au format du socle commun des données locales.
license: etalab-2.0
spatial: ["35"]
temporal:
  start: 2023-01-01
  end: 2024-12-31
distributions:
  - title: Subventions (CSV)
    path: ../donnees/subventions.csv
    format: CSV
`;

let root: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "conforme-metadata-lint-"));
  await mkdir(path.join(root, "paquet"));
  await writeFile(path.join(root, "paquet/subventions.csv"), csv);
  await writeFile(path.join(root, "paquet/schema.json"), JSON.stringify(schema));
  await writeFile(path.join(root, "paquet/datapackage.json"), `${JSON.stringify(datapackage, null, 2)}\n`);
  await mkdir(path.join(root, "donnees"));
  await mkdir(path.join(root, "meta"));
  await writeFile(path.join(root, "donnees/subventions.csv"), csv.replace("35047", "75056"));
  await writeFile(path.join(root, "donnees/schema.json"), JSON.stringify(schema));
  await writeFile(path.join(root, "meta/conforme.dataset.yml"), dataset);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const codes = (report: Report) => (report.metadata ?? []).flatMap((m) => m.findings.map((f) => f.code));

describe("lint scores metadata", () => {
  it("scores the datapackage.json next to the data and cross-checks it with the dates and codes read", async () => {
    const report = await lint(["paquet"], { cwd: root, metadata: { now: NOW } });
    expect(report.runErrors).toEqual([]);
    validateReport(report);
    const [section] = report.metadata ?? [];
    expect(section?.descriptor).toBe("paquet/datapackage.json");
    expect(section?.format).toBe("datapackage-v1");
    expect(section?.dataFiles).toEqual(["paquet/subventions.csv"]);
    expect(section?.scores.map((s) => [s.id, s.max])).toEqual([
      ["datagouv", 9],
      ["mqa", 405],
    ]);

    const temporal = section!.findings.find((f) => f.code === "metadata-temporal-mismatch");
    expect(temporal).toMatchObject({
      severity: "warning",
      category: "metadata",
      pointer: "/x-conforme/temporal",
      data: { field: "date_decision", min: "2023-12-15", max: "2024-06-01" },
    });
    expect(temporal?.line).toBe(14);
    const spatial = section!.findings.find((f) => f.code === "metadata-spatial-mismatch");
    expect(spatial).toMatchObject({ pointer: "/x-conforme/spatial", data: { codes: ["35047"], count: 1 } });

    // Metadata findings stay out of the file's findings, but count in the run's stats.
    expect(report.files[0]!.findings.filter((f) => f.category === "metadata")).toEqual([]);
    const fileWarnings = report.files.reduce((sum, f) => sum + f.stats.warnings, 0);
    expect(report.stats.warnings).toBe(fileWarnings + section!.stats.warnings);
    // Criteria not met are infos in lint: only the cross-checks warn, and thresholds fail.
    expect(
      section!.findings
        .filter((f) => f.severity === "warning")
        .map((f) => f.code)
        .sort(),
    ).toEqual(["metadata-spatial-mismatch", "metadata-temporal-mismatch"]);
    expect(section!.findings.find((f) => f.code === "metadata-mqa-keyword")?.severity).toBe("info");
    expect(report.valid).toBe(true);
  });

  it("scores a descriptor named with `descriptors`, against every data file of the run", async () => {
    const report = await lint(["donnees/subventions.csv"], { cwd: root, schema: "donnees/schema.json", metadata: { now: NOW, descriptors: ["meta/conforme.dataset.yml"] } });
    expect(report.runErrors).toEqual([]);
    validateReport(report);
    expect(report.metadata?.map((m) => [m.descriptor, m.format, m.dataFiles])).toEqual([["meta/conforme.dataset.yml", "conforme", ["donnees/subventions.csv"]]]);
    const spatial = report.metadata![0]!.findings.find((f) => f.code === "metadata-spatial-mismatch");
    expect(spatial?.data).toEqual({ codes: ["75056"], count: 1 });
    expect(spatial?.line).toBe(4);
    // Dates 2023-12-15 to 2024-06-01 lie within 2023-01-01 – 2024-12-31.
    expect(codes(report)).not.toContain("metadata-temporal-mismatch");
  });

  it.each([
    [{ minScore: 400 }, ["metadata-min-score"]],
    [{ minRating: "excellent" as const }, ["metadata-min-rating"]],
    [{ minScore: 10, minRating: "bad" as const }, []],
  ])("threshold %o gives errors %o", async (threshold, expected) => {
    const report = await lint(["paquet"], { cwd: root, metadata: { now: NOW, ...threshold } });
    validateReport(report);
    const errors = (report.metadata ?? []).flatMap((m) => m.findings.filter((f) => f.severity === "error").map((f) => f.code));
    expect(errors).toEqual(expected);
    expect(report.stats.errors).toBe(expected.length);
    expect(report.valid).toBe(expected.length === 0);
    expect(report.metadata![0]!.valid).toBe(expected.length === 0);
  });

  it.each([
    ["a cross-check switched off", { codes: { "metadata-spatial-mismatch": "off" as const } }, ["metadata-temporal-mismatch"], true],
    ["a criterion raised", { codes: { "metadata-mqa-keyword": "error" as const } }, ["metadata-mqa-keyword", "metadata-spatial-mismatch", "metadata-temporal-mismatch"], false],
    ["the category switched off", { categories: { metadata: "off" as const } }, [], true],
  ])("severity applies to metadata findings as to the data's: %s", async (_name, severity, graded, valid) => {
    const report = await lint(["paquet"], { cwd: root, severity, metadata: { now: NOW, minScore: 10 } });
    validateReport(report);
    const section = report.metadata![0]!;
    expect(
      section.findings
        .filter((f) => f.severity !== "info")
        .map((f) => f.code)
        .sort(),
    ).toEqual(graded);
    if ("categories" in severity) expect(section.findings).toEqual([]);
    expect(report.valid).toBe(valid);
  });

  it.each([
    ["auto off", { auto: false }],
    ["metadata off", false],
  ] as const)("scores nothing with %s", async (_name, metadata) => {
    const report = await lint(["paquet"], { cwd: root, metadata });
    expect(report.metadata).toBeUndefined();
  });

  it.each([
    [{ descriptors: ["meta/absent.yml"] }, "file-not-found"],
    [{ minRating: "great" as never }, "option-error"],
    [{ now: "demain" }, "option-error"],
  ])("reports bad metadata options as run errors: %o", async (metadata, code) => {
    const report = await lint(["paquet"], { cwd: root, metadata });
    expect(report.runErrors.map((e) => e.code)).toEqual([code]);
    expect(report.valid).toBe(false);
  });

  it("draws the scores in the HTML report", async () => {
    const report = await lint(["paquet"], { cwd: root, metadata: { now: NOW } });
    const html = formatHtml(report);
    expect(html).toContain('id="metadata"');
    expect([...html.matchAll(/<div class="score" data-score="([^"]+)"/g)].map((m) => m[1])).toEqual(["datagouv", "mqa"]);
    expect(html).toContain('data-criterion="datagouv-temporal-coverage"');
  });
});
