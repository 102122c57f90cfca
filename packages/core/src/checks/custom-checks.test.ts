import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { describeShared, sharedDir } from "../../../../test/shared.js";
import type { Finding } from "../findings.js";
import { runChecks } from "./check-tester.js";
import { compileCustomChecks } from "./custom-checks.js";

describe("compileCustomChecks", () => {
  const fields = ["a", "b", "c"];

  it("selects checks by id and by alias, with their params", () => {
    const compiled = compileCustomChecks(
      [
        { name: "french-siret-value", params: { column: "a" } },
        { name: "siret", params: { column: "b" } },
        { name: "nomenclature-acte", params: { column: "c" } },
      ],
      fields,
    );
    expect(compiled.problems).toEqual([]);
    expect(compiled.checks.map(({ check, options }) => [check.id, options.column])).toEqual([
      ["french-siret-value", "a"],
      ["french-siret-value", "b"],
      ["nomenclature-actes-value", "c"],
    ]);
  });

  const problems: { name: string; params?: Record<string, unknown>; messageId: string }[] = [
    { name: "french_gps_coordinates", params: { column: "a" }, messageId: "unknownCheck" },
    { name: "french-siret-value", params: {}, messageId: "invalidParams" },
    { name: "compare-columns-value", params: { column: "a", column2: "b", op: "=>" }, messageId: "invalidParams" },
    { name: "sum-columns-value", params: { column: "a", columns: ["b"] }, messageId: "invalidParams" },
    { name: "cohesive-columns-value", params: { column: "a", othercolumns: "b" }, messageId: "invalidParams" },
    { name: "one-of-required", params: { column2: "b" }, messageId: "invalidParams" },
    { name: "french-siren-value", params: { column: "nowhere" }, messageId: "unknownColumn" },
  ];

  it.each(problems)("$name $params -> $messageId, the other checks still run", ({ name, params, messageId }) => {
    const compiled = compileCustomChecks([params ? { name, params } : { name }, { name: "year-interval-value", params: { column: "c", "allow-year-only": "yes" } }], fields);
    expect(compiled.problems.map((problem) => [problem.code, problem.messageId, problem.data.name])).toEqual([["check-error", messageId, name]]);
    expect(compiled.checks.map(({ check }) => check.id)).toEqual(["year-interval-value"]);
  });

  it("compiles nothing for a schema without custom_checks", () => {
    expect(compileCustomChecks(undefined, fields)).toEqual({ checks: [], problems: [] });
  });
});

interface Schema {
  fields: { name: string }[];
  custom_checks?: { name: string; params?: Record<string, unknown> }[];
}

function schemaFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return schemaFiles(full);
    return /schema.*\.json$/.test(entry) && !full.includes(`${path.sep}catalog${path.sep}`) ? [full] : [];
  });
}

/** Runs a schema's custom checks over a CSV the way the engine will, and returns what they report. */
async function validateCustom(schema: Schema, csvPath: string): Promise<Finding[]> {
  const parsed = Papa.parse<string[]>(readFileSync(csvPath, "utf8"), { skipEmptyLines: true });
  const [labels = [], ...rows] = parsed.data;
  const fieldNames = schema.fields.map((field) => field.name);
  const compiled = compileCustomChecks(schema.custom_checks, fieldNames);
  expect(compiled.problems).toEqual([]);
  const findings: Finding[] = [];
  // One run per check: a schema may declare the same check twice, on two columns.
  for (const { check, options } of compiled.checks) {
    await check.prepare?.();
    findings.push(...runChecks([check], { fieldNames, labels, rows }, { options: { [check.id]: options } }));
  }
  return findings;
}

/** What these cases assert: code, messageId and location. */
function located({ code, messageId, rowNumber, fieldName }: Finding): Partial<Finding> {
  return { code, messageId, ...(rowNumber === undefined ? {} : { rowNumber }), ...(fieldName === undefined ? {} : { fieldName }) };
}

describeShared("custom checks on the national schemas", () => {
  const schemas = schemaFiles(path.join(sharedDir, "schemas"));

  it("finds the fixtures", () => {
    expect(schemas.length).toBeGreaterThanOrEqual(16);
  });

  it.each(schemas.map((file) => path.relative(sharedDir, file)))("%s: every custom check compiles", (relative) => {
    const schema = JSON.parse(readFileSync(path.join(sharedDir, relative), "utf8")) as Schema;
    if (!schema.fields) return;
    const compiled = compileCustomChecks(
      schema.custom_checks,
      schema.fields.map((field) => field.name),
    );
    expect(compiled.problems).toEqual([]);
    expect(compiled.checks).toHaveLength(schema.custom_checks?.length ?? 0);
  });

  const subventions = path.join(sharedDir, "schemas/scdl/subventions");
  const readSchema = (dir: string): Schema => JSON.parse(readFileSync(path.join(dir, "schema.json"), "utf8")) as Schema;

  it("scdl/subventions: the valid example stays clean", async () => {
    expect(await validateCustom(readSchema(subventions), path.join(subventions, "exemple_valide.csv"))).toEqual([]);
  });

  it.each(["exemple_invalide_erreurs_cellules.csv", "exemple_invalide_erreurs_colonnes.csv"])("scdl/subventions %s: SIRET keys and one-of-required on row 9", async (file) => {
    const drafts = (await validateCustom(readSchema(subventions), path.join(subventions, file))).map(located);
    // Row 9 (the 8th data row) has neither idBeneficiaire nor rnaBeneficiaire.
    expect(drafts.filter((draft) => draft.code === "one-of-required")).toEqual([{ code: "one-of-required", messageId: "bothEmpty", rowNumber: 9 }]);
    const siret = drafts.filter((draft) => draft.code === "french-siret-value");
    // 21860194600000 (the attributing city, on every row but one) has a wrong Luhn key.
    expect(siret.filter((draft) => draft.fieldName === "idAttribuant" && draft.messageId === "checksum").length).toBeGreaterThan(10);
    expect(siret).toContainEqual({ code: "french-siret-value", messageId: "length", rowNumber: 7, fieldName: "idAttribuant" });
    expect(siret).toContainEqual({ code: "french-siret-value", messageId: "length", rowNumber: 6, fieldName: "idBeneficiaire" });
    expect(siret).toContainEqual({ code: "french-siret-value", messageId: "checksum", rowNumber: 8, fieldName: "idBeneficiaire" });
  });

  it("etalab/schema-stationnement: the invalid example's SIRET key is caught, the valid one is clean", async () => {
    const dir = path.join(sharedDir, "schemas/etalab/schema-stationnement");
    expect(await validateCustom(readSchema(dir), path.join(dir, "exemple-valide.csv"))).toEqual([]);
    expect((await validateCustom(readSchema(dir), path.join(dir, "exemple-invalide.csv"))).map(located)).toEqual([
      { code: "french-siret-value", messageId: "checksum", rowNumber: 2, fieldName: "num_siret" },
    ]);
  });

  it("etalab/schema-lieux-covoiturage: the 'valid' example's horaires=true is rejected (the example is wrong)", async () => {
    const dir = path.join(sharedDir, "schemas/etalab/schema-lieux-covoiturage");
    expect((await validateCustom(readSchema(dir), path.join(dir, "exemple-valide.csv"))).map(located)).toEqual([
      { code: "opening-hours-value", messageId: "syntax", rowNumber: 2, fieldName: "horaires" },
    ]);
  });
});
