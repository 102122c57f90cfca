import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../shared.js";

const bin = path.join(repoRoot, "packages/cli/dist/bin.js");
const cwd = mkdtempSync(path.join(tmpdir(), "conforme-sarif-cap-"));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

/**
 * A file with more errors than GitHub code scanning accepts in one run (25,000 results): an
 * Excel-style export (`;`, Windows-1252) whose amounts use a decimal comma against a `number` field.
 */
describe("conforme lint --format sarif past GitHub's results limit", () => {
  it("keeps 25,000 results, every error among them, and says on stderr how many were left out", () => {
    writeFileSync(
      path.join(cwd, "schema.json"),
      JSON.stringify({
        fields: [
          { name: "bénéficiaire", type: "string" },
          { name: "montant", type: "number" },
          { name: "catégorie", type: "string", constraints: { enum: ["A", "B"] } },
        ],
      }),
    );
    // Decimal commas are tolerated as warnings here; the out-of-list categories stay errors.
    writeFileSync(path.join(cwd, "conforme.config.yaml"), "severity:\n  codes:\n    type-error: warning\n");
    const rows = ["bénéficiaire;montant;catégorie"];
    // 25,010 rows: each has a type-error (decimal comma); every 1,000th also an enum constraint-error.
    for (let index = 0; index < 25_010; index++) rows.push(`Association ${index};${index},50;${index % 1000 === 0 ? "Z" : "A"}`);
    writeFileSync(path.join(cwd, "subventions.csv"), Buffer.from(`${rows.join("\r\n")}\r\n`, "latin1"));

    const result = spawnSync(
      process.execPath,
      [
        bin,
        "lint",
        "subventions.csv",
        "--schema",
        "schema.json",
        "--encoding",
        "windows-1252",
        "--max-errors",
        "100000",
        "--format",
        "sarif",
        "--output",
        "out.sarif",
        "--no-progress",
        "--no-aggregate",
      ],
      {
        cwd,
        encoding: "utf8",
        env: { ...process.env, NO_COLOR: "1", CI: undefined },
      },
    );
    expect(result.status, result.stderr).toBe(1);
    const run = (
      JSON.parse(readFileSync(path.join(cwd, "out.sarif"), "utf8")) as {
        runs: Array<{ results: Array<{ ruleId: string }>; properties: { totalResults: number; omittedResults: number } }>;
      }
    ).runs[0]!;
    const total = run.properties.totalResults;
    expect(total).toBeGreaterThan(25_000);
    expect(run.results).toHaveLength(25_000);
    expect(run.properties.omittedResults).toBe(total - 25_000);
    expect(run.results.filter((item) => item.ruleId === "constraint-error")).toHaveLength(26);
    expect(result.stderr).toContain(String(total - 25_000));
  }, 120_000);
});
