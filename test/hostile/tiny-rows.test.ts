// Issue 12: 10 million tiny rows (`a\n`, 20 MB). The CLI counts them all in bounded memory; the
// peak resident memory of the child process is measured by the child itself. Linear time is shown
// by `node scripts/fuzz.mjs --scale` (1M against 10M rows), not by a timed test.
import { spawnSync } from "node:child_process";
import { createWriteStream } from "node:fs";
import path from "node:path";
import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../shared.js";
import { folder } from "./folder.js";

const bin = path.join(repoRoot, "packages/cli/dist/bin.js");
const ROWS = 10_000_000;
const MAX_RSS_MB = 300;

// Runs the built CLI and prints the process's peak resident set size (KiB) on exit.
const MEASURED = `process.on("exit", () => process.stderr.write("maxrss=" + process.resourceUsage().maxRSS + "\\n")); process.argv.splice(1, 0, "conforme"); await import(${JSON.stringify(bin)});`;

async function writeTinyRows(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file);
  out.write("v\n");
  const block = "a\n".repeat(100_000);
  for (let k = 0; k < rows / 100_000; k++) if (!out.write(block)) await once(out, "drain");
  out.end();
  await once(out, "finish");
}

describe("10 million tiny rows", () => {
  it(`are all counted, in less than ${MAX_RSS_MB} MB`, async () => {
    const directory = folder({});
    await writeTinyRows(path.join(directory, "tiny.csv"), ROWS);
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", MEASURED, "lint", "tiny.csv", "--format", "json", "--no-progress"], {
      cwd: directory,
      encoding: "utf8",
      timeout: 170_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as { files: { stats: { rows: number } }[] };
    expect(report.files[0]!.stats.rows).toBe(ROWS);
    const maxRss = Number(/maxrss=(\d+)/.exec(run.stderr)?.[1]);
    expect(maxRss).toBeGreaterThan(0);
    expect(maxRss / 1024).toBeLessThan(MAX_RSS_MB);
  }, 180_000);
});
