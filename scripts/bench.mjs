#!/usr/bin/env node
// Benchmark: conforme's full validation against a bare pass of its CSV reader and a naive
// split (the practical floor for any JavaScript parser), in one run, on a generated file.
// Each measurement runs in its own process so that peak RSS is its own.
//
//   node scripts/bench.mjs [--rows 1000000] [--personal-data] [--keep]
//
// Figures are ratios against the baseline measured in the same run, never absolute targets.
// Each pass reports its time from the start of the pass (module import included) and from
// after the import: at 100,000 rows the import (~0.2 s) is a large share of the first.
import { spawnSync } from "node:child_process";
import { createReadStream, createWriteStream, existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outDir = path.join(root, "bench-output");
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : fallback;
};

const SCHEMA = {
  fields: [
    { name: "id", type: "integer", constraints: { required: true } },
    { name: "code", type: "string", constraints: { pattern: "[A-Z]{2}-[0-9]{4}", unique: true } },
    { name: "montant", type: "number", constraints: { minimum: 0 } },
    { name: "quantite", type: "integer", constraints: { minimum: 0, maximum: 1000 } },
    { name: "date_decision", type: "date" },
    { name: "statut", type: "string", constraints: { enum: ["ouvert", "ferme", "travaux", "projet"] } },
    { name: "accessible", type: "boolean" },
    { name: "courriel", type: "string", format: "email" },
    { name: "libelle", type: "string", constraints: { maxLength: 200 } },
    { name: "insee", type: "string", constraints: { pattern: "[0-9]{5}|2[AB][0-9]{3}" } },
  ],
  primaryKey: ["id"],
};

