// Issue 15, "XLSX and ODS input": lint, scan and report read workbooks as they read CSV.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatGithub, formatHtml, formatJunit, formatMarkdown, formatSarif, formatStylish, readTable, reportJsonSchema } from "../packages/core/src/internal.js";
import { lint } from "../packages/core/src/node.js";
import { excelWorkbook, libreOfficeWorkbook, typedOds, typedWorkbook } from "../packages/core/src/reading/spreadsheet/testing.js";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describeShared, repoRoot, sharedDir } from "./shared.js";

const bin = path.join(repoRoot, "packages/cli/dist/bin.js");

// The report schema as the source declares it (schemas/report.schema.json is its generated copy).
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(ajv);
const validReport = ajv.compile(reportJsonSchema);

const SCHEMA = {
  fields: [
    { name: "code_postal", type: "string", constraints: { required: true, pattern: "^\\d{5}$" } },
    { name: "siret", type: "string", constraints: { pattern: "^\\d{14}$" } },
    { name: "date_ouverture", type: "date" },
    { name: "montant", type: "number" },
    { name: "accessible", type: "boolean" },
  ],
};

// An Excel sheet typed by hand: the postcode column read as numbers (01000 lost its zero), a
// 16-digit number in the SIRET column (Excel kept 15 digits), a date as a French date string.
const communes = excelWorkbook({
  sheets: [
    { name: "Notice", rows: '<row r="1"><c r="A1" t="inlineStr"><is><t>Données des équipements, voir la feuille 2</t></is></c></row>' },
    {
      name: "Équipements",
      rows: [
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row>',
        '<row r="2"><c r="A2" t="s"><v>5</v></c><c r="B2"><v>21060004500392</v></c><c r="C2" s="1"><v>45366</v></c><c r="D2" s="2"><v>1250.5</v></c><c r="E2" t="b"><v>1</v></c></row>',
        '<row r="3"><c r="A3"><v>1000</v></c><c r="B3"><v>2106000450039200</v></c><c r="C3" t="s"><v>6</v></c><c r="D3"><v>12</v></c><c r="E3" t="b"><v>0</v></c></row>',
        '<row r="5"><c r="A5" t="s"><v>7</v></c><c r="D5"><v>3</v></c></row>',
      ].join(""),
    },
  ],
  sharedStrings: [
    "<si><t>code_postal</t></si>",
    "<si><t>siret</t></si>",
    "<si><t>date_ouverture</t></si>",
    "<si><t>montant</t></si>",
    "<si><t>accessible</t></si>",
    "<si><t>75056</t></si>",
    "<si><t>15/03/2024</t></si>",
    "<si><t>06000</t></si>",
  ],
  numFmts: ['<numFmt numFmtId="164" formatCode="#,##0.00\\ &quot;€&quot;"/>'],
  cellXfs: [
    '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
  ],
});

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "conforme-sheets-"));
  writeFileSync(path.join(dir, "schema.json"), JSON.stringify(SCHEMA));
  writeFileSync(path.join(dir, "equipements.xlsx"), communes);
  mkdirSync(path.join(dir, "dossier"));
  writeFileSync(path.join(dir, "dossier", "a.csv"), "code_postal\n75056\n");
  writeFileSync(path.join(dir, "dossier", "b.xlsx"), typedWorkbook([["code_postal"], ["75056"]]));
  writeFileSync(path.join(dir, "dossier", "c.ods"), typedOds([["code_postal"], ["75056"]]));
  // Excel's owner file beside a workbook it has open: no workbook, never read.
  writeFileSync(path.join(dir, "dossier", "~$b.xlsx"), Buffer.from("\u0006Agent  ".padEnd(165, "\u0000")));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const located = (report: Awaited<ReturnType<typeof lint>>) =>
  report.files[0]!.findings.map(
    (finding) =>
      `${finding.code}/${finding.messageId}@${finding.rowNumber ?? "-"}:${finding.cellRef ?? "-"}${finding.data.hint ? `:${(finding.data.hint as { id: string }).id}` : ""}`,
  );

