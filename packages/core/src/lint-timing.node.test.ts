import path from "node:path";
import { expect, it } from "vitest";
import { repoRoot } from "../../../test/shared.js";
import { lint, type TimedStep } from "./node.js";

// `onTiming` is what `pnpm bench` reads to share out a run between the steps around the engine
// (docs/performance.md): each step once, hashing once per file and inside validation.
it("reports each step around the engine, hashing once per file and within validation", async () => {
  const corpus = path.join(repoRoot, "test/fixtures/real-shaped");
  const files = ["opendatasoft-equipements.csv", "prenoms-naissances.csv"].map((name) => path.join(corpus, name));
  const calls: [TimedStep, number][] = [];
  const started = performance.now();
  const report = await lint(files, { cwd: repoRoot, onTiming: (step, ms) => calls.push([step, ms]) });
  const elapsed = performance.now() - started;
  expect(report.files).toHaveLength(2);
  const total = (step: TimedStep) => calls.filter(([name]) => name === step).reduce((sum, [, ms]) => sum + ms, 0);
  expect(new Set(calls.map(([step]) => step))).toEqual(new Set(["discovery", "schema", "metadata", "validation", "hashing", "report"]));
  expect(calls.filter(([step]) => step === "hashing")).toHaveLength(2);
  expect(calls.every(([, ms]) => ms >= 0)).toBe(true);
  expect(total("hashing")).toBeLessThanOrEqual(total("validation"));
  const steps = ["discovery", "schema", "metadata", "validation", "report"] as const;
  expect(steps.reduce((sum, step) => sum + total(step), 0)).toBeLessThanOrEqual(elapsed);
});
