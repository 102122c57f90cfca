import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateReport } from "../report-schema.js";
import { repoRoot } from "../shared.js";

// The conventions users bring from ESLint and Biome (issue 14, "Start-up and the CLI"), each
// checked on the built binary as a shell runs it: standard input, --quiet, colour, did-you-mean,
// help per command, -o into new folders, paths that match nothing, unknown severity codes.

const bin = path.join(repoRoot, "packages/cli/dist/bin.js");
const corpus = path.join(repoRoot, "test/fixtures/real-shaped");
let root: string;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The built binary without a terminal; `env` entries set to undefined are removed. */
function conforme(cwd: string, args: string[], { input, env = {} }: { input?: string | Buffer; env?: Record<string, string | undefined> } = {}): Run {
  const merged: Record<string, string | undefined> = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, CI: undefined, ...env };
  for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key];
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, input: input ?? "", encoding: "utf8", env: merged as NodeJS.ProcessEnv });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function folder(files: Record<string, string | Buffer>): string {
  const directory = mkdtempSync(path.join(root, "case-"));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(directory, name)), { recursive: true });
    writeFileSync(path.join(directory, name), content);
  }
  return directory;
}

interface JsonReport {
  files: Array<{ file: string; stats: { warnings: number }; findings: Array<{ code: string; severity: string; rowNumber?: number }> }>;
  runErrors: Array<{ code: string }>;
  stats: { errors: number; warnings: number };
  options?: Record<string, unknown>;
}

function json(text: string): JsonReport {
  const report = JSON.parse(text) as JsonReport;
  validateReport(report);
  return report;
}

const findings = (report: JsonReport) => Object.fromEntries(report.files.map((file) => [file.file, file.findings.map((finding) => `${finding.code}@${finding.rowNumber ?? "-"}`)]));

const schema = JSON.stringify({
  fields: [
    { name: "code", type: "integer" },
    { name: "nom", type: "string" },
    { name: "courriel", type: "string" },
  ],
});
// A type error on row 3, and a column of personal e-mail addresses (a warning).
const people =
  "code,nom,courriel\n1,Jean Dupont,jean.dupont@gmail.com\nx,Marie Martin,marie.martin@orange.fr\n3,Paul Durand,pdurand@free.fr\n4,Anne Petit,anne.petit@laposte.net\n";

