#!/usr/bin/env node
// Column-level evaluation of the personal-data detectors on the synthetic municipal corpus in
// eval/personal-data/: precision, recall and F1 per kind and overall (micro-averaged).
// Usage: node scripts/eval-personal-data.mjs [core-module]   (default: the built @conforme/core)
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const corpusDir = path.join(root, "eval/personal-data");
export const TARGETS = { precision: 0.95, f1: 0.95 };

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

/**
 * Runs the personal-data check over every corpus file and compares the (column, kind) pairs it
 * flags (any severity, accepted or exempt included: the column holds the kind) with the ground
 * truth. `core` is the built package or the source module; `Papa` is papaparse.
 */
export function evaluate(core, Papa, dir = corpusDir) {
  const truth = JSON.parse(readFileSync(path.join(dir, "ground-truth.json"), "utf8")).files;
  const files = readdirSync(dir).filter((f) => f.endsWith(".csv")).sort();
  const check = core.personalDataChecks.find((c) => c.id === "personal-data");
  const tally = new Map();
  const errors = [];
  const count = (kind, key) => {
    if (!tally.has(kind)) tally.set(kind, { tp: 0, fp: 0, fn: 0 });
    tally.get(kind)[key]++;
  };
  for (const file of files) {
    const text = decode(readFileSync(path.join(dir, file)));
    const parsed = Papa.parse(text, { skipEmptyLines: true });
    const [labels, ...rows] = parsed.data;
    const findings = core.runRowChecks([check], labels, rows);
    const predicted = new Set(findings.filter((f) => f.fieldName !== undefined).map((f) => `${f.fieldName}\u0000${f.data.kind}`));
    const expected = new Set();
    for (const [column, kinds] of Object.entries(truth[file] ?? {})) for (const kind of kinds) expected.add(`${column}\u0000${kind}`);
    for (const key of new Set([...predicted, ...expected])) {
      const [column, kind] = key.split("\u0000");
      const p = predicted.has(key);
      const e = expected.has(key);
      count(kind, p && e ? "tp" : p ? "fp" : "fn");
      if (p !== e) errors.push({ file, column, kind, error: p ? "false positive" : "false negative" });
    }
  }
  const perKind = Object.fromEntries([...tally].sort(([a], [b]) => a.localeCompare(b)).map(([k, t]) => [k, scores(t)]));
  const total = [...tally.values()].reduce((s, t) => ({ tp: s.tp + t.tp, fp: s.fp + t.fp, fn: s.fn + t.fn }), { tp: 0, fp: 0, fn: 0 });
  return { files: files.length, perKind, overall: scores(total), errors };
}

async function main() {
  const modulePath = path.resolve(process.argv[2] ?? path.join(root, "packages/core/dist/index.js"));
  const core = await import(pathToFileURL(modulePath).href);
  const Papa = createRequire(path.join(root, "packages/core/package.json"))("papaparse");
  // As the engine does before the first row: loads the libraries the detectors import lazily.
  await Promise.all(core.personalDataChecks.map((check) => check.prepare?.()));
  const result = evaluate(core, Papa);
  const pct = (x) => x.toFixed(3);
  console.log(`Personal-data detectors, column level, ${result.files} files\n`);
  console.log("kind".padEnd(14), "TP".padStart(4), "FP".padStart(4), "FN".padStart(4), "precision".padStart(10), "recall".padStart(8), "F1".padStart(7));
  for (const [kind, s] of [...Object.entries(result.perKind), ["overall", result.overall]]) {
    console.log(kind.padEnd(14), String(s.tp).padStart(4), String(s.fp).padStart(4), String(s.fn).padStart(4), pct(s.precision).padStart(10), pct(s.recall).padStart(8), pct(s.f1).padStart(7));
  }
  for (const e of result.errors) console.log(`  ${e.error}: ${e.file} › ${e.column} (${e.kind})`);
  const ok = result.overall.precision >= TARGETS.precision && result.overall.f1 >= TARGETS.f1;
  console.log(`\nTargets: precision ≥ ${TARGETS.precision}, F1 ≥ ${TARGETS.f1}: ${ok ? "met" : "NOT met"}`);
  process.exitCode = ok ? 0 : 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
