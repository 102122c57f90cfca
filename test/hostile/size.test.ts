// Issue "Hostile input": inputs that crashed conforme or made it hang or print without bound.
// Each is generated as a stream in the test (nothing large is written to disk) and fed to the
// engine; what is asserted is structural: the run finishes with the expected findings, no string
// in the report is larger than the quoting bound, and the report's size does not grow with the
// input's.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatters, personalDataChecks } from "../../packages/core/src/internal.js";
import { lint } from "../../packages/core/src/node.js";
import type { FileReport } from "../../packages/core/src/report.js";
import { buildReport } from "../../packages/core/src/validate/report-builder.js";
import { createValidator, type ValidatorOptions } from "../../packages/core/src/validate/validator.js";
import type { TableSchema } from "../../packages/core/src/table-schema/descriptor.js";
import type { RowCheck } from "../../packages/core/src/check.js";

const MiB = 1024 * 1024;
const encoder = new TextEncoder();

/** `head`, then `count` times `chunk`, then `tail`: the chunk's bytes are encoded once. */
async function* stream(head: string, chunk: string, count: number, tail = ""): AsyncGenerator<Uint8Array> {
  yield encoder.encode(head);
  const bytes = encoder.encode(chunk);
  for (let k = 0; k < count; k++) yield bytes;
  if (tail !== "") yield encoder.encode(tail);
}

const withPersonalData: ValidatorOptions = {
  checks: personalDataChecks.map((check) => ({ check: check as RowCheck<never>, options: {} })),
};

/** Every string in the report (keys included), to bound their lengths. */
function longestString(value: unknown): number {
  if (typeof value === "string") return value.length;
  if (Array.isArray(value)) return Math.max(0, ...value.map(longestString));
  if (value !== null && typeof value === "object") return Math.max(0, ...Object.entries(value).flatMap(([key, inner]) => [key.length, longestString(inner)]));
  return 0;
}

const at = (report: FileReport) => report.findings.map((f) => `${f.code}${f.messageId === "default" ? "" : `/${f.messageId}`}@${f.rowNumber ?? ""}:${f.fieldNumber ?? ""}`);

const twoFields: TableSchema = {
  fields: [
    { name: "id", type: "integer" },
    { name: "texte", type: "string" },
  ],
};

describe("a line far longer than any cell should be", () => {
  // The reported crash was a 600 MB line (RangeError: Invalid string length): 96 MiB with the
  // default limits goes through the same code as 600 MB would, chunk after chunk.
  it("96 Mi characters without a line break, with a schema: one oversized-cell, a small report", async () => {
    const report = await createValidator(twoFields, withPersonalData).validate(stream("id,texte\n1,", "x".repeat(MiB), 96), { name: "ligne.csv" });
    expect(at(report)).toEqual(["oversized-cell@2:2"]);
    expect(report.findings[0]!.data).toEqual({ length: 96 * MiB, limit: MiB });
    expect(report.valid).toBe(false);
    expect(longestString(report)).toBeLessThan(1000);
  });

  it("the limits are options: a line 1000 times the cell limit is cut to it", async () => {
    const report = await createValidator(twoFields, { maxCellLength: 1000, maxRowLength: 4000 }).validate(stream("id,texte\n1,", "y".repeat(1000), 1000, "\n2,ok\n"), {
      name: "ligne.csv",
    });
    expect(at(report)).toEqual(["oversized-cell@2:2"]);
    expect(report.stats.rows).toBe(2);
  });

  it("a record of many cells past the row limit is cut and reported once", async () => {
    const schema: TableSchema = { fields: [{ name: "a", type: "string" }] };
    const report = await createValidator(schema, { maxRowLength: 10_000, maxErrors: 0 }).validate(stream("a\n", "z,".repeat(4096), 16, "z\n"), { name: "large.csv" });
    const codes = new Set(report.findings.map((f) => f.code));
    expect(report.findings.filter((f) => f.code === "oversized-row").map((f) => f.rowNumber)).toEqual([2]);
    // The cells kept are reported as extra cells, the dropped ones are not read at all.
    expect(report.findings.filter((f) => f.code === "extra-cell").length).toBeLessThan(5000);
    expect(codes).toEqual(new Set(["oversized-row", "extra-cell"]));
  });
});

