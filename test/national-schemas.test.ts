import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { lint } from "../packages/core/src/node.js";
import { describeShared, sharedDir } from "./shared.js";

/**
 * The national schemas' example files, validated with their `custom_checks` as validata.fr
 * does. Each example yields exactly the custom-check findings listed (code@row), and every
 * example file is listed: a new one fails the test until it is looked at.
 */
const customFindings: Record<string, string[]> = {
  "CEREMA/schema-arrete-circulation-marchandises/exemple-valide.csv": [],
  "CEREMA/schema-arrete-circulation-marchandises/exemple-vence.csv": [],
  "cnigfr/schema-friches/fichier-valide.csv": [],
  // The "invalid" example's opening hours are wrong on both rows.
  "etalab/schema-lieux-covoiturage/exemple-invalide.csv": ["opening-hours-value@2", "opening-hours-value@3"],
  // The published "valid" example has horaires=true, not an OSM opening_hours expression
  // (documented in docs/checks/opening-hours-value.md).
  "etalab/schema-lieux-covoiturage/exemple-valide.csv": ["opening-hours-value@2"],
  "etalab/schema-stationnement/exemple-invalide.csv": ["french-siret-value@2"],
  "etalab/schema-stationnement/exemple-valide.csv": [],
  "etalab/schema-stationnement-cyclable/exemple-valide.csv": [],
  // '476544254' is a valid French number for libphonenumber, as for Validata's phonenumbers.
  "openmaraude/schema-stationstaxi/exemple-non-valide.csv": [],
  "openmaraude/schema-stationstaxi/exemple-valide.csv": [],
  "scdl/subventions/exemple_valide.csv": [],
};

/** SIRET key errors on every row of the subsidies' invalid examples (idAttribuant 21860194600000, and some beneficiaries), one-of-required on row 9. */
const subventionsInvalid = (findings: string[]) => {
  expect(findings).toContain("one-of-required@9");
  expect(findings.filter((finding) => finding === "one-of-required@9")).toHaveLength(1);
  expect(findings.filter((finding) => finding.startsWith("one-of-required"))).toEqual(["one-of-required@9"]);
  expect(findings.filter((finding) => finding.startsWith("french-siret-value")).length).toBeGreaterThanOrEqual(29);
  expect(new Set(findings.map((finding) => finding.split("@")[0]))).toEqual(new Set(["french-siret-value", "one-of-required"]));
};

const schemasDir = path.join(sharedDir, "schemas");

async function customOf(example: string, headerMode?: "validata") {
  const dir = path.join(schemasDir, path.dirname(example));
  const report = await lint([path.basename(example)], { cwd: dir, schema: "schema.json", personalData: false, maxErrors: 0, headerMode });
  expect(report.runErrors).toEqual([]);
  const file = report.files[0]!;
  return {
    file,
    custom: file.findings
      .filter((finding) => finding.category === "custom" || finding.category === "french" || finding.code === "check-error")
      .map((finding) => `${finding.code}@${finding.rowNumber ?? "-"}`),
  };
}

/** Example CSVs lying next to a schema.json (data packages are covered by the parity test). */
function exampleFiles(): string[] {
  const found: string[] = [];
  const walk = (relative: string) => {
    const dir = path.join(schemasDir, relative);
    const entries = readdirSync(dir, { withFileTypes: true });
    for (const entry of entries) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else if (entry.name.endsWith(".csv") && existsSync(path.join(dir, "schema.json"))) found.push(child);
    }
  };
  walk("");
  return found.sort();
}

describeShared("national schemas' examples with their custom checks", () => {
  it("lists every example file", () => {
    const listed = [...Object.keys(customFindings), "scdl/subventions/exemple_invalide_erreurs_cellules.csv", "scdl/subventions/exemple_invalide_erreurs_colonnes.csv"];
    expect(exampleFiles()).toEqual(listed.sort());
  });

  it.each(Object.entries(customFindings))("%s", async (example, expected) => {
    const { custom } = await customOf(example);
    expect(custom.sort()).toEqual([...expected].sort());
  });

  it.each(["scdl/subventions/exemple_invalide_erreurs_cellules.csv", "scdl/subventions/exemple_invalide_erreurs_colonnes.csv"])(
    "%s: SIRET keys and one-of-required on row 9",
    async (example) => {
      const { custom } = await customOf(example);
      subventionsInvalid(custom);
    },
  );

  it("reports the renamed required column of the subsidies as Validata does (--header-mode validata)", async () => {
    const { file } = await customOf("scdl/subventions/exemple_invalide_erreurs_colonnes.csv", "validata");
    const header = file.findings.filter((finding) => finding.rowNumber === 1).map((finding) => `${finding.code}:${finding.severity}:${finding.fieldName || finding.cell}`);
    expect(header.sort()).toEqual(["missing-label:error:nomBeneficiaire", "missing-header-warn:warning:dispositifAide", "extra-header-warn:warning:NOM_Beneficiaire"].sort());
  });

  it("only warns about the absent optional column of the subsidies' cell-error example (--header-mode validata)", async () => {
    const { file } = await customOf("scdl/subventions/exemple_invalide_erreurs_cellules.csv", "validata");
    const header = file.findings.filter((finding) => finding.rowNumber === 1).map((finding) => `${finding.code}:${finding.severity}:${finding.fieldName}`);
    expect(header).toEqual(["missing-header-warn:warning:dispositifAide"]);
  });

  it("keeps the valid subsidies example at 100 % of valid cells", async () => {
    const { file } = await customOf("scdl/subventions/exemple_valide.csv");
    expect(file.valid).toBe(true);
    expect(file.stats.validCellsPercent).toBe(100);
  });
});
