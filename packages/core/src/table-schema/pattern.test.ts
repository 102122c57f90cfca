import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { describeShared, sharedDir } from "../../../../test/shared.js";
import { compileField } from "./compile-field.js";
import type { FieldDescriptor } from "./descriptor.js";
import { INVALID } from "./field.js";
import { RE2JS } from "re2js";
import { compilePattern, fixedShapeRegExp, PatternError, re2AcceptsWhatV8Does, translatePattern } from "./pattern.js";
import { linearRegExp } from "./pattern-linear.js";
import { VALUE_DEVIATIONS } from "./value-deviations.js";

describe("compilePattern", () => {
  it.each([
    // [pattern, value, whole-value match]
    ["^\\d{14}$", "12345678901234", true],
    ["\\d{5}", "12345\n", false],
    ["[0-9]{5}|2[AB][0-9]{3}", "12345xyz", false],
    ["[0-9]{5}|2[AB][0-9]{3}", "x2A123", false],
    ["[0-9]{5}|2[AB][0-9]{3}", "2A123", true],
    ["^(https?:\\/\\/[^|\\s]*)|([\\w\\-\\.]+@([\\w-]+\\.)+[\\w-]{2,})$", "http://x.fr/a voir aussi", false],
    ["^(https?:\\/\\/[^|\\s]*)|([\\w\\-\\.]+@([\\w-]+\\.)+[\\w-]{2,})$", "andré@mairie.fr", true],
    ["^\\d{3}$", "١٢٣", false],
    ["^\\s$", "\u00a0", true],
    ["^\\S+$", "a\u202fb", false],
    ["^[A-Za-z\\s\\-\\u00C0-\\u00FF]+$", "Élodie Dupont-Érié", true],
    ["^[A-Za-z\\s\\-\\u00C0-\\u00FF]+$", "Œuvre", false],
    ["^[a-zA-Z0-9\\-\\–\\'\\’\\«\\»\\°\\\"\\s\\d\\u00C0-\\u00FF\\(\\)\\,\\.]+$", "« L’école » – n°3", true],
    ["a{,2}", "aa", true],
    ["a{,2}", "aaa", false],
    ["[[]", "[", true],
    ["(?i)abc", "ABC", true],
    ["x\\Z", "x", true],
    ["(?:(?:^|\\|)([A-Z]\\d[a-z]|)\\1+[A-Z]\\d[a-z])+$", "A1b|C2d", true],
    ["(?:(?:^|\\|)([A-Z]\\d[a-z]|)\\1+[A-Z]\\d[a-z])+$", "A1b|", false],
    ["(?:(?:^|\\|)([A-Z]\\d[a-z]|)\\1+[A-Z]\\d[a-z])+$", "A1bA1bC2d", false],
  ])("%s on %j is %s", (pattern, value, matches) => {
    expect(compilePattern(pattern).test(value)).toBe(matches);
  });

  it.each(["(?=a)", "(?<!a)b", "(a)\\1", "(?P<x>a)(?P=x)", "a++", "(?>a)", "\\p{L}", "[a", "(a", "a)", "\\"])("refuses %s", (pattern) => {
    expect(() => compilePattern(pattern)).toThrow(PatternError);
  });

  // RE2 refuses these where V8 compiles them: compilation with RE2 must not be skipped for them.
  it.each(["a{1001}", "\\d{2000}", "(a{40}){30}", "((a{10}){10}){11}", "(?P<année>[0-9]{4})", "\\\\x{1001}"])("still refuses %s, which only RE2 rejects", (pattern) => {
    expect(() => compilePattern(pattern)).toThrow(PatternError);
  });

  it.each([
    // [pattern, RE2 compilation skipped]
    ["^\\d{14}$", true],
    ["[0-9]{5}|2[AB][0-9]{3}", true],
    ["^https?://[^\\s]*$", true],
    ["^(\\+33|\\+590)(\\d){6,9}$", true],
    ["a{1000}", true],
    ["a{1001}", false],
    ["(a{40}){30}", false],
    ["(?P<code>[0-9]{5})", false],
  ])("%s: RE2 compilation skipped is %s", (pattern, skipped) => {
    expect(re2AcceptsWhatV8Does(translatePattern(pattern))).toBe(skipped);
  });

  // A backtracking engine would take about 2^5000 steps here: the test would never end.
  it("answers on a pattern that backtracks catastrophically in Python", () => {
    const p = compilePattern("(a+)+$");
    expect(p.test(`${"a".repeat(5000)}!`)).toBe(false);
    expect(p.test("a".repeat(5000))).toBe(true);
  });

  it("spells Python's Unicode classes out for RE2", () => {
    expect(translatePattern("\\d\\w")).toBe("[0-9][\\p{L}\\p{N}_]");
  });
});

function walkJson(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walkJson(p));
    else if (name.endsWith(".json")) out.push(p);
  }
  return out;
}

function schemasIn(doc: unknown): { fields?: FieldDescriptor[] }[] {
  if (doc === null || typeof doc !== "object") return [];
  const d = doc as { fields?: unknown; resources?: { schema?: unknown }[] };
  const found: { fields?: FieldDescriptor[] }[] = [];
  if (Array.isArray(d.fields)) found.push(d as { fields: FieldDescriptor[] });
  if (Array.isArray(d.resources)) {
    for (const r of d.resources) if (r.schema && typeof r.schema === "object") found.push(...schemasIn(r.schema));
  }
  return found;
}

