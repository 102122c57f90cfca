// Issue 12, schemas: a hostile or broken schema ends the run with a clear French error (exit 2)
// naming where it is broken, never a stack trace, or validates in bounded time and memory.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../shared.js";
import { folder } from "./folder.js";

const bin = path.join(repoRoot, "packages/cli/dist/bin.js");
const STACK = /\n\s+at .+:\d+:\d+/;

function conforme(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args, "--no-progress"], { cwd, encoding: "utf8", timeout: 60_000, env: { ...process.env, NO_COLOR: "1" } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface JsonReport {
  runErrors: { code: string; message: string }[];
  files: { file: string; stats: { rows: number }; findings: { code: string; messageId: string; rowNumber?: number; fieldName?: string }[] }[];
}

const DATA = "a,b\n1,2\n";
const schema = (extra: Record<string, unknown>, fields: unknown[] = [{ name: "a" }, { name: "b" }]) => JSON.stringify({ fields, ...extra });

describe("a broken schema: exit 2, a French message saying where, no stack trace", () => {
  it.each([
    ["malformed JSON", '{"fields": [\n  {"name": "a",}\n]}', /ligne 2, colonne 16/],
    [
      'minimum: "abc" on an integer',
      schema({}, [{ name: "a", type: "integer", constraints: { minimum: "abc" } }, { name: "b" }]),
      /champ « a », fields\[0\]\.constraints\.minimum/,
    ],
    ['maxLength: "5"', schema({}, [{ name: "a", constraints: { maxLength: "5" } }, { name: "b" }]), /fields\[0\]\.constraints\.maxLength : doit être de type integer/],
    ["enum: 3", schema({}, [{ name: "a", constraints: { enum: 3 } }, { name: "b" }]), /fields\[0\]\.constraints\.enum/],
    ["a lookahead", schema({}, [{ name: "code", constraints: { pattern: "(?=\\d)\\d+" } }, { name: "b" }]), /champ « code ».*assertions avant\/arrière/],
    ["a lookbehind", schema({}, [{ name: "code", constraints: { pattern: "(?<=x)y" } }, { name: "b" }]), /champ « code ».*assertions avant\/arrière/],
    ["a backreference", schema({}, [{ name: "code", constraints: { pattern: "(a)\\1" } }, { name: "b" }]), /champ « code ».*référence arrière/],
    ["a primary key on a missing field", schema({ primaryKey: ["id"] }), /primaryKey.*« id », absent du schéma/],
    ["a foreign key on a missing field", schema({ foreignKeys: [{ fields: ["id"], reference: { resource: "", fields: ["a"] } }] }), /foreignKeys\[0\]\.fields\[0\].*« id »/],
  ])("%s", (_name, text, message) => {
    const directory = folder({ "data.csv": DATA, "schema.json": text });
    const run = conforme(directory, "lint", "data.csv", "--schema", "schema.json");
    expect(run.code).toBe(2);
    expect(run.stderr + run.stdout).toMatch(message);
    expect(run.stderr + run.stdout).not.toMatch(STACK);
  });

  it("a 50 MB schema is refused before it is read whole", () => {
    const directory = folder({ "data.csv": DATA });
    writeFileSync(path.join(directory, "schema.json"), schema({ description: "x".repeat(50 * 1024 * 1024) }));
    const run = conforme(directory, "lint", "data.csv", "--schema", "schema.json", "--format", "json");
    expect(run.code).toBe(2);
    // As a missing or unreadable schema file: a run error before any data is read.
    expect((JSON.parse(run.stdout) as JsonReport).runErrors.map((error) => error.code)).toEqual(["run-error"]);
    expect(run.stderr).toMatch(/n'est pas lu : plus de 20 Mio/);
    expect(run.stderr).not.toMatch(STACK);
  });

  it("/dev/zero as a schema is refused at once", () => {
    const run = conforme(folder({ "data.csv": DATA }), "lint", "data.csv", "--schema", "/dev/zero");
    expect(run.code).toBe(2);
    expect(run.stdout + run.stderr).toMatch(/pas un fichier ordinaire/);
  });
});

describe("a heavy or tangled schema that is valid: validated, bounded", () => {
  it("10,000 fields: each label checked, a wrong one found", () => {
    const fields = Array.from({ length: 10_000 }, (_, k) => ({ name: `c${k}`, type: "integer" }));
    const labels = fields.map((field) => field.name);
    labels[7_777] = "wrong";
    const row = fields.map((_, k) => (k === 9_999 ? "x" : String(k)));
    const directory = folder({ "data.csv": `${labels.join(",")}\n${row.join(",")}\n`, "schema.json": schema({}, fields) });
    const run = conforme(directory, "lint", "data.csv", "--schema", "schema.json", "--format", "json", "--header-mode", "position");
    expect(run.code).toBe(1);
    const findings = (JSON.parse(run.stdout) as JsonReport).files[0]!.findings.filter((finding) => !finding.code.startsWith("personal-data"));
    expect(findings.map((finding) => `${finding.code}@${finding.rowNumber}:${finding.fieldName}`).sort()).toEqual(["incorrect-label@1:c7777", "type-error@2:c9999"]);
  });

  it("a field whose foreign key references its own resource", () => {
    const text = schema({ foreignKeys: [{ fields: ["parent"], reference: { resource: "", fields: ["id"] } }] }, [{ name: "id" }, { name: "parent" }]);
    const directory = folder({ "data.csv": "id,parent\n1,\n2,1\n3,9\n", "schema.json": text });
    const run = conforme(directory, "lint", "data.csv", "--schema", "schema.json", "--format", "json");
    expect(run.code).toBe(1);
    const findings = (JSON.parse(run.stdout) as JsonReport).files[0]!.findings;
    expect(findings.map((finding) => `${finding.code}@${finding.rowNumber}`)).toEqual(["foreign-key@4"]);
  });

  it("resources of a data package referencing each other in a circle", () => {
    const resource = (name: string, other: string) => ({
      name,
      path: `${name}.csv`,
      schema: { fields: [{ name: "id" }, { name: "ref" }], foreignKeys: [{ fields: ["ref"], reference: { resource: other, fields: ["id"] } }] },
    });
    const descriptor = JSON.stringify({ resources: [resource("r1", "r2"), resource("r2", "r3"), resource("r3", "r1")] });
    const directory = folder({ "datapackage.json": descriptor, "r1.csv": "id,ref\n1,2\n4,9\n", "r2.csv": "id,ref\n2,3\n", "r3.csv": "id,ref\n3,1\n" });
    const run = conforme(directory, "lint", "datapackage.json", "--format", "json");
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.runErrors).toEqual([]);
    const found = report.files.flatMap((file) => file.findings.filter((finding) => finding.code === "foreign-key").map((finding) => `${file.file}@${finding.rowNumber}`));
    expect(found).toEqual(["r1.csv@3"]);
  });

  // Python's re (frictionless) takes about 2^100000 steps on these; RE2 semantics answer at once.
  it.each([
    ["^(a+)+$", "a".repeat(100_000), `${"a".repeat(100_000)}!`],
    ["(a|a)*b", `${"a".repeat(100_000)}b`, "a".repeat(100_000)],
    ["(\\w+\\s?)*$", `${"mot ".repeat(25_000)}`, `${"mot ".repeat(25_000)}!`],
    ["(x+x+)+y", `${"x".repeat(100_000)}y`, "x".repeat(100_000)],
  ])("catastrophic pattern %s on a 100 kB cell: the right verdict", (pattern, matching, failing) => {
    const text = schema({}, [{ name: "v", constraints: { pattern } }]);
    const directory = folder({ "data.csv": `v\n${matching}\n${failing}\n`, "schema.json": text });
    const run = conforme(directory, "lint", "data.csv", "--schema", "schema.json", "--format", "json");
    expect(run.code).toBe(1);
    const findings = (JSON.parse(run.stdout) as JsonReport).files[0]!.findings.filter((finding) => finding.code === "constraint-error");
    expect(findings.map((finding) => `${finding.messageId}@${finding.rowNumber}`)).toEqual(["pattern@3"]);
  });
});

describe("a broken data package descriptor", () => {
  it("malformed datapackage.json: exit 2 with its line and column", () => {
    const run = conforme(folder({ "datapackage.json": '{"resources": [\n  {"name": "x",}\n]}' }), "lint", "datapackage.json");
    expect(run.code).toBe(2);
    expect(run.stdout + run.stderr).toMatch(/ligne 2, colonne 16/);
    expect(run.stdout + run.stderr).not.toMatch(STACK);
  });
});
