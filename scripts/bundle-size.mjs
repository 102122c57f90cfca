#!/usr/bin/env node
// The browser entry of the engine (`@conforme/core`, packages/core/src/index.ts) bundled as a web
// page would (esbuild, ESM, code splitting, minified): the size of what loads first and of each
// chunk loaded on demand, raw and gzip, with the packages each chunk holds. `pnpm bench` prints
// it; test/browser-bundle.test.ts checks that no heavy library is in what loads first.
//
//   node scripts/bundle-size.mjs [--json]
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Libraries and data a plain schema never needs: each must stay behind a dynamic import. */
export const LAZY_ONLY = [
  { label: "opening_hours", test: (input) => input.includes("/node_modules/opening_hours/") },
  { label: "libphonenumber-js", test: (input) => input.includes("/node_modules/libphonenumber-js/") },
  { label: "COG (communes, départements, régions)", test: (input) => input.endsWith("packages/core/data/cog.json") || /packages\/core\/data\/cog[^/]*$/.test(input) },
  { label: "codes postaux", test: (input) => /packages\/core\/data\/postal-codes[^/]*$/.test(input) },
  { label: "jsonld", test: (input) => input.includes("/node_modules/jsonld/") },
  { label: "n3", test: (input) => input.includes("/node_modules/n3/") },
  { label: "mime-db", test: (input) => input.includes("/node_modules/mime-db/") },
  { label: "yaml", test: (input) => input.includes("/node_modules/yaml/") },
];

/** What a chunk holds, named by package (or by our source folder). */
function contents(inputs) {
  const names = new Map();
  for (const [input, { bytesInOutput }] of Object.entries(inputs)) {
    if (bytesInOutput === 0) continue;
    const match = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)\//.exec(input);
    const name = match ? match[1] : input.startsWith("packages/core/data/") ? input.replace("packages/core/", "") : "conforme";
    names.set(name, (names.get(name) ?? 0) + bytesInOutput);
  }
  return [...names].sort((a, b) => b[1] - a[1]).map(([name]) => name);
}

/**
 * Bundles `entry` and returns its outputs: the entry first, then the chunks it imports statically
 * (`eager`), then those behind a dynamic import, each with its raw and gzip bytes and inputs.
 */
export async function browserBundle(entry = "packages/core/src/index.ts") {
  const result = await build({
    absWorkingDir: root,
    entryPoints: [entry],
    bundle: true,
    platform: "browser",
    format: "esm",
    splitting: true,
    minify: true,
    outdir: "bundle-output",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const texts = new Map(result.outputFiles.map((file) => [path.relative(root, file.path).split(path.sep).join("/"), file.contents]));
  const outputs = result.metafile.outputs;
  const entryFile = Object.keys(outputs).find((file) => outputs[file].entryPoint === entry);
  // What a page downloads before any check runs: the entry and its static imports, transitively.
  const eager = new Set([entryFile]);
  for (const file of eager) for (const imported of outputs[file].imports) if (imported.kind === "import-statement" && !imported.external) eager.add(imported.path);
  return Object.keys(outputs)
    .filter((file) => file.endsWith(".js"))
    .map((file) => {
      const bytes = texts.get(file);
      return {
        file,
        entry: file === entryFile,
        eager: eager.has(file),
        bytes: bytes.length,
        gzip: gzipSync(bytes, { level: 9 }).length,
        inputs: Object.keys(outputs[file].inputs).filter((input) => outputs[file].inputs[input].bytesInOutput > 0),
        holds: contents(outputs[file].inputs),
      };
    })
    .sort((a, b) => Number(b.entry) - Number(a.entry) || Number(b.eager) - Number(a.eager) || b.bytes - a.bytes);
}

const kb = (n) => `${(n / 1024).toFixed(0)} KiB`;

/** The table printed by the bench. */
export function bundleTable(chunks) {
  const eager = chunks.filter((chunk) => chunk.eager);
  const lines = [
    `Browser entry (packages/core/src/index.ts, esbuild, ESM, splitting, minified)`,
    `  loaded first: ${kb(eager.reduce((s, c) => s + c.bytes, 0))} raw, ${kb(eager.reduce((s, c) => s + c.gzip, 0))} gzip in ${eager.length} file(s)`,
  ];
  for (const chunk of chunks) {
    const role = chunk.entry ? "entry" : chunk.eager ? "static" : "lazy";
    lines.push(
      `  ${role.padEnd(6)} ${kb(chunk.bytes).padStart(9)} ${kb(chunk.gzip).padStart(9)} gzip  ${chunk.holds.slice(0, 4).join(", ")}${chunk.holds.length > 4 ? ", ..." : ""}`,
    );
  }
  return lines.join("\n");
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const chunks = await browserBundle();
  if (process.argv.includes("--json"))
    console.log(
      JSON.stringify(
        chunks.map(({ inputs, ...chunk }) => chunk),
        null,
        2,
      ),
    );
  else console.log(bundleTable(chunks));
}
