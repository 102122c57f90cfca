import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./load.node.js";

let root: string;

async function write(files: Record<string, string>): Promise<string> {
  const directory = await mkdtemp(path.join(root, "case-"));
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(directory, name)), { recursive: true });
    await writeFile(path.join(directory, name), content);
  }
  return directory;
}

async function issuesOf(files: Record<string, string>, cwd = ".") {
  const directory = await write(files);
  try {
    await loadConfig({ cwd: path.join(directory, cwd) });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.issues.map((issue) => ({ file: path.relative(directory, issue.file), line: issue.line, column: issue.column, key: issue.key }));
  }
  return [];
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "conforme-config-"));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("loadConfig errors", () => {
  const cases: Array<[string, Record<string, string>, Array<{ file: string; line?: number; column?: number; key: string }>]> = [
    ["unknown top-level key", { "conforme.config.yaml": "lang: fr\nshemas:\n  a.csv: x/y\n" }, [{ file: "conforme.config.yaml", line: 2, column: 1, key: "shemas" }]],
    [
      "bad severity level",
      { "conforme.config.yaml": "severity:\n  codes:\n    type-error: fatal\n" },
      [{ file: "conforme.config.yaml", line: 3, column: 17, key: "severity.codes.type-error" }],
    ],
    [
      "unknown category",
      { "conforme.config.yaml": "severity:\n  categories:\n    foo: off\n" },
      [{ file: "conforme.config.yaml", line: 3, column: 5, key: "severity.categories.foo" }],
    ],
    [
      "accepted finding without reason",
      { "conforme.config.yaml": "personalData:\n  accept:\n    - column: nom\n      kind: person-name\n" },
      [{ file: "conforme.config.yaml", line: 3, column: 7, key: "personalData.accept.0" }],
    ],
    ["YAML syntax", { "conforme.config.yaml": "lang: fr\nschemas: [a\n" }, [{ file: "conforme.config.yaml", line: 3, column: 1, key: "" }]],
    ["JSON file, wrong type", { "conforme.config.json": '{\n  "maxErrors": "ten"\n}\n' }, [{ file: "conforme.config.json", line: 2, column: 16, key: "maxErrors" }]],
    ["error in an extended file", { "conforme.config.yaml": "extends: ./base.yaml\n", "base.yaml": "lang: de\n" }, [{ file: "base.yaml", line: 1, column: 7, key: "lang" }]],
    ["missing extended file", { "conforme.config.yaml": "extends: ./nope.yaml\n" }, [{ file: "conforme.config.yaml", line: undefined, column: undefined, key: "extends" }]],
    [
      "extends loop",
      { "conforme.config.yaml": "extends: ./a.yaml\n", "a.yaml": "extends: ./conforme.config.yaml\n" },
      [{ file: "conforme.config.yaml", line: undefined, column: undefined, key: "extends" }],
    ],
    ["unknown metadata key", { "conforme.config.yaml": "metadata:\n  minScor: 200\n" }, [{ file: "conforme.config.yaml", line: 2, column: 3, key: "metadata.minScor" }]],
    ["metadata rating", { "conforme.config.yaml": "metadata:\n  minRating: great\n" }, [{ file: "conforme.config.yaml", line: 2, column: 14, key: "metadata.minRating" }]],
    ["mjs export", { "conforme.config.mjs": "export default { lang: 'xx' };\n" }, [{ file: "conforme.config.mjs", line: undefined, column: undefined, key: "lang" }]],
    ["sheet 0: positions start at 1", { "conforme.config.yaml": "sheet: 0\n" }, [{ file: "conforme.config.yaml", line: 1, column: 8, key: "sheet" }]],
  ];
  it.each(cases)("%s", async (_name, files, expected) => {
    expect(await issuesOf(files)).toEqual(expected);
  });

  it.each([
    ["a typo", "french-siret-valeu", "french-siret-value", 3],
    ["a transposition", "type-erorr", "type-error", 3],
    ["a Validata alias", "siret", "french-siret-value", 3],
    ["another tool's name", "extra-header", "extra-label", 3],
    ["a personal-data kind", "personal-data-emial", "personal-data-email", 3],
    ["a metadata criterion", "metadata-mqa-keywords", "metadata-mqa-keyword", 3],
    ["a metadata criterion without its scheme", "metadata-keyword", "metadata-mqa-keyword", 3],
  ])("refuses an unknown code under severity.codes (%s) with the code meant", async (_name, code, meant, line) => {
    const directory = await write({ "conforme.config.yaml": `severity:\n  codes:\n    ${code}: warning\n    blank-row: off\n` });
    const error = await loadConfig({ cwd: directory }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigError);
    const issues = (error as ConfigError).issues;
    expect(issues.map((issue) => [issue.key, issue.line])).toEqual([[`severity.codes.${code}`, line]]);
    expect(issues[0]!.message.fr).toContain(`« ${meant} »`);
  });

  it("accepts metadata codes, which severity.codes governs as the others", async () => {
    const codes = ["metadata-mqa-keyword", "metadata-datagouv-license", "metadata-spatial-mismatch", "metadata-min-score"];
    expect(await issuesOf({ "conforme.config.yaml": `severity:\n  codes:\n${codes.map((code) => `    ${code}: off\n`).join("")}` })).toEqual([]);
  });

  it("refuses a code far from any, without a suggestion, and accepts every catalogued code", async () => {
    const far = await issuesOf({ "conforme.config.yaml": "severity:\n  codes:\n    zzzz-qqqq-wwww: warning\n" });
    expect(far).toEqual([{ file: "conforme.config.yaml", line: 3, column: 5, key: "severity.codes.zzzz-qqqq-wwww" }]);
    const known = ["personal-data", "personal-data-nir", "small-count", "reidentification-risk", "sum-columns-value", "schema-warning", "disordered-header-warn"];
    expect(await issuesOf({ "conforme.config.yaml": `severity:\n  codes:\n${known.map((code) => `    ${code}: info\n`).join("")}` })).toEqual([]);
  });

  it.each([
    ["sheet: Données 2024\n", "Données 2024"],
    ["sheet: 2\n", 2],
  ])("%s reaches lint's options", async (yaml, sheet) => {
    const directory = await write({ "conforme.config.yaml": yaml });
    const loaded = await loadConfig({ cwd: directory });
    expect(loaded.lintOptions().sheet).toBe(sheet);
    expect(loaded.lintOptions({ sheet: "Notes" }).sheet).toBe("Notes");
  });

  it("suggests the closest known key", async () => {
    const directory = await write({ "conforme.config.yaml": "maxError: 3\n" });
    const error = await loadConfig({ cwd: directory }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).issues[0]?.message.en).toContain('"maxErrors"');
  });
});

