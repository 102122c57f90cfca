import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createValidator, fixTable, loadTableSchema, type FileReport, type FixResult, type TableSchema } from "../packages/core/src/index.js";
import { describeShared, repoRoot, sharedDir } from "./shared.js";

/**
 * `fixTable` against `lint`: on files shaped like real exports, the codes found before the fix
 * at the cells and labels it changed are gone after it, and a second fix changes nothing.
 */

async function* once(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  yield bytes;
}

/** Windows-1252 bytes of a text in Latin-1 characters, with CRLF: what French Excel saves as "CSV (séparateur : point-virgule)". */
const excel = (lines: string[]) => Uint8Array.from([...lines.map((line) => `${line}\r\n`).join("")].map((c) => c.charCodeAt(0)));

function schemaAt(file: string): TableSchema {
  return loadTableSchema(JSON.parse(readFileSync(file, "utf8")), file).schema;
}

async function lintBytes(bytes: Uint8Array, schema: TableSchema): Promise<FileReport> {
  return createValidator(schema, { maxErrors: 0 }).validate(once(bytes), { name: "t.csv" });
}

/** Codes of the findings of `report`, errors and warnings alike. */
const codesOf = (report: FileReport) => new Set(report.findings.map((finding) => finding.code));

/**
 * Fixes `bytes`, lints before and after, and checks that every code in `fixed` was found before
 * and none is left after; returns the fix for further checks.
 */
async function fixedOf(bytes: Uint8Array, schema: TableSchema, fixed: string[]): Promise<{ fix: FixResult; before: FileReport; after: FileReport }> {
  const before = await lintBytes(bytes, schema);
  for (const code of fixed) expect(codesOf(before), `${code} before the fix`).toContain(code);
  const fix = await fixTable(once(bytes), schema, { name: "t.csv" });
  expect(fix.problems).toEqual([]);
  const output = new TextEncoder().encode(fix.text!);
  const after = await lintBytes(output, schema);
  const left = after.findings.filter((finding) => fixed.includes(finding.code)).map((finding) => `${finding.code}@${finding.rowNumber}:${finding.fieldName}`);
  expect(left).toEqual([]);
  expect(after.encoding).toBe("utf-8");
  expect(after.stats.rows).toBe(before.stats.rows);
  const again = await fixTable(once(output), schema, { name: "t.csv" });
  expect(again.changes).toEqual([]);
  expect(again.text).toBe(fix.text);
  return { fix, before, after };
}

const kindsOf = (fix: FixResult) => new Set(fix.changes.map((change) => change.kind));

describe("fix, then lint: the examples", () => {
  it("subventions-2024.csv loses its French date and decimal comma errors", async () => {
    const bytes = readFileSync(path.join(repoRoot, "examples/subventions/subventions-2024.csv"));
    const schema = schemaAt(path.join(repoRoot, "examples/subventions/schema.json"));
    const { fix, before, after } = await fixedOf(bytes, schema, ["type-error"]);
    expect(kindsOf(fix)).toEqual(new Set(["frenchDate", "decimalComma", "leadingZeros"]));
    // What no fix can know stays: a missing amount, an unknown nature, a duplicate id.
    expect(after.findings.length).toBeLessThan(before.findings.length);
    expect(codesOf(after)).toContain("unique-error");
  });

  it("equipements.csv, an Excel export already valid, only changes its encoding and delimiter", async () => {
    const bytes = readFileSync(path.join(repoRoot, "examples/equipements/equipements.csv"));
    const schema = schemaAt(path.join(repoRoot, "examples/equipements/schema.json"));
    const fix = await fixTable(once(bytes), schema, { name: "equipements.csv" });
    expect([...kindsOf(fix)].filter((kind) => !["lineEnding", "bom"].includes(kind))).toEqual(["encoding", "delimiter"]);
    const after = await lintBytes(new TextEncoder().encode(fix.text!), schema);
    expect(after.valid).toBe(true);
    expect(after.dialect?.delimiter).toBe(",");
    expect(fix.text).toContain("é");
  });
});

describe("fix, then lint: an Opendatasoft export", () => {
  it("keeps geo_point_2d whole once the delimiter is a comma, and converts its French dates", async () => {
    const schema: TableSchema = {
      fields: [
        { name: "nom", type: "string", constraints: { required: true } },
        { name: "date_ouverture", type: "date" },
        { name: "surface", type: "number" },
        { name: "geo_point_2d", type: "geopoint" },
      ],
    };
    // Opendatasoft's CSV export: UTF-8 with a BOM, ';', the point as "lat, lon" unquoted.
    const text = "\ufeffNom;Date ouverture;Surface;geo_point_2d\nMédiathèque;01/09/2019;1 250,5;47.2184, -1.5536\nGymnase;2020-03-02;800;47.2, -1.55\n";
    const { fix } = await fixedOf(new TextEncoder().encode(text), schema, ["type-error", "incorrect-label"]);
    expect(fix.text).toBe('nom,date_ouverture,surface,geo_point_2d\nMédiathèque,2019-09-01,1250.5,"47.2184, -1.5536"\nGymnase,2020-03-02,800,"47.2, -1.55"\n');
    expect(kindsOf(fix)).toEqual(new Set(["bom", "delimiter", "header", "frenchDate", "decimalComma"]));
  });
});

