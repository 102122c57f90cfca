import type { Report } from "../report.js";

/** The versioned JSON report, described by schemas/report.schema.json. */
export function formatJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
