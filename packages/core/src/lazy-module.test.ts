import { describe, expect, it } from "vitest";
import { lazyModule, namedExports } from "./lazy-module.js";

describe("namedExports", () => {
  const library = { parse: () => 1 };
  it.each([
    ["an ES module namespace", library],
    ["a CommonJS module bundled as default", { default: library }],
  ])("finds the named exports of %s", (_name, loaded) => {
    expect(namedExports(loaded as typeof library, "parse")).toBe(library);
  });
});

describe("lazyModule", () => {
  it("imports once, and refuses a sync use before the load", async () => {
    let imports = 0;
    const lazy = lazyModule(
      "exemple",
      async () => {
        imports++;
        return { default: { run: () => "ok" } } as unknown as { run: () => string };
      },
      "run",
    );
    expect(() => lazy.get()).toThrow(/exemple not loaded/);
    await Promise.all([lazy.load(), lazy.load()]);
    expect(lazy.get().run()).toBe("ok");
    expect(imports).toBe(1);
  });
});