/** A small deterministic generator (mulberry32), so that every run reads the same bytes. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function generate(file, rows) {
  if (existsSync(file)) return;
  const next = random(1729);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const words = ["salle", "gymnase", "école", "parc", "médiathèque", "piscine", "mairie", "annexe", "stade", "crèche"];
  const out = createWriteStream(file);
  const write = (text) => (out.write(text) ? undefined : new Promise((resolve) => out.once("drain", resolve)));
  await write(`${SCHEMA.fields.map((field) => field.name).join(",")}\n`);
  let buffer = "";
  for (let i = 1; i <= rows; i++) {
    const letters = String.fromCharCode(65 + (i % 26), 65 + (Math.floor(i / 26) % 26));
    const code = `${letters}-${String(Math.floor(i / 676)).padStart(4, "0")}`;
    const day = 1 + Math.floor(next() * 28);
    const month = 1 + Math.floor(next() * 12);
    const label = next() < 0.1 ? `"${pick(words)} ${pick(words)}, ${i}"` : `${pick(words)} ${i}`;
    const insee = next() < 0.02 ? `2A${String(i % 1000).padStart(3, "0")}` : String(10000 + (i % 89999));
    buffer +=
      `${i},${code},${(next() * 10000).toFixed(2)},${Math.floor(next() * 1000)},` +
      `20${10 + Math.floor(next() * 15)}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")},` +
      `${pick(["ouvert", "ferme", "travaux", "projet"])},${next() < 0.5 ? "true" : "false"},` +
      `agent${i % 500}@ville-exemple.fr,${label},${insee}\n`;
    if (buffer.length > 1 << 20) {
      await write(buffer);
      buffer = "";
    }
  }
  await write(buffer);
  await new Promise((resolve) => out.end(resolve));
}

/** Runs one pass in a child process and returns its seconds, rows and peak RSS. */
function measure(pass, file, extra = []) {
  const result = spawnSync(process.execPath, [fileURLToPath(import.meta.url), "--pass", pass, "--file", file, ...extra], {
    encoding: "utf8",
    maxBuffer: 1 << 24,
  });
  if (result.status !== 0) throw new Error(`${pass} failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split("\n").pop());
}

async function runPass(pass, file) {
  const started = process.hrtime.bigint();
  let imported = started;
  let rows = 0;
  if (pass === "naive") {
    // Not a CSV parser: lines split on "\n", then cells on ",", no quoting. The floor.
    let rest = "";
    const decoder = new TextDecoder();
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
      const lines = (rest + decoder.decode(chunk, { stream: true })).split("\n");
      rest = lines.pop();
      for (const line of lines) if (line.split(",").length > 0) rows++;
    }
    if (rest) rows++;
    rows -= 1;
  } else if (pass === "parser") {
    const { readTable } = await import(path.join(root, "packages/core/dist/index.js"));
    imported = process.hrtime.bigint();
    await readTable(createReadStream(file, { highWaterMark: 1 << 20 }), {}, {
      record() {
        rows++;
      },
      problem() {},
    });
    rows -= 1;
  } else {
    const core = await import(path.join(root, "packages/core/dist/index.js"));
    imported = process.hrtime.bigint();
    const checks = pass === "conforme-personal-data" ? core.personalDataChecks.map((check) => ({ check, options: {} })) : [];
    const validator = core.createValidator(SCHEMA, { maxErrors: 0, checks });
    const report = await validator.validate(createReadStream(file, { highWaterMark: 1 << 20 }), { name: path.basename(file) });
    rows = report.stats.rows;
    if (report.stats.errors !== 0) throw new Error(`the generated file should be valid: ${JSON.stringify(report.findings.slice(0, 3))}`);
  }
  const ended = process.hrtime.bigint();
  const seconds = Number(ended - started) / 1e9;
  const workSeconds = Number(ended - imported) / 1e9;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ pass, rows, seconds, workSeconds, peakRssMb }));
}

if (args.includes("--pass")) {
  await runPass(option("pass"), option("file"));
} else {
  mkdirSync(outDir, { recursive: true });
  const sizes = [100_000, Number(option("rows", 1_000_000))];
  const passes = ["naive", "parser", "conforme", ...(args.includes("--personal-data") ? ["conforme-personal-data"] : [])];
  const results = [];
  for (const rows of sizes) {
    const file = path.join(outDir, `bench-${rows}.csv`);
    await generate(file, rows);
    const mb = statSync(file).size / 1e6;
    console.log(`\n${rows.toLocaleString("en")} rows, ${mb.toFixed(0)} MB`);
    const byPass = {};
    for (const pass of passes) {
      // Best of two runs: the first warms the page cache.
      const runs = [measure(pass, file), measure(pass, file)];
      const best = runs.reduce((a, b) => (a.seconds <= b.seconds ? a : b));
      byPass[pass] = best;
      console.log(
        `  ${pass.padEnd(24)} ${best.seconds.toFixed(2).padStart(7)} s  ${Math.round(best.rows / best.seconds).toLocaleString("en").padStart(11)} rows/s` +
          `  | after import ${best.workSeconds.toFixed(2).padStart(6)} s ${Math.round(best.rows / best.workSeconds).toLocaleString("en").padStart(11)} rows/s` +
          `  | peak RSS ${best.peakRssMb.toFixed(0)} MB`,
      );
    }
    // Throughput ratios, with the import included, then after it.
    const ratio = (a, b) => `${((byPass[b].seconds / byPass[a].seconds) * 100).toFixed(0)} % (after import ${((byPass[b].workSeconds / byPass[a].workSeconds) * 100).toFixed(0)} %)`;
    console.log(`  conforme / naive split:   ${ratio("conforme", "naive")}, target >= 30 %`);
    console.log(`  conforme / bare parser:   ${ratio("conforme", "parser")}`);
    if (byPass["conforme-personal-data"]) {
      console.log(`  with personal data / without: ${ratio("conforme-personal-data", "conforme")}, target >= 75 %`);
    }
    results.push({ rows, bytes: statSync(file).size, passes: byPass });
  }
  const [small, large] = results;
  const perRow = (key) => large.passes.conforme[key] / small.passes.conforme[key] / (large.rows / small.rows);
  const linearity = perRow("seconds");
  const workLinearity = perRow("workSeconds");
  console.log(
    `\nTime per row at ${large.rows.toLocaleString("en")} / at ${small.rows.toLocaleString("en")}: ${linearity.toFixed(2)}, after import ${workLinearity.toFixed(2)} (1.00 = linear)`,
  );
  writeFileSync(path.join(outDir, "results.json"), `${JSON.stringify({ results, linearity, workLinearity }, null, 2)}\n`);
}
