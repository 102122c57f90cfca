import { mask } from "./mask.js";
import type { Detector, PersonalDataKind } from "./types.js";

/** Cells shorter than this are values, not text: the column verdict covers them. */
export const MIN_TEXT_LENGTH = 24;

/**
 * One cheap test before any detector's regex: text without `@`, two adjacent digits, a civility
 * or a residence word cannot hold what the free-text patterns look for.
 */
const PREFILTER = /@|\d\d|\b(?:M\.|Mr|Mme|Mlle|Monsieur|Madame|Mademoiselle|Docteur|Dr|Ma[iî]tre|Me)\s|domicili|demeurant|n[ée]e?\s/;

/** Functions of elected officials and agents acting in office (CRPA D312-1-3). */
const OFFICE =
  /\b(?:maire|adjoint|adjointe|conseill[eè]re?s?|[ée]lue?s?|rapporteur|rapporteure|pr[ée]sidente?|d[ée]l[ée]gu[ée]e?|secr[ée]taire de s[ée]ance|directeur|directrice|DGS)\b/i;

export interface TextHit {
  kind: PersonalDataKind;
  /** Masked matched spans, joined. */
  masked: string;
  /** The person named acts in office (elected official, agent): published lawfully. */
  inOffice: boolean;
}

/** Personal data embedded in a text cell, one hit per kind. */
export function scanText(text: string, detectors: readonly Detector[]): TextHit[] {
  if (text.length < MIN_TEXT_LENGTH || !PREFILTER.test(text)) return [];
  const hits: TextHit[] = [];
  for (const detector of detectors) {
    const free = detector.freeText;
    if (!free || !free.prefilter.test(text)) continue;
    free.pattern.lastIndex = 0;
    const spans: string[] = [];
    let allInOffice = true;
    for (let m = free.pattern.exec(text); m; m = free.pattern.exec(text)) {
      if (free.accept(m, text) < 0.5) continue;
      spans.push(mask(detector.kind, m[0]));
      const around = text.slice(Math.max(0, m.index - 30), m.index) + text.slice(m.index + m[0].length, m.index + m[0].length + 40);
      if (!(detector.kind === "person-name" && OFFICE.test(around))) allInOffice = false;
      if (spans.length >= 5) break;
    }
    if (spans.length > 0) hits.push({ kind: detector.kind, masked: spans.join(" … "), inOffice: allInOffice });
  }
  return hits;
}
