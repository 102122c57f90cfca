import { writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts", "src/node.ts", "src/internal.ts", "src/internal-node.ts", "src/version.ts", "src/lint-worker.node.ts"],
  format: ["esm"],
  dts: true,
  sourcemap: true,
  // Chunk names carry a content hash: without cleaning, the chunks of earlier builds would stay
  // in dist and be published with the package.
  clean: true,
  target: "node20",
  // Bundled into the lazily loaded chunk of src/libphonenumber.ts rather than imported from
  // node_modules: one file instead of the 93 of its ES build (start-up, docs/performance.md).
  // The run-time helpers the generated schema validators import from Ajv (and fast-deep-equal
  // behind `equal`) are CommonJS: bundled, a lint loads no CommonJS module at all, which spares
  // Node its CommonJS loader and export lexer at start-up (docs/performance.md).
  noExternal: ["libphonenumber-js", /^ajv\/dist\/runtime\//, "fast-deep-equal"],
  // Start-up: a 10-row lint compiles every module it loads, and V8's cost follows the bytes
  // (minified, about 0.05 s less CPU; docs/performance.md). Stack traces map back to the sources
  // with the shipped maps (`node --enable-source-maps`).
  minify: true,
  // The config's JSON Schema ships in the package (`@conforme/core/config.schema.json`), at the
  // URL its `$id` names (CONFIG_SCHEMA_URL), written from the module just built.
  async onSuccess() {
    const built = pathToFileURL(path.resolve("dist/index.js")).href;
    const { configJsonSchema } = (await import(built)) as { configJsonSchema: unknown };
    await writeFile("dist/config.schema.json", `${JSON.stringify(configJsonSchema, null, 2)}\n`);
  },
});
