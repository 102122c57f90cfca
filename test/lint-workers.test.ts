import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "./shared.js";

/**
 * Several files on several cores (LintOptions.workers, on in the CLI): the report must be the
 * sequential run's, files in the same order, timings aside. Runs the built package, where the
 * worker script exists (from the TypeScript sources the files are validated in turn).
 */
const dir = mkdtempSync(path.join(tmpdir(), "conforme-workers-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

writeFileSync(
  path.join(dir, "schema.json"),
  JSON.stringify({
    fields: [
      { name: "id", type: "integer" },
      { name: "code_insee", type: "string", constraints: { pattern: "([013-9]\\d|2[AB1-9])\\d{3}" } },
      { name: "montant", type: "number", constraints: { minimum: 0 } },
      { name: "telephone", type: "string" },
    ],
    primaryKey: ["id"],
  }),
);
// Opendatasoft-like export: `;` separator, one broken row per file, mobiles in one column.
const files = ["c-communes.csv", "a-subventions.csv", "b-equipements.csv", "d-vide.csv"];
files.forEach((name, n) => {
  const rows = Array.from(
    { length: 300 + n * 50 },
    (_, i) => `${i + 1};${i % 7 === n ? "2C004" : "75056"};${i === 5 + n ? "-3" : "12.5"};06 12 34 ${String(10 + (i % 90))} ${String(10 + n)}`,
  );
  if (n === 1) rows.push("3;75056;1;06 11 22 33 44");
  writeFileSync(path.join(dir, name), n === 3 ? "id;code_insee;montant;telephone\n" : `id;code_insee;montant;telephone\n${rows.join("\n")}\n`);
});

type Report = { durationMs?: number; createdAt?: string; files: { file: string; durationMs?: number }[] };
const withoutTimings = (report: Report) => ({
  ...report,
  durationMs: 0,
  createdAt: "",
  files: report.files.map((file) => ({ ...file, durationMs: 0 })),
});

describe("lint in worker threads", () => {
  it("gives the sequential report, files in the same order", async () => {
    const { lint } = (await import(pathToFileURL(path.join(repoRoot, "packages/core/dist/node.js")).href)) as {
      lint(paths: string[], options: Record<string, unknown>): Promise<Report>;
    };
    const options = { cwd: dir, schema: "schema.json", metadata: false };
    const sequential = await lint(["."], options);
    const threaded = await lint(["."], { ...options, workers: true });
    expect(sequential.files.map((file) => file.file)).toEqual(["a-subventions.csv", "b-equipements.csv", "c-communes.csv", "d-vide.csv"]);
    const codes = sequential.files.flatMap((file) => (file as unknown as { findings: { code: string }[] }).findings.map((finding) => finding.code));
    expect(codes).toEqual(expect.arrayContaining(["constraint-error", "primary-key", "personal-data-phone"]));
    expect(withoutTimings(threaded)).toEqual(withoutTimings(sequential));
  });
});
