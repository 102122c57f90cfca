import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { personalDataChecks } from "./index.js";
import { runChecks } from "../checks/check-tester.js";
// @ts-expect-error: plain ESM script without type declarations
import { corpusDir, decode } from "../../../../scripts/eval-personal-data.mjs";

const Papa = createRequire(import.meta.url)("papaparse") as typeof import("papaparse");
const truth = JSON.parse(readFileSync(path.join(corpusDir as string, "ground-truth.json"), "utf8")).files as Record<string, Record<string, string[]>>;

/**
 * Every raw value of a column holding personal data, and in free text every capitalised word and
 * digit group long enough to identify: none may appear in any finding's JSON (data, cell, message).
 */
function rawValues(labels: string[], rows: string[][], columns: string[]): Set<string> {
  const raws = new Set<string>();
  for (const column of columns) {
    const i = labels.indexOf(column);
    for (const row of rows) {
      const cell = (row[i] ?? "").trim();
      if (cell.length < 4) continue;
      raws.add(cell);
      for (const m of cell.matchAll(/\b[A-ZÀ-Ý][\p{L}-]{3,}\b|\d[\d .]{5,}\d/gu)) raws.add(m[0]);
    }
  }
  return raws;
}

// Words of the corpus's free text that are not personal (function words, places, services).
const PUBLIC_WORDS = new Set(["Acquisition", "Rapport", "Plouzané", "Signalement", "Tarifs", "Convention", "Attribution", "Enedis", "Lampadaire", "Branches", "Dépôt"]);

describe("no raw personal value in findings", () => {
  const files = readdirSync(corpusDir as string).filter((f) => f.endsWith(".csv"));
  it.each(files)("%s", (file) => {
    const text = decode(readFileSync(path.join(corpusDir as string, file))) as string;
    const [labels = [], ...rows] = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
    const findings = runChecks(personalDataChecks, { labels, rows });
    const json = JSON.stringify(findings);
    const columns = Object.keys(truth[file] ?? {});
    const leaked = [...rawValues(labels, rows, columns)].filter((raw) => !PUBLIC_WORDS.has(raw) && json.includes(raw));
    expect(leaked).toEqual([]);
  });
});
