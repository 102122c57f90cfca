import { describe, expect, it } from "vitest";
import type { Finding } from "../findings.js";
import type { FileReport, MetadataReport, Report } from "../report.js";
import { describeCode } from "./catalog.js";
import { formatMarkdown } from "./markdown.js";
import { markdownText } from "./sanitize.js";
import { reportOf, sampleReport } from "./testing-report.js";

const codeRows = (text: string) => text.split("\n").filter((line) => /^\| \[?`[a-z0-9-]+`/.test(line));

function rowsFile(file: string, count: number): FileReport {
  const findings: Finding[] = Array.from({ length: count }, (_, i) => ({
    code: `code-${i % 4}`,
    messageId: "default",
    severity: "error",
    category: "schema",
    message: "x".repeat(300),
    data: {},
    rowNumber: i + 2,
    line: i + 2,
  }));
  return { file, valid: false, partial: false, labels: [], stats: { rows: count, fields: 1, bytes: 1, errors: count, warnings: 0, infos: 0 }, findings, durationMs: 1 };
}

function many(files: number): Report {
  return reportOf(Array.from({ length: files }, (_, i) => rowsFile(`data/f${i}.csv`, 12)));
}

describe("formatMarkdown", () => {
  it.each([
    ["a | b", "a \\| b"],
    ["<script>", "&lt;script&gt;"],
    ["*gras* [lien](x)", "\\*gras\\* \\[lien\\]\\(x\\)"],
    ["l1\nl2", "l1 l2"],
  ])("escapes %j (the one escaper of every Markdown report)", (raw, escaped) => {
    expect(markdownText(raw)).toBe(escaped);
  });

  it("gives the verdict, one overview row per file, run failures, and per file its findings grouped by code with docs links", () => {
    const text = formatMarkdown(sampleReport());
    expect(text).toContain("**❌ Non conforme** — 2 fichiers vérifiés, 2 erreurs, 1 avertissement.");
    expect(text).toContain("| ok.csv | ✅ conforme | aucune détectée | — |");
    expect(text).toContain("### Échecs de l'exécution");
    expect(text).toContain("- `schema-error` schemas/x.json : Schéma illisible");
    // One folded section: ok.csv has nothing to show.
    expect(text.match(/<details>/g)).toHaveLength(1);
    const rows = codeRows(text);
    expect(rows).toHaveLength(4);
    // The worst first, each code linked to its page and named as the catalogue names it.
    expect(rows[0]).toMatch(/^\| \[`french-siret-value`\]\(https:\/\/\S+\/docs\/checks\/french-siret-value\.md\) Numéro SIRET \| erreur \| 1 \|/);
    expect(rows[3]).toContain("ligne 7, /fields/0 : ");
    expect(text).not.toContain("<b>");
  });

  it("leaves the links out when asked (the Action's summary and comment)", () => {
    const text = formatMarkdown(sampleReport(), { links: false });
    expect(codeRows(text)).toHaveLength(4);
    expect(text).not.toMatch(/\]\(|https?:/);
  });

  it("keeps mentions, images and links from the data inert, and names codes as the catalogue does", () => {
    const report = sampleReport();
    const file = report.files.find((candidate) => candidate.findings.length > 0)!;
    file.file = "@maire ![x](https://evil.example/x.png).csv";
    file.findings[0]!.message = "voir @org/team et <img src=x>";
    const text = formatMarkdown(report);
    expect(text).not.toMatch(/@maire|@org|<img|!\[x\]|\]\(https:\/\/evil/);
    expect(text).toContain("@\u200dmaire");
    expect(text).toContain("@\u200dorg/team");
    expect(text).toContain(`(${describeCode(file.findings[0]!.code).helpUri})`);
  });

  it("shows a few examples per code, and every one with aggregate: false", () => {
    const report = many(1);
    const examples = (text: string) => (text.match(/enregistrement|ligne \d+ :/g) ?? []).length;
    expect(examples(formatMarkdown(report))).toBe(4 * 3);
    expect(examples(formatMarkdown(report, { examplesPerCode: 1 }))).toBe(4);
    expect(examples(formatMarkdown(report, { aggregate: false }))).toBe(12);
    expect(codeRows(formatMarkdown(report))[0]).toContain("| erreur | 3 |");
  });

  it.each([60_000, 5_000])("stays under a budget of %i bytes and says how many files it left out", (budget) => {
    const text = formatMarkdown(many(200), { budget });
    expect(new TextEncoder().encode(text).length).toBeLessThanOrEqual(budget);
    const left = /(\d+) fichiers non détaillés/.exec(text);
    expect(Number(left?.[1])).toBe(200 - (text.match(/<details>/g) ?? []).length);
    expect(formatMarkdown(many(3), { budget: 60_000 })).not.toContain("tronqué");
  });

  it("puts the caller's note under the verdict, escaped, and its prefix first", () => {
    const text = formatMarkdown(sampleReport("en"), { note: "mode @x *changed*", prefix: "<!-- marker -->\n" });
    expect(text.startsWith("<!-- marker -->\n\n## Data conformity (conforme)")).toBe(true);
    expect(text).toContain("_mode @\u200dx \\*changed\\*_");
  });

  it("shows the metadata scores, per descriptor and in the files' rows, and a descriptor's findings", () => {
    const report = sampleReport();
    const section: MetadataReport = {
      descriptor: "datapackage.json",
      format: "datapackage-v1",
      dataFiles: ["ok.csv"],
      valid: true,
      stats: { errors: 0, warnings: 1, infos: 0 },
      scores: [
        { id: "datagouv", points: 6, max: 9, verified: 6, provisionalPoints: 0, localPoints: 0, provisional: false, criteria: [] },
        { id: "mqa", points: 250, max: 405, verified: 250, provisionalPoints: 0, localPoints: 0, provisional: false, rating: "good", criteria: [] },
      ],
      findings: [{ code: "metadata-temporal-mismatch", messageId: "default", severity: "warning", category: "metadata", message: "m", data: {}, pointer: "/temporal", line: 7 }],
    };
    report.metadata = [section];
    const text = formatMarkdown(report);
    expect(text).toContain("| ok.csv | ✅ conforme | aucune détectée | 6/9 (data.gouv.fr) |");
    expect(text).toContain("| datapackage.json | 6/9 | 250/405 (good) |");
    expect(text).toContain("<details><summary>datapackage.json — 1 constat</summary>");
    expect(text).toContain("ligne 7, /temporal : m");
  });
});
