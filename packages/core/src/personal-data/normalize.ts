import type { HeaderHint } from "./types.js";

/** Lower case, accents folded (NFD then combining marks removed). */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}

/** Characters of a header name its hints are matched on. */
export const MAX_HEADER_LENGTH = 256;

/**
 * Header words: camelCase split, accents folded, separators (`_ - . ' ,` and spaces) turned into
 * single spaces, as csv-detective normalises labels before matching its hints.
 */
export function headerWords(label: string): string {
  // A header name is a few words: past that it is a swallowed row (an unterminated quote on
  // line 1 makes the file one label), and folding it whole for every hint took minutes.
  const split = (label.length > MAX_HEADER_LENGTH ? label.slice(0, MAX_HEADER_LENGTH) : label).replace(/([a-z])([A-Z])/g, "$1 $2");
  return fold(split)
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/**
 * Score of a header against hints, 0..1: the hint's weight when the header is exactly the hint,
 * 0.8 × weight when the hint's words appear as whole consecutive words of the header (so `nom`
 * matches `nom_usage` but not `nombre`). The best hint wins.
 */
export function headerScore(label: string, hints: readonly HeaderHint[]): { score: number; hint?: string } {
  const words = headerWords(label);
  const padded = ` ${words} `;
  let best: { score: number; hint?: string } = { score: 0 };
  for (const hint of hints) {
    let score = 0;
    if (words === hint.words) score = hint.weight;
    else if (padded.includes(` ${hint.words} `)) score = 0.8 * hint.weight;
    if (score > best.score) best = { score, hint: hint.words };
  }
  return best;
}

/** True when one of the words sequences appears as whole words in the header. */
export function headerHas(label: string, words: readonly string[]): boolean {
  const padded = ` ${headerWords(label)} `;
  return words.some((w) => padded.includes(` ${w} `));
}

/** Builds hints from a compact `"words:weight"` list, so detectors stay readable as data. */
export function hints(...specs: string[]): HeaderHint[] {
  return specs.map((spec) => {
    const [words = "", weight = "1"] = spec.split(":");
    return { words, weight: Number(weight) };
  });
}
