#!/usr/bin/env node
// Writes every generated file of the repository from its single source in the built packages.
// `--check` compares instead of writing and fails on any difference (CI runs it).
import { readFile, writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const check = process.argv.includes("--check");
const core = await import(path.join(root, "packages/core/dist/node.js"));

/** Each generated file: its path from the root and a function giving its content. */
const outputs = [
  ["schemas/report.schema.json", () => `${JSON.stringify(core.reportJsonSchema, null, 2)}\n`],
  ["schemas/dataset.schema.json", () => `${JSON.stringify(core.DATASET_SCHEMA, null, 2)}\n`],
];

let stale = 0;
for (const [relative, render] of outputs) {
  const target = path.join(root, relative);
  const content = await render();
  const current = await readFile(target, "utf8").catch(() => undefined);
  if (current === content) continue;
  if (check) {
    console.error(`generated file out of date: ${relative} (run "pnpm generate" and commit)`);
    stale++;
  } else {
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content);
    console.log(`wrote ${relative}`);
  }
}
if (stale > 0) process.exit(1);
if (check) console.log(`generated files are fresh (${outputs.length})`);