describeShared("fix, then lint: national schemas", () => {
  it("scdl/prenoms: an Excel export with loose labels, lost INSEE zeros, lower-case sexes and 12.0 counts", async () => {
    const schema = schemaAt(path.join(sharedDir, "schemas/scdl/prenoms/schema.json"));
    const bytes = excel([
      "Commune nom;Coll INSEE;Enfant sexe;Enfant prénom;Nombre occurrences;Année",
      "Bourg-en-Bresse;1053;m;Léo;12.0;2024",
      "Ajaccio;2A004;F;Chloé;7;2024",
      "Belley;1034;f;Inès;5;2024",
    ]);
    const { fix } = await fixedOf(bytes, schema, ["incorrect-label", "constraint-error", "type-error"]);
    expect(kindsOf(fix)).toEqual(new Set(["encoding", "delimiter", "lineEnding", "header", "leadingZeros", "enumCase", "integerDecimals"]));
    expect(fix.changes.find((change) => change.kind === "leadingZeros")).toMatchObject({ rowNumber: 2, fieldNumber: 2, fieldName: "COLL_INSEE", before: "1053", after: "01053" });
  });

  it("scdl/subventions: columns shuffled, French dates, decimal commas, Oui/Non, a SIRET without its zero", async () => {
    const schema = schemaAt(path.join(sharedDir, "schemas/scdl/subventions/schema.json"));
    const bytes = excel([
      "Montant;Nom attribuant;ID attribuant;Date convention;Nom bénéficiaire;Objet;Nature;Conditions versement;Dates période versement;Notification UE;Pourcentage subvention;dispositif aide;Id RAE;RNA bénéficiaire;Id bénéficiaire;Référence décision",
      "1 500,50;Commune d'Évry;21910000500012;31/12/2024;Association Sportive;Tournoi;Aide en numéraire;Unique;15/01/2025;Non;0,5;;;;;D-2024-12",
      "800;Commune d'Évry;1234567400019;05/03/2024;Comité des fêtes;Fête;aide en nature;Échelonné;2024-04-01;OUI;1;Sport;;W123456789;;",
    ]);
    const { fix } = await fixedOf(bytes, schema, ["type-error", "constraint-error", "incorrect-label", "disordered-header-warn"]);
    expect(kindsOf(fix)).toEqual(
      new Set(["encoding", "delimiter", "lineEnding", "header", "columnOrder", "leadingZeros", "frenchDate", "decimalComma", "booleanValues", "enumCase"]),
    );
    expect(fix.text!.split("\n")[0]).toBe(schema.fields.map((field) => field.name).join(","));
  });
});

interface Fixture {
  id: string;
  kind: string;
  schema: string;
  examples: { path: string }[];
}

describeShared("fix on the national schemas' own example files", () => {
  const fixtures = (JSON.parse(readFileSync(path.join(sharedDir, "schemas/fixtures.json"), "utf8")) as { fixtures: Fixture[] }).fixtures;
  const examples = fixtures
    .filter((fixture) => fixture.kind === "tableschema")
    .flatMap((fixture) => fixture.examples.map((example) => ({ ...example, id: fixture.id, schema: fixture.schema })));

  it("has examples", () => {
    expect(examples.length).toBeGreaterThanOrEqual(8);
  });

  it.each(examples)("$path", async ({ path: file, schema: schemaFile }) => {
    const schema = schemaAt(path.join(sharedDir, "schemas", schemaFile));
    const bytes = readFileSync(path.join(sharedDir, "schemas", file));
    const before = await lintBytes(bytes, schema);
    const fix = await fixTable(once(bytes), schema, { name: file });
    expect(fix.problems).toEqual([]);
    const output = new TextEncoder().encode(fix.text!);
    const after = await lintBytes(output, schema);
    // No cell the fix changed is still refused by its field, and no error is added.
    const changed = new Set(fix.changes.filter((change) => (change.rowNumber ?? 0) > 1).map((change) => `${change.rowNumber}:${change.fieldName}`));
    const stillRefused = after.findings.filter((finding) => ["type-error", "constraint-error"].includes(finding.code) && changed.has(`${finding.rowNumber}:${finding.fieldName}`));
    expect(stillRefused).toEqual([]);
    expect(after.stats.errors).toBeLessThanOrEqual(before.stats.errors);
    if (before.valid) expect(after.valid).toBe(true);
    const again = await fixTable(once(output), schema, { name: file });
    expect(again.changes).toEqual([]);
    expect(again.text).toBe(fix.text);
  });
});
