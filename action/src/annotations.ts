import { aggregateFindings, aggregateMessage, lineNote, partialNotice, terminalText, type Finding, type FindingEntry, type Lang, type Report, type Severity } from "@conforme/core";
import type { Changes } from "./git.js";
import type { Texts } from "./texts.js";

export type AnnotationLevel = "error" | "warning" | "notice";

export interface Annotation {
  level: AnnotationLevel;
  title: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
  endColumn?: number;
  /** Cell position, kept so the column in the line can be found later. */
  fieldNumber?: number;
}

/**
 * GitHub keeps 10 error, 10 warning and 10 notice annotations per step and 50 per job, dropping
 * the rest silently (actions/toolkit docs/problem-matchers.md, PR #734).
 */
export const ANNOTATION_LIMITS: Record<AnnotationLevel, number> = { error: 10, warning: 10, notice: 10 };

export interface AnnotationPlan {
  annotations: Annotation[];
  /** Findings and run failures left without an annotation. */
  hidden: number;
}

const LEVEL: Record<Severity, AnnotationLevel> = { error: "error", warning: "warning", info: "notice" };
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Chooses the annotations GitHub will show: run failures first, then errors before warnings
 * before infos, and within a level the findings on changed lines, then in changed files, then in
 * report order. When some are left out, the last notice slot says how many and where to look.
 */
export function planAnnotations(report: Report, changes: Changes | undefined, texts: Texts, limits = ANNOTATION_LIMITS): AnnotationPlan {
  const candidates: { annotation: Annotation; rank: number[] }[] = [];
  report.runErrors.forEach((error, index) => {
    candidates.push({
      annotation: { level: "error", title: `${texts.runErrorTitle} (${error.code})`, message: terminalText(error.message), ...(error.file !== undefined && { file: error.file }) },
      rank: [-1, 0, 0, index],
    });
  });
  let order = 0;
  for (const file of report.files) {
    // A column failing the same way on many rows is one annotation at its first row, saying how
    // many: ten annotations are better spent on ten different problems.
    for (const entry of aggregateFindings(file.findings.filter((finding) => finding.accepted === undefined))) {
      order++;
      const finding = entry.kind === "finding" ? entry.finding : entry.aggregate.example;
      const path = finding.file ?? file.file;
      const line = findingLine(finding);
      const changedFile = changes?.files.has(path) ?? false;
      // A folded column counts as changed when any of its rows is.
      const lines = entry.kind === "finding" ? [line] : entry.aggregate.findings.map(findingLine);
      const changedLine = lines.some((at) => at !== undefined && (changes?.lines.get(path)?.has(at) ?? false));
      candidates.push({
        annotation: toAnnotation(entry, path, line, report.lang),
        rank: [RANK[finding.severity], changedLine ? 0 : 1, changedFile ? 0 : 1, order],
      });
    }
    const notice = partialNotice(file, report.lang);
    if (notice !== undefined) {
      candidates.push({ annotation: { level: "warning", title: texts.partialTitle, message: notice, file: file.file }, rank: [-1, 0, 0, order] });
    }
  }
  // Metadata findings point into their descriptor (line and column from the JSON or YAML source).
  for (const section of report.metadata ?? []) {
    for (const finding of section.findings) {
      order++;
      if (finding.accepted !== undefined) continue;
      const path = finding.file ?? section.descriptor;
      const line = findingLine(finding);
      const changedLine = line !== undefined && (changes?.lines.get(path)?.has(line) ?? false);
      candidates.push({
        annotation: toAnnotation({ kind: "finding", finding }, path, line, report.lang),
        rank: [RANK[finding.severity], changedLine ? 0 : 1, changes?.files.has(path) ? 0 : 1, order],
      });
    }
  }
  candidates.sort((a, b) => compareRanks(a.rank, b.rank));

  const used: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: 0 };
  const annotations: Annotation[] = [];
  let hidden = 0;
  for (const { annotation } of candidates) {
    // Two notice slots stay free: the overflow notice and the pull-request comment fallback.
    const room = annotation.level === "notice" ? limits.notice - 2 : limits[annotation.level];
    if (used[annotation.level] < room) {
      used[annotation.level]++;
      annotations.push(annotation);
    } else {
      hidden++;
    }
  }
  if (hidden > 0) annotations.push({ level: "notice", title: texts.overflowTitle, message: texts.overflow(hidden) });
  return { annotations, hidden };
}

/**
 * Physical line of the record. Header findings sit on line 1, and so do findings about a whole
 * column (personal data): the header is where the column is named.
 */
export function findingLine(finding: Finding): number | undefined {
  if (finding.line !== undefined) return finding.line;
  if (finding.rowNumber === 1) return 1;
  if (finding.rowNumber === undefined && finding.fieldNumber !== undefined && finding.pointer === undefined) return 1;
  return undefined;
}

function toAnnotation(entry: FindingEntry, file: string, line: number | undefined, lang: Lang): Annotation {
  const finding = entry.kind === "finding" ? entry.finding : entry.aggregate.example;
  const where = finding.fieldName ? ` · ${finding.fieldName}` : finding.fieldNumber !== undefined ? ` · #${finding.fieldNumber}` : "";
  const count = entry.kind === "aggregate" ? ` · ×${entry.aggregate.count}` : "";
  // The annotation sits on the record's physical line; the message names the record too.
  const message = `${entry.kind === "finding" ? finding.message : aggregateMessage(entry.aggregate, lang)}${lineNote(finding, lang)}`;
  // @actions/core percent-encodes what the runner decodes; escape sequences and other controls
  // from the data would still reach the log and the annotation as they are.
  return {
    level: LEVEL[finding.severity],
    title: terminalText(`${finding.code}${where}${count}`),
    message: terminalText(message),
    file,
    ...(line !== undefined && { line }),
    ...(finding.column !== undefined && { column: finding.column }),
    ...(finding.fieldNumber !== undefined && finding.pointer === undefined && { fieldNumber: finding.fieldNumber }),
  };
}

function compareRanks(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * 1-based start and end columns of a cell in the physical line where its record starts, by
 * walking the line with the file's dialect (RFC 4180 quoting). Undefined when the cell does not
 * start on that line (a quoted field holding a line break comes first).
 */
export function cellColumns(text: string, delimiter: string, quoteChar: string, fieldNumber: number): { column: number; endColumn: number } | undefined {
  let field = 1;
  let start = 0;
  let inQuotes = false;
  for (let i = 0; i <= text.length; i++) {
    const char = text[i];
    if (inQuotes) {
      if (char === undefined) return undefined;
      if (char === quoteChar) {
        if (text[i + 1] === quoteChar) i++;
        else inQuotes = false;
      } else if ((char === "\n" || char === "\r") && field <= fieldNumber) {
        return undefined;
      }
      continue;
    }
    if (char === quoteChar && i === start) {
      inQuotes = true;
    } else if (char === delimiter || char === "\n" || char === "\r" || char === undefined) {
      if (field === fieldNumber) return { column: start + 1, endColumn: Math.max(start + 1, i) };
      if (char !== delimiter) return undefined;
      field++;
      start = i + 1;
    }
  }
  return undefined;
}
