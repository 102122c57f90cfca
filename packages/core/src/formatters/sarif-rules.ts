import { docsUrl } from "../check.js";
import type { Category, Lang, Severity } from "../findings.js";
import { describeCode } from "./catalog.js";
import { RULE_DOCS, type RuleDoc } from "./rule-docs.generated.js";

/** SARIF levels of conforme's severities (SARIF §3.27.10). */
export const SARIF_LEVEL: Record<Severity, "error" | "warning" | "note"> = { error: "error", warning: "warning", info: "note" };

/** GitHub truncates longer names and descriptions (code scanning's SARIF support). */
const MAX_TEXT = 1024;

/**
 * How often a finding of a personal-data code is a true one (SARIF `precision`, shown by code
 * scanning): keys checked by a checksum (NIR key, IBAN mod 97, Luhn) are `high`; shapes and
 * header hints `medium`; names and addresses, recognised from word lists and context, `low`.
 * Every other code is a deterministic verdict on the file (`very-high`).
 */
const PERSONAL_DATA_PRECISION: Record<string, "high" | "medium" | "low"> = {
  "personal-data-nir": "high",
  "personal-data-iban": "high",
  "personal-data-card": "high",
  "personal-data-email": "medium",
  "personal-data-phone": "medium",
  "personal-data-ip": "medium",
  "personal-data-plate": "medium",
  "personal-data-id-document": "medium",
  "personal-data-birth-date": "medium",
  "personal-data-coordinates": "medium",
  "personal-data-person-name": "low",
  "personal-data-address": "low",
  "personal-data": "medium",
  "reidentification-risk": "low",
  "small-count": "high",
  "small-counts": "high",
};

/**
 * GitHub's `security-severity` (0.0 to 10.0; 7 and above is high, 4 to 6.9 medium) of the
 * personal-data codes, graded by the harm of publication: the NIR, whose use is restricted by
 * law (loi 78-17 art. 30, décret 2019-341), and bank data that permits fraud are high; direct
 * identifiers (name, address, contact, birth date, identity document) medium; indirect ones
 * (IP address, plate, position) and risks of re-identification by crossing, low medium.
 */
const SECURITY_SEVERITY: Record<string, string> = {
  "personal-data-nir": "8.5",
  "personal-data-iban": "8.0",
  "personal-data-card": "8.0",
  "personal-data-id-document": "7.0",
  "personal-data-person-name": "5.5",
  "personal-data-address": "5.5",
  "personal-data-email": "5.5",
  "personal-data-phone": "5.5",
  "personal-data-birth-date": "5.5",
  "personal-data": "5.5",
  "personal-data-ip": "4.5",
  "personal-data-plate": "4.5",
  "personal-data-coordinates": "4.5",
  "reidentification-risk": "4.0",
  "small-count": "4.0",
  "small-counts": "4.0",
};

/** A rule of the SARIF run (SARIF §3.49, reportingDescriptor), with GitHub's fields. */
export interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  helpUri: string;
  defaultConfiguration?: { level: "error" | "warning" | "note" };
  properties: { category?: string; tags: string[]; precision: "very-high" | "high" | "medium" | "low"; "security-severity"?: string };
}

function clip(text: string): string {
  return text.length <= MAX_TEXT ? text : `${text.slice(0, MAX_TEXT - 1)}…`;
}

/** `type-error` → `TypeError`: SARIF's name is a readable, non-localised identifier (§3.49.7). */
function ruleName(code: string): string {
  return code
    .split(/[^a-zA-Z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join("");
}

/** Markdown reduced to plain text for `help.text`: no heading marks, emphasis or link targets. */
function plainText(markdown: string): string {
  return markdown
    .replace(/^#{1,6}\s+/gm, "")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\*\*([^*]+)\*\*/g, "$1")
    .replace(/`([^`\n]+)`/g, "$1")
    .replace(/^```[^\n]*\n/gm, "")
    .trimEnd();
}

/**
 * The SARIF rule of a finding code, from the check catalogue (descriptions, severity, category)
 * and the code's documentation page (help, helpUri). A derived code with a page of its own
 * (`personal-data-email`) points to that page, otherwise to its check's. A code the catalogue does
 * not list (a custom check's, say) takes category and level from a finding of its own (`seen`).
 */
export function sarifRule(code: string, lang: Lang, seen?: { category: Category; severity: Severity }): SarifRule {
  const known = describeCode(code);
  const info = { ...known, category: known.category ?? seen?.category, severity: known.severity ?? seen?.severity };
  const ownPage = RULE_DOCS[code];
  const page: RuleDoc | undefined = ownPage ?? RULE_DOCS[info.check];
  const helpUri = ownPage ? docsUrl(code) : info.helpUri;
  const description = info.description?.[lang] ?? (lang === "en" ? page?.en : page?.title) ?? code;
  const full = lang === "en" ? (page?.en ?? description) : page?.summary || description;
  const markdown = page?.markdown ?? `[${code}](${helpUri})\n`;
  const english = lang === "en" ? `${page?.en ?? description}\n\nDocumentation (in French): ${helpUri}\n\n` : "";
  const personal = info.category === "personal-data";
  const properties: SarifRule["properties"] = {
    tags: personal ? ["conforme", "personal-data", "privacy", "security"] : ["conforme", info.category ?? "other"],
    precision: PERSONAL_DATA_PRECISION[code] ?? PERSONAL_DATA_PRECISION[info.check] ?? "very-high",
  };
  if (info.category) properties.category = info.category;
  if (personal) properties["security-severity"] = SECURITY_SEVERITY[code] ?? SECURITY_SEVERITY[info.check] ?? SECURITY_SEVERITY["personal-data"];
  const rule: SarifRule = {
    id: code,
    name: ruleName(code),
    shortDescription: { text: clip(description) },
    fullDescription: { text: clip(full) },
    help: {
      text: `${english}${plainText(markdown)}\n`,
      markdown: lang === "en" ? `${page?.en ?? description}\n\n---\n\n${markdown}` : markdown,
    },
    helpUri,
    properties,
  };
  if (info.severity) rule.defaultConfiguration = { level: SARIF_LEVEL[info.severity] };
  return rule;
}
