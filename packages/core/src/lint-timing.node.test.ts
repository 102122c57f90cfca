import path from "node:path";
import { expect, it } from "vitest";
import { repoRoot } from "../../../test/shared.js";
import { lint, type StepTime, type TimedStep } from "./node.js";

// `onTiming` is what `pnpm bench` reads to share out a run between the steps around the engine
// (docs/performance.md): each step once, hashing once per file and inside validation.
it("reports each step around the engine, hashing once per file and within validation", async () => {
  const corpus = path.join(repoRoot, "test/fixtures/real-shaped");
  const files = ["opendatasoft-equipements.csv", "prenoms-naissances.csv"].map((name) => path.join(corpus, name));
  const calls: [TimedStep, StepTime][] = [];
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const report = await lint(files, { cwd: repoRoot, onTiming: (step, time) => calls.push([step, time]) });
  const cpu = process.cpuUsage(cpuStarted);
  const elapsed = { wall: performance.now() - started, cpu: (cpu.user + cpu.system) / 1000 };
  expect(report.files).toHaveLength(2);
  const total = (step: TimedStep, key: keyof StepTime) => calls.filter(([name]) => name === step).reduce((sum, [, time]) => sum + time[key], 0);
  expect(new Set(calls.map(([step]) => step))).toEqual(new Set(["discovery", "schema", "metadata", "validation", "hashing", "report"]));
  expect(calls.filter(([step]) => step === "hashing")).toHaveLength(2);
  expect(calls.every(([, time]) => time.wall >= 0 && time.cpu >= 0)).toBe(true);
  const steps = ["discovery", "schema", "metadata", "validation", "report"] as const;
  for (const key of ["wall", "cpu"] as const) {
    expect(total("hashing", key)).toBeLessThanOrEqual(total("validation", key));
    expect(steps.reduce((sum, step) => sum + total(step, key), 0)).toBeLessThanOrEqual(elapsed[key] + 1);
  }
});
