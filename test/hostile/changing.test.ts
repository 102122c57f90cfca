// Issue 12, files changing while read: truncated, grown, removed or replaced between discovery
// and read. Simulated deterministically with the engine's progress events: "start" comes once the
// file is open and its size taken, before its first byte is read.
import { execFileSync } from "node:child_process";
import { appendFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lint, type ProgressEvent } from "../../packages/core/src/node.js";
import { readTable, type ReadProblem } from "../../packages/core/src/reading/index.js";
import { folder } from "./folder.js";

// An Opendatasoft export: `;`, geo_point_2d.
const HEADER = "code_insee;nom;geo_point_2d\n";
const rows = (count: number) => Array.from({ length: count }, (_, k) => `${75101 + (k % 20)};Paris ${k};48.85, 2.35\n`).join("");

async function lintWhile(files: Record<string, string>, onStart: (name: string, directory: string) => void) {
  const directory = folder(files);
  const report = await lint(Object.keys(files), {
    cwd: directory,
    personalData: false,
    // One file at a time: the next is opened only once this one is done.
    concurrency: 1,
    onProgress: (event: ProgressEvent) => {
      if (event.kind === "start") onStart(event.file, directory);
    },
  });
  const byName = Object.fromEntries(report.files.map((file) => [file.file, file]));
  const reasons = (name: string) => byName[name]!.findings.filter((finding) => finding.code === "source-error").map((finding) => finding.data.reason);
  return { report, byName, reasons, directory };
}

describe("a file changing while it is read", () => {
  it("truncated after it was opened: source-error (changed), the other file reported", async () => {
    const { byName, reasons } = await lintWhile({ "a.csv": HEADER + rows(5000), "b.csv": HEADER + rows(3) }, (name, directory) => {
      if (name === "a.csv") truncateSync(path.join(directory, name), 1000);
    });
    expect(reasons("a.csv")).toEqual(["changed"]);
    expect(byName["a.csv"]!.valid).toBe(false);
    expect(byName["b.csv"]!.findings).toEqual([]);
    expect(byName["b.csv"]!.stats.rows).toBe(3);
  });

  it("grown after it was opened: read up to the size opened, source-error (changed)", async () => {
    const { byName, reasons } = await lintWhile({ "a.csv": HEADER + rows(100), "b.csv": HEADER + rows(3) }, (name, directory) => {
      if (name === "a.csv") appendFileSync(path.join(directory, name), rows(10_000));
    });
    expect(reasons("a.csv")).toEqual(["changed"]);
    expect(byName["a.csv"]!.stats.rows).toBe(100);
    expect(byName["b.csv"]!.stats.rows).toBe(3);
  });

  it("rewritten with the same size: source-error (changed)", async () => {
    const text = HEADER + rows(50);
    const { reasons } = await lintWhile({ "a.csv": text }, (name, directory) => {
      const file = path.join(directory, name);
      // A later modification time, as a rewrite gives: the file system's clock may not tick.
      writeFileSync(file, text.replace("Paris 1;", "Lyon 1;;"));
      execFileSync("touch", ["-d", "2030-01-01", file]);
    });
    expect(reasons("a.csv")).toEqual(["changed"]);
  });

  it("removed, or replaced by a FIFO, between discovery and read: source-error, no hang", async () => {
    const { byName, reasons } = await lintWhile({ "a.csv": HEADER + rows(3), "b.csv": HEADER + rows(3), "c.csv": HEADER + rows(3) }, (name, directory) => {
      if (name !== "a.csv") return;
      rmSync(path.join(directory, "b.csv"));
      rmSync(path.join(directory, "c.csv"));
      execFileSync("mkfifo", [path.join(directory, "c.csv")]);
    });
    expect(byName["a.csv"]!.findings).toEqual([]);
    expect(reasons("b.csv")).toEqual(["read"]);
    expect(reasons("c.csv")).toEqual(["not-regular"]);
  });

  it("an unchanged file has no such finding", async () => {
    const { byName } = await lintWhile({ "a.csv": HEADER + rows(10) }, () => undefined);
    expect(byName["a.csv"]!.findings).toEqual([]);
  });
});

describe("readTable on a source failing part-way", () => {
  // A ByteSource that yields whole records, then fails as a vanished network volume does (EIO).
  async function* failing(): AsyncGenerator<Uint8Array> {
    yield new TextEncoder().encode(HEADER + rows(2));
    throw Object.assign(new Error("EIO: i/o error, read"), { code: "EIO" });
  }

  it("keeps the records read and says why it stopped", async () => {
    const records: string[][] = [];
    const problems: ReadProblem[] = [];
    await readTable(
      failing(),
      { dialect: { delimiter: ";", quoteChar: '"', lineTerminator: "\n" } },
      { record: (cells) => void records.push(cells), problem: (problem) => void problems.push(problem) },
    );
    expect(records.map((cells) => cells[0])).toEqual(["code_insee", "75101", "75102"]);
    expect(problems.map((problem) => [problem.code, problem.data.reason])).toEqual([["source-error", "read"]]);
  });
});