describe("loadConfig", () => {
  it("finds the file upwards and maps globs to schemas relative to it", async () => {
    const directory = await write({
      "conforme.config.yaml": [
        "schema: scdl/deliberations",
        "schemas:",
        "  'subventions/*.csv': scdl/subventions",
        "  'budget.csv': ./schemas/budget.json",
        "files: [donnees]",
        "",
      ].join("\n"),
      "schemas/budget.json": "{}",
      "donnees/sub/x.csv": "a\n",
    });
    const loaded = await loadConfig({ cwd: path.join(directory, "donnees/sub") });
    expect(loaded.path).toBe(path.join(directory, "conforme.config.yaml"));
    expect(loaded.schemaFor(path.join(directory, "subventions/2024.csv"))).toBe("scdl/subventions");
    expect(loaded.schemaFor(path.join(directory, "donnees/budget.csv"))).toBe(path.join(directory, "schemas/budget.json"));
    expect(loaded.schemaFor(path.join(directory, "autre.csv"))).toBe("scdl/deliberations");
    expect(loaded.paths([])).toEqual([path.join(directory, "donnees")]);
    expect(loaded.paths(["a.csv"])).toEqual(["a.csv"]);
  });

  it("merges what it extends: child globs first, severities key by key, accepted findings added", async () => {
    const directory = await write({
      "conforme.config.yaml": [
        "extends: ./shared/base.yaml",
        "schemas:",
        "  '*.csv': child/schema",
        "severity:",
        "  codes: { blank-row: off }",
        "personalData:",
        "  accept:",
        "    - { column: email, kind: email, reason: adresse de service }",
        "",
      ].join("\n"),
      "shared/base.yaml": [
        "lang: en",
        "maxWarnings: 4",
        "schemas:",
        "  '*.csv': base/schema",
        "  '*.tsv': base/tsv",
        "severity:",
        "  codes: { type-error: warning }",
        "  categories: { personal-data: warning }",
        "personalData:",
        "  accept:",
        "    - { column: nom, kind: person-name, reason: élus }",
        "  checks:",
        "    small-counts: { threshold: 5 }",
        "",
      ].join("\n"),
    });
    const loaded = await loadConfig({ cwd: directory });
    expect(loaded.files.map((file) => path.relative(directory, file))).toEqual(["conforme.config.yaml", path.join("shared", "base.yaml")]);
    expect(loaded.schemaFor(path.join(directory, "a.csv"))).toBe("child/schema");
    expect(loaded.schemaFor(path.join(directory, "a.tsv"))).toBe("base/tsv");
    const options = loaded.lintOptions({ lang: "fr", maxErrors: undefined });
    expect(options.lang).toBe("fr");
    expect(options.severity).toEqual({ codes: { "type-error": "warning", "blank-row": "off" }, categories: { "personal-data": "warning" } });
    expect(options.personalData).toEqual({
      "small-counts": { threshold: 5 },
      "personal-data": {
        accept: [
          { column: "nom", kind: "person-name", reason: "élus" },
          { column: "email", kind: "email", reason: "adresse de service" },
        ],
      },
    });
    expect(options.discovery).toEqual({ gitignore: true, ignoreRoot: directory });
    expect(loaded.failurePolicy({ strict: true })).toEqual({ strict: true, maxWarnings: 4 });
    expect("schemaFor" in loaded.lintOptions({ schema: "cli/schema" })).toBe(false);
  });

  it("passes metadata sources and thresholds to lint's metadata option", async () => {
    const directory = await write({ "conforme.config.yaml": "metadata:\n  sources: [./datapackage.json]\n  minScore: 221\n  minRating: good\n" });
    const options = (await loadConfig({ cwd: directory })).lintOptions();
    expect(options.metadata).toEqual({ descriptors: [path.join(directory, "datapackage.json")], minScore: 221, minRating: "good" });
    const off = await write({ "conforme.config.yaml": "metadata: false\n" });
    expect((await loadConfig({ cwd: off })).lintOptions().metadata).toBe(false);
  });

  it("extends a package by name", async () => {
    const directory = await write({
      "conforme.config.json": '{ "extends": "@acme/conforme-config" }',
      "node_modules/@acme/conforme-config/package.json": '{ "name": "@acme/conforme-config", "version": "1.0.0" }',
      "node_modules/@acme/conforme-config/conforme.config.yaml": "maxErrors: 7\n",
    });
    const loaded = await loadConfig({ cwd: directory });
    expect(loaded.lintOptions().maxErrors).toBe(7);
  });

  it("gives the defaults without a file, and refuses a missing explicit file", async () => {
    const directory = await write({ "data.csv": "a\n" });
    const loaded = await loadConfig({ cwd: directory, noConfig: true });
    expect(loaded.path).toBeUndefined();
    expect(loaded.paths()).toEqual(["."]);
    await expect(loadConfig({ cwd: directory, configPath: "absent.yaml" })).rejects.toBeInstanceOf(ConfigError);
  });
});
