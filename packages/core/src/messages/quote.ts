import { DETECTORS } from "../personal-data/detectors/index.js";
import { mask } from "../personal-data/mask.js";
import type { Detector } from "../personal-data/types.js";

/** Longest value a message quotes, in UTF-16 code units; longer ones end with an ellipsis. */
export const MAX_QUOTED_LENGTH = 200;

/**
 * Characters read past the cut: a personal value straddling it is still recognised whole, and
 * what is kept of it masked.
 */
const LOOKAHEAD = 64;

/**
 * Detectors trusted on a value alone, without a header or the rest of the file: those with a
 * checksum or a numbering plan (e-mail, phone, NIR, IBAN, card, plate, IP). Names, addresses and
 * dates need the column's context; in free text their own patterns (civility + name…) apply.
 */
const WHOLE_VALUE: readonly Detector[] = DETECTORS.filter((d) => !d.headerRequired && !d.needsPersonContext && d.kind !== "person-name");
/** Detectors with a free-text pattern, each with a private copy of its global regex (see below). */
const IN_TEXT: ReadonlyArray<{ detector: Detector; pattern: RegExp }> = DETECTORS.flatMap((d) =>
  d.freeText ? [{ detector: d, pattern: new RegExp(d.freeText.pattern.source, d.freeText.pattern.flags) }] : [],
);

/**
 * What every whole value the detectors above accept holds: an `@` (e-mail) or three digits
 * (phone, NIR, IBAN, card, plate, IP). Most quoted values (field names, types, short cells) have
 * neither and skip the value tests.
 */
const MAY_BE_VALUE = /@|\d\D*\d\D*\d/;

/** Results for short values, which repeat (field names, codes): a finding quotes several. */
const cache = new Map<string, string>();
const CACHE_SIZE = 4096;
const CACHED_LENGTH = 64;

export interface Quoted {
  text: string;
  /** Some personal value was masked. */
  masked: boolean;
  /** The value was longer than the quote. */
  cut: boolean;
}

/**
 * How a value taken from the file (a cell, a header label, an extra cell, a foreign-key value)
 * enters a finding: every personal value the detectors recognise, alone or inside text, is
 * masked, whatever the column, and the result is cut to `maxLength` with an ellipsis. Nothing
 * else is changed: escaping belongs to each formatter.
 */
export function quote(value: string, maxLength: number = MAX_QUOTED_LENGTH): Quoted {
  const window = value.length > maxLength + LOOKAHEAD ? value.slice(0, maxLength + LOOKAHEAD) : value;
  const text = maskPersonalValues(window);
  const masked = text !== window;
  if (text.length <= maxLength && window.length === value.length) return { text, masked, cut: false };
  return { text: `${cutAt(text, maxLength)}…`, masked, cut: true };
}

/** {@link quote}'s text. */
export function quoteValue(value: string, maxLength: number = MAX_QUOTED_LENGTH): string {
  return quote(value, maxLength).text;
}

/** The value with each personal value the detectors recognise masked (the whole value, or spans of text). */
export function maskPersonalValues(value: string): string {
  if (value.length > CACHED_LENGTH) return maskUncached(value);
  let masked = cache.get(value);
  if (masked === undefined) {
    if (cache.size >= CACHE_SIZE) cache.clear();
    masked = maskUncached(value);
    cache.set(value, masked);
  }
  return masked;
}

function maskUncached(value: string): string {
  const trimmed = value.trim();
  if (trimmed === "") return value;
  if (MAY_BE_VALUE.test(trimmed)) {
    for (const detector of WHOLE_VALUE) {
      const match = detector.test(trimmed);
      if (match && match.personal > 0) return mask(detector.kind, value);
    }
  }
  let text = value;
  for (const { detector, pattern } of IN_TEXT) {
    const free = detector.freeText!;
    if (!free.prefilter.test(text)) continue;
    // The private copy: the detector's own regex keeps its lastIndex for the free-text scan.
    pattern.lastIndex = 0;
    let out = "";
    let at = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      if (m[0] === "") {
        pattern.lastIndex++;
        continue;
      }
      if (free.accept(m, text) <= 0) continue;
      out += text.slice(at, m.index) + mask(detector.kind, m[0]);
      at = m.index + m[0].length;
    }
    if (at > 0) text = out + text.slice(at);
  }
  return text;
}

// Never leaves half a surrogate pair at the cut.
function cutAt(text: string, length: number): string {
  if (text.length <= length) return text;
  const last = text.charCodeAt(length - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? length - 1 : length);
}