beforeAll(() => {
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run "pnpm build" first`);
  root = mkdtempSync(path.join(tmpdir(), "conforme-conventions-"));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("did-you-mean", () => {
  it.each([
    [["lnit", "a.csv"], "lint"],
    [["shemas", "list"], "schemas"],
    [["lint", "--fromat", "json"], "--format"],
    [["scan", ".", "--qiuet"], "--quiet"],
    [["lint", "--error-on-unmatched-patern"], "--error-on-unmatched-pattern"],
    [["--verison"], "--version"],
    [["help", "raport"], "report"],
    [["schemas", "lsit"], "list"],
    [["explain", "french-siret-valu"], "french-siret-value"],
  ])("%j exits 2 and suggests %s", (args, meant) => {
    const run = conforme(folder({}), args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`Vouliez-vous dire « ${meant} » ?`);
    expect(run.stdout).toBe("");
  });

  it("suggests nothing far-fetched", () => {
    const run = conforme(folder({}), ["frobnicate"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("« frobnicate »");
    expect(run.stderr).not.toContain("Vouliez-vous dire");
  });

  it("answers in English with --lang en", () => {
    const run = conforme(folder({}), ["lnt", "--lang", "en"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Did you mean "lint"?');
  });
});

describe("help", () => {
  const commands = ["lint", "scan", "schemas", "init", "explain", "report", "badge", "metadata"];

  it.each(commands)("conforme help %s is the command's own --help, exit 0", (command) => {
    const cwd = folder({});
    const viaHelp = conforme(cwd, ["help", command]);
    const viaFlag = conforme(cwd, [command, "--help"]);
    expect(viaHelp.code).toBe(0);
    expect(viaFlag.code).toBe(0);
    expect(viaHelp.stdout).toBe(viaFlag.stdout);
    expect(viaHelp.stdout).toContain(`conforme ${command}`);
    // A command's own help, not the list of commands.
    expect(viaHelp.stdout).not.toBe(conforme(cwd, ["--help"]).stdout);
  });

  it("conforme help alone is the general help, exit 0", () => {
    const run = conforme(folder({}), ["help"]);
    expect(run.code).toBe(0);
    for (const command of commands) expect(run.stdout).toContain(`  ${command} `);
  });

  it("lint's help lists the new options", () => {
    const help = conforme(folder({}), ["lint", "--help"]).stdout;
    for (const option of ["--stdin-filename", "--quiet", "--no-color", "--error-on-unmatched-pattern"]) expect(help).toContain(option);
  });
});

describe("standard input", () => {
  it("lint - --schema reads stdin, named - in the report", () => {
    const cwd = folder({ "schema.json": schema });
    const run = conforme(cwd, ["lint", "-", "--schema", "schema.json", "--format", "json", "--no-personal-data"], { input: people });
    expect(run.code).toBe(1);
    expect(findings(json(run.stdout))).toEqual({ "-": ["type-error@3"] });
  });

  it("--stdin-filename names it and picks its schema from the configuration's globs", () => {
    const config = ["schemas:", "  'budget/*.csv': ./schema.json", "personalData: false", ""].join("\n");
    const cwd = folder({ "conforme.config.yaml": config, "schema.json": schema });
    const run = conforme(cwd, ["lint", "-", "--stdin-filename", "budget/2024.csv", "--format", "json"], { input: people });
    expect(run.code).toBe(1);
    const report = json(run.stdout);
    expect(findings(report)).toEqual({ "budget/2024.csv": ["type-error@3"] });
    expect(report.options).toMatchObject({ paths: ["-"], stdinFilename: "budget/2024.csv" });
  });

  it("scan - gives a Windows-1252 Excel export the verdict of the file itself", () => {
    const name = "scdl-subventions-excel-1252.csv";
    const bytes = readFileSync(path.join(corpus, name));
    const cwd = folder({ [name]: bytes });
    const fromFile = conforme(cwd, ["scan", name, "--format", "json", "--no-config"]);
    const fromStdin = conforme(cwd, ["scan", "-", "--stdin-filename", name, "--format", "json", "--no-config"], { input: bytes });
    expect(fromStdin.code).toBe(fromFile.code);
    expect(findings(json(fromStdin.stdout))).toEqual(findings(json(fromFile.stdout)));
  });

  it("report - writes the HTML report of stdin", () => {
    const cwd = folder({ "schema.json": schema });
    const run = conforme(cwd, ["report", "-", "--schema", "schema.json", "--html", "rapport.html", "--stdin-filename", "budget.csv"], { input: people });
    expect(run.code).toBe(1);
    expect(readFileSync(path.join(cwd, "rapport.html"), "utf8")).toContain("budget.csv");
  });

  it("--stdin-filename without - is a usage error", () => {
    const run = conforme(folder({ "a.csv": people }), ["lint", "a.csv", "--stdin-filename", "b.csv"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--stdin-filename");
  });
});

describe("--quiet", () => {
  const cwd = () => folder({ "schema.json": schema, "gens.csv": people });

  it("prints errors only, in every format, with the exit code unchanged", () => {
    const directory = cwd();
    const loud = json(conforme(directory, ["lint", "gens.csv", "--schema", "schema.json", "--format", "json", "--no-config"]).stdout);
    expect(loud.stats.warnings).toBeGreaterThan(0);
    const run = conforme(directory, ["lint", "gens.csv", "--schema", "schema.json", "--format", "json", "--no-config", "--quiet"]);
    expect(run.code).toBe(1);
    const quiet = json(run.stdout);
    expect(quiet.files[0]!.findings.every((finding) => finding.severity === "error")).toBe(true);
    expect(findings(quiet)).toEqual({ "gens.csv": ["type-error@3"] });
    expect(quiet.stats).toMatchObject({ errors: loud.stats.errors, warnings: 0 });
    expect(quiet.options).toMatchObject({ quiet: true });
    const stylish = conforme(directory, ["lint", "gens.csv", "--schema", "schema.json", "--no-config", "-q"]);
    expect(stylish.code).toBe(1);
    expect(stylish.stdout).toContain("type-error");
    expect(stylish.stdout).not.toContain("personal-data-email");
  });

  it("still fails on warnings beyond --max-warnings, as ESLint counts them before hiding them", () => {
    const directory = folder({ "gens.csv": people.replace("\nx,", "\n2,") });
    const run = conforme(directory, ["scan", "gens.csv", "--quiet", "--max-warnings", "0", "--format", "json", "--no-config"]);
    expect(run.code).toBe(1);
    expect(json(run.stdout).files[0]!.findings).toEqual([]);
    expect(run.stderr).toContain("--max-warnings");
  });
});

describe("colour", () => {
  const ESC = "\u001b[";
  it.each([
    ["no terminal, no variable", [], {}, false],
    ["FORCE_COLOR=1", [], { FORCE_COLOR: "1" }, true],
    ["FORCE_COLOR=3", [], { FORCE_COLOR: "3" }, true],
    ["FORCE_COLOR=0", [], { FORCE_COLOR: "0" }, false],
    ["NO_COLOR=1 beats FORCE_COLOR", [], { NO_COLOR: "1", FORCE_COLOR: "1" }, false],
    ["--color beats NO_COLOR", ["--color"], { NO_COLOR: "1" }, true],
    ["--no-color beats FORCE_COLOR", ["--no-color"], { FORCE_COLOR: "1" }, false],
    ["the last flag wins", ["--no-color", "--color"], {}, true],
  ])("%s", (_name, flags, env, coloured) => {
    const cwd = folder({ "schema.json": schema, "gens.csv": people });
    const run = conforme(cwd, ["lint", "gens.csv", "--schema", "schema.json", "--no-config", ...flags], { env });
    expect(run.code).toBe(1);
    expect(run.stdout.includes(ESC)).toBe(coloured);
  });
});

describe("-o / --output", () => {
  it("creates missing folders, for the report and for --html", () => {
    const cwd = folder({ "schema.json": schema, "gens.csv": people });
    const run = conforme(cwd, [
      "report",
      "gens.csv",
      "--schema",
      "schema.json",
      "--no-config",
      "-f",
      "json",
      "-o",
      "rapports/2026/lint.json",
      "--html",
      "rapports/html/rapport.html",
    ]);
    expect(run.code).toBe(1);
    expect(findings(json(readFileSync(path.join(cwd, "rapports/2026/lint.json"), "utf8")))["gens.csv"]).toContain("type-error@3");
    expect(existsSync(path.join(cwd, "rapports/html/rapport.html"))).toBe(true);
  });
});

describe("paths that match no data file", () => {
  const tree = () => folder({ "donnees/a.csv": "code;nom\n1;A\n", "vide/notes.txt": "x", "archives/.gitkeep": "" });

  it("an empty folder is said on stderr and exits 0", () => {
    const run = conforme(tree(), ["lint", "vide", "--no-config"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("« vide »");
    expect(run.stderr).toContain("--error-on-unmatched-pattern");
  });

  it("an empty folder exits 2 with --error-on-unmatched-pattern", () => {
    const run = conforme(tree(), ["lint", "vide", "--no-config", "--error-on-unmatched-pattern", "--format", "json"]);
    expect(run.code).toBe(2);
    expect(json(run.stdout).runErrors.map((error) => error.code)).toEqual(["no-files"]);
  });

  it("one path of several: named, the others validated, exit 0; with the flag, exit 2 and one error per path", () => {
    const cwd = tree();
    const run = conforme(cwd, ["lint", "donnees", "vide", "archives", "--no-config", "--format", "json"]);
    expect(run.code).toBe(0);
    expect(Object.keys(findings(json(run.stdout)))).toEqual(["donnees/a.csv"]);
    expect(run.stderr).toContain("« vide », « archives »");
    const strict = conforme(cwd, ["lint", "donnees", "vide", "archives", "--no-config", "--format", "json", "--error-on-unmatched-pattern"]);
    expect(strict.code).toBe(2);
    const report = json(strict.stdout);
    expect(Object.keys(findings(report))).toEqual(["donnees/a.csv"]);
    expect(report.runErrors.map((error) => error.code)).toEqual(["no-files", "no-files"]);
    expect(report.options).toMatchObject({ errorOnUnmatchedPattern: true });
  });

  it("a folder of the configuration's files is named as written there", () => {
    const cwd = tree();
    writeFileSync(path.join(cwd, "conforme.config.yaml"), "files: [donnees, vide]\n");
    const run = conforme(cwd, ["lint"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("« vide »");
  });

  it("a glob the shell left unexpanded is an unmatched pattern, a missing file is still an error", () => {
    const cwd = tree();
    const glob = conforme(cwd, ["lint", "exports/*.csv", "--no-config"]);
    expect(glob.code).toBe(0);
    expect(glob.stderr).toContain("« exports/*.csv »");
    expect(conforme(cwd, ["lint", "exports/*.csv", "--no-config", "--error-on-unmatched-pattern"]).code).toBe(2);
    expect(conforme(cwd, ["lint", "absent.csv", "--no-config"]).code).toBe(2);
  });
});

describe("a reader that stops early", () => {
  it("conforme lint … | head: no EPIPE trace, the exit code is the run's", () => {
    // Thousands of findings, far more than a pipe holds, and a reader that leaves after 100 bytes.
    const rows = Array.from({ length: 20_000 }, (_, k) => `x${k},Nom ${k},`).join("\n");
    const cwd = folder({ "gros.csv": `code,nom,courriel\n${rows}\n`, "schema.json": schema });
    const script = `"${process.execPath}" "${bin}" lint gros.csv --schema schema.json --no-config --no-aggregate --max-errors 0 2>stderr.txt | head -c 100 >/dev/null; echo "\${PIPESTATUS[0]}"`;
    const result = spawnSync("bash", ["-c", script], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    expect(result.stdout.trim()).toBe("1");
    expect(readFileSync(path.join(cwd, "stderr.txt"), "utf8")).toBe("");
  });
});

describe("unknown codes under severity.codes", () => {
  it.each([
    ["french-siret-valeu", "french-siret-value"],
    ["siret", "french-siret-value"],
    ["personal-data-emial", "personal-data-email"],
  ])("%s exits 2, naming %s and the line", (code, meant) => {
    const cwd = folder({ "conforme.config.yaml": `lang: fr\nseverity:\n  codes:\n    ${code}: warning\n`, "a.csv": "a\n1\n" });
    const run = conforme(cwd, ["lint", "a.csv"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`conforme.config.yaml:4:5 : severity.codes.${code} :`);
    expect(run.stderr).toContain(`« ${meant} »`);
    expect(run.stdout).toBe("");
  });
});

describe("the audit trail", () => {
  it("records --trusted and --allow-private-network, off by default", () => {
    const cwd = folder({ "a.csv": "a\n1\n" });
    const plain = json(conforme(cwd, ["lint", "a.csv", "--format", "json", "--no-config"]).stdout);
    expect(plain.options).toMatchObject({ trusted: false, allowPrivateNetwork: false });
    const trusting = json(conforme(cwd, ["lint", "a.csv", "--format", "json", "--no-config", "--trusted", "--allow-private-network"]).stdout);
    expect(trusting.options).toMatchObject({ trusted: true, allowPrivateNetwork: true });
  });
});
