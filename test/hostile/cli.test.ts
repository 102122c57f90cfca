import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../shared.js";
import { folder } from "./folder.js";

const bin = path.join(repoRoot, "packages/cli/dist/bin.js");
const EXPORT = "code_insee;nom\n75056;Paris\n";

/** The built binary as a user runs it; a hang fails the test through the time-out. */
function conforme(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args, "--no-progress"], { cwd, encoding: "utf8", timeout: 30_000, env: { ...process.env, NO_COLOR: "1" } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const STACK = /\n\s+at .+:\d+:\d+/;

describe("conforme lint on hostile input", () => {
  it.each([
    ["an empty folder", {}],
    ["a folder of unsupported files", { "notes.txt": "x" }],
  ])("%s is said on stderr (exit 0), and fails with --error-on-unmatched-pattern (exit 2)", (_name, files) => {
    const directory = folder(files);
    const run = conforme(directory, "lint", ".");
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/aucun fichier de données dans « \. »/);
    const strict = conforme(directory, "lint", ".", "--error-on-unmatched-pattern");
    expect(strict.code).toBe(2);
    expect(strict.stdout + strict.stderr).toMatch(/Aucun fichier/);
  });

  it("--changed-since=--output=x.txt exits 2 and writes nothing", () => {
    const directory = folder({ "a.csv": EXPORT });
    execFileSync("git", ["init", "-q"], { cwd: directory });
    const run = conforme(directory, "lint", "--changed-since=--output=x.txt");
    expect(run.code).toBe(2);
    expect(existsSync(path.join(directory, "x.txt"))).toBe(false);
  });

  it("a file: resource path exits 2 without a stack trace", () => {
    const pkg = JSON.stringify({ resources: [{ name: "x", path: "file:///etc/hostname", schema: { fields: [{ name: "a" }] } }] });
    const run = conforme(folder({ "datapackage.json": pkg }), "lint", "datapackage.json", "--format", "json");
    expect(run.code).toBe(2);
    expect(run.stderr).not.toMatch(STACK);
    expect(JSON.parse(run.stdout).runErrors.map((error: { code: string }) => error.code)).toEqual(["schema-error"]);
  });

  it("a FIFO and a link to /dev/zero beside a good file: no hang, the good file reported, exit 1", () => {
    const directory = folder({ "ok.csv": EXPORT, "zero.csv": { link: "/dev/zero" } });
    execFileSync("mkfifo", [path.join(directory, "pipe.csv")]);
    const run = conforme(directory, "lint", "pipe.csv", "zero.csv", "ok.csv", "--format", "json");
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { files: Array<{ file: string; stats: { rows: number }; findings: Array<{ code: string }> }> };
    expect(report.files.map((file) => [file.file, file.stats.rows, file.findings.map((finding) => finding.code).join()])).toEqual([
      ["pipe.csv", 0, "source-error"],
      ["zero.csv", 0, "source-error"],
      ["ok.csv", 1, ""],
    ]);
  });

  it("a YAML alias bomb in conforme.config.yaml exits 2 with the file named", () => {
    const bomb = [
      "a: &a [x, x, x, x, x, x, x, x, x]",
      ...["b", "c", "d", "e", "f", "g"].map((name, i) => `${name}: &${name} [${Array(9).fill(`*${"abcdef"[i]}`).join(", ")}]`),
    ].join("\n");
    const run = conforme(folder({ "conforme.config.yaml": bomb, "a.csv": EXPORT }), "lint");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("conforme.config.yaml");
    expect(run.stderr).not.toMatch(STACK);
  });
});
