import type { Finding, Lang, Severity } from "../findings.js";
import type { FindingFactory } from "../validate/findings-factory.js";
import type { Criterion, MqaDimension, ScoreContext, Verdict } from "./criterion.js";
import { maxPoints } from "./criterion.js";
import { DATAGOUV_CRITERIA } from "./datagouv-criteria.js";
import { DATAPACKAGE_EXTENSION, keyName } from "./keys.js";
import { metadataFactory } from "./codes.js";
import type { CriterionMessageId } from "./messages.js";
import type { DatasetModel, DistributionModel } from "./model.js";
import { MQA_CRITERIA, mqaRating, type MqaRating } from "./mqa-criteria.js";
import type { SourceText } from "./source.js";

export interface CriterionScore {
  id: string;
  code: string;
  dimension?: MqaDimension;
  possible: number;
  /** Verified points. */
  won: number;
  /** Points pending a URL check. */
  provisional: number;
  /** Points earned only because a file exists locally. */
  local: number;
  /** What the finding says (points, key): also what the report's recommendation is rendered from. */
  data: Record<string, unknown>;
  /** Absent when the configuration switched the criterion's code (or the metadata category) off. */
  finding?: Finding;
}

export interface ScoreTotals {
  max: number;
  verified: number;
  provisional: number;
  local: number;
}

export interface DatagouvScore extends ScoreTotals {
  scheme: "datagouv";
  /** Verified share of criteria met, 0 to 1, as the portal shows it. */
  ratio: number;
  criteria: CriterionScore[];
}

export interface MqaScore extends ScoreTotals {
  scheme: "mqa";
  dimensions: ({ id: MqaDimension } & ScoreTotals)[];
  /** Band of the verified points. */
  rating: MqaRating;
  /** Band the dataset would reach if every provisional and local point were confirmed. */
  ratingIfConfirmed: MqaRating;
  criteria: CriterionScore[];
}

export interface ScoreOptions {
  context: ScoreContext;
  lang?: Lang;
  /** Descriptor path, reported on the findings. */
  file?: string;
  source?: SourceText;
  /** Makes the findings (severity overrides of the run); default: the codes' defaults. */
  factory?: FindingFactory;
  /** Severity of a criterion not fully met (default warning; lint gives info, see toMetadataReport). */
  criterionSeverity?: Severity;
}

const round = (value: number) => Math.round(value * 100) / 100;

/** Where a criterion's finding points: at the value when present, else where it should be added. */
function locate(criterion: Criterion, model: DatasetModel, verdicts: Verdict[]): string {
  const property = criterion.property;
  if (criterion.level === "dataset") {
    const at = (model.pointers as Record<string, string | undefined>)[property];
    if (at !== undefined) return at;
    if (model.source.startsWith("datapackage") && DATAPACKAGE_EXTENSION.has(property)) return model.extensionPointer ?? model.pointer;
    return model.pointer;
  }
  if (model.distributions.length === 0) return model.pointers.distributions ?? model.pointer;
  const index = Math.max(
    0,
    verdicts.findIndex((v) => v !== "pass"),
  );
  const d = model.distributions[index] as DistributionModel;
  const pointers = d.pointers as Record<string, string | undefined>;
  // A missing URL is best added next to the local path that stands in for it.
  return pointers[property] ?? (property === "accessURL" || property === "downloadURL" ? pointers["path"] : undefined) ?? d.pointer;
}

function evaluate(criteria: readonly Criterion[], model: DatasetModel, options: ScoreOptions): CriterionScore[] {
  const { context } = options;
  const factory = metadataFactory(options.factory, options.lang);
  // MQA assumption: distributions carry the same data, so interoperability takes the best one.
  const bestCriteria = criteria.filter((c) => c.level === "best-distribution");
  let best = 0;
  let bestPoints = -1;
  model.distributions.forEach((d, index) => {
    const points = bestCriteria.reduce((sum, c) => sum + (c.distribution?.(d, model, context) === "pass" ? c.points : 0), 0);
    if (points > bestPoints) [best, bestPoints] = [index, points];
  });

  return criteria.map((criterion) => {
    let verdicts: Verdict[];
    if (criterion.level === "dataset") verdicts = [criterion.dataset?.(model, context) ?? "fail"];
    else if (criterion.level === "distribution") verdicts = model.distributions.map((d) => criterion.distribution?.(d, model, context) ?? "fail");
    else {
      const d = model.distributions[best];
      verdicts = d ? [criterion.distribution?.(d, model, context) ?? "fail"] : [];
    }
    const share = (verdict: Verdict) => (verdicts.length === 0 ? 0 : verdicts.filter((v) => v === verdict).length / verdicts.length);
    const won = round(criterion.points * share("pass"));
    const provisional = round(criterion.points * share("provisional"));
    const local = round(criterion.points * share("local"));
    const messageId: CriterionMessageId = won === criterion.points ? "pass" : provisional > 0 ? "provisional" : local > 0 && won + local === criterion.points ? "local" : "fail";
    const pointer =
      criterion.level === "best-distribution" && model.distributions[best]
        ? ((model.distributions[best]!.pointers as Record<string, string | undefined>)[criterion.property] ?? model.distributions[best]!.pointer)
        : locate(criterion, model, verdicts);
    const data = {
      criterion: criterion.id,
      won,
      possible: criterion.points,
      provisional,
      local,
      key: keyName(model.source, criterion.property),
      ...(criterion.dimension && { dimension: criterion.dimension }),
    };
    const position = options.source?.locate(pointer);
    const code = `metadata-${criterion.id}`;
    const finding = factory.make(
      code,
      {
        messageId,
        severity: messageId === "fail" ? (options.criterionSeverity ?? "warning") : "info",
        data,
        ...(options.source && { pointer }),
        ...(position && { line: position.line, column: position.column }),
      },
      options.file,
    );
    // Only a failure is graded by the configuration: points won, or pending a check, stay
    // informative whatever severity the code is given (an `off` code still drops them).
    if (finding && messageId !== "fail") finding.severity = "info";
    return {
      id: criterion.id,
      code,
      ...(criterion.dimension && { dimension: criterion.dimension }),
      possible: criterion.points,
      won,
      provisional,
      local,
      data,
      ...(finding && { finding }),
    };
  });
}

