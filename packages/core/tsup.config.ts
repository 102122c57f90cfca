import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts", "src/node.ts", "src/version.ts", "src/lint-worker.node.ts"],
  format: ["esm"],
  dts: true,
  sourcemap: true,
  clean: false,
  target: "node20",
});
