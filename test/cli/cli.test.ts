import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateReport } from "../report-schema.js";
import { repoRoot, sharedAvailable } from "../shared.js";
import { validateSarif } from "./sarif-schema.js";

const bin = path.join(repoRoot, "packages/cli/dist/bin.js");
let root: string;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built binary as a user would, without a terminal. */
function conforme(cwd: string, ...args: string[]): Run {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined, CI: undefined } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function folder(files: Record<string, string>): Promise<string> {
  const directory = await mkdtemp(path.join(root, "repo-"));
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(directory, name)), { recursive: true });
    await writeFile(path.join(directory, name), content);
  }
  return directory;
}

const schema = JSON.stringify({
  fields: [
    { name: "code", type: "integer", constraints: { required: true } },
    { name: "montant", type: "number" },
  ],
});
const validCsv = "code,montant\n1,10.5\n2,3\n";
const invalidCsv = "code,montant\n1,10.5\nx,3\n3,abc\n";

function json(run: Run): {
  files: Array<{ file: string; headerMode?: string; findings: Array<{ code: string; line?: number }> }>;
  runErrors: Array<{ code: string }>;
  stats: { errors: number; warnings: number };
  options?: Record<string, unknown>;
} {
  const report = JSON.parse(run.stdout) as ReturnType<typeof json>;
  validateReport(report);
  return report;
}

const codesByFile = (report: ReturnType<typeof json>) => Object.fromEntries(report.files.map((file) => [file.file, file.findings.map((finding) => finding.code)]));

