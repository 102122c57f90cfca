import type { MessageTemplate } from "../check.js";
import { docsUrl } from "../check.js";
import { checks } from "../checks/registry.js";
import type { Category, Severity } from "../findings.js";
import { engineCodes } from "../messages/table-schema.js";
import { PERSONAL_DATA_KINDS, personalDataChecks, personalDataCode } from "../personal-data/index.js";

/** What the formatters and `conforme explain` know of a finding code. */
export interface CodeInfo {
  code: string;
  /** The check reporting it: the code itself, or the check whose id prefixes it (`personal-data-email`). */
  check: string;
  category?: Category;
  severity?: Severity;
  description?: MessageTemplate;
  /** Documentation page (docs/checks/<check>.md). */
  helpUri: string;
}

/** Codes a check reports under another name than its id. */
const EMITTED_CODES: Record<string, string[]> = { "small-counts": ["small-count"] };

/** Engine codes, then row checks, then personal-data checks: every code with a fixed id. */
export function codeCatalog(): CodeInfo[] {
  const entries: CodeInfo[] = [];
  for (const [code, entry] of Object.entries(engineCodes)) {
    const severity: Severity = code === "schema-warning" ? "info" : code.endsWith("-warn") || code === "resource-error" ? "warning" : "error";
    entries.push({ code, check: code, category: entry.category, severity, description: entry.title, helpUri: docsUrl(code) });
  }
  for (const check of [...checks, ...personalDataChecks]) {
    entries.push({ code: check.id, check: check.id, category: check.meta.category, severity: check.meta.severity, description: check.meta.description, helpUri: docsUrl(check.id) });
    // small-counts reports each cell under the singular code, which has its own page.
    for (const code of EMITTED_CODES[check.id] ?? []) entries.push({ ...entries.at(-1)!, code, helpUri: docsUrl(code) });
  }
  return entries;
}

/**
 * Every code a finding of the data can carry, so every code `severity.codes` can set: the
 * catalogue's, and the personal-data codes by kind (`personal-data-email`), which the
 * `personal-data` check reports under their own names.
 */
export function findingCodes(): string[] {
  return [...codeCatalog().map((entry) => entry.code), ...PERSONAL_DATA_KINDS.map(personalDataCode)];
}

let byCode: Map<string, CodeInfo> | undefined;

/** The catalogue entry of a code; a derived code (`personal-data-email`) falls back to its check's. */
export function describeCode(code: string): CodeInfo {
  byCode ??= new Map(codeCatalog().map((entry) => [entry.code, entry]));
  const exact = byCode.get(code);
  if (exact) return exact;
  let owner: CodeInfo | undefined;
  for (const entry of byCode.values()) {
    if (code.startsWith(`${entry.code}-`) && (!owner || entry.code.length > owner.code.length)) owner = entry;
  }
  if (owner) return { ...owner, code, helpUri: docsUrl(owner.check) };
  return { code, check: code, helpUri: docsUrl(code) };
}
