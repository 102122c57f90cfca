// The long runs of issue 12's fuzzing, beyond the bounded ones in the normal test suite.
//   node scripts/fuzz.mjs [--runs N] [--seed S] [--path P]   property suites, N runs each
//   node scripts/fuzz.mjs --scale                            linear time, shown as ratios
// The property suites (packages/core/src/reading/parse.fuzz.test.ts, test/fuzz/*.fuzz.test.ts)
// read CONFORME_FUZZ_RUNS, CONFORME_FUZZ_SEED and CONFORME_FUZZ_PATH (test/fuzz/options.ts). The
// seed is printed first; a failure prints fast-check's seed and path: pass both to replay it.
// --scale needs a build (pnpm build): it times the built engine and CLI.
import { spawnSync } from "node:child_process";
import { createWriteStream, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { once } from "node:events";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};

if (args.includes("--scale")) process.exit(await scale());
process.exit(fuzz());

function fuzz() {
  const runs = Number(option("--runs") ?? 2000);
  const seed = Number(option("--seed") ?? Math.floor(Math.random() * 2 ** 31));
  const replay = option("--path");
  const files = [
    "packages/core/src/reading/parse.fuzz.test.ts",
    ...readdirSync(path.join(root, "test/fuzz"))
      .filter((name) => name.endsWith(".fuzz.test.ts"))
      .map((name) => `test/fuzz/${name}`),
  ];
  console.log(`fuzz: ${runs} runs per property, seed ${seed}${replay ? `, path ${replay}` : ""}`);
  console.log(`replay: node scripts/fuzz.mjs --runs ${runs} --seed ${seed} --path <path printed with a failure>`);
  const env = { ...process.env, CONFORME_FUZZ_RUNS: String(runs), CONFORME_FUZZ_SEED: String(seed), ...(replay ? { CONFORME_FUZZ_PATH: replay } : {}) };
  // Long runs: vitest's per-test time-out is lifted.
  const result = spawnSync("npx", ["vitest", "run", "--testTimeout=0", ...files], { cwd: root, env, stdio: "inherit" });
  return result.status ?? 1;
}

/** Best of three wall-clock times of fn, in milliseconds. */
function time(fn) {
  let best = Infinity;
  for (let k = 0; k < 3; k++) {
    const start = process.hrtime.bigint();
    fn();
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
  }
  return best;
}

async function scale() {
  let failed = 0;
  const report = (what, small, large, factor, limit) => {
    const ratio = large / small;
    const ok = ratio <= limit;
    if (!ok) failed++;
    console.log(
      `${ok ? "ok  " : "FAIL"} ${what}: ${small.toFixed(1)} ms -> ${large.toFixed(1)} ms for ${factor}x the input, ratio ${ratio.toFixed(1)} (linear ~${factor}, limit ${limit})`,
    );
  };

  // Catastrophic patterns: a backtracking engine takes exponential time on these cells; RE2
  // semantics take time proportional to the cell.
  const { compilePattern } = await import(pathToFileURL(path.join(root, "packages/core/dist/internal.js")).href);
  const PATTERNS = [
    ["^(a+)+$", (n) => `${"a".repeat(n)}!`],
    ["(a|a)*b", (n) => "a".repeat(n)],
    ["(\\w+\\s?)*$", (n) => `${"mot ".repeat(n / 4)}!`],
    ["(x+x+)+y", (n) => "x".repeat(n)],
  ];
  for (const [pattern, cell] of PATTERNS) {
    const compiled = compilePattern(pattern);
    const small = cell(100_000);
    const large = cell(1_000_000);
    report(
      `pattern ${pattern}`,
      time(() => compiled.test(small)),
      time(() => compiled.test(large)),
      10,
      40,
    );
  }

  // Tiny rows through the CLI: 1 million against 10 million.
  const directory = mkdtempSync(path.join(tmpdir(), "conforme-fuzz-scale-"));
  try {
    const bin = path.join(root, "packages/cli/dist/bin.js");
    const durations = [];
    for (const rows of [1_000_000, 10_000_000]) {
      const file = path.join(directory, `tiny-${rows}.csv`);
      const out = createWriteStream(file);
      out.write("v\n");
      const block = "a\n".repeat(100_000);
      for (let k = 0; k < rows / 100_000; k++) if (!out.write(block)) await once(out, "drain");
      out.end();
      await once(out, "finish");
      let best = Infinity;
      for (let k = 0; k < 2; k++) {
        const start = process.hrtime.bigint();
        const run = spawnSync(process.execPath, [bin, "lint", file, "--format", "json", "--no-progress"], { encoding: "utf8", maxBuffer: 1 << 26 });
        best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
        const counted = JSON.parse(run.stdout).files[0].stats.rows;
        if (counted !== rows) throw new Error(`${rows} rows written, ${counted} counted`);
      }
      durations.push(best);
    }
    // Start-up (~0.5 s) weighs on the 1M run: the ratio of a linear run is a little under 10.
    report("CLI, tiny rows", durations[0], durations[1], 10, 15);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
  return failed === 0 ? 0 : 1;
}
