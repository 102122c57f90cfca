import type { Finding, Lang, Severity } from "../findings.js";
import type { FindingFactory } from "../validate/findings-factory.js";
import { crossCheck, normalisePath } from "./cross-checks.js";
import type { DataFacts, SourceFormat, UrlCheck } from "./model.js";
import type { ParsedDescriptor } from "./read.js";
import { portalDivergences, scoreDatagouv, scoreMqa, type DatagouvScore, type MqaScore } from "./score.js";

export interface MetadataOptions {
  /** The clock (update-frequency criteria and cross-checks); defaults to the current time. */
  now?: Date;
  /** Results of URL checks (`checkUrls`); without them, URL-dependent points are provisional. */
  urlChecks?: ReadonlyMap<string, UrlCheck>;
  /** Facts about the data files, for the cross-checks and the local-file points. */
  facts?: readonly DataFacts[];
  lang?: Lang;
  /** Makes the findings with the run's severity overrides; default: the codes' defaults. */
  factory?: FindingFactory;
  /** Severity of a criterion not fully met: warning by default, info in lint (see toMetadataReport). */
  criterionSeverity?: Severity;
}

export interface MetadataResult {
  file?: string;
  source: SourceFormat;
  datagouv: DatagouvScore;
  mqa: MqaScore;
  /** Descriptor problems, one finding per criterion of each score, portal divergences and cross-checks. */
  findings: Finding[];
}

/** Scores a read descriptor on both scales and cross-checks it against the data facts. */
export function evaluateMetadata(parsed: ParsedDescriptor, options: MetadataOptions = {}): MetadataResult {
  const now = options.now ?? new Date();
  const facts = options.facts ?? [];
  const localFiles = new Set(facts.filter((f) => f.bytes !== undefined).map((f) => normalisePath(f.path)));
  // Distribution paths are matched in their normalised form.
  for (const d of parsed.model.distributions) if (d.path !== undefined) d.path = normalisePath(d.path);
  const context = { now, localFiles, ...(options.urlChecks && { urlChecks: options.urlChecks }) };
  const common = {
    source: parsed.source,
    ...(options.lang && { lang: options.lang }),
    ...(options.factory && { factory: options.factory }),
    ...(parsed.file !== undefined && { file: parsed.file }),
  };
  const scoring = { ...common, context, ...(options.criterionSeverity && { criterionSeverity: options.criterionSeverity }) };
  const datagouv = scoreDatagouv(parsed.model, scoring);
  const mqa = scoreMqa(parsed.model, scoring);
  const findings = [
    ...parsed.findings,
    ...datagouv.criteria.flatMap((c) => (c.finding ? [c.finding] : [])),
    ...mqa.criteria.flatMap((c) => (c.finding ? [c.finding] : [])),
    ...portalDivergences(datagouv, parsed.model, common),
    ...crossCheck(parsed.model, facts, { ...common, now }),
  ];
  return { ...(parsed.file !== undefined && { file: parsed.file }), source: parsed.model.source, datagouv, mqa, findings };
}
