import { existsSync, readdirSync, readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { defineConfig } from "tsup";

/**
 * Third-party packages the build copies into dist (`noExternal`), so devDependencies: users install
 * none of them. Their licence texts ship as dist/THIRD-PARTY-LICENSES.txt, as their MIT terms ask.
 * `from` is the package that depends on one we do not depend on directly.
 */
const BUNDLED: { name: string; from?: string }[] = [
  { name: "libphonenumber-js" },
  { name: "ajv" },
  { name: "fast-deep-equal", from: "ajv" },
  { name: "re2js" },
  { name: "ibantools" },
  { name: "picomatch" },
  { name: "@noble/hashes" },
];

/** The folder of an installed package, found from its resolved entry upwards. */
function packageDir(name: string, from?: string): string {
  const require = createRequire(from ? packageDir(from) + "/" : import.meta.url);
  let dir = path.dirname(require.resolve(name));
  for (;;) {
    const manifest = path.join(dir, "package.json");
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === name) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find the folder of ${name}`);
    dir = parent;
  }
}

function thirdPartyLicenses(): string {
  return BUNDLED.map(({ name, from }) => {
    const dir = packageDir(name, from);
    const { version, license } = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as { version: string; license: string };
    const texts = readdirSync(dir)
      .filter((file) => /^licen[cs]e/i.test(file))
      .sort()
      .map((file) => readFileSync(path.join(dir, file), "utf8").trim());
    if (texts.length === 0) throw new Error(`${name} ships no licence file`);
    return [`${name} ${version} (${license})`, "", ...texts].join("\n");
  }).join(`\n\n${"-".repeat(72)}\n\n`);
}

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
  // behind `equal`) and picomatch are CommonJS: bundled, a lint loads no CommonJS module at all,
  // which spares Node its CommonJS loader and export lexer at start-up. re2js, ibantools and
  // @noble/hashes (the HTML report's CSP hashes; the formatters load with every lint), are minified with the engine's chunk instead of resolved and compiled apart.
  noExternal: ["libphonenumber-js", /^ajv\/dist\/runtime\//, "fast-deep-equal", "re2js", "ibantools", "picomatch", /^@noble\/hashes/],
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
    await writeFile("dist/THIRD-PARTY-LICENSES.txt", `${thirdPartyLicenses()}\n`);
  },
});
