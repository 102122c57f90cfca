// Compares CSV parsers fed text chunk by chunk, as the reading layer feeds them:
// papaparse's Parser (the class its ChunkStreamer drives), conforme's parser
// (packages/core/src/reading/parse.ts) and a naive split on "\n" then ",".
// Usage: node scripts/parser-bench.mjs [rows=1000000] [--quoted] [--only=<name prefix>]
// Run one parser per process (--only=...): a shared process lets one parser's garbage and JIT
// state skew the next one's time.
import { build } from "esbuild";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createRequire } from "node:module";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(path.join(root, "packages/core/package.json"));
const Papa = require("papaparse");

const rows = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 1_000_000);
const quoted = process.argv.includes("--quoted");

const tmp = mkdtempSync(path.join(tmpdir(), "parser-bench-"));
const out = path.join(tmp, "parse.mjs");
await build({ entryPoints: [path.join(root, "packages/core/src/reading/index.ts")], bundle: true, format: "esm", outfile: out, platform: "neutral", logLevel: "error" });
const { createCsvParser, readTable } = await import(pathToFileURL(out).href);
rmSync(tmp, { recursive: true });

// 10 typed columns, like a typical national-schema file.
function generate() {
  // Built piece by piece into 64 Ki-char chunks, so the data costs its own size and no more.
  const chunks = [];
  let length = 0;
  let pending = "id,code,amount,quantity,date,kind,flag,email,label,insee\n";
  const kinds = ["alpha", "beta", "gamma"];
  for (let i = 1; i <= rows; i++) {
    const label = quoted ? `"Libellé ${i}, ""cas"" ${i % 7 === 0 ? "\nsur deux lignes" : ""}"` : `Libellé numéro ${i}`;
    pending += `${i},AB${String(i % 100000).padStart(5, "0")},${(i * 1.37).toFixed(2)},${i % 1000},2024-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")},${kinds[i % 3]},${i % 2 ? "true" : "false"},user${i}@example.fr,${label},${String(1000 + (i % 95000)).padStart(5, "0")}\n`;
    while (pending.length >= 65536) {
      // Flattened copies: a chunk read from a file is a fresh string, not a slice of a larger one.
      chunks.push(JSON.parse(JSON.stringify(pending.slice(0, 65536))));
      length += 65536;
      pending = pending.slice(65536);
    }
  }
  chunks.push(pending);
  length += pending.length;
  return { chunks, length };
}

const { chunks, length } = generate();
const encoder = new TextEncoder();
const byteChunks = chunks.map((c) => encoder.encode(c));
console.log(`${rows} rows, ${(length / 1e6).toFixed(1)} M chars, ${chunks.length} chunks of 64 Ki chars${quoted ? ", quoted labels with commas, quotes and newlines" : ""}`);

function conforme() {
  let n = 0;
  const p = createCsvParser(
    { delimiter: ",", quoteChar: '"' },
    {
      record: () => {
        n++;
      },
      error() {},
    },
  );
  for (const c of chunks) p.push(c);
  p.end();
  return n;
}

function papaparse() {
  let n = 0;
  const parser = new Papa.Parser({ delimiter: ",", newline: "\n", quoteChar: '"' });
  let partial = "";
  let base = 0;
  for (let k = 0; k < chunks.length; k++) {
    const last = k === chunks.length - 1;
    const input = partial + chunks[k];
    const res = parser.parse(input, base, !last);
    n += res.data.length;
    const consumed = res.meta.cursor - base;
    partial = last ? "" : input.slice(consumed);
    base += consumed;
  }
  return n;
}

function naive() {
  let n = 0;
  let partial = "";
  for (const c of chunks) {
    const lines = (partial + c).split("\n");
    partial = lines.pop();
    // Split into cells like the parsers, or the baseline would only find line ends.
    for (const l of lines) if (l.split(",").length > 0) n++;
  }
  if (partial) n++;
  return n;
}

const which = process.argv.find((a) => a.startsWith("--only="))?.slice(7);
// The whole reading layer from bytes: decode with detection, sniff, parse, row numbers.
async function readTableFromBytes() {
  let n = 0;
  async function* source() {
    yield* byteChunks;
  }
  await readTable(
    source(),
    {},
    {
      record: () => {
        n++;
      },
      problem() {},
    },
  );
  return n;
}

// Decoding alone, the floor for readTableFromBytes' decoder.
function decodeOnly() {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let n = 0;
  for (const b of byteChunks) n += decoder.decode(b, { stream: true }).length;
  return n;
}

for (const [name, fn] of [
  ["naive split", naive],
  ["papaparse Parser", papaparse],
  ["conforme parser", conforme],
  ["TextDecoder only", decodeOnly],
  ["readTable (bytes)", readTableFromBytes],
].filter(([n]) => !which || n.startsWith(which))) {
  let best = Infinity;
  let count = 0;
  for (let run = 0; run < 3; run++) {
    const t = performance.now();
    count = await fn();
    best = Math.min(best, performance.now() - t);
  }
  console.log(`${name.padEnd(18)} ${String(count).padStart(8)} records  ${(best / 1000).toFixed(2)} s  ${Math.round((rows / best) * 1000).toLocaleString("en")} rows/s`);
}

// Flatness: the time per chunk once V8 has optimized the parser's loop, against the time before.
// A search hoisted by V8 out of its cache guard (see the note on searching in parse.ts) once made
// every later chunk 40 times slower than the first ones; a ratio within this run, not a time.
{
  const times = [];
  const p = createCsvParser({ delimiter: ",", quoteChar: '"' }, { record() {}, error() {} });
  for (const c of chunks) {
    const t = performance.now();
    p.push(c);
    times.push(performance.now() - t);
  }
  p.end();
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const early = median(times.slice(1, 16));
  const late = median(times.slice(-16));
  const ratio = late / Math.max(early, 0.05);
  console.log(`time per chunk, last 16 / chunks 2-16: ${ratio.toFixed(2)} (${late.toFixed(2)} ms / ${early.toFixed(2)} ms)`);
  if (ratio > 8) {
    console.error("the parser slows down once optimized: look for a search hoisted out of its guard");
    process.exitCode = 1;
  }
}
