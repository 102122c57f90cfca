import type { Finding, Lang } from "../findings.js";
import type { FileReport, Report } from "../report.js";

/**
 * The same problem on many rows of one column: a date column written `JJ/MM/AAAA` fails on
 * every row, and listing each cell repeats the field's description, pattern and links thousands
 * of times. Formatters for people show one entry instead; the JSON report keeps every finding.
 */
export interface FindingAggregate {
  code: string;
  messageId: string;
  severity: Finding["severity"];
  fieldName?: string;
  fieldNumber?: number;
  /** Findings in the group (as kept in the report). */
  count: number;
  /** Record numbers of the first findings, in file order (`AGGREGATE_SAMPLE` of them). */
  rows: number[];
  /** The first finding: its message and its cell (masked by the engine when personal) stand for all. */
  example: Finding;
  /** Every finding of the group, for formats that can fold them away (HTML details). */
  findings: Finding[];
}

/** One line of a file's findings as people read them: a finding alone, or a group. */
export type FindingEntry = { kind: "finding"; finding: Finding } | { kind: "aggregate"; aggregate: FindingAggregate };

/** A column failing the same way on this many rows or more becomes one entry. */
export const AGGREGATE_THRESHOLD = 3;
/** Record numbers listed in a group's entry. */
export const AGGREGATE_SAMPLE = 5;

export interface AggregateOptions {
  /** False lists every finding (`--no-aggregate`). */
  aggregate?: boolean;
  threshold?: number;
}

/**
 * Groups a file's findings by code, messageId, column, severity and acceptance, and folds every
 * group of `threshold` data-row findings or more into one entry placed where its first finding
 * was. Findings about the header, the file or metadata are never folded: each is its own problem.
 */
export function aggregateFindings(findings: readonly Finding[], options: AggregateOptions = {}): FindingEntry[] {
  if (options.aggregate === false) return findings.map((finding) => ({ kind: "finding", finding }));
  const threshold = Math.max(2, options.threshold ?? AGGREGATE_THRESHOLD);
  // Nested maps rather than a composite string key: a report may hold hundreds of thousands of
  // findings, and building a string per finding costs more than the rest of the rendering.
  const root = new Map<unknown, unknown>();
  const groupOf = findings.map((finding): Finding[] | undefined => {
    if (finding.rowNumber === undefined || finding.rowNumber <= 1 || finding.pointer !== undefined) return undefined;
    if (finding.fieldName === undefined && finding.fieldNumber === undefined) return undefined;
    const node = child(child(child(child(child(root, finding.code), finding.messageId), finding.fieldName), finding.fieldNumber), finding.severity);
    const accepted = finding.accepted?.reason;
    let group = node.get(accepted) as Finding[] | undefined;
    if (group === undefined) node.set(accepted, (group = []));
    group.push(finding);
    return group;
  });
  const entries: FindingEntry[] = [];
  const placed = new Set<Finding[]>();
  for (const [index, finding] of findings.entries()) {
    const group = groupOf[index];
    if (group === undefined || group.length < threshold) {
      entries.push({ kind: "finding", finding });
      continue;
    }
    if (placed.has(group)) continue;
    placed.add(group);
    const aggregate: FindingAggregate = {
      code: finding.code,
      messageId: finding.messageId,
      severity: finding.severity,
      count: group.length,
      rows: group.slice(0, AGGREGATE_SAMPLE).map((member) => member.rowNumber!),
      example: finding,
      findings: group,
    };
    if (finding.fieldName !== undefined) aggregate.fieldName = finding.fieldName;
    if (finding.fieldNumber !== undefined) aggregate.fieldNumber = finding.fieldNumber;
    entries.push({ kind: "aggregate", aggregate });
  }
  return entries;
}

function child(node: Map<unknown, unknown>, key: unknown): Map<unknown, unknown> {
  let next = node.get(key) as Map<unknown, unknown> | undefined;
  if (next === undefined) node.set(key, (next = new Map()));
  return next;
}

/** The finding an entry is shown at: itself, or a group's first. */
export function entryFinding(entry: FindingEntry): Finding {
  return entry.kind === "finding" ? entry.finding : entry.aggregate.example;
}

const SUMMARY_WORDS = {
  fr: {
    column: (name: string) => `colonne « ${name} »`,
    rows: (count: number, column: string, rows: string, more: boolean) =>
      `Même constat sur ${count.toLocaleString("fr-FR")} lignes de la ${column} (enregistrements ${rows}${more ? "…" : ""}). Exemple : `,
  },
  en: {
    column: (name: string) => `column "${name}"`,
    rows: (count: number, column: string, rows: string, more: boolean) =>
      `Same finding on ${count.toLocaleString("en-GB")} rows of ${column} (records ${rows}${more ? "…" : ""}). Example: `,
  },
} as const;

