import type { Finding } from "../findings.js";
import type { FileReport, Report } from "../report.js";

function finding(partial: Partial<Finding> & Pick<Finding, "code" | "severity">): Finding {
  return { messageId: "default", category: "schema", message: `message of ${partial.code}`, data: {}, ...partial };
}

/**
 * A report with what the formatters must cope with: two files (one valid), a run error, an
 * accepted finding, a metadata finding with a character column, and hostile text in messages
 * and file names (workflow-command, XML and Markdown metacharacters).
 */
export function sampleReport(lang: "fr" | "en" = "fr"): Report {
  const bad = "données/sub ventions, 100%.csv";
  return {
    reportVersion: "1.0",
    tool: { name: "conforme", version: "0.1.0" },
    lang,
    createdAt: "2025-01-10T00:00:00.000Z",
    durationMs: 12,
    valid: false,
    stats: { files: 2, errors: 2, warnings: 1, infos: 1 },
    runErrors: [{ code: "schema-error", file: "schemas/x.json", message: "Schéma illisible : <json>\nligne 2" }],
    files: [
      {
        file: bad,
        valid: false,
        partial: false,
        labels: ["siret", "email"],
        stats: { rows: 3, fields: 2, bytes: 50, errors: 2, warnings: 1, infos: 1 },
        durationMs: 3,
        findings: [
          finding({
            code: "type-error",
            severity: "error",
            file: bad,
            rowNumber: 3,
            line: 4,
            fieldNumber: 1,
            fieldName: "siret",
            cell: "12a",
            message: "Valeur « 12a » | <b>invalide</b>\n50% : faux, vraiment",
          }),
          finding({ code: "french-siret-value", severity: "error", category: "french", file: bad, rowNumber: 2, line: 3, fieldNumber: 1, fieldName: "siret" }),
          finding({
            code: "personal-data-email",
            severity: "warning",
            category: "personal-data",
            file: bad,
            fieldNumber: 2,
            fieldName: "email",
            accepted: { reason: "adresse de service" },
          }),
          finding({ code: "schema-warning", severity: "info", file: bad, pointer: "/fields/0", line: 7, column: 5 }),
        ],
      },
      {
        file: "ok.csv",
        valid: true,
        partial: false,
        labels: ["a"],
        stats: { rows: 1, fields: 1, bytes: 4, errors: 0, warnings: 0, infos: 0 },
        durationMs: 1,
        findings: [],
      },
    ],
  };
}

/** Values a cell, a file name or a schema title may hold, each aimed at one output family. */
export const HOSTILE = [
  "\u001b[2J\u001b[31mrouge\u001b[0m",
  "\u001b]0;titre volé\u0007",
  "\u001b]8;;https://evil.example\u001b\\lien\u001b]8;;\u001b\\",
  "\u009b31m C1",
  "fin\n::error::injecté",
  "x\r\n::add-mask::secret",
  "\n::stop-commands::jeton",
  "50% : a, b",
  "@maire-adjoint et @org/equipe",
  "![pixel](https://evil.example/p.png)",
  "[cliquez](javascript:alert(1))",
  "voir https://evil.example et www.evil.example",
  "<img src=x onerror=alert(1)>",
  "</style><script>alert(1)</script>",
  "<![CDATA[ ]]> & < > \" ' \u0000\u0001",
  "\u202eexe.pdf",
  "voir #123, GH-45 et org/depot#6, écrire à maire@mairie.example",
  "<!-- caché --> <details open>",
  "##[add-mask]secret ##[error]ancienne forme",
] as const;

/** A report around these files, its totals counted from them: the envelope test reports share. */
export function reportOf(files: FileReport[], extra: Partial<Report> = {}): Report {
  const total = (key: "errors" | "warnings" | "infos") => files.reduce((sum, file) => sum + file.stats[key], 0);
  return {
    reportVersion: "1.0",
    tool: { name: "conforme", version: "1.0.0" },
    lang: "fr",
    createdAt: "2026-01-01T00:00:00.000Z",
    durationMs: 1,
    valid: files.every((file) => file.valid),
    stats: { files: files.length, errors: total("errors"), warnings: total("warnings"), infos: total("infos") },
    files,
    runErrors: [],
    ...extra,
  };
}

/** A report whose file name, schema, cells, labels and messages hold every value of `HOSTILE`. */
export function hostileReport(): Report {
  const file = "données/<b>@maire</b>\n::warning::x.csv";
  const findings: Finding[] = HOSTILE.map((value, index) => ({
    code: "type-error",
    messageId: "default",
    severity: "error",
    category: "schema",
    message: `La valeur « ${value} » n'est pas valide.`,
    data: {},
    file,
    rowNumber: index + 2,
    line: index + 2,
    fieldNumber: (index % 3) + 1,
    fieldName: `col ${value}`,
    cell: value,
  }));
  return reportOf(
    [
      {
        file,
        valid: false,
        partial: false,
        schema: { id: "<i>titre</i> @x", version: "1.0", source: "javascript:alert(1)" },
        labels: [],
        stats: { rows: findings.length, fields: 3, bytes: 100, errors: findings.length, warnings: 0, infos: 0 },
        findings,
        durationMs: 1,
      },
    ],
    { runErrors: [{ code: "schema-error", file: "s\n::error::.json", message: HOSTILE.join(" ") }] },
  );
}
