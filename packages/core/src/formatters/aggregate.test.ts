import { describe, expect, it } from "vitest";
import type { Finding } from "../findings.js";
import type { FileReport, Report } from "../report.js";
import { aggregateFindings, lineNote, recordPlace } from "./aggregate.js";
import { formatGithub } from "./github.js";
import { formatHtml } from "./html.js";
import { formatJson } from "./json.js";
import { formatJunit } from "./junit.js";
import { formatMarkdown } from "./markdown.js";
import { formatSarif } from "./sarif.js";
import { formatStylish } from "./stylish.js";
import { reportOf } from "./testing-report.js";

const DESCRIPTION = "Date de la décision, voir [le guide](https://example.org/guide)";

function cell(rowNumber: number, extra: Partial<Finding> = {}): Finding {
  // Record 4 holds a quoted cell over three lines: from record 5 on, line = record + 2.
  const line = rowNumber <= 4 ? rowNumber : rowNumber + 2;
  return {
    code: "constraint-error",
    messageId: "pattern",
    severity: "error",
    category: "schema",
    message: `La valeur « 03/0${rowNumber % 9}/2024 » de la colonne « DATE » (ligne ${rowNumber}) n'a pas le format attendu. ${DESCRIPTION}`,
    data: {},
    file: "deliberations.csv",
    rowNumber,
    line,
    fieldNumber: 3,
    fieldName: "DATE",
    cell: `03/0${rowNumber % 9}/2024`,
    ...extra,
  };
}

/** 40 rows failing the same way on DATE, one other finding, and a read stopped at the limit. */
function municipal(partial = true): Report {
  const findings: Finding[] = [
    {
      code: "extra-label",
      messageId: "default",
      severity: "warning",
      category: "structure",
      message: "Colonne en trop.",
      data: {},
      rowNumber: 1,
      line: 1,
      fieldNumber: 9,
      fieldName: "x",
    },
    ...Array.from({ length: 40 }, (_, i) => cell(i + 2)),
    cell(6, { code: "type-error", messageId: "default", fieldName: "MONTANT", fieldNumber: 4, message: "Montant illisible (ligne 6)." }),
  ];
  const file: FileReport = {
    file: "deliberations.csv",
    valid: false,
    partial,
    labels: [],
    stats: { rows: 41, fields: 9, bytes: 4000, errors: 41, warnings: 1, infos: 0 },
    findings,
    durationMs: 3,
  };
  return reportOf([file], { options: { maxErrors: 42 } });
}

const count = (text: string, pattern: RegExp) => (text.match(pattern) ?? []).length;

describe("aggregateFindings", () => {
  it("folds a column failing the same way on 3 rows or more into one entry at its first row", () => {
    const entries = aggregateFindings(municipal().files[0]!.findings);
    expect(entries.map((entry) => (entry.kind === "finding" ? entry.finding.code : `${entry.aggregate.code}×${entry.aggregate.count}`))).toEqual([
      "extra-label",
      "constraint-error×40",
      "type-error",
    ]);
    const group = entries[1]!;
    expect(group.kind === "aggregate" && group.aggregate.rows).toEqual([2, 3, 4, 5, 6]);
  });

  it.each([
    ["two rows stay apart", [cell(2), cell(3)], 2],
    ["three rows fold", [cell(2), cell(3), cell(4)], 1],
    ["other columns do not fold together", [cell(2), cell(3, { fieldName: "B", fieldNumber: 4 }), cell(4, { fieldName: "C", fieldNumber: 5 })], 3],
    ["other messageIds do not fold together", [cell(2), cell(3, { messageId: "enum" }), cell(4, { messageId: "maxLength" })], 3],
    ["header findings never fold", [cell(1), cell(1), cell(1)], 3],
    ["accepted and not accepted stay apart", [cell(2), cell(3), cell(4), ...[5, 6, 7].map((row) => cell(row, { accepted: { reason: "r" } }))], 2],
  ])("%s", (_, findings, entries) => {
    expect(aggregateFindings(findings)).toHaveLength(entries);
  });

  it("lists every finding with aggregate: false", () => {
    expect(aggregateFindings(municipal().files[0]!.findings, { aggregate: false })).toHaveLength(42);
  });

  it.each([
    [{ rowNumber: 1, line: 1 }, "en-tête"],
    [{ rowNumber: 3, line: 3 }, "ligne 3"],
    [{ rowNumber: 5, line: 7 }, "enregistrement 5, ligne 7"],
    [{ line: 4 }, "ligne 4"],
    [{}, undefined],
  ])("places %j as %s", (finding, expected) => {
    expect(recordPlace(finding, "fr")).toBe(expected);
  });

  // A workbook's sheet: cells by reference, rows by the sheet's row (its table may start lower).
  it.each([
    [{ rowNumber: 3, line: 3, cellRef: "B3" }, "cellule B3", " (cellule B3)"],
    [{ rowNumber: 1, line: 2, cellRef: "C2" }, "en-tête, cellule C2", " (cellule C2)"],
    [{ rowNumber: 4, line: 6 }, "enregistrement 4, ligne 6 de la feuille", " (ligne 6 de la feuille)"],
    [{ rowNumber: 4, line: 4 }, "ligne 4", ""],
  ])("in a sheet, places %j as %s", (finding, place, note) => {
    expect(recordPlace(finding, "fr", true)).toBe(place);
    expect(lineNote(finding, "fr", true)).toBe(note);
  });

  it("says cell in English", () => {
    expect(recordPlace({ rowNumber: 3, line: 3, cellRef: "B3" }, "en", true)).toBe("cell B3");
    expect(lineNote({ rowNumber: 4, line: 6 }, "en", true)).toBe(" (sheet row 6)");
  });
});

