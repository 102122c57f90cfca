import type { Report } from "../report.js";

/**
 * The versioned JSON report, described by schemas/report.schema.json. `##[` only occurs inside
 * strings, where `[` is written `\u005b`: the same JSON, and printed to a CI log no legacy
 * workflow command (see commandInert in sanitize.ts).
 */
export function formatJson(report: Report): string {
  return `${JSON.stringify(report, null, 2).replace(/##\[/g, "##\\u005b")}\n`;
}
