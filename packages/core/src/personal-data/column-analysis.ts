import { isGeometry } from "./geometry.js";
import { mask } from "./mask.js";
import { headerHas, headerScore } from "./normalize.js";
import type { Detector, PersonalDataKind } from "./types.js";

/** Running evidence for one detector on one column. */
interface DetectorTally {
  detector: Detector;
  header: { score: number; hint?: string };
  matches: number;
  personal: number;
  maxPersonal: number;
  /** Matches at full personal strength, once per distinct value. */
  strong: number;
  checksums: number;
  /** Occurrences per normalised value, for detectors whose repeats are institutional. */
  repeats?: Map<string, { count: number; personal: number }>;
  examples: string[];
  rows: number[];
}

export interface ColumnTally {
  index: number;
  label: string;
  /** Non-empty values examined. */
  examined: number;
  totalLength: number;
  /**
   * Values examined that look like prose (long, with spaces, not a geometry): free-text scanning
   * goes on only for those columns.
   */
  texts: number;
  /** Values examined with more than one word (a first-name column has none or nearly none). */
  multiWord: number;
  /** Sampling is over: the verdict will not change with more values. */
  settled: boolean;
  tallies: DetectorTally[];
}

export interface ColumnVerdict {
  kind: PersonalDataKind;
  detector: Detector;
  column: ColumnTally;
  confidence: number;
  share: number;
  meanPersonal: number;
  checksumShare: number;
  headerHint?: string;
  /** Score of the header against the detector's hints, 0..1. */
  headerScore: number;
  examples: string[];
  rows: number[];
}

/**
 * What the rest of the file says, for the kinds that depend on it: `person` when a column holds
 * names, NIRs, birth dates or identity documents (the rows describe persons); `home` when a
 * column holds personal addresses (coordinates then geocode homes, not public buildings).
 */
export interface FileContext {
  person: boolean;
  home: boolean;
}

/** Header words naming a home: coordinates under them locate a person whatever the rest says. */
const HOME_WORDS = ["domicile", "habitation", "residence", "logement", "adresse personnelle"];

const MAX_EXAMPLES = 3;
const MAX_ROWS = 5;
/** After this many values with no match at all, the column stops being examined. */
const EARLY_STOP = 100;
/** After this many values, a column whose matches are all-or-nothing is settled. */
const STABLE_AFTER = 150;

export function newColumn(index: number, label: string, detectors: readonly Detector[]): ColumnTally {
  const tallies: DetectorTally[] = [];
  for (const detector of detectors) {
    if (detector.negativeHeaderHints && headerHas(label, detector.negativeHeaderHints)) continue;
    const header = headerScore(label, detector.headerHints);
    if (detector.headerRequired && header.score === 0) continue;
    tallies.push({
      detector,
      header,
      matches: 0,
      personal: 0,
      maxPersonal: 0,
      strong: 0,
      checksums: 0,
      repeats: detector.repeatsAreInstitutional ? new Map() : undefined,
      examples: [],
      rows: [],
    });
  }
  return { index, label, examined: 0, totalLength: 0, texts: 0, multiWord: 0, settled: false, tallies };
}

/** Feeds one non-empty value of the column. */
export function examine(column: ColumnTally, value: string, rowNumber: number, sampleSize: number): void {
  column.examined++;
  column.totalLength += value.length;
  const geometry = isGeometry(value);
  if (value.includes(" ")) column.multiWord++;
  if (value.length >= 24 && value.includes(" ") && !geometry) column.texts++;
  let anyMatch = false;
  for (const tally of column.tallies) {
    if (geometry && !tally.detector.readsGeometry) continue;
    const match = tally.detector.test(value);
    if (!match) continue;
    anyMatch = true;
    tally.matches++;
    tally.personal += match.personal;
    if (match.personal > tally.maxPersonal) tally.maxPersonal = match.personal;
    if (match.checksum) tally.checksums++;
    if (tally.repeats && match.key) {
      const seen = tally.repeats.get(match.key);
      if (seen) seen.count++;
      else {
        tally.repeats.set(match.key, { count: 1, personal: match.personal });
        if (match.personal >= 1) tally.strong++;
      }
    } else if (match.personal >= 1) tally.strong++;
    if (match.personal > 0) {
      if (tally.rows.length < MAX_ROWS) tally.rows.push(rowNumber);
      if (tally.examples.length < MAX_EXAMPLES) {
        const masked = mask(tally.detector.kind, value);
        if (!tally.examples.includes(masked)) tally.examples.push(masked);
      }
    }
  }
  if (column.examined === 2 * EARLY_STOP) {
    // Drop detectors that cannot reach even the most lenient share (threshold lowered by a full
    // header hint), halved for safety: they would only cost time on the rest of the sample.
    column.tallies = column.tallies.filter((t) => t.matches / column.examined >= t.detector.threshold * 0.2);
    if (column.tallies.length === 0) column.settled = true;
  }
  if (column.examined === STABLE_AFTER && column.tallies.every((t) => t.matches === 0 || t.matches / column.examined >= 0.95)) {
    // Every detector either matched all but a few values or none: more values would not move the
    // verdict, only the share's last decimals (csv-detective's early exit on a sample).
    column.settled = true;
  }
  if (column.examined >= sampleSize) column.settled = true;
  else if (column.examined === EARLY_STOP && !anyMatch && column.tallies.every((t) => t.matches === 0)) column.settled = true;
}