describe("every format", () => {
  const report = municipal();
  const outputs = {
    stylish: formatStylish(report),
    github: formatGithub(report),
    markdown: formatMarkdown(report),
    sarif: formatSarif(report),
    junit: formatJunit(report),
    html: formatHtml(report),
  };

  it.each(Object.entries(outputs))("%s shows the 40 failing rows once, with their count", (name, text) => {
    // The field's description and its link appear once for the group, not 40 times (JUnit
    // carries a failure's message twice: attribute and body).
    expect(count(text, /example\.org\/guide/g)).toBe(name === "junit" ? 2 : 1);
    expect(text).toMatch(name === "sarif" ? /"count": 40/ : /40/);
  });

  it.each(Object.entries(outputs))("%s says the reading stopped, the rows read and how to lift the limit", (_, text) => {
    expect(text).toMatch(/41 lignes de données lues/);
    expect(text).toContain("--max-errors 0");
  });

  it("lists every finding with --no-aggregate, and JSON always does", () => {
    expect(count(formatStylish(report, { aggregate: false }), /constraint-error/g)).toBe(40);
    expect(count(formatGithub(report, { aggregate: false, limits: false }), /^::error /gm)).toBe(41);
    // Markdown groups by code: one row, every finding an example of it.
    const markdownRow = formatMarkdown(report, { aggregate: false })
      .split("\n")
      .find((line) => line.startsWith("| [`constraint-error`]"))!;
    expect(markdownRow.split("<br>")).toHaveLength(40);
    expect((JSON.parse(formatSarif(report, { aggregate: false })) as { runs: { results: unknown[] }[] }).runs[0]!.results).toHaveLength(42);
    expect(count(formatJunit(report, { aggregate: false }), /<failure /g)).toBe(42);
    expect(count(formatHtml(report, { aggregate: false }), /<tr data-severity="error">/g)).toBe(41);
    expect((JSON.parse(formatJson(report)) as Report).files[0]!.findings).toHaveLength(42);
  });

  it("github and SARIF locate a finding at its physical line and the message names its record", () => {
    const github = formatGithub(report)
      .split("\n")
      .find((line) => line.includes("type-error"))!;
    expect(github).toMatch(/line=8,/);
    expect(github).toContain("enregistrement 6, qui commence ligne 8 du fichier");
    const sarif = JSON.parse(formatSarif(report)) as {
      runs: {
        results: { ruleId: string; message: { text: string }; locations: { physicalLocation: { region: { startLine: number } } }[]; properties: Record<string, unknown> }[];
      }[];
    };
    const result = sarif.runs[0]!.results.find((candidate) => candidate.ruleId === "type-error")!;
    expect(result.locations[0]!.physicalLocation.region.startLine).toBe(8);
    expect(result.properties["rowNumber"]).toBe(6);
    expect(result.message.text).toContain("enregistrement 6, qui commence ligne 8 du fichier");
  });

  it.each([
    ["stylish", (r: Report) => formatStylish(r), "enregistrement 6, ligne 8"],
    ["markdown", (r: Report) => formatMarkdown(r), "enregistrement 6, ligne 8"],
    ["junit", (r: Report) => formatJunit(r), "line 8, row 6"],
    ["html", (r: Report) => formatHtml(r), "enregistrement 6, ligne 8 du fichier"],
  ])("%s gives record and physical line when they differ", (_, format, expected) => {
    expect(format(report)).toContain(expected);
  });

  it("the HTML report neither says valid nor counts the rows read as the file's rows", () => {
    const stopped = municipal();
    // Every finding accepted: no error is left, but the reading still stopped early.
    const file = stopped.files[0]!;
    file.findings = file.findings.map((finding) => ({ ...finding, accepted: { reason: "connu" } }));
    file.valid = true;
    file.stats.errors = 0;
    stopped.valid = true;
    const html = formatHtml(stopped);
    expect(html).toContain('data-verdict="incomplete"');
    expect(html).not.toMatch(/>Conforme</);
    expect(html).not.toContain(">valide</text>");
    expect(html).not.toContain("Aucune erreur ni aucun avertissement");
    expect(html).toContain("<dt>Lignes lues</dt>");
    expect(html).not.toContain("<dt>Lignes</dt>");
  });

  it("the HTML report does not say 'Aucune erreur' for a file failing on personal data only", () => {
    const personal = municipal(false);
    const file = personal.files[0]!;
    file.findings = [
      {
        code: "personal-data-email",
        messageId: "emailColumn",
        severity: "error",
        category: "personal-data",
        message: "Adresses e-mail.",
        data: { evidence: { share: 0.9, freeText: true, cellsInColumn: 12 } },
        fieldNumber: 2,
        fieldName: "mail",
      },
    ];
    file.stats.errors = 1;
    const html = formatHtml(personal);
    expect(html).not.toContain("Aucune erreur ni aucun avertissement");
    expect(html).not.toContain(">valide</text>");
    // Evidence is labelled for people, internal keys stay out.
    expect(html).not.toMatch(/freeText|cellsInColumn|<strong>share</);
    expect(html).toContain("Cellules concernées dans la colonne");
  });

  it("the HTML report prints a schema version once, whether it starts with v or not", () => {
    for (const version of ["1.1.6", "v1.1.6"]) {
      const withSchema = municipal(false);
      withSchema.files[0]!.schema = { id: "scdl/deliberations", version, source: "https://example.org/s.json" };
      const html = formatHtml(withSchema);
      expect(html).toContain("v1.1.6");
      expect(html).not.toContain("vv1.1.6");
    }
  });
});
