import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./shared.js";

const vitest = path.join(repoRoot, "node_modules/vitest/vitest.mjs");
const config = path.join(repoRoot, "test/fixtures/shared-guard/vitest.config.ts");

/** Runs the guarded fixture suite in a child vitest, as on a clone whose `../shared` is missing. */
function runWithoutShared(env: Record<string, string>) {
  const out = mkdtempSync(path.join(tmpdir(), "conforme-shared-guard-"));
  try {
    const reportFile = path.join(out, "report.json");
    // The json reporter drops console output, so the default one runs beside it for the warning.
    const child = spawnSync(process.execPath, [vitest, "run", "--config", config, "--reporter=default", "--reporter=json", `--outputFile.json=${reportFile}`], {
      cwd: repoRoot,
      encoding: "utf8",
      env: { ...process.env, CONFORME_SHARED_DIR: path.join(out, "absent"), CONFORME_REQUIRE_SHARED: "", ...env },
    });
    const report = JSON.parse(readFileSync(reportFile, "utf8")) as { numPassedTests: number; numPendingTests: number; numFailedTestSuites: number };
    return { status: child.status, output: child.stdout + child.stderr, report };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

describe("suites that read ../shared, on a clone without it", () => {
  it("skip their fixture suites with one line, and still run the tests that need no fixture", () => {
    const { status, output, report } = runWithoutShared({});
    expect(status).toBe(0);
    expect(report).toMatchObject({ numPassedTests: 1, numPendingTests: 1, numFailedTestSuites: 0 });
    expect(output.match(/fixture folders: not run, .* is absent/g)).toHaveLength(1);
  });

  it("fail when CONFORME_REQUIRE_SHARED=1, as in CI", () => {
    const { status, report } = runWithoutShared({ CONFORME_REQUIRE_SHARED: "1" });
    expect(status).not.toBe(0);
    expect(report.numFailedTestSuites).toBe(1);
  });
});

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" || entry.name === "dist" ? [] : testFiles(full);
    return entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

// Vitest runs the body of a `describe.runIf(false)` to collect it: a guard placed there lets the
// body read ../shared anyway. Whole suites go through describeShared; single tests may use it.runIf.
it("no suite guards ../shared with describe.runIf or describe.skipIf", () => {
  const files = [...testFiles(path.join(repoRoot, "packages")), ...testFiles(path.join(repoRoot, "test")), ...testFiles(path.join(repoRoot, "action"))];
  expect(files.length).toBeGreaterThan(20);
  const offending = files.filter((file) => /describe\.(runIf|skipIf)\([^)]*shared/i.test(readFileSync(file, "utf8")));
  expect(offending.map((file) => path.relative(repoRoot, file))).toEqual([]);
});