describe("lint on a workbook", () => {
  it("reads the sheet asked for, locates findings by cell, and names Excel's damage", async () => {
    const report = await lint(["equipements.xlsx"], { cwd: dir, schema: "schema.json", sheet: "Équipements", personalData: false });
    expect(report.runErrors).toEqual([]);
    const file = report.files[0]!;
    expect(file.sheet).toEqual({ format: "xlsx", name: "Équipements", index: 2 });
    expect(file.encoding).toBeUndefined();
    expect(file.stats.rows).toBe(4);
    expect(located(report)).toEqual([
      "constraint-error/pattern@3:A3:leadingZeros",
      "constraint-error/pattern@3:B3:excelScientific",
      "type-error/default@3:C3:frenchDate",
      "blank-row/default@4:-",
    ]);
    expect(file.findings[0]!.data.hint).toMatchObject({ suggestion: "01000" });
    expect(validReport(JSON.parse(JSON.stringify(report))), JSON.stringify(validReport.errors)).toBe(true);
  });

  it("the first sheet by default, and a sheet not there lists those that are", async () => {
    const first = await lint(["equipements.xlsx"], { cwd: dir, personalData: false });
    expect(first.files[0]!.sheet?.name).toBe("Notice");
    const missing = await lint(["equipements.xlsx"], { cwd: dir, schema: "schema.json", sheet: "Budget", personalData: false });
    expect(located(missing)).toEqual(["source-error/sheetNotFound@-:-"]);
    expect(missing.valid).toBe(false);
  });

  it("folders include workbooks, and not Excel's lock files", async () => {
    const report = await lint(["dossier"], { cwd: dir, schema: "schema.json", personalData: false });
    expect(report.files.map((file) => file.file)).toEqual(["dossier/a.csv", "dossier/b.xlsx", "dossier/c.ods"]);
    expect(report.valid).toBe(true);
    expect(report.files.map((file) => file.sheet?.format ?? file.encoding)).toEqual(["utf-8", "xlsx", "ods"]);
  });

  it("every human format names the cell", async () => {
    const report = await lint(["equipements.xlsx"], { cwd: dir, schema: "schema.json", sheet: 2, personalData: false });
    expect(formatStylish(report)).toContain("cellule A3");
    expect(formatMarkdown(report)).toContain("cellule B3");
    expect(formatGithub(report)).toContain("(cellule C3)");
    expect(formatHtml(report)).toContain("(cellule A3)");
    expect(formatHtml(report)).toContain("« Équipements » (feuille 2 du classeur XLSX)");
    expect(formatJunit(report)).toContain("cell B3");
    const sarif = JSON.parse(formatSarif(report)) as { runs: Array<{ results: Array<{ message: { text: string }; properties: { cellRef?: string } }> }> };
    const results = sarif.runs[0]!.results;
    expect(results.map((result) => result.properties.cellRef).filter(Boolean)).toEqual(["A3", "B3", "C3"]);
    expect(results[0]!.message.text).toContain("(cellule A3)");
    const english = await lint(["equipements.xlsx"], { cwd: dir, schema: "schema.json", sheet: 2, personalData: false, lang: "en" });
    expect(formatStylish(english)).toContain("cell A3");
  });
});

describe("the CLI", () => {
  const run = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });

  it("--sheet by number and by name, the same report", () => {
    const byNumber = run(["lint", "equipements.xlsx", "--schema", "schema.json", "--sheet", "2", "--format", "json", "--no-personal-data"]);
    const byName = run(["lint", "equipements.xlsx", "--schema", "schema.json", "--sheet", "Équipements", "--format", "json", "--no-personal-data"]);
    expect(byNumber.status).toBe(1);
    expect(byName.status).toBe(1);
    const codes = (stdout: string) =>
      (JSON.parse(stdout) as { files: Array<{ findings: Array<{ code: string; cellRef?: string }> }> }).files[0]!.findings.map((f) => `${f.code}@${f.cellRef ?? "-"}`);
    expect(codes(byNumber.stdout)).toEqual(codes(byName.stdout));
    expect(codes(byNumber.stdout)).toContain("type-error@C3");
    expect(JSON.parse(byNumber.stdout).options.sheet).toBe("2");
  });

  it("stylish output shows the cell references", () => {
    const result = run(["lint", "equipements.xlsx", "--schema", "schema.json", "--sheet", "2", "--no-personal-data"]);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/cellule A3 +erreur/);
  });

  it("scan reads a workbook for personal data", () => {
    writeFileSync(path.join(dir, "agents.ods"), typedOds([["nom", "prenom", "telephone"], ...Array.from({ length: 12 }, (_, k) => ["Martin", "Jeanne", `06 12 34 56 ${10 + k}`])]));
    const result = run(["scan", "agents.ods", "--format", "json"]);
    const report = JSON.parse(result.stdout) as { files: Array<{ sheet: unknown; findings: Array<{ code: string; cellRef?: string }> }> };
    expect(report.files[0]!.sheet).toEqual({ format: "ods", name: "Feuille1", index: 1 });
    expect(new Set(report.files[0]!.findings.map((finding) => finding.code))).toEqual(new Set(["personal-data-person-name", "personal-data-phone"]));
  });

  it("fix writes a workbook's sheet as a fixed CSV copy, then lint finds only what is left", () => {
    const fixed = run(["fix", "equipements.xlsx", "--schema", "schema.json", "--sheet", "Équipements", "-o", "equipements-corrigees.csv", "--format", "json"]);
    expect(fixed.stderr).toBe("");
    const outcome = JSON.parse(fixed.stdout).files[0] as { sheet: unknown; summary: Array<{ kind: string }>; output: string };
    expect(outcome.sheet).toEqual({ format: "xlsx", name: "Équipements", index: 2 });
    expect(outcome.output).toBe("equipements-corrigees.csv");
    expect(outcome.summary.map(({ kind }) => kind)).toEqual(expect.arrayContaining(["workbook", "leadingZeros", "frenchDate"]));
    // The lost zero of 01000 and the French date are fixed; the 16-digit SIRET is not certain.
    const rows = readFileSync(path.join(dir, "equipements-corrigees.csv"), "utf8").split("\n");
    expect(rows[2]!.split(",").slice(0, 3)).toEqual(["01000", "2106000450039200", "2024-03-15"]);
    const after = run(["lint", "equipements-corrigees.csv", "--schema", "schema.json", "--format", "json", "--no-personal-data"]);
    const codes = (JSON.parse(after.stdout) as { files: Array<{ findings: Array<{ code: string; fieldName?: string }> }> }).files[0]!.findings.map(
      (f) => `${f.code}:${f.fieldName}`,
    );
    expect(codes).not.toContain("type-error:date_ouverture");
    expect(codes).not.toContain("constraint-error:code_postal");
  });

  it("fix --write refuses a workbook, which a CSV copy would destroy", () => {
    const before = readFileSync(path.join(dir, "equipements.xlsx"));
    const result = run(["fix", "equipements.xlsx", "--schema", "schema.json", "--write"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("-o copie.csv");
    expect(readFileSync(path.join(dir, "equipements.xlsx")).equals(before)).toBe(true);
  });

  it("a zip renamed .csv is still refused as binary", () => {
    writeFileSync(path.join(dir, "classeur.csv"), communes);
    const result = run(["lint", "classeur.csv", "--format", "json"]);
    expect(result.status).toBe(1);
    const finding = JSON.parse(result.stdout).files[0].findings[0];
    expect([finding.code, finding.messageId, finding.data.format]).toEqual(["source-error", "binary", "zip (xlsx, ods…)"]);
  });
});

