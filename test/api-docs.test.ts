import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { transform } from "esbuild";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./shared.js";

/**
 * Every ```ts block of docs/api.md runs against the built packages, from the repository root,
 * and prints exactly the ```text block that follows it.
 */
const doc = readFileSync(path.join(repoRoot, "docs/api.md"), "utf8");
const examples = [...doc.matchAll(/```ts\n([\s\S]*?)```\s*\n\s*Sortie :\s*\n\s*```text\n([\s\S]*?)```/g)].map((match, index) => ({
  name: `example ${index + 1}`,
  code: match[1]!,
  output: match[2]!,
}));

const imports: Record<string, string> = {
  "@conforme/core/node": path.join(repoRoot, "packages/core/dist/node.js"),
  "@conforme/core": path.join(repoRoot, "packages/core/dist/index.js"),
};

/** Every name (value or type) an entry point exports, as TypeScript resolves its re-exports. */
function exportedNames(entry: string): string[] {
  const file = path.join(repoRoot, entry);
  const program = ts.createProgram([file], { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, noEmit: true, skipLibCheck: true });
  const checker = program.getTypeChecker();
  const symbol = checker.getSymbolAtLocation(program.getSourceFile(file)!)!;
  return checker.getExportsOfModule(symbol).map((exported) => exported.name);
}

describe("docs/api.md", () => {
  // The public API is what this page documents: a name exported and never written in backticks
  // here is an export nobody promised, to document or to move to the internal entry points.
  it.each(["packages/core/src/index.ts", "packages/core/src/node.ts"])("documents every export of %s", (entry) => {
    const names = exportedNames(entry);
    expect(names.length).toBeGreaterThan(10);
    const undocumented = names.filter((name) => !new RegExp(`\`${name}[\`(<.\\[ ]`).test(doc));
    expect(undocumented).toEqual([]);
  });

  it("has runnable examples", () => {
    expect(examples.length).toBeGreaterThanOrEqual(4);
  });

  it.each(examples)("$name prints what the doc says", async ({ name, code, output }) => {
    let source = (await transform(code, { loader: "ts", format: "esm" })).code;
    for (const [specifier, file] of Object.entries(imports)) {
      source = source.replaceAll(`"${specifier}"`, JSON.stringify(`file://${file}`));
    }
    const dir = path.join(repoRoot, "test-output/api-docs");
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${name.replace(/\W+/g, "-")}.mjs`);
    writeFileSync(file, source);
    const stdout = execFileSync(process.execPath, [file], { cwd: repoRoot, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    expect(stdout).toBe(output);
  });
});
