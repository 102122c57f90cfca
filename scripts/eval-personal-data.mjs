#!/usr/bin/env node
// Column-level evaluation of the personal-data detectors on the synthetic municipal corpus in
// eval/personal-data/: precision, recall and F1 per kind and overall (micro-averaged).
// Usage: node scripts/eval-personal-data.mjs [--json]   (evaluates the sources of packages/core)
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const corpusDir = path.join(root, "eval/personal-data");
/** Column-level targets ("Real municipal files, right by default"): precision first. */
export const TARGETS = { precision: 0.97, f1: 0.95 };

/** Decodes UTF-8, falling back to Latin-1 (windows-1252) as municipal exports often are. */
export function decode(bytes) {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

function ratio(a, b) {
  return b === 0 ? 1 : a / b;
}

function scores({ tp, fp, fn }) {
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

/** Table Schema fields as the check sees them: what the schema declares each field holds. */
function declaredFields(dir, schemaFile) {
  if (!schemaFile) return undefined;
  const schema = JSON.parse(readFileSync(path.join(dir, schemaFile), "utf8"));
  return schema.fields.map(({ name, title, description }) => ({ name, title, description }));
}

/**
 * Runs the personal-data check over every corpus file and compares the (column, kind) pairs it
 * flags (any severity, accepted or exempt included: the column holds the kind) with the ground
 * truth. A file listed in `schemas` is checked as published under that Table Schema. Scores are
 * given for the whole corpus and for the held-out files alone (written before tuning, never
 * tuned on). `errorFalsePositives` lists error-level findings on a (column, kind) the truth does
 * not hold: the confident false alarms. `core` is the built package or the source module;
 * `Papa` is papaparse.
 */
export function evaluate(core, Papa, dir = corpusDir) {
  const truthFile = JSON.parse(readFileSync(path.join(dir, "ground-truth.json"), "utf8"));
  const truth = truthFile.files;
  const heldOut = new Set(truthFile.heldOut ?? []);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".csv"))
    .sort();
  const check = core.personalDataChecks.find((c) => c.id === "personal-data");
  const tallies = { all: new Map(), heldOut: new Map() };
  const errors = [];
  const errorFalsePositives = [];
  const perFile = {};
  const count = (tally, kind, key) => {
    if (!tally.has(kind)) tally.set(kind, { tp: 0, fp: 0, fn: 0 });
    tally.get(kind)[key]++;
  };
  for (const file of files) {
    const text = decode(readFileSync(path.join(dir, file)));
    const parsed = Papa.parse(text, { skipEmptyLines: true });
    const [labels, ...rows] = parsed.data;
    const findings = core.runChecks([check], { labels, rows, declaredFields: declaredFields(dir, truthFile.schemas?.[file]) });
    const predicted = new Set(findings.filter((f) => f.fieldName !== undefined).map((f) => `${f.fieldName}\u0000${f.data.kind}`));
    const expected = new Set();
    for (const [column, kinds] of Object.entries(truth[file] ?? {})) for (const kind of kinds) expected.add(`${column}\u0000${kind}`);
    for (const key of new Set([...predicted, ...expected])) {
      const [column, kind] = key.split("\u0000");
      const p = predicted.has(key);
      const e = expected.has(key);
      const outcome = p && e ? "tp" : p ? "fp" : "fn";
      count(tallies.all, kind, outcome);
      if (heldOut.has(file)) count(tallies.heldOut, kind, outcome);
      if (p !== e) errors.push({ file, column, kind, error: p ? "false positive" : "false negative" });
    }
    const bySeverity = { error: 0, warning: 0, info: 0 };
    for (const f of findings) {
      bySeverity[f.severity]++;
      if (f.severity === "error" && !expected.has(`${f.fieldName}\u0000${f.data.kind}`)) {
        errorFalsePositives.push({ file, column: f.fieldName, kind: f.data.kind, rowNumber: f.rowNumber });
      }
    }
    perFile[file] = { findings: findings.length, ...bySeverity, heldOut: heldOut.has(file) };
  }
  const summary = (tally) => {
    const perKind = Object.fromEntries([...tally].sort(([a], [b]) => a.localeCompare(b)).map(([k, t]) => [k, scores(t)]));
    const total = [...tally.values()].reduce((s, t) => ({ tp: s.tp + t.tp, fp: s.fp + t.fp, fn: s.fn + t.fn }), { tp: 0, fp: 0, fn: 0 });
    return { perKind, overall: scores(total) };
  };
  const all = summary(tallies.all);
  return {
    files: files.length,
    heldOutFiles: files.filter((f) => heldOut.has(f)).length,
    perKind: all.perKind,
    overall: all.overall,
    heldOut: summary(tallies.heldOut),
    errors,
    errorFalsePositives,
    perFile,
  };
}