beforeAll(async () => {
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run "pnpm build" first`);
  root = await mkdtemp(path.join(tmpdir(), "conforme-cli-"));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("conforme lint over a repository", () => {
  const config = ["schemas:", "  'budget/*.csv': ./schemas/budget.json", "personalData: false", "metadata: false", ""].join("\n");

  it("exits 0 on a valid repository, with a JSON report matching the report schema", async () => {
    const cwd = await folder({ "conforme.config.yaml": config, "schemas/budget.json": schema, "budget/2023.csv": validCsv, "budget/2024.csv": validCsv });
    const run = conforme(cwd, "lint", "--format", "json");
    expect(run.code).toBe(0);
    const report = json(run);
    expect(Object.keys(codesByFile(report))).toEqual(["budget/2023.csv", "budget/2024.csv"]);
    expect(report.options).toMatchObject({ command: "lint", config: "conforme.config.yaml" });
  });

  it("exits 1 on an invalid repository and locates findings at their physical line", async () => {
    const cwd = await folder({ "conforme.config.yaml": config, "schemas/budget.json": schema, "budget/2023.csv": validCsv, "budget/2024.csv": invalidCsv });
    const report = json(conforme(cwd, "lint", "--format", "json"));
    expect(codesByFile(report)).toEqual({ "budget/2023.csv": [], "budget/2024.csv": ["type-error", "type-error"] });
    expect(report.files[1]!.findings.map((finding) => finding.line)).toEqual([3, 4]);

    const stylish = conforme(cwd, "lint");
    expect(stylish.code).toBe(1);
    expect(stylish.stdout).toContain("budget/2024.csv");
    expect(stylish.stdout).not.toContain("\u001b[");

    const github = conforme(cwd, "lint", "--format", "github");
    expect(github.code).toBe(1);
    expect(github.stdout.trim().split("\n")).toEqual([
      expect.stringMatching(/^::error file=budget\/2024\.csv,line=3,title=type-error[^:]*::/),
      expect.stringMatching(/^::error file=budget\/2024\.csv,line=4,title=type-error[^:]*::/),
    ]);

    const junit = conforme(cwd, "lint", "--format", "junit", "--output", "junit.xml");
    expect(junit.code).toBe(1);
    expect(junit.stdout).toBe("");
    expect((await readFile(path.join(cwd, "junit.xml"), "utf8")).match(/<failure /g)).toHaveLength(2);

    const markdown = conforme(cwd, "lint", "--format", "markdown");
    expect(markdown.stdout).toContain("<details><summary>budget/2024.csv — ");
  });

  it("folds a column failing on many rows, gives record and physical line, and says where --max-errors stopped", async () => {
    // An Opendatasoft-style export: `;`, a quoted comment over three lines in record 3, and a
    // date column written the French way on every row.
    const dates = JSON.stringify({
      fields: [
        { name: "id", type: "integer" },
        { name: "date_decision", type: "date", description: "Date au format AAAA-MM-JJ, voir [le guide](https://example.org/guide)" },
        { name: "commentaire", type: "string" },
        { name: "geo_point_2d", type: "string" },
      ],
    });
    const rows = ["id;date_decision;commentaire;geo_point_2d", '1;2024-01-05;"ok";48.85,2.35', '2;05/01/2024;"sur\ntrois\nlignes";48.85,2.35'];
    for (let i = 3; i <= 30; i++) rows.push(`${i};${String((i % 28) + 1).padStart(2, "0")}/02/2024;r;48.85,2.35`);
    const cwd = await folder({ "schemas/d.json": dates, "deliberations.csv": `${rows.join("\r\n")}\r\n` });
    const base = ["lint", "deliberations.csv", "--schema", "./schemas/d.json", "--no-config", "--no-personal-data"];

    const full = json(conforme(cwd, ...base, "--format", "json"));
    expect(full.files[0]!.findings.filter((finding) => finding.code === "type-error")).toHaveLength(29);
    // Record 3 (id 2) spans lines 3 to 5 with its quoted cell: record 4 (id 3) starts on line 6.
    expect(full.files[0]!.findings.find((finding) => (finding as { rowNumber?: number }).rowNumber === 4)?.line).toBe(6);

    const stylish = conforme(cwd, ...base);
    expect(stylish.stdout.match(/type-error/g)).toHaveLength(1);
    expect(stylish.stdout).toMatch(/29 lignes/);
    // Whatever the message quotes of the field's description, it does so once, not per row.
    expect((stylish.stdout.match(/example\.org/g) ?? []).length).toBeLessThanOrEqual(1);
    const unfolded = conforme(cwd, ...base, "--no-aggregate").stdout;
    expect(unfolded.match(/type-error/g)).toHaveLength(29);
    expect(unfolded).toContain("enregistrement 4, ligne 6");

    const github = conforme(cwd, ...base, "--format", "github", "--no-aggregate").stdout.split("\n");
    const fourth = github.find((line) => line.includes("line=6,"));
    expect(fourth).toContain("enregistrement 4, qui commence ligne 6");

    const capped = conforme(cwd, ...base, "--max-errors", "10");
    expect(capped.stdout).toContain("--max-errors 10");
    expect(capped.stdout).toContain("--max-errors 0");
    expect(capped.stdout).toMatch(/\d+ lignes de données lues/);
    for (const format of ["markdown", "junit"]) {
      expect(conforme(cwd, ...base, "--max-errors", "10", "--format", format).stdout).toContain("--max-errors 0");
    }
  }, 240_000);

  it.runIf(sharedAvailable("CLI SARIF"))("writes SARIF that validates against the SARIF 2.1.0 schema", async () => {
    const cwd = await folder({ "conforme.config.yaml": config, "schemas/budget.json": schema, "budget/2024.csv": invalidCsv });
    const run = conforme(cwd, "lint", "--format", "sarif", "--output", "out.sarif");
    expect(run.code).toBe(1);
    const log = JSON.parse(await readFile(path.join(cwd, "out.sarif"), "utf8")) as {
      runs: Array<{ results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { region: { startLine: number } } }> }> }>;
    };
    validateSarif(log);
    expect(log.runs[0]!.results.map((result) => [result.ruleId, result.locations[0]!.physicalLocation.region.startLine])).toEqual([
      ["type-error", 3],
      ["type-error", 4],
    ]);
  });

  it("uses the data package's schemas for the files inside it", async () => {
    const cwd = await folder({
      "paquet/datapackage.json": JSON.stringify({ name: "paquet", resources: [{ name: "budget", path: "budget.csv", schema: JSON.parse(schema) as unknown }] }),
      "paquet/budget.csv": invalidCsv,
      "libre.csv": "a,b\n1,2\n",
    });
    const report = json(conforme(cwd, "lint", "--format", "json", "--no-personal-data"));
    expect(codesByFile(report)["paquet/budget.csv"]?.filter((code) => code === "type-error")).toHaveLength(2);
    expect(codesByFile(report)["libre.csv"]?.filter((code) => !code.startsWith("metadata-"))).toEqual([]);
  });

  it("report follows the configuration like lint, and writes the HTML beside the terminal output", async () => {
    const cwd = await folder({
      "conforme.config.yaml": 'schemas:\n  "donnees/*.csv": schema.json\n',
      "schema.json": schema,
      "donnees/budget.csv": invalidCsv,
    });
    const run = conforme(cwd, "report", "--html", "rapport.html", "--no-personal-data", "--format", "json");
    expect(run.code).toBe(1);
    expect(codesByFile(json(run))["donnees/budget.csv"]).toEqual(["type-error", "type-error"]);
    const html = await readFile(path.join(cwd, "rapport.html"), "utf8");
    expect(html).toContain("donnees/budget.csv");
    expect(html).toContain("type-error");
    expect(conforme(cwd, "report").code).toBe(2);
  });

  it("respects .gitignore and --ignore, and a broken file does not hide the others", async () => {
    const cwd = await folder({
      ".gitignore": "brouillons/\n",
      "brouillons/x.csv": invalidCsv,
      "tmp/y.csv": invalidCsv,
      "a.csv": "a,b\n1,2\n",
      "vide.csv": "",
    });
    const report = json(conforme(cwd, "lint", "--format", "json", "--ignore", "tmp/", "--no-personal-data", "--no-config"));
    expect(Object.keys(codesByFile(report))).toEqual(["a.csv", "vide.csv"]);
    expect(codesByFile(report)["vide.csv"]).toContain("source-error");
    const all = json(conforme(cwd, "lint", "--format", "json", "--no-gitignore", "--no-personal-data", "--no-config"));
    expect(Object.keys(codesByFile(all))).toEqual(["a.csv", "brouillons/x.csv", "tmp/y.csv", "vide.csv"]);
  });

  it("fails on warnings with --strict or over --max-warnings", async () => {
    const cwd = await folder({ "gens.csv": "nom,email\nDupont,jean.dupont@example.fr\nMartin,paul.martin@example.fr\nDurand,luc.durand@example.fr\n" });
    expect(conforme(cwd, "lint", "gens.csv", "--no-config").code).toBe(0);
    const strict = conforme(cwd, "lint", "gens.csv", "--strict", "--no-config");
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain("--strict");
    expect(conforme(cwd, "lint", "gens.csv", "--max-warnings", "0", "--no-config").code).toBe(1);
    expect(conforme(cwd, "lint", "gens.csv", "--max-warnings", "10", "--no-config").code).toBe(0);
  });
});

describe("configuration errors and usage errors exit 2", () => {
  it.each([
    ["unknown key", "lang: fr\nshemas:\n  a.csv: x\n", /conforme\.config\.yaml:2:1 : shemas : clé inconnue « shemas »\. Vouliez-vous dire « schemas »/],
    ["bad severity", "severity:\n  codes:\n    type-error: fatal\n", /conforme\.config\.yaml:3:17 : severity\.codes\.type-error : valeur non permise/],
    ["YAML syntax", "schemas: [a\n", /conforme\.config\.yaml:2:1 : syntaxe YAML invalide/],
  ])("%s", async (_name, text, expected) => {
    const cwd = await folder({ "conforme.config.yaml": text, "a.csv": validCsv });
    const run = conforme(cwd, "lint", "a.csv");
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(expected);
    expect(run.stdout).toBe("");
  });

  it.each([
    [["lint", "--bogus"], /--bogus[\s\S]*conforme lint --help/],
    [["lint", "--format", "pdf"], /--format accepte .*« sarif »/],
    [["lint", "--max-warnings", "beaucoup"], /--max-warnings attend un nombre entier/],
    [["frobnicate"], /commande inconnue « frobnicate »/],
    [["explain", "no-such-check"], /code inconnu « no-such-check »/],
    // Not a kind of personal data: its check's name in front does not make it a code.
    [["explain", "personal-data-shoe-size"], /code inconnu « personal-data-shoe-size »/],
    [["schemas", "dance"], /conforme schemas list/],
  ])("%j", async (args, expected) => {
    const cwd = await folder({ "a.csv": validCsv });
    const run = conforme(cwd, ...args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(expected);
  });

  it("reports an unreadable schema as a run failure", async () => {
    const cwd = await folder({ "a.csv": validCsv });
    const run = conforme(cwd, "lint", "a.csv", "--schema", "./absent.json", "--format", "json");
    expect(run.code).toBe(2);
    expect(json(run).runErrors).toEqual([expect.objectContaining({ code: "run-error", file: "./absent.json" })]);
  });
});

describe("conforme lint --changed-since", () => {
  it("lints only the files changed since the ref, untracked ones included", async () => {
    const cwd = await folder({ "a.csv": validCsv, "b.csv": validCsv, "sub/c.csv": validCsv, ".gitignore": "ignored.csv\n" });
    const git = (...args: string[]) => execFileSync("git", args, { cwd, encoding: "utf8" });
    git("init", "-q");
    git("-c", "user.email=t@example.org", "-c", "user.name=t", "add", ".");
    git("-c", "user.email=t@example.org", "-c", "user.name=t", "commit", "-q", "-m", "init");
    await writeFile(path.join(cwd, "b.csv"), invalidCsv);
    await writeFile(path.join(cwd, "sub/new.csv"), validCsv);
    await writeFile(path.join(cwd, "ignored.csv"), validCsv);
    const report = json(conforme(cwd, "lint", ".", "--changed-since", "HEAD", "--format", "json", "--no-personal-data"));
    expect(Object.keys(codesByFile(report))).toEqual(["b.csv", "sub/new.csv"]);
    expect(report.options).toMatchObject({ changedSince: "HEAD" });

    const bad = conforme(cwd, "lint", ".", "--changed-since", "no-such-ref", "--format", "json");
    expect(bad.code).toBe(2);
    expect(json(bad).runErrors).toHaveLength(1);
  });
});

describe("scan, init, explain, schemas, help", () => {
  it("scan ignores the schema mapping and reports personal data", async () => {
    const cwd = await folder({
      "conforme.config.yaml": "schemas:\n  '*.csv': ./absent.json\n",
      "gens.csv": "nom,email\nDupont,jean.dupont@example.fr\nMartin,paul.martin@example.fr\nDurand,luc.durand@example.fr\n",
    });
    const report = json(conforme(cwd, "scan", "--format", "json"));
    expect(codesByFile(report)["gens.csv"]).toContain("personal-data-email");
    expect(conforme(cwd, "lint", "gens.csv").code).toBe(2);
  });

  it("init writes a config that lint accepts and a workflow for the Action", async () => {
    const cwd = await folder({ "donnees/a.csv": validCsv, "schema.json": schema });
    const run = conforme(cwd, "init", "--paths", "donnees", "--schema", "donnees/*.csv=./schema.json", "--owner", "ville-exemple");
    expect(run.code).toBe(0);
    const workflow = await readFile(path.join(cwd, ".github/workflows/conforme.yml"), "utf8");
    expect(workflow).toContain("uses: ville-exemple/conforme/action@v1");
    expect(workflow).toContain("paths: donnees");
    expect(await readFile(path.join(cwd, "conforme.config.yaml"), "utf8")).toMatch(/^headerMode: auto$/m);
    const lint = conforme(cwd, "lint", "--format", "json");
    expect(lint.code).toBe(0);
    const report = json(lint);
    expect(Object.keys(codesByFile(report))).toEqual(["donnees/a.csv"]);
    expect(report.options?.headerMode).toBe("auto");
    expect(report.files[0]?.headerMode).toBe("position");
    expect(conforme(cwd, "init").code).toBe(2);
  });

  it("explain prints the shipped page of a check", async () => {
    const run = conforme(root, "explain", "french-siret-value");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("docs/checks/french-siret-value.md");
    expect(run.stdout).toContain("# `french-siret-value`");
    expect(existsSync(path.join(repoRoot, "packages/cli/dist/docs/checks/french-siret-value.md"))).toBe(true);
  });

  it.each([
    ["siret", "french-siret-value"],
    ["nomenclature-acte", "nomenclature-actes-value"],
    ["extra-header", "extra-label"],
    ["french_siret_value", "french-siret-value"],
    ["email", "personal-data-email"],
    ["opening-hours", "opening-hours-value"],
  ])("explain %s shows the page of %s", (name, code) => {
    const run = conforme(root, "explain", name);
    expect(run.code).toBe(0);
    expect(run.stdout.split("\n")[0]).toMatch(new RegExp(`^${code}\\b`));
    expect(run.stdout).toContain(`# \`${code}\``);
  });

  it("explain heads the page with the catalogue's title, default severity and fix advice", () => {
    const run = conforme(root, "explain", "type-error");
    expect(run.code).toBe(0);
    const head = run.stdout.split("\n# ")[0]!;
    expect(head).toContain("Type ou format incorrect");
    expect(head).toContain("Catégorie : schema, sévérité par défaut : error");
    expect(head).toMatch(/Corriger : Écrivez la valeur dans le type et le format attendus/);
    const english = conforme(root, "explain", "metadata-unreadable", "--lang", "en");
    expect(english.code).toBe(0);
    expect(english.stdout).toContain("Unreadable descriptor");
    expect(english.stdout).toContain("Category : metadata, run error (exit code 2)");
    expect(english.stdout).toContain("How to fix : Fix the syntax");
  });

  it("explain --list names every catalogued code", () => {
    const run = conforme(root, "explain", "--list");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^reversed-french-gps-coordinates\s+custom\tCoordonnées GPS inversées$/m);
    expect(run.stdout).toMatch(/^metadata-mqa-keyword\s+metadata\tMots-clés$/m);
  });

  it("explain names the codes an ambiguous name may mean, and fails", () => {
    const run = conforme(root, "explain", "license");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("metadata-datagouv-license");
    expect(run.stderr).toContain("metadata-mqa-license");
  });

  // National schemas list their example files under `resources`: still a Table Schema.
  const nationalLike = JSON.stringify({
    name: "equipements",
    resources: [{ title: "Exemple", path: "https://example.test/exemple.csv" }],
    fields: [
      { name: "code", type: "integer", description: "Code de l'équipement. Attribué par la commune.", constraints: { required: true } },
      { name: "ouverture", type: "date", format: "%d/%m/%Y", title: "Date d'ouverture" },
    ],
  });
  const fieldsOf = (stdout: string) =>
    stdout
      .split("\n")
      .filter((line) => line.startsWith("  "))
      .map((line) => line.trim().split(/ {2,}/));

  it("schemas show lists a Table Schema's fields: name, type, required, description", async () => {
    const cwd = await folder({ "schema.json": nationalLike });
    const run = conforme(cwd, "schemas", "show", "./schema.json", "--offline");
    expect(run.code).toBe(0);
    expect(fieldsOf(run.stdout)).toEqual([
      ["code", "integer", "obligatoire", "Code de l'équipement."],
      ["ouverture", "date:%d/%m/%Y", "Date d'ouverture"],
    ]);
    const json = JSON.parse(conforme(cwd, "schemas", "show", "schema.json", "--json").stdout) as { fields: { name: string }[] };
    expect(json.fields.map((field) => field.name)).toEqual(["code", "ouverture"]);
  });

  it("schemas show lists each resource's fields of a data package", async () => {
    const cwd = await folder({
      "datapackage.json": JSON.stringify({
        resources: [
          { name: "equipements", path: "e.csv", schema: "schema.json" },
          { name: "autre", path: "a.csv", schema: JSON.parse(schema) },
        ],
      }),
      "schema.json": nationalLike,
    });
    const run = conforme(cwd, "schemas", "show", "datapackage.json");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/ressource equipements, 2 champs/);
    expect(run.stdout).toMatch(/ressource autre, 2 champs/);
    expect(fieldsOf(run.stdout).map(([name]) => name)).toEqual(["code", "ouverture", "code", "montant"]);
  });

  it("--catalog-url takes a local catalogue file, whose relative schema_url are local too", async () => {
    const catalogue = { schemas: [{ name: "ville/equipements", schema_type: "tableschema", versions: [{ version_name: "1.0.0", schema_url: "schemas/equipements.json" }] }] };
    const cwd = await folder({
      "catalogue/schemas.json": JSON.stringify(catalogue),
      "catalogue/schemas/equipements.json": nationalLike,
      "donnees/e.csv": "code,ouverture\n1,12/03/2024\nx,13/03/2024\n",
    });
    const show = conforme(cwd, "schemas", "show", "ville/equipements", "--catalog-url", "catalogue/schemas.json");
    expect(show.code).toBe(0);
    expect(show.stdout.split("\n")[0]).toBe("ville/equipements@1.0.0");
    expect(fieldsOf(show.stdout).map(([name]) => name)).toEqual(["code", "ouverture"]);
    const list = conforme(cwd, "schemas", "list", "--catalog-url", path.join(cwd, "catalogue/schemas.json"));
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^ville\/equipements +1\.0\.0/);
    const lint = conforme(cwd, "lint", "donnees/e.csv", "--schema", "ville/equipements", "--catalog-url", "catalogue/schemas.json", "--offline", "--format", "json");
    expect(lint.code).toBe(1);
    expect(codesByFile(json(lint))).toEqual({ "donnees/e.csv": ["type-error"] });
  });

  it("--help lists every command with examples, --version prints the version", () => {
    const help = conforme(root, "--help");
    expect(help.code).toBe(0);
    for (const name of ["lint", "scan", "schemas", "init", "explain", "report", "metadata"]) expect(help.stdout).toContain(`  ${name} `);
    expect(help.stdout).toContain("conforme lint . --changed-since");
    expect(conforme(root, "--version").stdout).toMatch(/^\d+\.\d+\.\d+/);
  });
});
