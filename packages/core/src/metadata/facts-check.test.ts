import { describe, expect, it } from "vitest";
import type { TableSchema } from "../table-schema/descriptor.js";
import { createValidator } from "../validate/validator.js";
import type { RowCheck } from "../check.js";
import { codeColumnKind, createFactsCollector, MAX_CODES, type CollectedFacts } from "./facts-check.js";

async function collect(schema: TableSchema, csv: string): Promise<{ facts: CollectedFacts; findings: number }> {
  const validator = createValidator(schema, { maxErrors: 0 });
  const collector = createFactsCollector(validator);
  async function* source() {
    yield new TextEncoder().encode(csv);
  }
  const report = await validator.validate(source(), { name: "data.csv", checks: [{ check: collector.check as RowCheck<never>, options: {} }] });
  return { facts: collector.facts(), findings: report.findings.filter((f) => f.code === "metadata-facts").length };
}

describe("codeColumnKind", () => {
  it.each([
    ["code_insee", "commune"],
    ["COLL_INSEE", "commune"],
    ["com_insee", "commune"],
    ["codeCommune", "commune"],
    ["code_commune_insee", "commune"],
    ["depcom", "commune"],
    ["code_departement", "department"],
    ["codeDepartement", "department"],
    ["departement", "department"],
    ["dep_code", "department"],
    ["code_insee_departement", "department"],
    ["dep", undefined],
    ["code_postal", undefined],
    ["cp", undefined],
    ["nom_commune", undefined],
    ["commune", undefined],
    ["siren", undefined],
    ["montant", undefined],
  ] as const)("%s → %s", (name, kind) => {
    expect(codeColumnKind(name)).toBe(kind);
  });

  it("reads the INSEE geographic ontology in rdfType", () => {
    expect(codeColumnKind("lieu", { name: "lieu", rdfType: "http://rdf.insee.fr/def/geo#codeCommune" })).toBe("commune");
    expect(codeColumnKind("zone", { name: "zone", rdfType: "http://rdf.insee.fr/def/geo#codeDepartement" })).toBe("department");
  });
});

describe("createFactsCollector", () => {
  it("collects date ranges of cast values, with the schema's formats, and reports nothing", async () => {
    const schema: TableSchema = {
      fields: [
        { name: "date_decision", type: "date", format: "%d/%m/%Y" },
        { name: "horodatage", type: "datetime" },
        { name: "libelle", type: "string" },
      ],
    };
    const csv = "date_decision,horodatage,libelle\n15/03/2024,2024-03-15T10:00:00Z,a\n02/01/2023,2024-01-01T08:30:00Z,b\n,2025-06-30T23:00:00Z,c\n31/13/2024,pas une date,d\n";
    const { facts, findings } = await collect(schema, csv);
    expect(findings).toBe(0);
    expect(facts.dateRanges).toEqual([
      { field: "date_decision", min: "2023-01-02", max: "2024-03-15" },
      { field: "horodatage", min: "2024-01-01T08:30:00.000Z", max: "2025-06-30T23:00:00.000Z" },
    ]);
  });

  it("collects distinct commune and department codes of the columns that hold them, not postal codes", async () => {
    const schema: TableSchema = {
      fields: [
        { name: "code_insee", type: "string" },
        { name: "code_postal", type: "string" },
        { name: "dep", type: "string" },
        { name: "lieu", type: "string" },
      ],
      custom_checks: [{ name: "code-departement", params: { column: "lieu" } }],
    };
    const csv = "code_insee,code_postal,dep,lieu\n35238,35000,35,35\n2a004,20000,20,2A\n35238,35200,1,971\n,75001,xx,Bretagne\n";
    const { facts } = await collect(schema, csv);
    expect(facts.communeCodes).toEqual(["2A004", "35238"]);
    expect(facts.departmentCodes).toEqual(["2A", "35", "971"]);
    expect(facts.dateRanges).toBeUndefined();
  });

  it(`keeps at most ${MAX_CODES} distinct codes`, async () => {
    const rows = Array.from({ length: MAX_CODES + 50 }, (_, i) => String(10000 + i)).join("\n");
    const { facts } = await collect({ fields: [{ name: "insee", type: "string" }] }, `insee\n${rows}\n`);
    expect(facts.communeCodes).toHaveLength(MAX_CODES);
  });
});
