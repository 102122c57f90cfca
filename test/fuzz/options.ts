import type { Parameters } from "fast-check";

/**
 * Settings shared by the property suites. In the normal test run they are seeded and bounded
 * (200 runs per property, a few seconds in all), so `.ci/run` replays the same cases every
 * time. `node scripts/fuzz.mjs --runs N [--seed S]` sets CONFORME_FUZZ_RUNS and
 * CONFORME_FUZZ_SEED for a longer run; CONFORME_FUZZ_PATH with the seed replays one failure,
 * as fast-check prints them (`{ seed: …, path: "…" }`) when a property fails.
 */
export const DEFAULT_FUZZ_SEED = 20261204;
export const DEFAULT_FUZZ_RUNS = 200;

export function fuzzParameters<T>(runs = DEFAULT_FUZZ_RUNS): Parameters<T> {
  const env = process.env;
  const numRuns = env.CONFORME_FUZZ_RUNS ? Number(env.CONFORME_FUZZ_RUNS) : runs;
  const seed = env.CONFORME_FUZZ_SEED ? Number(env.CONFORME_FUZZ_SEED) : DEFAULT_FUZZ_SEED;
  const path = env.CONFORME_FUZZ_PATH || undefined;
  return { numRuns, seed, path };
}