/** One sentence for a group: how many rows, which first ones, then the first finding's message. */
export function aggregateMessage(aggregate: FindingAggregate, lang: Lang): string {
  const w = SUMMARY_WORDS[lang];
  const column = w.column(aggregate.fieldName || String(aggregate.fieldNumber ?? "?"));
  return `${w.rows(aggregate.count, column, aggregate.rows.join(", "), aggregate.count > aggregate.rows.length)}${aggregate.example.message}`;
}

const PLACE_WORDS = {
  fr: { record: "enregistrement", line: "ligne", header: "en-tête", cell: "cellule", sheetLine: (line: number) => `ligne ${line} de la feuille` },
  en: { record: "record", line: "line", header: "header", cell: "cell", sheetLine: (line: number) => `sheet row ${line}` },
} as const;

/**
 * Where a data finding is, in words: its record and, when a quoted cell spanning lines earlier in
 * the file moved it, the physical line an editor shows (`enregistrement 12, ligne 15`). Record
 * and line are the same number in most files; then only one is given. In a workbook's sheet
 * (`sheet`), a cell is named by its reference (`cellule B12`), a row by the sheet's row.
 */
export function recordPlace(finding: Pick<Finding, "rowNumber" | "line" | "cellRef">, lang: Lang, sheet = false): string | undefined {
  const w = PLACE_WORDS[lang];
  if (finding.cellRef !== undefined) return finding.rowNumber === 1 ? `${w.header}, ${w.cell} ${finding.cellRef}` : `${w.cell} ${finding.cellRef}`;
  if (finding.rowNumber === 1) return w.header;
  if (finding.rowNumber === undefined) return finding.line === undefined ? undefined : `${w.line} ${finding.line}`;
  if (finding.line === undefined || finding.line === finding.rowNumber) return `${w.line} ${finding.rowNumber}`;
  if (sheet) return `${w.record} ${finding.rowNumber}, ${w.sheetLine(finding.line)}`;
  return `${w.record} ${finding.rowNumber}, ${w.line} ${finding.line}`;
}

/**
 * The sentence formats add to a message located by physical line (GitHub, SARIF, annotations)
 * when that line is not the record number the message speaks of, so that both name one place.
 * In a workbook's sheet, whose lines no editor shows, the cell reference or the sheet's row.
 */
export function lineNote(finding: Pick<Finding, "rowNumber" | "line" | "pointer" | "cellRef">, lang: Lang, sheet = false): string {
  if (finding.cellRef !== undefined) return lang === "fr" ? ` (cellule ${finding.cellRef})` : ` (cell ${finding.cellRef})`;
  if (finding.pointer !== undefined || finding.rowNumber === undefined || finding.rowNumber <= 1) return "";
  if (finding.line === undefined || finding.line === finding.rowNumber) return "";
  if (sheet) return ` (${PLACE_WORDS[lang].sheetLine(finding.line)})`;
  return lang === "fr"
    ? ` (enregistrement ${finding.rowNumber}, qui commence ligne ${finding.line} du fichier : une cellule entre guillemets plus haut s'étend sur plusieurs lignes)`
    : ` (record ${finding.rowNumber}, starting on line ${finding.line} of the file: a quoted cell above spans several lines)`;
}

/**
 * What a file stopped at the error limit must say in every format: that the rest was not read,
 * how many rows were, and how to read everything. `maxErrors` is the limit the run used, when
 * the report records it.
 */
export function partialNotice(file: Pick<FileReport, "partial" | "stats">, lang: Lang, maxErrors?: number): string | undefined {
  if (!file.partial) return undefined;
  const rows = file.stats.rows;
  const limit = maxErrors !== undefined && maxErrors > 0 ? maxErrors : undefined;
  return lang === "fr"
    ? `Lecture arrêtée ${limit === undefined ? "au nombre maximal de constats" : `après ${limit.toLocaleString("fr-FR")} constats (--max-errors ${limit})`} : ${rows.toLocaleString("fr-FR")} ligne${rows > 1 ? "s" : ""} de données lue${rows > 1 ? "s" : ""}, la suite du fichier n'est pas vérifiée. Pour tout lire : --max-errors 0 (ou maxErrors: 0 dans la configuration).`
    : `Reading stopped ${limit === undefined ? "at the findings limit" : `after ${limit.toLocaleString("en-GB")} findings (--max-errors ${limit})`}: ${rows.toLocaleString("en-GB")} data row${rows > 1 ? "s" : ""} read, the rest of the file is not checked. To read everything: --max-errors 0 (or maxErrors: 0 in the configuration).`;
}

/** The limit the run used, as the audit trail records it (`report.options.maxErrors`). */
export function maxErrorsOf(report: Pick<Report, "options">): number | undefined {
  const value = report.options?.maxErrors;
  return typeof value === "number" ? value : undefined;
}
