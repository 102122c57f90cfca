#!/usr/bin/env node
// Lints the real-shaped municipal files of test/fixtures/real-shaped with the built CLI and its
// default settings (no schema, no configuration), and prints the findings counted by code and
// severity: how conforme judges, out of the box, files as portals and Excel really write them.
// Run after a build: `node scripts/real-shaped.mjs` (or `--json` for the counts as JSON).
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bin = path.join(root, "packages/cli/dist/bin.js");
const dir = path.join(root, "test/fixtures/real-shaped");

const counts = {};
for (const name of readdirSync(dir)
  .filter((file) => file.endsWith(".csv"))
  .sort()) {
  const run = spawnSync(process.execPath, [bin, "lint", path.join(dir, name), "--no-config", "--format", "json"], { cwd: root, encoding: "utf8" });
  if (run.status === 2 || run.status === null) {
    console.error(`${name}: the run failed (exit ${run.status})\n${run.stderr}`);
    process.exit(2);
  }
  const report = JSON.parse(run.stdout);
  const byKey = {};
  for (const file of report.files) {
    for (const finding of file.findings) {
      const key = `${finding.code} ${finding.severity}`;
      byKey[key] = (byKey[key] ?? 0) + 1;
    }
  }
  counts[name] = byKey;
}

if (process.argv.includes("--json")) console.log(JSON.stringify(counts, null, 2));
else {
  for (const [name, byKey] of Object.entries(counts)) {
    const keys = Object.keys(byKey).sort();
    console.log(`${name}${keys.length === 0 ? " : aucun constat" : ""}`);
    for (const key of keys) {
      const [code, severity] = key.split(" ");
      console.log(`  ${String(byKey[key]).padStart(4)}  ${severity.padEnd(8)} ${code}`);
    }
  }
}
