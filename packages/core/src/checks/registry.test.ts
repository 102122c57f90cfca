import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import type { RowCheck } from "../check.js";
import { docsUrl } from "../check.js";
// @ts-expect-error: plain ESM script without type declarations
import { checkRegistryModule } from "../../scripts/check-registry.mjs";
import { checks } from "./registry.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const docsDir = path.resolve(here, "../../../../docs/checks");
const modules = readdirSync(here).filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts") && !file.endsWith(".generated.ts"));

function isCheck(value: unknown): value is RowCheck {
  return typeof value === "object" && value !== null && "id" in value && "meta" in value && typeof (value as RowCheck).create === "function";
}

/** Every check exported by a module of this folder, found by loading the modules, not by reading them as the script does. */
const exported = new Map<string, RowCheck[]>();
for (const file of modules) {
  const module = (await import(pathToFileURL(path.join(here, file)).href)) as Record<string, unknown>;
  const found = Object.values(module).filter(isCheck);
  if (found.length > 0) exported.set(file, found);
}

describe("check registry", () => {
  it("is sorted by id, with unique ids and aliases", () => {
    const ids = checks.map((check) => check.id);
    expect(ids).toEqual([...ids].sort());
    const names = checks.flatMap((check) => [check.id, ...(check.aliases ?? [])]);
    expect(new Set(names).size).toBe(names.length);
  });

  it("is the generated file, up to date (node packages/core/scripts/check-registry.mjs)", async () => {
    expect(readFileSync(path.join(here, "registry.generated.ts"), "utf8")).toBe(await checkRegistryModule());
  });

  it("holds every check a module of src/checks exports, and nothing else", () => {
    const all = [...exported.values()].flat();
    expect(all.length).toBeGreaterThan(0);
    expect(new Set(checks)).toEqual(new Set(all));
  });

  it.each([...exported.keys()])("%s has its test cases", (file) => {
    const test = file.replace(/\.ts$/, ".test.ts");
    expect(existsSync(path.join(here, test)), test).toBe(true);
  });

  it.each(checks.map((check) => check.id))("%s has its doc page and complete meta", (id) => {
    const check = checks.find((candidate) => candidate.id === id);
    expect(existsSync(path.join(docsDir, `${id}.md`)), `docs/checks/${id}.md`).toBe(true);
    expect(docsUrl(id)).toMatch(new RegExp(`/${id}\\.md$`));
    expect(["custom", "french"]).toContain(check?.meta.category);
    expect(check?.meta.options).toBeDefined();
    const messages = Object.values(check?.meta.messages ?? {});
    expect(messages.length).toBeGreaterThan(0);
    for (const template of [check?.meta.description, ...messages]) {
      expect(template?.fr.length).toBeGreaterThan(0);
      expect(template?.en.length).toBeGreaterThan(0);
    }
  });
});