/** True when the scores meet the targets and no error-level finding is a false alarm. */
export function meetsTargets(result) {
  return result.overall.precision >= TARGETS.precision && result.overall.f1 >= TARGETS.f1 && result.errorFalsePositives.length === 0;
}

/**
 * The personal-data checks and the check tester, bundled from the sources with esbuild: the
 * tester is internal to the repository, the published package does not export it.
 */
async function loadSources() {
  const { build } = await import("esbuild");
  const src = path.join(root, "packages/core/src");
  const result = await build({
    stdin: {
      contents: `export { runChecks } from "./checks/check-tester.ts";\nexport { personalDataChecks } from "./personal-data/index.ts";\n`,
      resolveDir: src,
      loader: "ts",
    },
    bundle: true,
    format: "esm",
    platform: "node",
    // The tester's vitest cases are never declared here: vitest stands for nothing.
    plugins: [
      {
        name: "no-vitest",
        setup(build) {
          build.onResolve({ filter: /^vitest$/ }, () => ({ path: "vitest", namespace: "no-vitest" }));
          build.onLoad({ filter: /.*/, namespace: "no-vitest" }, () => ({ contents: "export const describe = undefined, it = undefined, expect = undefined;" }));
        },
      },
    ],
    write: false,
    logLevel: "error",
  });
  const dir = mkdtempSync(path.join(tmpdir(), "conforme-eval-"));
  const file = path.join(dir, "core.mjs");
  try {
    writeFileSync(file, result.outputFiles[0].text);
    return await import(pathToFileURL(file).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const args = process.argv.slice(2);
  const json = args.includes("--json");
  const core = await loadSources();
  const Papa = createRequire(path.join(root, "packages/core/package.json"))("papaparse");
  // As the engine does before the first row: loads the libraries the detectors import lazily.
  await Promise.all(core.personalDataChecks.map((check) => check.prepare?.()));
  const result = evaluate(core, Papa);
  process.exitCode = meetsTargets(result) ? 0 : 1;
  if (json) {
    console.log(JSON.stringify(result, null, 2));
    return;
  }
  const pct = (x) => x.toFixed(3);
  const table = (title, perKind, overall) => {
    console.log(title);
    console.log("kind".padEnd(14), "TP".padStart(4), "FP".padStart(4), "FN".padStart(4), "precision".padStart(10), "recall".padStart(8), "F1".padStart(7));
    for (const [kind, s] of [...Object.entries(perKind), ["overall", overall]]) {
      console.log(
        kind.padEnd(14),
        String(s.tp).padStart(4),
        String(s.fp).padStart(4),
        String(s.fn).padStart(4),
        pct(s.precision).padStart(10),
        pct(s.recall).padStart(8),
        pct(s.f1).padStart(7),
      );
    }
    console.log("");
  };
  table(`Personal-data detectors, column level, ${result.files} files`, result.perKind, result.overall);
  table(`Held-out files only (${result.heldOutFiles}, never tuned on)`, result.heldOut.perKind, result.heldOut.overall);
  for (const e of result.errors) console.log(`  ${e.error}: ${e.file} › ${e.column} (${e.kind})`);
  console.log(`\nError-level false positives: ${result.errorFalsePositives.length}`);
  for (const e of result.errorFalsePositives.slice(0, 20)) console.log(`  ${e.file} › ${e.column} (${e.kind})${e.rowNumber ? ` row ${e.rowNumber}` : ""}`);
  console.log(`\nTargets: precision ≥ ${TARGETS.precision}, F1 ≥ ${TARGETS.f1}, no error-level false positive: ${meetsTargets(result) ? "met" : "NOT met"}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
