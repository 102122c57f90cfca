import type { Finding, Lang } from "../findings.js";
import { renderMessage } from "../messages/render.js";
import type { MetadataCriterionReport, MetadataReport, MetadataScoreReport } from "../report.js";
import type { Criterion } from "./criterion.js";
import { DATAGOUV_CRITERIA } from "./datagouv-criteria.js";
import type { MetadataResult } from "./evaluate.js";
import { MQA_CRITERIA, mqaRating } from "./mqa-criteria.js";
import type { CriterionScore, DatagouvScore, MqaScore } from "./score.js";
import { applyThreshold, type MetadataThreshold } from "./threshold.js";
import type { FindingFactory } from "../validate/findings-factory.js";

export interface MetadataReportOptions {
  /** Path of the descriptor as the report names it. */
  descriptor: string;
  /** Data files whose facts were cross-checked. */
  dataFiles?: string[];
  /** Minimums that turn a low score into an error finding. */
  threshold?: MetadataThreshold;
  lang?: Lang;
  /** Makes the threshold findings with the run's severity overrides (the scoring's factory). */
  factory?: FindingFactory;
}

const LANGS: readonly Lang[] = ["fr", "en"];
const round = (value: number) => Math.round(value * 100) / 100;

function criterionView(score: CriterionScore, criteria: readonly Criterion[]): MetadataCriterionReport {
  const criterion = criteria.find((c) => c.id === score.id);
  const points = round(score.won + score.provisional + score.local);
  const view: MetadataCriterionReport = {
    id: score.id,
    label: criterion ? { ...criterion.label } : { fr: score.id, en: score.id },
    points,
    max: score.possible,
    ...(score.dimension && { dimension: score.dimension }),
  };
  // Advice speaks of the key in this descriptor's format (`{key}`), as the finding's data holds it.
  if (criterion && points < score.possible) {
    view.recommendation = Object.fromEntries(LANGS.map((lang) => [lang, renderMessage(criterion.advice, lang, score.data)])) as Record<Lang, string>;
  }
  return view;
}

function scoreView(score: DatagouvScore | MqaScore): MetadataScoreReport {
  const criteria = score.scheme === "mqa" ? MQA_CRITERIA : DATAGOUV_CRITERIA;
  const points = round(score.verified + score.provisional + score.local);
  return {
    id: score.scheme,
    points,
    max: score.max,
    verified: score.verified,
    provisionalPoints: score.provisional,
    localPoints: score.local,
    provisional: score.provisional + score.local > 0,
    ...(score.scheme === "mqa" && { rating: mqaRating(points) }),
    criteria: score.criteria.map((c) => criterionView(c, criteria)),
  };
}

/**
 * The report's entry for one scored descriptor: both scores with their criteria (what the HTML
 * report draws), and the findings worth reading (criteria not fully met, cross-checks, threshold
 * failures), counted by severity. The findings come as the scoring's factory made them: lint
 * scores criteria not fully met as `info` (`criterionSeverity`), so that a thin descriptor alone
 * never fails a `--strict` run (the thresholds are the gate there), and applies `severity`.
 */
export function toMetadataReport(result: MetadataResult, options: MetadataReportOptions): MetadataReport {
  const failures = options.threshold ? applyThreshold(result, options.threshold, options.lang, options.factory) : [];
  const findings: Finding[] = [...result.findings.filter((f) => f.messageId !== "pass"), ...failures].map((f) => ({ ...f, file: options.descriptor }));
  const stats = { errors: 0, warnings: 0, infos: 0 };
  for (const f of findings) {
    if (f.severity === "error") stats.errors++;
    else if (f.severity === "warning") stats.warnings++;
    else stats.infos++;
  }
  return {
    descriptor: options.descriptor,
    format: result.source,
    dataFiles: options.dataFiles ?? [],
    valid: stats.errors === 0,
    stats,
    scores: [scoreView(result.datagouv), scoreView(result.mqa)],
    findings,
  };
}