/** The rows of a CSV as the engine reads them. */
async function csvRows(file: string): Promise<string[][]> {
  const rows: string[][] = [];
  await readTable(
    (async function* () {
      yield readFileSync(file);
    })(),
    {},
    { record: (cells) => void rows.push(cells), problem() {} },
  );
  return rows;
}

describeShared("a national schema on a workbook made from its example", () => {
  const examples = ["scdl/subventions/exemple_valide.csv", "scdl/subventions/exemple_invalide_erreurs_cellules.csv", "etalab/schema-stationnement/exemple-valide.csv"];
  const verdict = (report: Awaited<ReturnType<typeof lint>>) => ({
    valid: report.valid,
    rows: report.files[0]!.stats.rows,
    findings: report.files[0]!.findings.map((finding) => `${finding.code}/${finding.messageId}@${finding.rowNumber ?? "-"}:${finding.fieldNumber ?? "-"}`),
  });

  it.each(examples)("%s: the same verdict as the CSV, as xlsx and as ods", async (example) => {
    const source = path.join(sharedDir, "schemas", example);
    const schema = path.join(path.dirname(source), "schema.json");
    const work = mkdtempSync(path.join(tmpdir(), "conforme-national-"));
    try {
      const rows = await csvRows(source);
      writeFileSync(path.join(work, "exemple.xlsx"), typedWorkbook(rows));
      writeFileSync(path.join(work, "exemple.ods"), typedOds(rows));
      const options = { cwd: work, schema, personalData: false as const, maxErrors: 0 };
      const csv = verdict(await lint([source], options));
      const xlsx = await lint(["exemple.xlsx"], options);
      const ods = await lint(["exemple.ods"], options);
      expect(verdict(xlsx)).toEqual(csv);
      expect(verdict(ods)).toEqual(csv);
      expect(rows.length - 1).toBe(csv.rows);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});

describe("ODS as LibreOffice writes it", () => {
  it("typed cells meet the schema; the million repeated empty rows cost nothing", async () => {
    writeFileSync(
      path.join(dir, "equipements.ods"),
      libreOfficeWorkbook([
        '<table:table table:name="Feuille1"><table:table-row><table:table-cell office:value-type="string"><text:p>code_postal</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>siret</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>date_ouverture</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>montant</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>accessible</text:p></table:table-cell><table:table-cell table:number-columns-repeated="1019"/></table:table-row>' +
          '<table:table-row><table:table-cell office:value-type="float" office:value="1000"><text:p>1000</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>21060004500392</text:p></table:table-cell><table:table-cell office:value-type="date" office:date-value="2024-03-15"><text:p>15/03/24</text:p></table:table-cell><table:table-cell office:value-type="currency" office:currency="EUR" office:value="1250.5"><text:p>1 250,50 €</text:p></table:table-cell><table:table-cell office:value-type="boolean" office:boolean-value="false"><text:p>FAUX</text:p></table:table-cell><table:table-cell table:number-columns-repeated="1019"/></table:table-row>' +
          '<table:table-row table:number-rows-repeated="1048574"><table:table-cell table:number-columns-repeated="1024"/></table:table-row></table:table>',
      ]),
    );
    const report = await lint(["equipements.ods"], { cwd: dir, schema: "schema.json", personalData: false });
    expect(report.files[0]!.stats.rows).toBe(1);
    expect(located(report)).toEqual(["constraint-error/pattern@2:A2:leadingZeros"]);
  });
});
