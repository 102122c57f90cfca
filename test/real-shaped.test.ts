import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { formatGithub, formatStylish, type Finding, type Report } from "../packages/core/src/internal.js";
import { lint } from "../packages/core/src/node.js";
import { describeShared, repoRoot, sharedDir } from "./shared.js";

// Municipal files as portals and spreadsheets write them (test/fixtures/real-shaped), linted with
// default settings: the verdict a data officer gets without learning a flag. Each block names the
// point of the "real municipal files, right by default" work it holds.

const corpus = path.join(repoRoot, "test/fixtures/real-shaped");
const national = (relative: string) => path.join(sharedDir, "schemas", relative);
const scratch = mkdtempSync(path.join(tmpdir(), "conforme-real-shaped-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function lintFile(file: string, options: Parameters<typeof lint>[1] = {}): Promise<Report> {
  const report = await lint([file], { cwd: repoRoot, metadata: false, ...options });
  expect(report.runErrors).toEqual([]);
  expect(report.files).toHaveLength(1);
  return report;
}

const findingsOf = (report: Report): Finding[] => report.files.flatMap((file) => file.findings);
const hintOf = (finding: Finding) => (finding.data.hint as { id?: string } | undefined)?.id;

describe("real-shaped files, no schema", () => {
  it("an Opendatasoft export's coordinates and GeoJSON are no personal data", async () => {
    const report = await lintFile(path.join(corpus, "opendatasoft-equipements.csv"));
    expect(findingsOf(report).filter((finding) => finding.category === "personal-data")).toEqual([]);
    expect(report.valid).toBe(true);
  });

  it("a first-names statistics table raises no personal-data finding", async () => {
    const report = await lintFile(path.join(corpus, "prenoms-naissances.csv"));
    expect(findingsOf(report).filter((finding) => finding.category === "personal-data")).toEqual([]);
  });

  it("a UTF-8 BOM before a Windows-1252 body is read as Windows-1252", async () => {
    const body = readFileSync(path.join(corpus, "scdl-subventions-excel-1252.csv"));
    const file = path.join(scratch, "bom-1252.csv");
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]));
    const report = await lintFile(file);
    expect(report.files[0]!.encoding).toBe("windows-1252");
    expect(findingsOf(report).filter((finding) => finding.code === "encoding-error")).toEqual([]);
    expect(report.files[0]!.labels[0]).toBe("NomAttribuant");
  });
});

describeShared("real-shaped files against their national schema", () => {
  const subventions = national("scdl/subventions/schema.json");

  it.each(["scdl-subventions-excel-1252.csv", "scdl-subventions-excel-utf8-bom.csv"])(
    "%s: columns recased and reordered meet their fields by name, and each damaged cell gets one finding with its diagnosis",
    async (name) => {
      const report = await lintFile(path.join(corpus, name), { schema: subventions });
      const file = report.files[0]!;
      expect(file.headerMode).not.toBe("position");
      const findings = findingsOf(report);
      // Read by position, every column after the first renamed one failed on every row.
      expect(findings.filter((finding) => finding.severity === "error").length).toBeLessThan(30);
      const hints = new Set(findings.map(hintOf).filter(Boolean));
      for (const id of ["excelScientific", "frenchDate", "decimalComma"]) expect(hints, id).toContain(id);
      const cells = findings.filter((finding) => finding.rowNumber !== undefined && finding.rowNumber > 1 && finding.fieldNumber !== undefined);
      const places = cells.map((finding) => `${finding.rowNumber}:${finding.fieldNumber}`);
      expect(new Set(places).size).toBe(places.length);
      // Folded by column in what a person reads: fewer lines than findings.
      const stylish = formatStylish(report)
        .split("\n")
        .filter((line) => line.startsWith("  "));
      expect(stylish.length).toBeLessThan(findings.length);
      expect(
        formatStylish(report, { aggregate: false })
          .split("\n")
          .filter((line) => line.startsWith("  ")).length,
      ).toBeGreaterThan(stylish.length);
    },
  );

  it("a read stopped by --max-errors says so with the rows read", async () => {
    const report = await lintFile(path.join(corpus, "scdl-subventions-excel-1252.csv"), { schema: subventions, maxErrors: 2 });
    expect(report.files[0]!.partial).toBe(true);
    expect(formatStylish(report)).toMatch(/--max-errors 0/);
  });

  it("a quoted cell over several lines: findings give the record and the physical line, and GitHub the line", async () => {
    const report = await lintFile(path.join(corpus, "deliberations-multiligne.csv"), { schema: national("scdl/deliberations/schema.json") });
    const after = findingsOf(report).filter((finding) => finding.rowNumber !== undefined && finding.rowNumber > 3);
    expect(after.length).toBeGreaterThan(0);
    for (const finding of after) expect(finding.line).toBeGreaterThan(finding.rowNumber!);
    const github = formatGithub(report, { aggregate: false, limits: false });
    for (const finding of after) expect(github).toContain(`line=${finding.line}`);
  });

  it("a prénoms file against its own schema raises no personal-data finding", async () => {
    const report = await lintFile(path.join(corpus, "prenoms-naissances.csv"), { schema: national("scdl/prenoms/schema.json") });
    expect(findingsOf(report).filter((finding) => finding.category === "personal-data")).toEqual([]);
    // Its first names are upper case where the schema wants them capitalised: a true finding,
    // told once for the column, without the schema's whole Markdown description.
    const stylish = formatStylish(report);
    expect(stylish).not.toMatch(/\]\(https?:/);
    expect(stylish.split("\n").filter((line) => line.includes("constraint-error"))).toHaveLength(1);
  });

  it("an IRVE extract against the IRVE schema raises no personal-data error", async () => {
    const report = await lintFile(path.join(corpus, "irve-statique-extrait.csv"), { schema: national("etalab/schema-irve/statique/schema-statique.json") });
    expect(findingsOf(report).filter((finding) => finding.category === "personal-data" && finding.severity === "error")).toEqual([]);
  });
});
