import { formatMarkdown, markdownText, type FileReport, type Finding, type Lang, type MetadataReport, type Report } from "@conforme/core/internal";
import { describe, expect, it } from "vitest";
import { planAnnotations, cellColumns } from "./annotations.js";
import { diffRange, parseUnifiedDiff } from "./git.js";
import { COMMENT_BUDGET, SUMMARY_BUDGET } from "./summary.js";
import { TEXTS } from "./texts.js";

function finding(overrides: Partial<Finding>): Finding {
  return { code: "type-error", messageId: "default", severity: "error", category: "schema", message: "m", data: {}, ...overrides };
}

function fileReport(file: string, findings: Finding[]): FileReport {
  const errors = findings.filter((f) => f.severity === "error").length;
  return {
    file,
    valid: errors === 0,
    partial: false,
    labels: [],
    stats: { rows: 1, fields: 1, bytes: 1, errors, warnings: findings.length - errors, infos: 0 },
    findings,
    durationMs: 1,
  };
}

function report(files: FileReport[]): Report {
  const errors = files.reduce((n, f) => n + f.stats.errors, 0);
  return {
    reportVersion: "1.0",
    tool: { name: "conforme", version: "0" },
    lang: "fr",
    createdAt: "2026-01-01T00:00:00Z",
    durationMs: 1,
    valid: errors === 0,
    stats: { files: files.length, errors, warnings: 0, infos: 0 },
    files,
    runErrors: [],
  };
}

function metadataSection(descriptor: string, dataFiles: string[], points: number, max: number): MetadataReport {
  const score = { id: "datagouv" as const, points, max, verified: points, provisionalPoints: 0, localPoints: 0, provisional: false, criteria: [] };
  return { descriptor, format: "datapackage-v1", dataFiles, valid: true, stats: { errors: 0, warnings: 0, infos: 0 }, scores: [score], findings: [] };
}

/** The job summary and the pull-request comment, as the Action asks core for them. */
function summary(report: Report, options: { budget?: number; lang?: Lang } = {}): string {
  return formatMarkdown({ ...report, lang: options.lang ?? "fr" }, { links: false, budget: options.budget ?? SUMMARY_BUDGET });
}

