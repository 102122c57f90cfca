import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { docsUrl } from "../check.js";
import { checks } from "./registry.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const docsDir = path.resolve(here, "../../../../docs/checks");

describe("check registry", () => {
  it("is sorted by id, one line each, with unique ids and aliases", () => {
    const ids = checks.map((check) => check.id);
    expect(ids).toEqual([...ids].sort());
    const names = checks.flatMap((check) => [check.id, ...(check.aliases ?? [])]);
    expect(new Set(names).size).toBe(names.length);
    const lines = readFileSync(path.join(here, "registry.ts"), "utf8").split("\n").filter((line) => /^ {2}\w+,$/.test(line));
    expect(lines).toHaveLength(checks.length);
  });

  it.each(checks.map((check) => check.id))("%s has its file, test, doc page and complete meta", (id) => {
    const check = checks.find((candidate) => candidate.id === id);
    expect(existsSync(path.join(here, `${id}.ts`)), `${id}.ts`).toBe(true);
    expect(existsSync(path.join(here, `${id}.test.ts`)), `${id}.test.ts`).toBe(true);
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
