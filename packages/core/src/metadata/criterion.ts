import type { MessageTemplate } from "../check.js";
import type { DatasetModel, DatasetProperty, DistributionModel, DistributionProperty, UrlCheck } from "./model.js";
import { isHttpUrl } from "./model.js";

/**
 * Outcome of a criterion on one subject (the dataset or one distribution):
 * - `pass`: verified (or read from the descriptor alone);
 * - `provisional`: depends on a URL that was not checked (`--check-urls` not given);
 * - `local`: holds only because the file exists next to the descriptor, not yet published;
 * - `fail`: missing or wrong.
 */
export type Verdict = "pass" | "fail" | "provisional" | "local";

export type MqaDimension = "findability" | "accessibility" | "interoperability" | "reusability" | "contextuality";

export interface ScoreContext {
  /** The clock: the update-frequency criteria compare dates with it. */
  now: Date;
  /** Results of `--check-urls`, by URL; absent when URLs were not checked. */
  urlChecks?: ReadonlyMap<string, UrlCheck>;
  /** Distribution paths found on disk next to the descriptor. */
  localFiles?: ReadonlySet<string>;
}

/**
 * A scoring criterion, declared as data. `level` says what it is computed on:
 * the dataset (0 or all points), each distribution (points × share of passing distributions),
 * or the best distribution (MQA interoperability: only the best-scoring distribution counts).
 */
export interface Criterion {
  /** Kebab-case id; the finding code is `metadata-<id>`. */
  id: string;
  points: number;
  dimension?: MqaDimension;
  level: "dataset" | "distribution" | "best-distribution";
  /** Property the criterion reads, to point at it (or at where to add it). */
  property: DatasetProperty | DistributionProperty;
  label: MessageTemplate;
  /** What to add or change, shown when points are missing. `{key}` is the property's key in the descriptor. */
  advice: MessageTemplate;
  dataset?(model: DatasetModel, context: ScoreContext): Verdict;
  distribution?(distribution: DistributionModel, model: DatasetModel, context: ScoreContext): Verdict;
}

export const pass = (condition: boolean): Verdict => (condition ? "pass" : "fail");

/** Verdict for "this distribution can be reached", from its URL, the portal's check, or its local file. */
export function reachable(url: string | undefined, distribution: DistributionModel, context: ScoreContext): Verdict {
  if (isHttpUrl(url)) {
    const checked = context.urlChecks?.get(url);
    if (checked) return checked.ok ? "pass" : "fail";
    if (distribution.available === true) return "pass";
    if (distribution.available === false) return "fail";
    return "provisional";
  }
  if (distribution.path !== undefined && context.localFiles?.has(distribution.path)) return "local";
  return "fail";
}

export function isDate(value: string | undefined): boolean {
  return value !== undefined && /^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(Date.parse(value));
}

/** Sum of the points of a criteria list: the maximum is derived, never typed. */
export function maxPoints(criteria: readonly Criterion[]): number {
  return criteria.reduce((sum, criterion) => sum + criterion.points, 0);
}