describe("the Action's summary (core's formatMarkdown without links, under a budget)", () => {
  const huge = report(
    Array.from({ length: 400 }, (_, i) =>
      fileReport(
        `data/f${i}.csv`,
        Array.from({ length: 40 }, (_, j) => finding({ code: `code-${j}`, message: "x".repeat(400), line: j + 2 })),
      ),
    ),
  );
  const budgets = [
    { name: "job summary", budget: SUMMARY_BUDGET },
    { name: "comment", budget: COMMENT_BUDGET },
    { name: "tiny", budget: 5_000 },
  ];
  for (const { name, budget } of budgets) {
    it(`stays under the ${name} budget and says it truncated`, () => {
      const text = summary(huge, { budget });
      expect(Buffer.byteLength(text)).toBeLessThanOrEqual(budget);
      expect(text).toContain("Résumé tronqué");
      expect(text).toContain("## Conformité des données");
    });
  }

  it("folds a column failing on many rows into one example and says where reading stopped", () => {
    const rows = Array.from({ length: 30 }, (_, i) =>
      finding({ rowNumber: i + 2, line: i + 2, fieldNumber: 1, fieldName: "d", message: `valeur ${i} @maire ![x](https://evil.example/x.png)` }),
    );
    const file = fileReport("data/a.csv", rows);
    file.partial = true;
    const text = summary(report([file]));
    // The code is named as the catalogue names it (as the HTML report does).
    expect(text).toContain("| `type-error` Type ou format incorrect | erreur | 30 |");
    expect(text.match(/valeur \d+/g)).toEqual(["valeur 0"]);
    expect(text).toContain("30 lignes");
    expect(text).toContain("--max-errors 0");
    expect(text).not.toMatch(/@maire|!\[|https:\/\/evil/);
    expect(text).not.toContain("✅ conforme");
  });

  it("keeps everything when it fits", () => {
    const small = report([fileReport("data/a.csv", [finding({ line: 3 })])]);
    const scored = { ...small, metadata: [metadataSection("datapackage.json", ["data/a.csv"], 6, 9)] };
    const text = summary(scored);
    expect(text).not.toContain("tronqué");
    expect(text).toContain("| data/a.csv | ❌ 1 erreur | aucune détectée | 6/9 (data.gouv.fr) |");
  });

  const hostile = [
    // An unescaped pipe would end the table cell.
    { value: "a|b", absent: /(?<!\\)\|/ },
    { value: "<img src=x onerror=alert(1)>", absent: /<img/ },
    { value: "![x](https://evil.example/p.png)", absent: /!\[|https:\/\// },
    { value: "@maire", absent: /@maire/ },
    { value: "line\nbreak", absent: /\n/ },
    { value: "\u001b[31mrouge\u001b[0m", absent: /\u001b/ },
  ];
  it("shows no live mention, image, link or tag from file names and messages", () => {
    const hostileFile = fileReport("data/@maire <b>x</b> ![i](https://evil.example/i.png).csv", [
      finding({ line: 3, message: "@org/team voir [ici](https://evil.example) <img src=x>" }),
    ]);
    const text = summary(report([hostileFile]), { lang: "en" });
    expect(text).toContain("details");
    expect(text).not.toMatch(/@maire|@org|<b>|<img|!\[|\]\(https:\/\/evil|https:\/\/evil/);
    expect(text).not.toMatch(/\]\(/);
    // Escaped, not dropped: the reader still sees what the data says.
    expect(text).toContain("@\u200dmaire");
    expect(text).toContain("@\u200dorg/team");
  });

  for (const { value, absent } of hostile) {
    it(`neutralises ${JSON.stringify(value)} from the data`, () => {
      expect(markdownText(value)).not.toMatch(absent);
    });
  }
});

describe("planAnnotations", () => {
  const changes = parseUnifiedDiff(["diff --git a/b.csv b/b.csv", "--- a/b.csv", "+++ b/b.csv", "@@ -9,0 +9,2 @@", "+x", "+y"].join("\n"));

  it("puts errors first, then changed lines, then changed files", () => {
    const plan = planAnnotations(
      report([fileReport("a.csv", [finding({ severity: "warning", line: 2 }), finding({ line: 9 })]), fileReport("b.csv", [finding({ line: 3 }), finding({ line: 10 })])]),
      changes,
      TEXTS.fr,
    );
    expect(plan.annotations.map((a) => `${a.level} ${a.file}:${a.line}`)).toEqual(["error b.csv:10", "error b.csv:3", "error a.csv:9", "warning a.csv:2"]);
    expect(plan.hidden).toBe(0);
  });

  const crowded = report([
    fileReport("a.csv", [...Array.from({ length: 12 }, (_, i) => finding({ line: i + 2 })), ...Array.from({ length: 12 }, () => finding({ severity: "info" }))]),
  ]);

  it("keeps 10 per level, the last notice slot for the overflow notice", () => {
    const plan = planAnnotations(crowded, undefined, TEXTS.en);
    const levels = plan.annotations.map((a) => a.level);
    expect(levels.filter((l) => l === "error")).toHaveLength(10);
    expect(levels.filter((l) => l === "notice")).toHaveLength(10);
    expect(plan.hidden).toBe(2 + 3);
    expect(plan.annotations.at(-1)).toMatchObject({ level: "notice", title: "conforme : annotations limitées" });
    expect(plan.annotations.at(-1)!.message).toMatch(/^5 findings of 24 /);
  });

  it.each([
    ["a failure and a fork's fallback notice", { error: 9, warning: 10, notice: 9 }, { error: 9, notice: 9, hidden: 3 + 4 }],
    ["a failure, three warnings and a notice of the Action", { error: 9, warning: 7, notice: 9 }, { error: 9, notice: 9, hidden: 3 + 4 }],
    ["nothing of the Action's", { error: 10, warning: 10, notice: 10 }, { error: 10, notice: 10, hidden: 2 + 3 }],
  ])("leaves the slots the Action reserves: %s", (_, room, expected) => {
    const plan = planAnnotations(crowded, undefined, TEXTS.en, room);
    const levels = plan.annotations.map((a) => a.level);
    expect({ error: levels.filter((l) => l === "error").length, notice: levels.filter((l) => l === "notice").length, hidden: plan.hidden }).toEqual(expected);
  });

  it("annotates a column failing on many rows once, at its first row, with the count", () => {
    const rows = Array.from({ length: 25 }, (_, i) => finding({ rowNumber: i + 2, line: i + 4, fieldNumber: 2, fieldName: "date", message: `date ${i}` }));
    const plan = planAnnotations(report([fileReport("a.csv", rows)]), undefined, TEXTS.fr);
    expect(plan.annotations).toHaveLength(1);
    const [annotation] = plan.annotations;
    expect(annotation).toMatchObject({ level: "error", file: "a.csv", line: 4, title: "type-error · date · ×25" });
    expect(annotation!.message).toContain("25 lignes");
    // The physical line (4) is not the record (2): the message names both.
    expect(annotation!.message).toContain("enregistrement 2, qui commence ligne 4");
    expect(plan.hidden).toBe(0);
  });

  it("warns when a file's reading stopped at the error limit, with the rows read", () => {
    const stopped = fileReport("a.csv", [finding({ line: 3 })]);
    stopped.partial = true;
    stopped.stats.rows = 1234;
    const plan = planAnnotations(report([stopped]), undefined, TEXTS.fr);
    expect(plan.annotations.map((a) => a.level)).toEqual(["error", "warning"]);
    expect(plan.annotations[1]).toMatchObject({ level: "warning", file: "a.csv", title: "conforme : lecture arrêtée (max-errors)" });
    expect(plan.annotations[1]!.message).toMatch(/1\u202f?\s?234 lignes de données lues/);
    expect(plan.annotations[1]!.message).toContain("maxErrors: 0");
  });

  it("leaves accepted findings out", () => {
    const plan = planAnnotations(report([fileReport("a.csv", [finding({ accepted: { reason: "ok" } })])]), undefined, TEXTS.fr);
    expect(plan.annotations).toEqual([]);
  });
});

describe("cellColumns", () => {
  const cases = [
    { line: "a,bb,ccc", field: 3, expected: { column: 6, endColumn: 8 } },
    { line: 'a,"b,""b",c\nnext', field: 3, expected: { column: 11, endColumn: 11 } },
    { line: "a;;c", field: 2, expected: { column: 3, endColumn: 3 } },
    { line: 'a,"multi\nline",c', field: 3, expected: undefined },
    { line: "a,b", field: 4, expected: undefined },
  ];
  for (const { line, field, expected } of cases) {
    it(`finds field ${field} in ${JSON.stringify(line)}`, () => {
      expect(cellColumns(line, line.includes(";") ? ";" : ",", '"', field)).toEqual(expected);
    });
  }
});

describe("diffRange", () => {
  const cases = [
    { event: "push", payload: { before: "a", after: "b" }, expected: { kind: "range", base: "a", head: "b", threeDot: false } },
    { event: "push", payload: { before: "0".repeat(40), after: "b" }, expected: { kind: "none", reason: "newBranch" } },
    { event: "pull_request", payload: { pull_request: { base: { sha: "a" }, head: { sha: "b" } } }, expected: { kind: "range", base: "a", head: "b", threeDot: true } },
    { event: "workflow_dispatch", payload: {}, expected: { kind: "none", reason: "event" } },
  ];
  for (const { event, payload, expected } of cases) {
    it(`${event} ${JSON.stringify(payload).slice(0, 40)}`, () => expect(diffRange(event, payload)).toEqual(expected));
  }
});
