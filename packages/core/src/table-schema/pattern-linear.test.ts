import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { RE2JS } from "re2js";
import { describe, expect, it } from "vitest";
import { parsePattern, random, sample } from "../../../../scripts/pattern-sampler.mjs";
import { describeShared, sharedDir } from "../../../../test/shared.js";
import { compilePattern, translatePattern } from "./pattern.js";
import { linearRegExp } from "./pattern-linear.js";

/**
 * Values to compare the engines on: samples of the pattern's language (mostly matching), the same
 * with one character changed, dropped or doubled (mostly not), and strings of its own characters.
 */
function probes(source: string, seed: number): string[] {
  const next = random(seed);
  const out = ["", "\n", "é", "\ud83d\ude00", "a\nb"];
  let tree: unknown;
  try {
    tree = parsePattern(source);
  } catch {
    tree = undefined;
  }
  const alphabet = [..."0123456789ABZabz-_ ./:|,'éÉ\n\r\u2028\u00a0", ...source.replace(/[\\[\]{}()|^$*+?]/g, "")];
  const any = () => alphabet[Math.floor(next() * alphabet.length)]!;
  for (let k = 0; k < 400; k++) {
    if (tree !== undefined) {
      const value = sample(tree, next);
      out.push(value);
      const at = Math.floor(next() * (value.length + 1));
      out.push(value.slice(0, at) + any() + value.slice(at + 1), value.slice(0, at) + value.slice(at + 1), value + value, `${value}\n`);
    }
    let random = "";
    for (let n = Math.floor(next() * 16); n > 0; n--) random += any();
    out.push(random);
  }
  return out;
}

function expectSameAsRe2(source: string, fast: RegExp): void {
  const translated = translatePattern(source);
  const re2 = RE2JS.compile(`(?:${translated})`);
  for (const value of probes(source, 99)) expect(fast.test(value), `${source} on ${JSON.stringify(value)}`).toBe(re2.testExact(value));
}

describe("linear-time guard for V8", () => {
  it.each([
    // Shapes national schemas write: alternation in groups, bounded repeats, one unbounded class.
    ["^([013-9]\\d|2[AB1-9])\\d{3}$", true],
    ["^(\\+33|\\+590|\\+594)(\\d){6,9}$", true],
    ["^[0-9]{4}-[0-9]{2}-[0-9]{2}(/[0-9]{4}-[0-9]{2}-[0-9]{2})?$", true],
    ["^(https?)://[^\\s/$.?#].[^\\s]*$", true],
    ["(.*?)((\\d{1,2}:\\d{2})-(\\d{1,2}:\\d{2})|24/7)", true],
    ["^(Le |La |L'|)[A-Z][a-z]{0,20}$", true],
    // Shapes that backtrack more than linearly, or read differently by V8: left to RE2.
    ["(a+)+$", false],
    ["(a|a)*b", false],
    ["\\d+\\d+x", false],
    ["^(https?://[^|\\s]*\\|)*https?://[^|\\s]*$", false],
    ["(?:(?:^|,)([A-Z]{2}[A-Z0-9]{4,33}|Non concerné))+$", false],
    ["^https?://(?:[a-z0-9\\-]+\\.)+[a-z]{2,6}$", false],
    ["[0-9]{1,3}(?:[0-9]{1,3}){1,9}", false],
    ["\\bmot\\b", false],
    ["[\\S]+", false],
  ])("%s runs on V8: %s", (pattern, expected) => {
    expect(linearRegExp(translatePattern(pattern)) !== undefined).toBe(expected);
  });

  it.each([
    "^([013-9]\\d|2[AB1-9])\\d{3}$",
    "^(\\+33|\\+590|\\+594|\\+262)(\\d){6,9}$",
    "^[0-9]{4}\\-[0-9]{2}\\-[0-9]{2}(\\/[0-9]{4}\\-[0-9]{2}\\-[0-9]{2})?$",
    "^(https?)://[^\\s/$.?#].[^\\s]*$",
    "(.*?)((\\d{1,2}:\\d{2})-(\\d{1,2}:\\d{2})|24/7)",
    "^[a-zA-Z0-9\\-\\'\\s\\d\\u00C0-\\u00FF]+$",
    "^\\d\\.\\d{1,2}$",
    "[^,;]{2,5}\\.x",
    "a{2,}b?",
  ])("%s answers as RE2", (pattern) => {
    const fast = linearRegExp(translatePattern(pattern));
    expect(fast).toBeDefined();
    expectSameAsRe2(pattern, fast!);
  });

  it("compilePattern uses the guarded V8 path and still refuses nothing it refused", () => {
    const insee = compilePattern("^([013-9]\\d|2[AB1-9])\\d{3}$");
    expect(["75056", "2A004", "97411"].map((value) => insee.test(value))).toEqual([true, true, true]);
    expect(["2C004", "7505", "75056\n"].map((value) => insee.test(value))).toEqual([false, false, false]);
    expect(() => compilePattern("(?=a)b")).toThrow();
  });

  it("stays fast on a value built to make backtracking explode", () => {
    // RE2 answers in linear time; a pattern V8 would take seconds on is not given to V8.
    const nested = compilePattern("^(\\d+)+$");
    expect(nested.test(`${"1".repeat(5000)}x`)).toBe(false);
  });
});

function walkJson(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return walkJson(file);
    return name.endsWith(".json") ? [file] : [];
  });
}

describeShared("national schemas' patterns on V8", () => {
  const patterns = new Set<string>();
  for (const file of walkJson(path.join(sharedDir, "schemas"))) {
    try {
      const json = JSON.parse(readFileSync(file, "utf8")) as { fields?: { constraints?: { pattern?: unknown } }[] };
      for (const field of Array.isArray(json.fields) ? json.fields : []) {
        if (typeof field.constraints?.pattern === "string") patterns.add(field.constraints.pattern);
      }
    } catch {
      // Not JSON we can read: not a schema.
    }
  }
  const guarded = [...patterns].flatMap((source) => {
    try {
      const fast = linearRegExp(translatePattern(source));
      return fast ? [[source, fast] as const] : [];
    } catch {
      return [];
    }
  });

  it("takes most of them", () => {
    expect(guarded.length).toBeGreaterThan(patterns.size / 2);
  });

  it.each(guarded)("%s answers as RE2 on samples and near misses", (source, fast) => {
    expectSameAsRe2(source, fast);
  });
});
