import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { lint } from "../packages/core/src/node.js";
import { validateReport } from "./report-schema.js";
import { describeShared, sharedDir } from "./shared.js";

/**
 * Parity with frictionless-py 5.19: for every reference case, conforme's multiset of
 * (code, rowNumber, fieldNumber) equals frictionless's, except the deliberate differences below,
 * each explained in docs/parity.md. frictionless runs neither Validata's custom checks nor
 * personal-data detection: both are off here. The reference reports come from frictionless'
 * default header matching, by position (`schema_sync` off), so the cases run in conforme's
 * `position` mode: the default `auto` would match the renamed, swapped or missing columns of the
 * mutated cases by name, as Validata does.
 */

type Triple = { type: string; rowNumber: number | null; fieldNumber: number | null };

interface Deviation {
  /** Errors conforme reports and frictionless does not. */
  add?: Triple[];
  /** Errors frictionless reports and conforme does not. */
  remove?: Triple[];
  /** Section of docs/parity.md that explains it. */
  doc: string;
}

const deviations: Record<string, Deviation> = {
  "mut-51-quirk-integer-underscore-s-prenoms": {
    add: [{ type: "type-error", rowNumber: 21, fieldNumber: 5 }],
    doc: "Pas de séparateur `_` dans les nombres",
  },
  "mut-55-quirk-pattern-alternation-friches": {
    add: [{ type: "constraint-error", rowNumber: 2, fieldNumber: 12 }],
    doc: "Motifs ancrés sur la valeur entière",
  },
  "mut-56-quirk-pattern-trailing-newline-lieux-covoiturage": {
    add: [{ type: "constraint-error", rowNumber: 2, fieldNumber: 5 }],
    doc: "`$` ne correspond qu'à la toute fin de la valeur",
  },
  "mut-60-quirk-unterminated-quote-subventions": {
    add: [{ type: "source-error", rowNumber: null, fieldNumber: null }],
    doc: "Guillemet jamais refermé",
  },
};

/** Codes that locate a whole file in frictionless's reports: no row, no field. */
const FILE_LEVEL = new Set(["source-error", "encoding-error", "schema-error", "resource-error"]);
/** Findings conforme adds that frictionless has no equivalent for (informational). */
const NOT_COMPARED = new Set(["schema-warning"]);

function key(triple: Triple): string {
  return `${triple.type}@${triple.rowNumber ?? "-"}:${triple.fieldNumber ?? "-"}`;
}

function multiset(triples: Triple[]): string[] {
  return triples.map(key).sort();
}

const referenceDir = path.join(sharedDir, "reference");

describeShared("parity with frictionless-py", () => {
  const cases = readdirSync(path.join(referenceDir, "cases")).sort();

  it("covers every reference case", () => {
    const index = JSON.parse(readFileSync(path.join(referenceDir, "index.json"), "utf8")) as { caseCount: number };
    expect(cases.length).toBe(index.caseCount);
  });

  it.each(cases)("%s", async (id) => {
    const dir = path.join(referenceDir, "cases", id);
    const meta = JSON.parse(readFileSync(path.join(dir, "case.json"), "utf8")) as { kind: string; data: string; schema: string | null };
    const expected = JSON.parse(readFileSync(path.join(dir, "expected.json"), "utf8")) as { errors: (Triple & { resource?: string })[] };
    const report = await lint([meta.data], { cwd: dir, schema: meta.schema ?? undefined, maxErrors: 0, personalData: false, customChecks: false, headerMode: "position" });
    expect(report.runErrors).toEqual([]);
    validateReport(report);
    const ours: Triple[] = [];
    for (const file of report.files) {
      for (const finding of file.findings) {
        if (NOT_COMPARED.has(finding.code)) continue;
        const fileLevel = FILE_LEVEL.has(finding.code);
        const rowLevel = finding.code === "blank-row" || finding.code === "primary-key" || finding.code === "foreign-key";
        ours.push({
          type: finding.code,
          rowNumber: fileLevel ? null : (finding.rowNumber ?? null),
          fieldNumber: fileLevel || rowLevel ? null : (finding.fieldNumber ?? null),
        });
      }
    }
    const deviation = deviations[id];
    let theirs: Triple[] = expected.errors.map(({ type, rowNumber, fieldNumber }) => ({ type, rowNumber, fieldNumber }));
    if (deviation) {
      const removed = new Set((deviation.remove ?? []).map(key));
      theirs = theirs.filter((triple) => !removed.has(key(triple)));
      theirs.push(...(deviation.add ?? []));
    }
    expect(multiset(ours)).toEqual(multiset(theirs));
  });

  it("documents every deliberate difference in docs/parity.md", () => {
    const doc = readFileSync(path.join(__dirname, "../docs/parity.md"), "utf8");
    for (const [id, deviation] of Object.entries(deviations)) {
      expect(existsSync(path.join(referenceDir, "cases", id)), id).toBe(true);
      expect(doc, `${id} → ${deviation.doc}`).toContain(deviation.doc);
      expect(doc, `docs/parity.md names the case ${id}`).toContain(id);
    }
  });
});
