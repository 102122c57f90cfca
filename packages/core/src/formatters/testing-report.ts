import type { Finding } from "../findings.js";
import type { Report } from "../report.js";

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
          finding({ code: "type-error", severity: "error", file: bad, rowNumber: 3, line: 4, fieldNumber: 1, fieldName: "siret", cell: "12a", message: "Valeur « 12a » | <b>invalide</b>\n50% : faux, vraiment" }),
          finding({ code: "french-siret-value", severity: "error", category: "french", file: bad, rowNumber: 2, line: 3, fieldNumber: 1, fieldName: "siret" }),
          finding({ code: "personal-data-email", severity: "warning", category: "personal-data", file: bad, fieldNumber: 2, fieldName: "email", accepted: { reason: "adresse de service" } }),
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
