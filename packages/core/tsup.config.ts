import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts", "src/node.ts", "src/version.ts"],
  format: ["esm"],
  dts: true,
  sourcemap: true,
  clean: false,
  target: "node20",
});
