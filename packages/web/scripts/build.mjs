// Compiles the page's build program (TypeScript) with esbuild, then runs it: no TypeScript
// runner needed. Everything it does is in src/build.node.ts.
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outfile = path.join(packageDir, "dist/build.mjs");
await build({
  entryPoints: [path.join(packageDir, "src/build.node.ts")],
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  outfile,
  logLevel: "warning",
});
const { main } = await import(pathToFileURL(outfile).href);
process.exitCode = await main(process.argv.slice(2));
