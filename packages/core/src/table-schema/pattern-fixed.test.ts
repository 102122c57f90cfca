import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { RE2JS } from "re2js";
import { describe, expect, it } from "vitest";
import { describeShared, sharedDir } from "../../../../test/shared.js";
import { fixedShapeRegExp, translatePattern } from "./pattern.js";

/** RE2's answer for a whole-value match, the reference the fast path must reproduce. */
function re2(translated: string): (value: string) => boolean {
  const re = RE2JS.compile(`(?:${translated})`);
  return (value) => re.testExact(value);
}

/** Strings near the pattern's language: samples built from its own characters, then mutated. */
function probes(translated: string, count: number, seed: number): string[] {
  let state = seed >>> 0;
  const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const alphabet = [..."0123456789ABZabz-_ ./:éÉ\n", ...translated.replace(/[\\[\]{}()|^$]/g, "")];
  const out = ["", "\n", "é", "\ud83d\ude00"];
  for (let i = 0; i < count; i++) {
    const length = Math.floor(next() * 20);
    let value = "";
    for (let k = 0; k < length; k++) value += alphabet[Math.floor(next() * alphabet.length)];
    out.push(value);
  }
  return out;
}

describe("fixed-shape patterns", () => {
  it.each([
    ["[A-Z]{2}-[0-9]{4}", true],
    ["[0-9]{5}|2[AB][0-9]{3}", true],
    ["^[0-9]{9}$", true],
    ["\\d{14}", true],
    ["[0-9]+", false],
    ["(ab){2}", false],
    ["[^0-9]{3}", false],
    ["a.c", false],
    ["[0-9]{2,5}", false],
    ["\\w{2}", false],
    ["[é]{2}", false],
  ])("%s is fixed-shape: %s", (pattern, fixed) => {
    expect(fixedShapeRegExp(translatePattern(pattern)) !== undefined).toBe(fixed);
  });

  it.each([
    ["[A-Z]{2}-[0-9]{4}", ["AB-1234", "ZZ-0000"], ["ab-1234", "AB-12345", "AB-1234\n", "AB1234"]],
    ["[0-9]{5}|2[AB][0-9]{3}", ["49007", "2A004"], ["49007x", "2C004", "4900", "x2A004"]],
    ["^[0-9]{9}$|^$", ["123456789", ""], ["12345678", "1234567890"]],
    ["[a-z]{2}\\.[a-z]{2}", ["ab.cd"], ["abxcd", "ab.c"]],
    ["[AB]-[0-9]|x", ["A-1", "x"], ["A-", "", "xx"]],
  ])("%s answers as RE2", (pattern, matching, failing) => {
    const translated = translatePattern(pattern);
    const fast = fixedShapeRegExp(translated)!;
    expect(fast).toBeDefined();
    const reference = re2(translated);
    for (const value of matching) expect([fast.test(value), reference(value)], value).toEqual([true, true]);
    for (const value of failing) expect([fast.test(value), reference(value)], value).toEqual([false, false]);
    for (const value of probes(translated, 3000, 7)) expect(fast.test(value), JSON.stringify(value)).toBe(reference(value));
  });
});

function walkJson(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return walkJson(file);
    return name.endsWith(".json") ? [file] : [];
  });
}

function patternsIn(value: unknown, found: Set<string>): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => patternsIn(item, found));
  else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (key === "pattern" && typeof item === "string") found.add(item);
      else patternsIn(item, found);
    }
  }
  return found;
}

describeShared("national schemas' fixed-shape patterns", () => {
  const patterns = new Set<string>();
  for (const file of walkJson(path.join(sharedDir, "schemas"))) {
    try {
      patternsIn(JSON.parse(readFileSync(file, "utf8")), patterns);
    } catch {
      // Not JSON we can read: not a schema.
    }
  }
  const fixed = [...patterns].filter((pattern) => {
    try {
      return fixedShapeRegExp(translatePattern(pattern)) !== undefined;
    } catch {
      return false;
    }
  });

  it("finds fixed-shape patterns among them (SIRET, INSEE codes...)", () => {
    expect(fixed.length).toBeGreaterThan(5);
  });

  it.each(fixed)("%s answers as RE2 on its probes", (pattern) => {
    const translated = translatePattern(pattern);
    const fast = fixedShapeRegExp(translated)!;
    const reference = re2(translated);
    for (const value of probes(translated, 2000, 11)) expect(fast.test(value), JSON.stringify(value)).toBe(reference(value));
  });
});
