import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Finding, Report } from "./index.js";
import { lintSources } from "./lint-sources.js";
import { lint } from "./node.js";
import { typedOds, typedWorkbook } from "./reading/spreadsheet/testing.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const bytesOf = (relative: string) => new Uint8Array(readFileSync(path.join(repoRoot, relative)));
const jsonOf = (relative: string): unknown => JSON.parse(readFileSync(path.join(repoRoot, relative), "utf8"));

/** What a user compares between two runs: code, messageId, place, severity. */
const shape = (findings: Finding[]) => findings.map((f) => [f.code, f.messageId, f.severity, f.rowNumber, f.fieldName]);
const findingsOf = (report: Report) => report.files.flatMap((file) => file.findings);

describe("lintSources: files in memory, as the web page gives them", () => {
  it.each([
    ["examples/subventions/subventions-2024.csv", "examples/subventions/schema.json"],
    ["examples/equipements/equipements.csv", "examples/equipements/schema.json"],
    ["test/fixtures/real-shaped/scdl-subventions-excel-1252.csv", "examples/subventions/schema.json"],
    ["test/fixtures/real-shaped/opendatasoft-equipements.csv", undefined],
  ])("%s gives the findings `lint` gives for the file on disk", async (data, schema) => {
    const name = path.basename(data);
    const { report, previews } = await lintSources([{ name, bytes: bytesOf(data) }], schema ? { schema: { json: jsonOf(schema), source: path.basename(schema) } } : {});
    const onDisk = await lint([path.join(repoRoot, data)], { cwd: repoRoot, metadata: false, ...(schema && { schema: path.join(repoRoot, schema) }) });
    expect(report.runErrors).toEqual([]);
    expect(shape(findingsOf(report))).toEqual(shape(findingsOf(onDisk)));
    expect(report.valid).toBe(onDisk.valid);
    expect(report.files[0]!.encoding).toBe(onDisk.files[0]!.encoding);
    expect(report.files[0]!.stats.sha256).toBe(onDisk.files[0]!.stats.sha256);
    expect(report.files[0]!.stats.bytes).toBe(onDisk.files[0]!.stats.bytes);
    expect(previews[name]?.labels).toEqual(onDisk.files[0]!.labels);
  });

  it("names the catalogue id and version of the schema in the report", async () => {
    const { report } = await lintSources([{ name: "s.csv", bytes: bytesOf("examples/subventions/subventions-2024.csv") }], {
      schema: { json: jsonOf("examples/subventions/schema.json"), source: "https://exemple.fr/schema.json", id: "exemples/subventions", version: "1.0.0" },
    });
    expect(report.files[0]!.schema).toEqual({ id: "exemples/subventions", version: "1.0.0", source: "https://exemple.fr/schema.json" });
    // The audit trail the report carries, as lint's: the options the page ran with.
    expect(report.options).toEqual({ schema: "https://exemple.fr/schema.json", lang: "fr", maxErrors: 1000, personalData: true, previewRows: 20 });
  });

  it("a spreadsheet's bytes get core's finding for the format, never a crash", async () => {
    // The zip signature every .xlsx and .ods starts with (APPNOTE.TXT §4.3.7), then noise.
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, ...new Array(200).fill(0x41)]);
    const { report } = await lintSources([{ name: "budget.xlsx", bytes }], { schema: { json: jsonOf("examples/subventions/schema.json"), source: "schema.json" } });
    expect(report.runErrors).toEqual([]);
    expect(report.files).toHaveLength(1);
    expect(report.files[0]!.file).toBe("budget.xlsx");
    expect(report.valid).toBe(false);
    expect(report.files[0]!.findings.length).toBeGreaterThan(0);
  });

  it("reads a workbook's sheet as `lint` reads the file on disk, cell references included", async () => {
    const rows = [
      ["code_insee", "population"],
      ["49007", "155000"],
      ["2A004", "-3"],
    ];
    const schema = {
      fields: [
        { name: "code_insee", constraints: { pattern: "^(\\d{5}|2[AB]\\d{3})$" } },
        { name: "population", type: "integer", constraints: { minimum: 0 } },
      ],
    };
    const dir = mkdtempSync(path.join(tmpdir(), "conforme-sources-"));
    for (const [name, bytes] of [
      ["communes.xlsx", typedWorkbook(rows)],
      ["communes.ods", typedOds(rows)],
    ] as const) {
      writeFileSync(path.join(dir, name), bytes);
      writeFileSync(path.join(dir, "schema.json"), JSON.stringify(schema));
      const { report } = await lintSources([{ name, bytes }], { schema: { json: schema, source: "schema.json" } });
      const onDisk = await lint([path.join(dir, name)], { cwd: dir, metadata: false, schema: path.join(dir, "schema.json") });
      expect(shape(findingsOf(report))).toEqual(shape(findingsOf(onDisk)));
      expect(findingsOf(report).map((finding) => [finding.code, finding.cellRef])).toEqual([["constraint-error", "B3"]]);
      expect(report.files[0]!.sheet?.index).toBe(1);
    }
  });

  it("a schema that cannot drive validation is a run error and no file is read", async () => {
    const { report } = await lintSources([{ name: "s.csv", bytes: bytesOf("examples/subventions/subventions-2024.csv") }], {
      schema: { json: { fields: "not a list" }, source: "mauvais.json" },
    });
    expect(report.files).toEqual([]);
    expect(report.runErrors.map((error) => [error.code, error.file])).toEqual([["schema-error", "mauvais.json"]]);
    expect(report.valid).toBe(false);
  });

  it("finds personal data, and skips it when asked", async () => {
    const bytes = bytesOf("examples/arretes/arretes-2024.csv");
    const withIt = await lintSources([{ name: "a.csv", bytes }]);
    expect(findingsOf(withIt.report).some((f) => f.category === "personal-data")).toBe(true);
    const without = await lintSources([{ name: "a.csv", bytes }], { personalData: false });
    expect(findingsOf(without.report).some((f) => f.category === "personal-data")).toBe(false);
  });

  it("scores a descriptor given beside the data, cross-checked with it", async () => {
    const { report } = await lintSources([{ name: "budget.csv", bytes: bytesOf("examples/metadata/moyen/budget.csv") }], {
      schema: { json: jsonOf("examples/metadata/moyen/schema.json"), source: "schema.json" },
      descriptor: { name: "datapackage.json", text: readFileSync(path.join(repoRoot, "examples/metadata/moyen/datapackage.json"), "utf8") },
      now: new Date("2025-06-01T00:00:00Z"),
    });
    expect(report.metadata).toHaveLength(1);
    const section = report.metadata![0]!;
    expect(section.descriptor).toBe("datapackage.json");
    expect(section.dataFiles).toEqual(["budget.csv"]);
    expect(section.scores.map((score) => score.id)).toEqual(["datagouv", "mqa"]);
    expect(section.scores.every((score) => score.max > 0)).toBe(true);
  });

  it("an unreadable descriptor is a run error, the data still validated", async () => {
    const { report } = await lintSources([{ name: "a.csv", bytes: bytesOf("examples/subventions/subventions-2024.csv") }], {
      descriptor: { name: "datapackage.json", text: "{ pas du json" },
    });
    expect(report.files).toHaveLength(1);
    expect(report.runErrors.map((error) => error.file)).toEqual(["datapackage.json"]);
    expect(report.valid).toBe(false);
  });
});
