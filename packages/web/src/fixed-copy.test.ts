import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { lintSources, type GivenSchema } from "@conforme/core";
import { fixedCopy, fixedName } from "./fixed-copy.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const fixture = (relative: string) => new Uint8Array(readFileSync(path.join(repoRoot, relative)));
const terrasses: GivenSchema = { json: JSON.parse(readFileSync(path.join(repoRoot, "test/fixtures/fix/terrasses-schema.json"), "utf8")), source: "terrasses-schema.json" };
const excel = { name: "terrasses.csv", bytes: fixture("test/fixtures/fix/terrasses-excel-1252.csv") };

describe("fixedName", () => {
  it.each([
    ["subventions-2024.csv", "subventions-2024-corrige.csv"],
    ["budget.xlsx", "budget-corrige.csv"],
    ["export.tsv", "export-corrige.csv"],
    ["sans-extension", "sans-extension-corrige.csv"],
    ["v1.2.données.csv", "v1.2.données-corrige.csv"],
    [".csv", "fichier-corrige.csv"],
  ])("%s → %s", (name, expected) => {
    expect(fixedName(name)).toBe(expected);
  });
});

describe("fixedCopy: core's fixTable over a dropped file", () => {
  it("fixes an Excel export (Windows-1252, `;`, CRLF) into UTF-8 with `,`, and the copy passes the schema", async () => {
    const copy = await fixedCopy(excel, terrasses, { lang: "fr", maskPersonal: false });
    expect(copy.name).toBe("terrasses-corrige.csv");
    expect(copy.result.summary.map(({ kind }) => kind)).toEqual(["encoding", "delimiter", "lineEnding", "header", "leadingZeros", "frenchDate", "decimalComma", "booleanValues"]);
    const text = new TextDecoder("utf-8", { fatal: true }).decode(copy.bytes);
    expect(text.split("\n")[1]).toBe("AT-2024-001,2024-03-12,Café de la Halle,3 place de la Halle,01000,01053,Bourg-en-Bresse,12.5,1250.00,oui,Jean Dupont,06 12 34 56 78");
    expect(text).toContain("Crêperie Sœur Anne");
    expect(copy.remainingErrors).toBe(0);
    const relinted = await lintSources([{ name: copy.name, bytes: copy.bytes! }], { schema: terrasses });
    expect(relinted.report.files[0]!.findings.filter((finding) => finding.severity === "error")).toEqual([]);
  });

  it("masks personal values only when asked, and lists each masked value masked", async () => {
    const kept = await fixedCopy(excel, terrasses, { lang: "fr", maskPersonal: false });
    expect(kept.result.changes.some((change) => change.kind === "maskPersonal")).toBe(false);
    const masked = await fixedCopy(excel, terrasses, { lang: "fr", maskPersonal: true });
    const maskChanges = masked.result.changes.filter((change) => change.kind === "maskPersonal");
    expect(new Set(maskChanges.map((change) => change.fieldName))).toEqual(new Set(["adresse", "demandeur", "telephone_demandeur"]));
    const text = new TextDecoder().decode(masked.bytes);
    for (const raw of ["06 12 34 56 78", "Jean Dupont"]) {
      expect(text).not.toContain(raw);
      expect(JSON.stringify(masked.result.changes)).not.toContain(raw);
    }
  });

  it("a file with a month-first date: the column's dates are left, and a note says why", async () => {
    const csv = "numero,date_arrete,etablissement\nAT-2024-001,12/31/2024,A\nAT-2024-002,03/04/2024,B\n";
    const copy = await fixedCopy({ name: "us.csv", bytes: new TextEncoder().encode(csv) }, terrasses, { lang: "en", maskPersonal: false });
    expect(copy.result.notes.map((note) => [note.id, note.fieldName, note.cells])).toEqual([["monthFirstDates", "date_arrete", 2]]);
    expect(copy.remainingErrors).toBe(2);
  });

  it.each([
    ["an unterminated quote", 'numero,etablissement\nAT-2024-001,"Café\n', "unterminatedQuote"],
    ["an empty file", "", "empty"],
  ])("%s: no copy, and the reason", async (_label, text, messageId) => {
    const copy = await fixedCopy({ name: "bad.csv", bytes: new TextEncoder().encode(text) }, terrasses, { lang: "fr", maskPersonal: false });
    expect(copy.bytes).toBeUndefined();
    expect(copy.remainingErrors).toBeUndefined();
    expect(copy.problems).toHaveLength(1);
    expect(copy.result.problems.map((problem) => [problem.code, problem.messageId])).toEqual([["source-error", messageId]]);
  });

  it("a schema unfit for validation throws a message in the page's language", async () => {
    const broken: GivenSchema = { json: { fields: [{ name: "a", type: "nombre" }] }, source: "broken.json" };
    await expect(fixedCopy(excel, broken, { lang: "fr", maskPersonal: false })).rejects.toThrow(/./);
  });
});
