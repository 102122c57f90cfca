import type { Finding, Lang } from "../findings.js";
import type { FindingFactory } from "../validate/findings-factory.js";
import { metadataFactory } from "./codes.js";
import { MQA_RATINGS, mqaRating, type MqaRating } from "./mqa-criteria.js";
import type { DatagouvScore, MqaScore } from "./score.js";

export interface MetadataThreshold {
  /** Minimum MQA points (0 to 405), config `metadata.minScore`. */
  minScore?: number;
  /** Minimum MQA rating, config `metadata.minRating`. */
  minRating?: MqaRating;
  /** Minimum data.gouv.fr score (0 to 1). */
  minDatagouvScore?: number;
  /**
   * Points compared with the minimum: `confirmed` (default) counts provisional and local points,
   * so a run without `--check-urls` never fails on what it did not check; `verified` does not.
   */
  basis?: "confirmed" | "verified";
}

const RANK: Readonly<Record<MqaRating, number>> = Object.fromEntries(MQA_RATINGS.map((band, index) => [band.rating, MQA_RATINGS.length - index])) as Record<MqaRating, number>;

/**
 * Error findings for each configured minimum the scores do not reach; empty when all are met.
 * `factory` applies the run's severity overrides (default: none).
 */
export function applyThreshold(
  result: { mqa: MqaScore; datagouv: DatagouvScore; file?: string },
  threshold: MetadataThreshold,
  lang: Lang = "fr",
  factory?: FindingFactory,
): Finding[] {
  const made = metadataFactory(factory, lang);
  const confirmed = threshold.basis !== "verified";
  const mqaPoints = Math.round((result.mqa.verified + (confirmed ? result.mqa.provisional + result.mqa.local : 0)) * 100) / 100;
  const dgPoints = result.datagouv.verified + (confirmed ? result.datagouv.provisional + result.datagouv.local : 0);
  const datagouvScore = Math.round((dgPoints / result.datagouv.max) * 100) / 100;
  const rating = mqaRating(mqaPoints);
  const findings: Finding[] = [];
  const push = (code: string, data: Record<string, unknown>) => {
    const finding = made.make(code, { messageId: code, data }, result.file);
    if (finding) findings.push(finding);
  };
  if (threshold.minScore !== undefined && mqaPoints < threshold.minScore) {
    push("metadata-min-score", { score: mqaPoints, max: result.mqa.max, minScore: threshold.minScore });
  }
  if (threshold.minRating !== undefined && RANK[rating] < RANK[threshold.minRating]) {
    push("metadata-min-rating", { rating, minRating: threshold.minRating });
  }
  if (threshold.minDatagouvScore !== undefined && datagouvScore < threshold.minDatagouvScore) {
    push("metadata-min-datagouv-score", { score: datagouvScore, minDatagouvScore: threshold.minDatagouvScore });
  }
  return findings;
}