describe("an unterminated quote on line 1", () => {
  const person = "1,Mme Jeanne Dupontel 06 12 34 56 78,jeanne.dupontel@gmail.com\n";

  it("with a schema and the personal-data checks: the swallowed rows stay out of the report", async () => {
    // 20 MiB of rows behind the quote: before, the personal-data analysis read them as one header name.
    const report = await createValidator(twoFields, withPersonalData).validate(stream('id,"texte\n', person.repeat(MiB / person.length), 20), { name: "guillemet.csv" });
    expect(at(report)).toEqual(expect.arrayContaining(["source-error/unterminatedQuote@1:", "oversized-cell@1:2", "extra-header-warn@1:2"]));
    expect(report.stats.rows).toBe(0);
    const json = JSON.stringify(report);
    expect(longestString(report)).toBeLessThan(1000);
    expect(json).not.toMatch(/Dupontel|06 12 34 56 78|jeanne\.dupontel/);
  });

  describe("without a schema (the header is the schema)", () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(path.join(tmpdir(), "conforme-hostile-"));
      writeFileSync(path.join(dir, "guillemet.csv"), `id,"texte,mail\n${person.repeat(40_000)}`);
    });
    afterAll(() => {
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it("the field name made of the swallowed file is bounded and masked in every output", async () => {
      const report = await lint(["guillemet.csv"], { cwd: dir });
      const file = report.files[0]!;
      expect(file.valid).toBe(false);
      expect(at(file)).toEqual(expect.arrayContaining(["source-error/unterminatedQuote@1:"]));
      expect(longestString(file)).toBeLessThan(1000);
      for (const [name, formatter] of Object.entries(formatters)) {
        const output = formatter(report, {});
        expect(output, name).not.toMatch(/Dupontel|06 12 34 56 78|jeanne\.dupontel/);
        expect(output.length, name).toBeLessThan(200_000);
      }
    });
  });
});

describe("messages stay bounded whatever they quote", () => {
  it("100 cells of 1 MB failing a pattern: each quoted cell is cut", async () => {
    const schema: TableSchema = {
      fields: [
        { name: "id", type: "integer" },
        { name: "code", type: "string", constraints: { pattern: "[A-Z]{3}" } },
      ],
    };
    const row = `1,${"abc ".repeat(MiB / 4 - 1)}abc\n`;
    const report = await createValidator(schema).validate(stream("id,code\n", row, 100), { name: "cellules.csv" });
    const errors = report.findings.filter((f) => f.code === "constraint-error");
    expect(errors).toHaveLength(100);
    expect(longestString(report)).toBeLessThan(1000);
    const run = buildReport([report], [], "fr", new Date());
    for (const name of Object.keys(formatters)) expect(formatters[name]!(run, {}).length, name).toBeLessThan(500_000);
  });

  it("a 40,000-value enum: messages list the first values and count the others", async () => {
    const values = Array.from({ length: 40_000 }, (_, k) => `valeur-${k}`);
    const schema: TableSchema = { fields: [{ name: "categorie", type: "string", constraints: { enum: values } }] };
    const report = await createValidator(schema).validate(stream("categorie\n", "inconnue\n", 1000), { name: "enum.csv" });
    const errors = report.findings.filter((f) => f.code === "constraint-error" && f.messageId === "enum");
    expect(errors).toHaveLength(1000);
    expect(errors[0]!.data.expected).toMatch(/^valeur-0, valeur-1, .*valeur-9, … \(\+39990\)$/);
    expect(longestString(report)).toBeLessThan(1000);
    expect(JSON.stringify(report).length).toBeLessThan(2_000_000);
  });
});

describe("wide and long tables", () => {
  it("100,000 columns: the run stops at the error limit, every string bounded", async () => {
    const header = Array.from({ length: 100_000 }, (_, k) => `c${k}`).join(",");
    const row = Array.from({ length: 100_000 }, (_, k) => String(k)).join(",");
    const report = await createValidator(twoFields).validate(stream(`${header}\n`, `${row}\n`, 3), { name: "large.csv" });
    expect(report.partial).toBe(true);
    expect(report.findings.length).toBe(1000);
    expect(longestString(report)).toBeLessThan(1000);
  });
});