function totals(scores: readonly CriterionScore[], max: number): ScoreTotals {
  const sum = (key: "won" | "provisional" | "local") => round(scores.reduce((total, s) => total + s[key], 0));
  return { max, verified: sum("won"), provisional: sum("provisional"), local: sum("local") };
}

/** data.gouv.fr quality score (nine criteria, `DATAGOUV_CRITERIA`). */
export function scoreDatagouv(model: DatasetModel, options: ScoreOptions): DatagouvScore {
  const criteria = evaluate(DATAGOUV_CRITERIA, model, options);
  const sums = totals(criteria, maxPoints(DATAGOUV_CRITERIA));
  return { scheme: "datagouv", ...sums, ratio: round(sums.verified / sums.max), criteria };
}

const DIMENSIONS: readonly MqaDimension[] = ["findability", "accessibility", "interoperability", "reusability", "contextuality"];

/** data.europa.eu MQA score (`MQA_CRITERIA`, out of 405) with its dimensions and rating. */
export function scoreMqa(model: DatasetModel, options: ScoreOptions): MqaScore {
  const criteria = evaluate(MQA_CRITERIA, model, options);
  const sums = totals(criteria, maxPoints(MQA_CRITERIA));
  const dimensions = DIMENSIONS.map((id) => ({
    id,
    ...totals(
      criteria.filter((c) => c.dimension === id),
      maxPoints(MQA_CRITERIA.filter((c) => c.dimension === id)),
    ),
  }));
  return {
    scheme: "mqa",
    ...sums,
    dimensions,
    rating: mqaRating(sums.verified),
    ratingIfConfirmed: mqaRating(sums.verified + sums.provisional + sums.local),
    criteria,
  };
}

/** Keys of the portal's `quality` object, by criterion id (udata `Dataset.quality`). */
const PORTAL_KEYS: Readonly<Record<string, string>> = {
  "datagouv-license": "license",
  "datagouv-temporal-coverage": "temporal_coverage",
  "datagouv-spatial": "spatial",
  "datagouv-update-frequency": "update_frequency",
  "datagouv-update-fulfilled-in-time": "update_fulfilled_in_time",
  "datagouv-description-quality": "dataset_description_quality",
  "datagouv-has-open-format": "has_open_format",
  "datagouv-all-resources-available": "all_resources_available",
  "datagouv-resources-documentation": "resources_documentation",
};

/** Criteria where conforme's recomputation differs from the `quality` the portal stored. */
export function portalDivergences(score: DatagouvScore, model: DatasetModel, options: Omit<ScoreOptions, "context">): Finding[] {
  const quality = model.portalQuality;
  if (!quality) return [];
  const factory = metadataFactory(options.factory, options.lang);
  const findings: Finding[] = [];
  for (const criterion of score.criteria) {
    const key = PORTAL_KEYS[criterion.id];
    if (key === undefined) continue;
    const portal = quality[key] === true;
    const conforme = criterion.won === criterion.possible;
    // Provisional points are not a disagreement: the portal counts unknown availability as available.
    if (portal === conforme || (!conforme && criterion.provisional > 0)) continue;
    const data = { criterion: criterion.id, portal, conforme };
    const position = options.source?.locate("/quality");
    const finding = factory.make(
      "metadata-datagouv-divergence",
      { messageId: "metadata-datagouv-divergence", data, pointer: "/quality", ...(position && { line: position.line, column: position.column }) },
      options.file,
    );
    if (finding) findings.push(finding);
  }
  return findings;
}
