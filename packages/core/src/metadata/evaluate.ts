import type { Finding, Lang } from "../findings.js";
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
  const common = { source: parsed.source, ...(options.lang && { lang: options.lang }), ...(parsed.file !== undefined && { file: parsed.file }) };
  const datagouv = scoreDatagouv(parsed.model, { ...common, context });
  const mqa = scoreMqa(parsed.model, { ...common, context });
  const findings = [
    ...parsed.findings,
    ...datagouv.criteria.map((c) => c.finding),
    ...mqa.criteria.map((c) => c.finding),
    ...portalDivergences(datagouv, parsed.model, common),
    ...crossCheck(parsed.model, facts, { ...common, now }),
  ];
  return { ...(parsed.file !== undefined && { file: parsed.file }), source: parsed.model.source, datagouv, mqa, findings };
}
