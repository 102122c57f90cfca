import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import type { FileReport } from "./report.js";
import { lintWithPreview, type LintOptions } from "./lint.node.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const corpus = path.join(repoRoot, "test/fixtures/real-shaped");
const scratch = mkdtempSync(path.join(tmpdir(), "conforme-lint-input-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function folder(files: Record<string, string>): string {
  const directory = mkdtempSync(path.join(scratch, "case-"));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(directory, name)), { recursive: true });
    writeFileSync(path.join(directory, name), content);
  }
  return directory;
}

const options: LintOptions = { metadata: false };
/** What a reader compares between two runs of the same bytes: everything but the name and timings. */
const verdict = (file: FileReport) => ({
  encoding: file.encoding,
  dialect: file.dialect,
  labels: file.labels,
  stats: file.stats,
  findings: file.findings.map(({ code, messageId, rowNumber, fieldNumber, severity }) => ({ code, messageId, rowNumber, fieldNumber, severity })),
});

describe("standard input (`-`)", () => {
  it.each(["scdl-subventions-excel-1252.csv", "opendatasoft-equipements.csv", "prenoms-naissances.csv"])("%s read from stdin gets the verdict of the file", async (name) => {
    const bytes = readFileSync(path.join(corpus, name));
    const fromFile = await lintWithPreview([name], { ...options, cwd: corpus, previewRows: 0 });
    const fromStdin = await lintWithPreview(["-"], { ...options, cwd: scratch, stdin: { bytes }, previewRows: 0 });
    expect(fromStdin.report.runErrors).toEqual([]);
    expect(fromStdin.report.files.map((file) => file.file)).toEqual(["-"]);
    expect(verdict(fromStdin.report.files[0]!)).toEqual(verdict(fromFile.report.files[0]!));
  });

  it("--stdin-filename names it in the report and picks the schema from the configuration's globs", async () => {
    const cwd = folder({ "schema.json": JSON.stringify({ fields: [{ name: "code", type: "integer" }] }) });
    const schemaFor = (file: string) => (file.endsWith(`${path.sep}budget${path.sep}2024.csv`) ? path.join(cwd, "schema.json") : undefined);
    const bytes = Buffer.from("code\n1\nx\n");
    const named = await lintWithPreview(["-"], { ...options, cwd, schemaFor, stdin: { bytes, filename: "budget/2024.csv" } });
    expect(named.report.files.map((file) => [file.file, file.findings.map((finding) => `${finding.code}@${finding.rowNumber}`)])).toEqual([["budget/2024.csv", ["type-error@3"]]]);
    expect(named.previews["budget/2024.csv"]?.rows.length).toBe(2);
  });

  it("sits beside files given with it", async () => {
    const cwd = folder({ "a.csv": "x;y\n1;2\n" });
    const { report } = await lintWithPreview(["a.csv", "-"], {
      ...options,
      cwd,
      stdin: { bytes: Buffer.from("nom;commune\nA;Dijon\n;\nB;Beaune\n"), filename: "b.csv" },
      previewRows: 0,
    });
    expect(report.files.map((file) => [file.file, file.findings.map((finding) => finding.code)])).toEqual([
      ["a.csv", []],
      ["b.csv", ["blank-row"]],
    ]);
  });

  it("is a run error when the caller gives no standard input", async () => {
    const { report } = await lintWithPreview(["-"], { ...options, cwd: scratch });
    expect(report.runErrors.map((error) => error.code)).toEqual(["run-error"]);
  });
});

describe("paths that match no data file", () => {
  const cwd = folder({ "donnees/a.csv": "x\n1\n", "vide/notes.txt": "x", "autre/.gitkeep": "" });
  const run = async (paths: string[], errorOnUnmatchedPattern?: boolean) => {
    const { report, unmatched } = await lintWithPreview(paths, { ...options, cwd, previewRows: 0, ...(errorOnUnmatchedPattern !== undefined && { errorOnUnmatchedPattern }) });
    return { unmatched, runErrors: report.runErrors.map((error) => error.code), files: report.files.map((file) => file.file) };
  };

  it.each([
    ["one folder of several", ["donnees", "vide"], ["vide"]],
    ["an unexpanded glob", ["donnees", "exports/*.csv"], ["exports/*.csv"]],
    ["a folder whose files an earlier path found", ["donnees", "donnees/a.csv", "."], []],
    ["every path", ["vide", "autre"], ["vide", "autre"]],
  ])("are listed: %s", async (_name, paths, expected) => {
    expect((await run(paths, false)).unmatched).toEqual(expected);
  });

  it("fail the run, one no-files error each, with errorOnUnmatchedPattern", async () => {
    expect(await run(["donnees", "vide", "autre"], true)).toEqual({ unmatched: ["vide", "autre"], runErrors: ["no-files", "no-files"], files: ["donnees/a.csv"] });
  });

  it("do not fail the run without it", async () => {
    expect(await run(["donnees", "vide"], false)).toEqual({ unmatched: ["vide"], runErrors: [], files: ["donnees/a.csv"] });
    expect(await run(["vide"], false)).toEqual({ unmatched: ["vide"], runErrors: [], files: [] });
  });

  it("fail only an empty run when the option is unset (the library's and the Action's default)", async () => {
    expect((await run(["donnees", "vide"])).runErrors).toEqual([]);
    expect((await run(["vide"])).runErrors).toEqual(["no-files"]);
  });

  it("a missing path without glob characters stays file-not-found", async () => {
    expect(await run(["absent.csv"], false)).toMatchObject({ unmatched: [], runErrors: ["file-not-found"] });
  });
});

describe("the audit trail (report.options)", () => {
  it("records the options with their defaults resolved, whoever calls lint, and the caller's own settings", async () => {
    const cwd = folder({ "a.csv": "nom;commune\nA;Dijon\n" });
    const { report } = await lintWithPreview(["a.csv"], {
      ...options,
      cwd,
      catalogUrl: "https://user:secret@example.org/schemas.json?token=t",
      audit: { command: "lint", format: "json" },
    });
    expect(report.options).toEqual({
      paths: ["a.csv"],
      lang: "fr",
      maxErrors: 1000,
      headerMode: "auto",
      offline: false,
      catalogUrl: "https://example.org/schemas.json",
      gitignore: true,
      trusted: false,
      allowPrivateNetwork: false,
      personalData: true,
      customChecks: true,
      command: "lint",
      format: "json",
    });
  });

  it("records what was given instead of a default", async () => {
    const cwd = folder({ "a.csv": "nom;commune\nA;Dijon\n" });
    const { report } = await lintWithPreview(["a.csv"], { ...options, cwd, lang: "en", maxErrors: 5, headerMode: "position", personalData: false });
    expect(report.options).toMatchObject({ lang: "en", maxErrors: 5, headerMode: "position", personalData: false });
    expect(report.options).not.toHaveProperty("command");
  });
});
