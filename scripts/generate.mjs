#!/usr/bin/env node
// Writes every generated file of the repository from its single source in the built packages.
// `--check` compares instead of writing and fails on any difference (CI runs it).
import { readFile, writeFile, mkdir, readdir, stat, unlink } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const check = process.argv.includes("--check");
const core = await import(path.join(root, "packages/core/dist/internal-node.js"));
/** Date written in the sample report (examples/report/), so that regenerating it changes nothing. */
const SAMPLE_DATE = "2025-01-15T09:00:00.000Z";

let stale = 0;
let emitted = 0;

/** Writes each output, or with --check counts those whose committed copy differs. */
async function emit(list) {
  for (const [relative, render] of list) {
    emitted++;
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
}

/** Each generated file: its path from the root and a function giving its content. */
const outputs = [
  ["schemas/report.schema.json", () => `${JSON.stringify(core.reportJsonSchema, null, 2)}\n`],
  ["schemas/dataset.schema.json", () => `${JSON.stringify(core.DATASET_SCHEMA, null, 2)}\n`],
  ["schemas/config.schema.json", () => `${JSON.stringify(core.configJsonSchema, null, 2)}\n`],
];

// The registry of the row checks, from the checks exported in packages/core/src/checks.
const { checkRegistryModule, registryFile } = await import(path.join(root, "packages/core/scripts/check-registry.mjs"));
outputs.push([path.relative(root, registryFile), () => checkRegistryModule()]);

// The run-time JSON Schemas compiled ahead of time (Ajv standalone code): start-up cost.
const { schemaValidatorsModule } = await import(path.join(root, "packages/core/scripts/schema-validators.mjs"));
outputs.push([
  "packages/core/src/schema-validators.generated.ts",
  () => schemaValidatorsModule({ profile: core.TABLE_SCHEMA_PROFILE, config: core.configJsonSchema, dataset: core.DATASET_SCHEMA, checks: core.checks }),
]);

// The check pages as the SARIF rules' help (packages/core/src/formatters/sarif-rules.ts).
const { ruleDocsModule } = await import(path.join(root, "scripts/rule-docs.mjs"));
outputs.push(["packages/core/src/formatters/rule-docs.generated.ts", () => ruleDocsModule(root)]);

// The reference lists the checks import, trimmed from their npm packages (install size). They
// come first: the Action's bundle below imports them.
const { referenceData } = await import(path.join(root, "packages/core/scripts/reference-data.mjs"));
await emit([...(await referenceData())].map(([relative, text]) => [relative, () => text]));

// The Action's bundle (action/bundle.mjs, esbuild): every file of action/dist, and no other.
const { bundleAction } = await import(path.join(root, "action/bundle.mjs"));
const bundle = await bundleAction();
for (const [relative, text] of bundle) outputs.push([relative, () => text]);

// The sample compliance report on the bundled examples, as `conforme report examples --html`
// writes it, made the same on every machine: fixed date and durations, paths relative to the
// repository (the engine already gives them so), metadata scored at a fixed date.
outputs.push([
  "examples/report/rapport-exemple.html",
  async () => {
    const options = { lang: "fr", maxErrors: 1000, offline: true, personalData: true, previewRows: 20 };
    const { report, previews } = await core.lintWithPreview(["examples"], { cwd: root, ...options, metadata: { now: SAMPLE_DATE } });
    report.createdAt = SAMPLE_DATE;
    report.durationMs = 0;
    for (const file of report.files) file.durationMs = 0;
    report.options = { command: "report", paths: ["examples"], ...options };
    return core.formatHtml(report, { preview: previews });
  },
]);

await emit(outputs);
const distDir = path.join(root, "action/dist");
for (const entry of await readdir(distDir, { recursive: true }).catch(() => [])) {
  const relative = path.posix.join("action/dist", entry.split(path.sep).join("/"));
  if (bundle.has(relative) || !(await stat(path.join(root, relative))).isFile()) continue;
  if (check) {
    console.error(`generated file no longer generated: ${relative} (run "pnpm generate" and commit)`);
    stale++;
  } else {
    await unlink(path.join(root, relative));
    console.log(`removed ${relative}`);
  }
}
if (stale > 0) process.exit(1);
if (check) console.log(`generated files are fresh (${emitted})`);
