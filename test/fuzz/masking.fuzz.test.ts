// Issue 12, fuzzing the masking: generated personal data (NIR with its key, IBAN with its check
// digits, card numbers passing Luhn, mobile numbers, e-mail addresses, names in a name column),
// written with or without spaces, placed in cells that fail checks, in the header and in extra
// cells. No raw value may reach any registered format, the HTML preview, the Action's annotations
// or its job summary. test/masking.test.ts does the same on fixed values.
import fc from "fast-check";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planAnnotations } from "../../action/src/annotations.js";
import { SUMMARY_BUDGET } from "../../action/src/summary.js";
import { TEXTS } from "../../action/src/texts.js";
import { formatMarkdown, formatters } from "../../packages/core/src/index.js";
import { lintWithPreview } from "../../packages/core/src/node.js";
import { fuzzParameters } from "./options.js";
import { card, email, firstName, iban, nir, phone, surname, written } from "./personal.js";

const SCHEMA = {
  fields: [
    { name: "ref", type: "string", constraints: { required: true, pattern: "R-[0-9]+" } },
    { name: "montant", type: "integer" },
    { name: "code", type: "string", constraints: { maxLength: 8 } },
    { name: "contact", type: "string", constraints: { unique: true } },
    { name: "nom", type: "string", constraints: { maxLength: 3 } },
    { name: "prenom", type: "string" },
    { name: "observations", type: "string", constraints: { maxLength: 30 } },
  ],
};

const person = fc.record({ nir, iban, card, phone, email, surname, firstName, spaced: fc.boolean() });
type Person = typeof person extends fc.Arbitrary<infer T> ? T : never;

const file = fc.record({
  people: fc.array(person, { minLength: 4, maxLength: 6 }),
  delimiter: fc.constantFrom(";", ","),
  headerValue: fc.constantFrom("nir", "email", "phone", "iban", "card") as fc.Arbitrary<"nir" | "email" | "phone" | "iban" | "card">,
});

/** One row per person, every personal value in a cell some check fails on or in an extra cell. */
function csvOf(people: Person[], delimiter: string, headerValue: keyof Person): string {
  const first = people[0]!;
  const header = [...SCHEMA.fields.map((field) => field.name), written(String(first[headerValue]), first.spaced)];
  const rows = people.map((p, k) => [
    written(p.nir, p.spaced), // pattern
    written(p.phone, true), // integer
    written(p.iban, p.spaced), // maxLength
    people[0]!.email, // unique, from the second row on
    p.surname, // maxLength, in a column of names
    p.firstName,
    // maxLength. Quoted, as exports quote free text; the dialect sniffer (Python's csv.Sniffer,
    // as frictionless) then finds the delimiter around the quotes, whatever the extra cells.
    `"Virement ${written(p.card, p.spaced)} pour ${p.email} au ${written(p.phone, !p.spaced)}"`,
    ...(k % 2 === 0 ? ["", p.email, p.nir] : ["", written(p.iban, !p.spaced)]),
  ]);
  return `${[header, ...rows].map((cells) => cells.join(delimiter)).join("\r\n")}\r\n`;
}

/** Every value of every person, as written and compact, with names as a pair. */
function forbidden(people: Person[]): string[] {
  const values = new Set<string>();
  for (const p of people) {
    for (const value of [p.nir, p.iban, p.card, p.phone, p.email, `${p.firstName} ${p.surname}`, `+33${p.phone.slice(1)}`]) {
      values.add(value);
      values.add(value.toLowerCase());
    }
  }
  return [...values];
}

function leaks(output: string, values: string[]): string[] {
  const compact = output.replace(/[\s.\-()]/g, "");
  return values.filter((value) => output.includes(value) || compact.includes(value.replace(/[\s.\-()]/g, "")));
}

/**
 * A SARIF log less its rules: a rule is the documentation page of a code found, written before
 * any data (see test/masking.test.ts).
 */
function withoutSarifRules(output: string): string {
  const log = JSON.parse(output) as { runs: { tool: { driver: { rules?: unknown } } }[] };
  for (const run of log.runs) delete run.tool.driver.rules;
  return JSON.stringify(log);
}

describe("masking of generated personal data", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "conforme-masking-fuzz-"));
    writeFileSync(path.join(dir, "schema.json"), JSON.stringify(SCHEMA));
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("no raw value in any format, the preview, the annotations or the summary", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(file, async ({ people, delimiter, headerValue }) => {
        const name = `f${run++}.csv`;
        writeFileSync(path.join(dir, name), csvOf(people, delimiter, headerValue));
        const { report, previews } = await lintWithPreview([name], { cwd: dir, schema: "schema.json", headerMode: "position", lang: "fr" });
        const values = forbidden(people);
        // The values are quoted by findings: without masking, they would be there.
        const codes = new Set(report.files[0]!.findings.map((finding) => finding.code));
        for (const code of ["constraint-error", "type-error", "extra-label", "extra-cell"])
          expect(
            [...codes],
            report.files[0]!.findings.slice(0, 3)
              .map((f) => f.message)
              .join(" / "),
          ).toContain(code);
        expect(leaks(JSON.stringify(report), values)).toEqual([]);
        expect(leaks(JSON.stringify(previews), values)).toEqual([]);
        for (const [format, formatter] of Object.entries(formatters)) {
          for (const options of [{}, { aggregate: false }, { preview: previews }]) {
            const output = formatter(report, options);
            expect(leaks(format === "sarif" ? withoutSarifRules(output) : output, values), format).toEqual([]);
          }
        }
        const plan = planAnnotations(report, undefined, TEXTS.fr, { error: 50, warning: 50, notice: 50 });
        expect(leaks(JSON.stringify(plan), values)).toEqual([]);
        expect(leaks(formatMarkdown(report, { links: false, budget: SUMMARY_BUDGET }), values)).toEqual([]);
      }),
      // Each run lints a file: fewer runs than the pure properties, a few seconds in all.
      fuzzParameters(15),
    );
  });
});