const patternsOf = (f: FieldDescriptor): string[] =>
  [f.constraints?.pattern, (f.arrayItem?.constraints as { pattern?: unknown } | undefined)?.pattern].filter((p): p is string => typeof p === "string");

describeShared("patterns of the national schemas", () => {
  const files = walkJson(path.join(sharedDir, "schemas"));
  const patterns = new Set<string>();
  const fields: [string, number, FieldDescriptor][] = [];
  for (const file of files) {
    let doc: unknown;
    try {
      doc = JSON.parse(readFileSync(file, "utf8"));
    } catch {
      continue;
    }
    for (const schema of schemasIn(doc)) {
      (schema.fields ?? []).forEach((f, i) => {
        fields.push([path.relative(sharedDir, file), i, f]);
        for (const p of patternsOf(f)) patterns.add(p);
      });
    }
  }

  it("finds the schemas and their patterns", () => {
    expect(fields.length).toBeGreaterThan(300);
    expect(patterns.size).toBeGreaterThan(30);
  });

  it.each([...patterns])("compiles %s", (pattern) => {
    expect(() => compilePattern(pattern)).not.toThrow();
  });

  // Where compilePattern skips RE2's compilation, RE2 must accept the pattern: nothing that RE2
  // refused before is accepted now.
  it("skips RE2's compilation only for patterns RE2 accepts, and for most national patterns", () => {
    const skipped = [...patterns].filter((pattern) => {
      const translated = translatePattern(pattern);
      return (fixedShapeRegExp(translated) ?? linearRegExp(translated)) !== undefined && re2AcceptsWhatV8Does(translated);
    });
    for (const pattern of skipped) expect(() => RE2JS.compile(`(?:${translatePattern(pattern)})`), pattern).not.toThrow();
    expect(skipped.length * 2).toBeGreaterThan(patterns.size);
  });

  it("compiles every field of every schema", () => {
    const failures = fields.flatMap(([file, i, f]) => {
      try {
        compileField(f, undefined, `fields[${i}]`);
        return [];
      } catch (e) {
        return [`${file} fields[${i}]: ${(e as Error).message}`];
      }
    });
    expect(failures).toEqual([]);
  });
});

interface Expected {
  errors: { type: string; rowNumber: number | null; fieldNumber: number | null; note: string }[];
}

/**
 * Every string cell of every table case, read positionally as frictionless does, against the
 * field's pattern: it fails exactly where frictionless reported a pattern constraint-error,
 * except in the cases listed in VALUE_DEVIATIONS.
 */
describeShared("patterns on the reference cases", () => {
  const casesDir = path.join(sharedDir, "reference", "cases");
  const ids = readdirSync(casesDir).filter((id) => {
    const c = JSON.parse(readFileSync(path.join(casesDir, id, "case.json"), "utf8")) as { kind: string };
    return c.kind === "table";
  });

  it("has table cases", () => {
    expect(ids.length).toBeGreaterThan(60);
  });

  it.each(ids)("%s", (id) => {
    const dir = path.join(casesDir, id);
    const c = JSON.parse(readFileSync(path.join(dir, "case.json"), "utf8")) as {
      dialect: { encoding: string; delimiter: string };
    };
    const schema = JSON.parse(readFileSync(path.join(dir, "schema.json"), "utf8")) as {
      fields: FieldDescriptor[];
      missingValues?: string[];
    };
    const expected = JSON.parse(readFileSync(path.join(dir, "expected.json"), "utf8")) as Expected;
    const at = (e: { rowNumber: number | null; fieldNumber: number | null }) => `${e.rowNumber}:${e.fieldNumber}`;
    const reported = new Set(expected.errors.filter((e) => e.note.startsWith('constraint "pattern"')).map(at));
    const skip = new Set(expected.errors.filter((e) => e.type === "type-error" || e.type === "blank-row" || e.type.endsWith("-cell")).map(at));
    const blankRows = new Set(expected.errors.filter((e) => e.type === "blank-row").map((e) => e.rowNumber));
    const text = new TextDecoder(c.dialect.encoding === "utf-8" ? "utf-8" : "latin1").decode(readFileSync(path.join(dir, "data.csv")));
    const rows = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { delimiter: c.dialect.delimiter }).data;
    const compiled = schema.fields.map((f, i) => compileField(f, schema.missingValues, `fields[${i}]`));
    const ours = new Set<string>();
    rows.slice(1).forEach((cells, r) => {
      const rowNumber = r + 2;
      if (blankRows.has(rowNumber)) return;
      cells.forEach((raw, i) => {
        const f = compiled[i];
        const key = `${rowNumber}:${i + 1}`;
        if (!f?.descriptor.constraints?.pattern || skip.has(key) || f.isMissing(raw)) return;
        const value = f.cast(raw);
        if (value === INVALID) return;
        if (f.check(value, raw)?.some((x) => x.constraint === "pattern")) ours.add(key);
      });
    });
    if (id in VALUE_DEVIATIONS && id.includes("pattern")) {
      expect(ours.size).toBe(reported.size + 1);
    } else {
      expect([...ours].sort()).toEqual([...reported].sort());
    }
  });
});
