import type { Lang, Severity } from "../findings.js";
import type { FindingEntry } from "./aggregate.js";
import { terminalText } from "./sanitize.js";

/** The three kinds of GitHub annotation a workflow command can raise. */
export type AnnotationLevel = "error" | "warning" | "notice";

/**
 * GitHub shows at most 10 error, 10 warning and 10 notice annotations per step, and 50 per job
 * (the sum over its steps); the rest are dropped without a word (actions/toolkit
 * docs/problem-matchers.md, "Limitations"; community discussion #68471 asks for at least a
 * message saying more exist). Both the `github` format and the Action stay within these.
 */
export const ANNOTATION_LIMITS: Readonly<Record<AnnotationLevel, number>> = { error: 10, warning: 10, notice: 10 };

/** Annotation level of a finding's severity; an accepted finding is only a notice. */
export const ANNOTATION_LEVEL: Readonly<Record<Severity, AnnotationLevel>> = { error: "error", warning: "warning", info: "notice" };

const TITLES = {
  fr: { runError: "conforme : exécution impossible", partial: "conforme : lecture arrêtée (max-errors)", overflow: "conforme : annotations limitées" },
  en: { runError: "conforme: run failed", partial: "conforme: reading stopped (max-errors)", overflow: "conforme: annotations capped" },
} as const;

/**
 * Title of a finding's annotation: its code, the column it is about, and for a column failing
 * the same way on many rows the count (`type-error · date_decision · ×29`). The `github` format
 * and the Action both use it, so that one problem reads the same wherever it is annotated.
 */
export function findingTitle(entry: FindingEntry): string {
  const finding = entry.kind === "finding" ? entry.finding : entry.aggregate.example;
  const where = finding.fieldName ? ` · ${finding.fieldName}` : finding.fieldNumber !== undefined ? ` · #${finding.fieldNumber}` : "";
  const count = entry.kind === "aggregate" ? ` · ×${entry.aggregate.count}` : "";
  // Field names come from the data's header: no control character may reach the runner.
  return terminalText(`${finding.code}${where}${count}`);
}

/** Title of the annotation for a failure of the run (unreadable schema, bad option). */
export function runErrorTitle(code: string, lang: Lang): string {
  return terminalText(`${TITLES[lang].runError} (${code})`);
}

/** Title of the warning saying a file was read only up to the error limit. */
export function partialTitle(lang: Lang): string {
  return TITLES[lang].partial;
}

/** Title of the notice counting the annotations left out. */
export function overflowTitle(lang: Lang): string {
  return TITLES[lang].overflow;
}

export interface AnnotationCap<T> {
  /** The annotations to print, in the order given. */
  shown: T[];
  /** How many were left out; when above 0, one notice slot was kept free to say so. */
  hidden: number;
}

/**
 * Keeps, in the order given (most important first), as many annotations of each level as `room`
 * allows. When any is left out, one notice slot is kept for the notice that says so, so that the
 * count itself is never the annotation GitHub drops.
 */
export function capAnnotations<T extends { level: AnnotationLevel }>(ranked: readonly T[], room: Readonly<Record<AnnotationLevel, number>> = ANNOTATION_LIMITS): AnnotationCap<T> {
  const wanted: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: 0 };
  for (const annotation of ranked) wanted[annotation.level]++;
  const left = { error: Math.max(0, room.error), warning: Math.max(0, room.warning), notice: Math.max(0, room.notice) };
  const overflows = (Object.keys(wanted) as AnnotationLevel[]).some((level) => wanted[level] > left[level]);
  if (overflows) left.notice = Math.max(0, left.notice - 1);
  const shown: T[] = [];
  let hidden = 0;
  for (const annotation of ranked) {
    if (left[annotation.level] > 0) {
      left[annotation.level]--;
      shown.push(annotation);
    } else {
      hidden++;
    }
  }
  return { shown, hidden };
}

/** Compares two ranks (lists of numbers) element by element: the smaller claims a slot first. */
export function compareAnnotationRanks(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Rank of an annotation level: errors claim their slots first in the output too. */
export const LEVEL_RANK: Readonly<Record<AnnotationLevel, number>> = { error: 0, warning: 1, notice: 2 };
