import type { Finding, Lang } from "../findings.js";
import type { FileReport } from "../report.js";
import { escapeHtml } from "./html/escape.js";

/**
 * Conformity status of one file, as Validata's badge states it (validata_core
 * `compute_badge_metrics` and validata_ui's `compute_badge_message_and_color`): the structure is
 * judged first, then the content.
 */
export type BadgeStatus = "valid" | "partially-valid" | "invalid-structure" | "invalid";

export interface BadgeInput {
  status: BadgeStatus;
  /** Share of valid cells (0 to 100), shown when the content has errors. */
  validCellsPercent?: number;
  /** Left-hand text; defaults to "conforme". */
  label?: string;
  lang?: Lang;
}

/**
 * Codes that make a table's structure unusable: the file cannot be read or its header does not
 * match the schema. Frictionless tags these `#header` / `#table` (frictionless-py
 * `errors/header.py`, `errors/label.py`, `errors/resource.py`).
 */
const STRUCTURE_CODES = new Set(["blank-header", "duplicate-label", "extra-label", "incorrect-label", "missing-label", "encoding-error", "source-error"]);

/** Whether a finding concerns the structure (source, header, labels) rather than cell content. */
export function isStructureFinding(finding: Finding): boolean {
  if (finding.category === "source" || STRUCTURE_CODES.has(finding.code)) return true;
  // A structure finding without a data row is about the header or the table as a whole.
  return finding.category === "structure" && (finding.rowNumber === undefined || finding.rowNumber <= 1);
}

function counts(finding: Finding): boolean {
  return finding.accepted === undefined;
}

/**
 * Decides a file's badge: a structure error gives `invalid-structure`; otherwise any other error
 * gives `invalid`; structure warnings alone give `partially-valid`. Accepted findings and
 * personal-data or metadata findings do not change the conformity to the schema.
 */
export function badgeStatus(file: FileReport): BadgeStatus {
  let structureWarning = false;
  let contentError = false;
  for (const finding of file.findings) {
    if (!counts(finding) || finding.category === "personal-data" || finding.category === "metadata") continue;
    const structure = isStructureFinding(finding);
    if (finding.severity === "error") {
      if (structure) return "invalid-structure";
      contentError = true;
    } else if (finding.severity === "warning" && structure) {
      structureWarning = true;
    }
  }
  if (contentError) return "invalid";
  return structureWarning ? "partially-valid" : "valid";
}

/** Formats a percentage the way each language writes it: `97,3 %` in French, `97.3%` in English. */
export function formatPercent(value: number, lang: Lang): string {
  // Floor rather than round so that 99.96 % with errors never reads as 100 %.
  const floored = Math.floor(value * 10) / 10;
  const text = floored.toFixed(1);
  return lang === "fr" ? `${text.replace(".", ",")}\u00a0%` : `${text}%`;
}

const WORDING: Record<Lang, Record<Exclude<BadgeStatus, "invalid">, string> & { cells: string; invalid: string }> = {
  fr: {
    valid: "valide",
    "partially-valid": "partiellement valide",
    "invalid-structure": "structure invalide",
    invalid: "invalide",
    cells: "cellules valides : ",
  },
  en: {
    valid: "valid",
    "partially-valid": "partially valid",
    "invalid-structure": "invalid structure",
    invalid: "invalid",
    cells: "valid cells: ",
  },
};

/** The badge's right-hand text. */
export function badgeMessage(input: BadgeInput): string {
  const words = WORDING[input.lang ?? "fr"];
  if (input.status !== "invalid") return words[input.status];
  if (input.validCellsPercent === undefined) return words.invalid;
  return `${words.cells}${formatPercent(input.validCellsPercent, input.lang ?? "fr")}`;
}

/**
 * Badge colours, chosen from the French State design system palette (DSFR "success", "warning",
 * "error" tokens) for at least 4.5:1 contrast with white text.
 */
const COLOURS: Record<BadgeStatus, string> = {
  valid: "#18753c",
  "partially-valid": "#5d6f00",
  invalid: "#b34000",
  "invalid-structure": "#ce0500",
};

export function badgeColour(status: BadgeStatus): string {
  return COLOURS[status];
}

// Approximate advance widths of Verdana 11px (the shields.io face), in pixels; good enough to size
// the boxes without measuring text, which a pure function cannot do.
function textWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    if ("iljtf.,:;'!|I ".includes(char)) width += 3.6;
    else if ("mwMW%".includes(char)) width += 10;
    else if (char >= "A" && char <= "Z") width += 7.5;
    else width += 6.5;
  }
  return Math.ceil(width);
}

/** A self-contained SVG badge (shields.io "flat" layout), with no request to any service. */
export function formatBadge(input: BadgeInput): string {
  const label = input.label ?? "conforme";
  const message = badgeMessage(input);
  const labelWidth = textWidth(label) + 12;
  const messageWidth = textWidth(message) + 12;
  const width = labelWidth + messageWidth;
  const colour = badgeColour(input.status);
  const title = `${label} : ${message}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" role="img" aria-label="${escapeHtml(title)}">`,
    `<title>${escapeHtml(title)}</title>`,
    `<rect width="${labelWidth}" height="20" fill="#3a3a3a"/>`,
    `<rect x="${labelWidth}" width="${messageWidth}" height="20" fill="${colour}"/>`,
    `<g fill="#fff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11" text-anchor="middle">`,
    `<text x="${labelWidth / 2}" y="14">${escapeHtml(label)}</text>`,
    `<text x="${labelWidth + messageWidth / 2}" y="14">${escapeHtml(message)}</text>`,
    `</g></svg>`,
  ].join("");
}

const STATUS_RANK: Record<BadgeStatus, number> = { valid: 0, "partially-valid": 1, invalid: 2, "invalid-structure": 3 };

/**
 * One badge for several files (a repository): the worst file's status, and the share of valid
 * cells over all their cells, so that a large file weighs as much as its cells. No file gives
 * `invalid` without a percentage: nothing was checked.
 */
export function aggregateBadge(files: readonly FileReport[]): Pick<BadgeInput, "status" | "validCellsPercent"> {
  if (files.length === 0) return { status: "invalid" };
  let status: BadgeStatus = "valid";
  let cells = 0;
  let validCells = 0;
  for (const file of files) {
    const own = badgeStatus(file);
    if (STATUS_RANK[own] > STATUS_RANK[status]) status = own;
    const fileCells = file.stats.rows * file.stats.fields;
    cells += fileCells;
    validCells += (fileCells * (file.stats.validCellsPercent ?? (own === "invalid" ? 0 : 100))) / 100;
  }
  if (status !== "invalid") return { status };
  return { status, validCellsPercent: cells === 0 ? 0 : (validCells / cells) * 100 };
}
