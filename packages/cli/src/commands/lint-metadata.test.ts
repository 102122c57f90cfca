import { spawnSync } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateReport } from "../../../../test/report-schema.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
const bin = path.join(repoRoot, "packages/cli/dist/bin.js");

const schema = {
  fields: [
    { name: "date_seance", type: "date" },
    { name: "code_insee", type: "string" },
  ],
};
// Dates of 2023 and 2024, communes of Ille-et-Vilaine (35) and Paris (75056).
const csv = "date_seance,code_insee\n2023-11-20,35238\n2024-05-14,35047\n2024-09-30,75056\n";
const datapackage = {
  name: "seances",
  title: "Séances du conseil",
  description: "Dates des séances du conseil municipal.",
  licenses: [{ name: "etalab-2.0" }],
  "x-conforme": { spatial: ["35"], temporal: { start: "2024-01-01", end: "2024-12-31" } },
  resources: [{ name: "seances", path: "seances.csv", schema: "schema.json" }],
};
const dataset = `title: Séances
description: Dates des séances du conseil municipal et communes concernées.
spatial: ["fr:commune:35238"]
distributions:
  - path: ../donnees/seances.csv
`;

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "conforme-cli-metadata-"));
  for (const sub of ["paquet", "donnees", "meta"]) await mkdir(path.join(dir, sub));
  await writeFile(path.join(dir, "paquet/seances.csv"), csv);
  await writeFile(path.join(dir, "paquet/schema.json"), JSON.stringify(schema));
  await writeFile(path.join(dir, "paquet/datapackage.json"), JSON.stringify(datapackage, null, 2));
  await writeFile(path.join(dir, "donnees/seances.csv"), csv);
  await writeFile(path.join(dir, "donnees/schema.json"), JSON.stringify(schema));
  await writeFile(path.join(dir, "meta/conforme.dataset.yml"), dataset);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function cli(args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

type Json = {
  valid: boolean;
  stats: { errors: number };
  metadata?: { descriptor: string; dataFiles: string[]; findings: { code: string; severity: string; line?: number; data: Record<string, unknown> }[] }[];
};

describe("conforme lint scores metadata (built binary)", () => {
  it("scores the datapackage.json next to the data and compares it with the dates and codes of the file", () => {
    const { status, stdout } = cli(["lint", "paquet", "--format", "json", "--now", "2025-01-10"]);
    expect(status).toBe(0);
    const report = JSON.parse(stdout) as Json;
    validateReport(report);
    const [section] = report.metadata ?? [];
    expect(section?.descriptor).toBe("paquet/datapackage.json");
    const byCode = Object.fromEntries(section!.findings.map((f) => [f.code, f]));
    expect(byCode["metadata-temporal-mismatch"]?.data).toMatchObject({ field: "date_seance", min: "2023-11-20", max: "2024-09-30" });
    expect(byCode["metadata-spatial-mismatch"]?.data).toEqual({ codes: ["75056"], count: 1 });
    expect(byCode["metadata-spatial-mismatch"]?.line).toBeGreaterThan(1);
  });

  it.each([
    [["--min-score", "400"], 1, "metadata-min-score"],
    [["--min-rating", "excellent"], 1, "metadata-min-rating"],
    [["--min-score", "10", "--min-rating", "bad"], 0, undefined],
  ])("thresholds %o exit %i", (extra, expected, code) => {
    const { status, stdout } = cli(["lint", "paquet", "--now", "2025-01-10", ...extra]);
    expect(status).toBe(expected);
    // The terminal output names the descriptor and the failed threshold.
    expect(stdout).toContain("paquet/datapackage.json");
    // Listed with the other findings, in the stylish format (French by default).
    if (code) expect(stdout).toMatch(new RegExp(`\\s+erreur\\s+.*${code}$`, "m"));
    else expect(stdout).not.toMatch(/metadata-min-/);
  });

  it("scores a descriptor named with --metadata against the files of the run", () => {
    const { status, stdout } = cli([
      "lint",
      "donnees/seances.csv",
      "--schema",
      "donnees/schema.json",
      "--metadata",
      "meta/conforme.dataset.yml",
      "--format",
      "json",
      "--now",
      "2025-01-10",
    ]);
    expect(status).toBe(0);
    const report = JSON.parse(stdout) as Json;
    validateReport(report);
    expect(report.metadata?.map((m) => [m.descriptor, m.dataFiles])).toEqual([["meta/conforme.dataset.yml", ["donnees/seances.csv"]]]);
    const spatial = report.metadata![0]!.findings.find((f) => f.code === "metadata-spatial-mismatch");
    expect(spatial?.data).toEqual({ codes: ["35047", "75056"], count: 2 });
    expect(spatial?.line).toBe(3);
  });

  it("draws the metadata section in the HTML report", () => {
    const { status, stdout } = cli(["lint", "paquet", "--format", "html", "--now", "2025-01-10"]);
    expect(status).toBe(0);
    expect(stdout).toContain('id="metadata"');
    expect(stdout).toContain('data-score="mqa"');
  });

  it.each([[["--min-rating", "great"]], [["--min-score", "beaucoup"]], [["--now", "demain"]], [["--metadata", "meta/absent.yml"]]])("bad metadata options exit 2: %o", (extra) => {
    expect(cli(["lint", "paquet", ...extra]).status).toBe(2);
  });
});
