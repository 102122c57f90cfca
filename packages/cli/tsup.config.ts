import { cp } from "node:fs/promises";
import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts", "src/bin.ts"],
  format: ["esm"],
  // Types for `main`, the programmatic entry; the bin needs none.
  dts: { entry: "src/index.ts" },
  clean: true,
  sourcemap: true,
  target: "node20",
  // Every run compiles the modules it loads: minified, as core's, V8 reads fewer bytes
  // (docs/performance.md, "Démarrage"). Stack traces map back with `node --enable-source-maps`.
  minify: true,
  // `conforme explain` reads the checks' pages from the installed package, not from the repo.
  async onSuccess() {
    await cp("../../docs/checks", "dist/docs/checks", { recursive: true });
  },
});
