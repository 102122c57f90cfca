import type { MessageTemplate } from "../check.js";
import type { FindingDraft, Severity } from "../findings.js";

/** Kinds of personal data conforme detects. Stable ids: they appear in finding codes and in config. */
export const PERSONAL_DATA_KINDS = ["email", "phone", "nir", "iban", "card", "person-name", "address", "birth-date", "plate", "id-document", "ip", "coordinates"] as const;

export type PersonalDataKind = (typeof PERSONAL_DATA_KINDS)[number];

/**
 * What a value test says about one value: `null` when the value is not of this kind at all;
 * otherwise `personal` in 0..1 tells how strongly the value points to a natural person
 * (0: the right shape but impersonal, e.g. a role mailbox or a toll-free number).
 */
export interface ValueMatch {
  personal: number;
  /** True when a checksum (Luhn, mod 97, NIR key) was verified. */
  checksum?: boolean;
  /** Value used to spot repeats (switchboards): a normalised form. */
  key?: string;
}

/** A header hint: a normalised word sequence and how much it supports the kind (0..1). */
export interface HeaderHint {
  words: string;
  weight: number;
}

/**
 * A personal-data detector, declared as data: a value test, header hints, a threshold and
 * examples. The column verdict and the free-text scan are generic and live elsewhere.
 */
export interface Detector {
  kind: PersonalDataKind;
  label: MessageTemplate;
  severity: Severity;
  /** Legal references stated in findings. */
  legal: readonly string[];
  /** Value test for a whole cell of a dedicated column. */
  test(value: string): ValueMatch | null;
  /** Header hints; a header matching one of them lowers the share of values needed. */
  headerHints: readonly HeaderHint[];
  /** Header words that veto the kind for the column (e.g. `version` for IP addresses). */
  negativeHeaderHints?: readonly string[];
  /** The verdict needs a header hint (values alone are too weak: CNI numbers, birth dates). */
  headerRequired?: boolean;
  /** Share of non-empty values that must match when no header hint helps. */
  threshold: number;
  /**
   * Mean personal strength of the matching values needed to call the column personal
   * (e.g. a column of role mailboxes matches `email` but is not personal).
   */
  minPersonal: number;
  /**
   * Share of matching values at full personal strength (a private mailbox, a mobile) that calls
   * the column personal on its own, however many role mailboxes or switchboards surround them.
   */
  strongShare?: number;
  /** A value repeated on many rows is an institution's (a switchboard), not a person's. */
  repeatsAreInstitutional?: boolean;
  /** Added to the mean personal strength when the file is about persons (it has a name column…). */
  personContextBoost?: number;
  /** The kind is personal only about persons: needs person context in the file (homes, not buildings). */
  needsPersonContext?: boolean;
  /**
   * The kind is personal only where it locates a person's home: it needs a personal address
   * column in the file, or a header naming a home (`latitude_domicile`).
   */
  needsHomeContext?: boolean;
  /** Geometry values (GeoJSON, WKT, coordinates) are candidates; for every other detector they are not. */
  readsGeometry?: boolean;
  /** Finds the kind inside free text: a cheap pre-filter, then a global regex with a validation. */
  freeText?: {
    prefilter: RegExp;
    pattern: RegExp;
    /** Validates one regex match; returns the personal strength or 0. */
    accept(match: RegExpExecArray, text: string): number;
  };
  /** Values that must match (with personal > 0) and values that must not. */
  examples: { match: readonly string[]; noMatch: readonly string[] };
}

/**
 * What the personal-data checks report: a draft with its own code (`personal-data-email`…).
 * Built as a typed value before `report()` so the code travels whether or not the engine's
 * draft type lists it (the engine falls back to the check id when it is absent).
 */
export type CodedDraft<MessageId extends string = string> = FindingDraft & { messageId: MessageId; code: string };

/** Identity that fixes the draft's type, so `code` is checked here and not against `report()`. */
export function coded<MessageId extends string>(draft: CodedDraft<MessageId>): CodedDraft<MessageId> {
  return draft;
}
