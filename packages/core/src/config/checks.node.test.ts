import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lint } from "../lint.node.js";
import { ConfigError, loadConfig } from "./load.node.js";

/** A repository whose schema declares no custom check; the config adds some by glob. */
function repository(config: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "conforme-config-checks-"));
  mkdirSync(path.join(dir, "subventions"));
  writeFileSync(path.join(dir, "schema.json"), JSON.stringify({ fields: [{ name: "beneficiaire" }, { name: "siret" }, { name: "rna" }] }));
  // Row 2: SIRET with a wrong Luhn key; row 3: neither SIRET nor RNA.
  writeFileSync(path.join(dir, "subventions", "2024.csv"), "beneficiaire,siret,rna\nClub A,44306184100048,\nClub B,,\nClub C,44306184100047,\n");
  writeFileSync(path.join(dir, "autre.csv"), "beneficiaire,siret,rna\nClub A,44306184100048,\n");
  writeFileSync(path.join(dir, "conforme.config.yaml"), config);
  return dir;
}

const located = (report: Awaited<ReturnType<typeof lint>>, file: string) =>
  report.files
    .find((f) => f.file === file)!
    .findings.filter((f) => f.category !== "personal-data")
    .map((f) => `${f.code}@${f.rowNumber ?? "-"}`);

describe("custom checks declared in the configuration", () => {
  it("run on the tables their glob matches, beside the schema", async () => {
    const dir = repository(
      [
        "schema: schema.json",
        "checks:",
        '  "subventions/*.csv":',
        "    - name: french-siret-value",
        "      params: { column: siret }",
        "    - name: one-of-required",
        "      params: { column1: siret, column2: rna }",
      ].join("\n"),
    );
    const config = await loadConfig({ cwd: dir });
    const report = await lint(config.paths(), config.lintOptions());
    expect(report.runErrors).toEqual([]);
    expect(located(report, "subventions/2024.csv").sort()).toEqual(["french-siret-value@2", "one-of-required@3"]);
    expect(located(report, "autre.csv")).toEqual([]);
  });

  it("report a misdeclared check once per file and still run the others", async () => {
    const dir = repository(
      ["schema: schema.json", "checks:", '  "*.csv":', "    - name: no-such-check", "    - name: french-siret-value", "      params: { column: siret }"].join("\n"),
    );
    const config = await loadConfig({ cwd: dir });
    const report = await lint(config.paths(), config.lintOptions());
    expect(located(report, "autre.csv").sort()).toEqual(["check-error@-", "french-siret-value@2"]);
  });

  it("refuse a check without a name, with the file, line and key", async () => {
    const dir = repository(["checks:", '  "*.csv":', "    - params: { column: siret }"].join("\n"));
    const error = await loadConfig({ cwd: dir }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).issues[0]).toMatchObject({ line: 3 });
  });
});
