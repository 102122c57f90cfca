import {
  aggregateFindings,
  aggregateMessage,
  ANNOTATION_LEVEL,
  ANNOTATION_LIMITS,
  capAnnotations,
  compareAnnotationRanks,
  findingTitle,
  LEVEL_RANK,
  lineNote,
  overflowTitle,
  partialNotice,
  partialTitle,
  runErrorTitle,
  terminalText,
  type AnnotationLevel,
  type Finding,
  type FindingEntry,
  type Lang,
  type Report,
} from "@conforme/core/internal";
import type { Changes } from "./git.js";
import type { Texts } from "./texts.js";

export type { AnnotationLevel } from "@conforme/core/internal";

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

export interface AnnotationPlan {
  annotations: Annotation[];
  /** Findings and run failures left without an annotation. */
  hidden: number;
}

/**
 * Chooses the annotations GitHub will show (`ANNOTATION_LIMITS`: 10 per level and step): run
 * failures first, then errors before warnings before infos, and within a level the findings on
 * changed lines, then in changed files, then personal data, then report order. `room` is what is
 * left of GitHub's limits once the Action's own messages have their slots (run.ts); when some
 * findings are left out, a notice in a slot kept for it says how many and where to look.
 */
export function planAnnotations(report: Report, changes: Changes | undefined, texts: Texts, room: Readonly<Record<AnnotationLevel, number>> = ANNOTATION_LIMITS): AnnotationPlan {
  const lang = report.lang;
  const candidates: { level: AnnotationLevel; annotation: Annotation; rank: number[] }[] = [];
  const push = (annotation: Annotation, rank: number[]) => candidates.push({ level: annotation.level, annotation, rank: [LEVEL_RANK[annotation.level], ...rank] });
  report.runErrors.forEach((error, index) => {
    push({ level: "error", title: runErrorTitle(error.code, lang), message: terminalText(error.message), ...(error.file !== undefined && { file: error.file }) }, [
      -1,
      0,
      0,
      0,
      index,
    ]);
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
      push(toAnnotation(entry, path, line, lang), [0, changedLine ? 0 : 1, changedFile ? 0 : 1, personal(finding), order]);
    }
    const notice = partialNotice(file, lang);
    if (notice !== undefined) push({ level: "warning", title: partialTitle(lang), message: notice, file: file.file }, [-1, 0, 0, 0, order]);
  }
  // Metadata findings point into their descriptor (line and column from the JSON or YAML source).
  for (const section of report.metadata ?? []) {
    for (const finding of section.findings) {
      order++;
      if (finding.accepted !== undefined) continue;
      const path = finding.file ?? section.descriptor;
      const line = findingLine(finding);
      const changedLine = line !== undefined && (changes?.lines.get(path)?.has(line) ?? false);
      push(toAnnotation({ kind: "finding", finding }, path, line, lang), [0, changedLine ? 0 : 1, changes?.files.has(path) ? 0 : 1, 1, order]);
    }
  }
  candidates.sort((a, b) => compareAnnotationRanks(a.rank, b.rank));
  const { shown, hidden } = capAnnotations(candidates, room);
  const annotations = shown.map((candidate) => candidate.annotation);
  if (hidden > 0) annotations.push({ level: "notice", title: overflowTitle(lang), message: texts.overflow(hidden, candidates.length) });
  return { annotations, hidden };
}

/** A leak of personal data matters more than a malformed value: it claims a slot first. */
function personal(finding: Finding): number {
  return finding.category === "personal-data" ? 0 : 1;
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
  // The annotation sits on the record's physical line; the message names the record too.
  const message = `${entry.kind === "finding" ? finding.message : aggregateMessage(entry.aggregate, lang)}${lineNote(finding, lang)}`;
  // @actions/core percent-encodes what the runner decodes; escape sequences and other controls
  // from the data would still reach the log and the annotation as they are.
  return {
    level: ANNOTATION_LEVEL[finding.severity],
    title: findingTitle(entry),
    message: terminalText(message),
    file,
    ...(line !== undefined && { line }),
    ...(finding.column !== undefined && { column: finding.column }),
    ...(finding.fieldNumber !== undefined && finding.pointer === undefined && { fieldNumber: finding.fieldNumber }),
  };
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