/**
 * Personal strength lost to repeats: a number on many rows of the column is a switchboard
 * or a service desk, not a person.
 */
function repeatedPersonal(tally: DetectorTally): number {
  if (!tally.repeats || tally.matches < 4) return 0;
  let lost = 0;
  for (const { count, personal } of tally.repeats.values()) {
    if (count >= 3 && count / tally.matches >= 0.2) lost += count * personal;
  }
  return lost;
}

/**
 * Column verdict for one detector (value evidence times header evidence, as csv-detective and
 * datahub-classify weigh them): the share of non-empty values
 * matching must reach the detector's threshold, lowered by up to 60 % by a header hint; then the
 * mean personal strength of the matches (raised by the header and by a file about persons) must
 * reach the detector's minimum. Confidence combines share, strength, header and checksums.
 */
export function decide(tally: DetectorTally, column: ColumnTally, context: FileContext): ColumnVerdict | null {
  const d = tally.detector;
  if (column.examined === 0 || tally.matches === 0) return null;
  const h = tally.header.score;
  const personContext = context.person;
  if (d.needsPersonContext && !personContext && h < 0.9) return null;
  if (d.needsHomeContext && !context.home && !headerHas(column.label, HOME_WORDS)) return null;
  const share = tally.matches / column.examined;
  const required = d.threshold * (1 - 0.6 * h);
  if (share < required) return null;
  const personalSum = tally.personal - repeatedPersonal(tally);
  let meanPersonal = personalSum / tally.matches + 0.2 * h;
  // The file being about persons supports a column only when its header also points to the kind
  // (a `delegation` column of capitalised words next to names is not a surname column).
  if (personContext && d.personContextBoost && h > 0) meanPersonal += d.personContextBoost;
  meanPersonal = Math.min(1, meanPersonal);
  // A few private mailboxes or mobiles among role mailboxes and switchboards are still personal
  // data: two distinct ones at least, and the detector's share of the matches.
  const strong = d.strongShare !== undefined && tally.strong >= 2 && tally.strong / tally.matches >= d.strongShare;
  if (meanPersonal < d.minPersonal && !strong) return null;
  const checksumShare = tally.checksums / tally.matches;
  const confidence = Math.min(1, Math.min(1, share / d.threshold) * meanPersonal * (0.8 + 0.2 * h) + 0.1 * checksumShare);
  return {
    kind: d.kind,
    detector: d,
    column,
    confidence: Math.round(confidence * 100) / 100,
    share: Math.round(share * 1000) / 1000,
    meanPersonal: Math.round(meanPersonal * 100) / 100,
    checksumShare: Math.round(checksumShare * 100) / 100,
    headerHint: tally.header.hint,
    headerScore: tally.header.score,
    examples: tally.examples,
    rows: tally.rows,
  };
}

/** Best verdict of a column, or none. */
export function columnVerdict(column: ColumnTally, context: FileContext): ColumnVerdict | null {
  let best: ColumnVerdict | null = null;
  for (const tally of column.tallies) {
    const verdict = decide(tally, column, context);
    if (verdict && (!best || verdict.confidence > best.confidence)) best = verdict;
  }
  return best;
}

/** Highest personal strength seen for a kind in a column (0 when none). */
export function maxPersonal(column: ColumnTally, kind: PersonalDataKind): number {
  return column.tallies.find((t) => t.detector.kind === kind)?.maxPersonal ?? 0;
}
