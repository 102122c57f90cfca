// Bundles the Action into one ESM file for the runner, which runs it from the repository at the
// referenced tag without installing anything. scripts/generate.mjs writes it (and its --check
// proves the committed copy fresh). Deterministic: no timestamps, no sourcemap, paths relative
// to the repository root.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The core from its TypeScript sources, so the bundle depends on sources only, not on a prior build. */
const coreFromSource = {
  name: "conforme-core-source",
  setup(builder) {
    builder.onResolve({ filter: /^@conforme\/core(\/node)?$/ }, (args) => ({
      path: path.join(root, "packages/core/src", args.path.endsWith("/node") ? "node.ts" : "index.ts"),
    }));
  },
};

/**
 * Returns the files of `action/dist` by path from the repository root. The entry is `index.js`;
 * reference data the checks import lazily (communes, postcodes: about 11 MB) goes to chunks named
 * by content hash, so a change to the Action's code rewrites a small entry, not the whole data.
 */
export async function bundleAction() {
  const result = await build({
    absWorkingDir: root,
    entryPoints: { index: "action/src/index.ts" },
    outdir: "action/dist",
    chunkNames: "chunks/[name]-[hash]",
    splitting: true,
    bundle: true,
    write: false,
    platform: "node",
    format: "esm",
    // Runs on the runner's Node 24 and on Node 20 where the tests run.
    target: "node20",
    minify: true,
    legalComments: "eof",
    charset: "utf8",
    logLevel: "silent",
    plugins: [coreFromSource],
    // CommonJS dependencies (undici) call require() on Node built-ins, which ESM lacks.
    banner: { js: 'import { createRequire as __conformeRequire } from "node:module";\nconst require = __conformeRequire(import.meta.url);' },
  });
  const files = new Map();
  for (const output of result.outputFiles) files.set(path.relative(root, output.path).split(path.sep).join("/"), output.text);
  // The runner loads dist/index.js as ESM only if the nearest package.json says so.
  files.set("action/dist/package.json", `${JSON.stringify({ type: "module" }, null, 2)}\n`);
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
}
