import { builtinModules } from "node:module";
import path from "node:path";
import { build, type Plugin } from "esbuild";
import { describe, expect, it } from "vitest";
import { browserBundle, LAZY_ONLY } from "../scripts/bundle-size.mjs";
import { repoRoot } from "./shared.js";

/**
 * The engine entry (`@conforme/core`) must run in a web page: bundled for the browser platform,
 * nothing in it may import a Node built-in. A package that shares a built-in's name (the npm
 * `buffer` or `events` polyfills) is fine when it resolves to a file of its own.
 */
const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);

function forbidNodeBuiltins(found: string[]): Plugin {
  return {
    name: "forbid-node-builtins",
    setup(bundle) {
      bundle.onResolve({ filter: /.*/ }, async (args) => {
        if (!builtins.has(args.path) || args.pluginData === "retry") return undefined;
        if (!args.path.startsWith("node:")) {
          const resolved = await bundle.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: "retry" });
          if (resolved.errors.length === 0 && resolved.path && !resolved.external) return resolved;
        }
        found.push(`${args.path} ← ${path.relative(repoRoot, args.importer)}`);
        return { path: args.path, external: true };
      });
    },
  };
}

async function bundleFor(entry: string): Promise<{ found: string[]; bytes: number }> {
  const found: string[] = [];
  const result = await build({
    entryPoints: [path.join(repoRoot, entry)],
    bundle: true,
    platform: "browser",
    format: "esm",
    splitting: true,
    outdir: path.join(repoRoot, "test-output/browser-bundle"),
    write: false,
    logLevel: "silent",
    plugins: [forbidNodeBuiltins(found)],
  });
  return { found, bytes: result.outputFiles.reduce((sum, file) => sum + file.contents.length, 0) };
}

describe("browser bundle of the engine", () => {
  // The web page bundles the internal entry, a superset of the documented one.
  it.each(["packages/core/src/index.ts", "packages/core/src/internal.ts"])("imports no Node built-in from %s", async (entry) => {
    const { found, bytes } = await bundleFor(entry);
    expect(found).toEqual([]);
    expect(bytes).toBeGreaterThan(0);
  });

  it("catches a Node import when there is one", async () => {
    const { found } = await bundleFor("packages/core/src/node.ts");
    expect(found.some((entry) => entry.startsWith("node:fs"))).toBe(true);
  });
});

// A page that validates against a plain schema downloads the entry and its static imports only:
// the phone, opening-hours, reference-data, RDF, YAML and media-type libraries wait for a check or
// a format that needs them (docs/performance.md, "Navigateur"). Sizes are reported by
// scripts/bundle-size.mjs, not tested.
describe("code splitting of the browser entry", () => {
  it("loads no heavy library before a check asks for it, and each one sits in a lazy chunk", async () => {
    const chunks = await browserBundle();
    const eagerInputs = chunks.filter((chunk) => chunk.eager).flatMap((chunk) => chunk.inputs);
    const lazyInputs = chunks.filter((chunk) => !chunk.eager).flatMap((chunk) => chunk.inputs);
    expect(chunks.filter((chunk) => chunk.entry)).toHaveLength(1);
    expect(LAZY_ONLY.filter((heavy) => eagerInputs.some(heavy.test)).map((heavy) => heavy.label)).toEqual([]);
    expect(LAZY_ONLY.filter((heavy) => !lazyInputs.some(heavy.test)).map((heavy) => heavy.label)).toEqual([]);
  });
});
