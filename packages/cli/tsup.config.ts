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
  // `conforme explain` reads the checks' pages from the installed package, not from the repo.
  async onSuccess() {
    await cp("../../docs/checks", "dist/docs/checks", { recursive: true });
  },
});
