import type { Lang } from "../../findings.js";

/** A text the metadata engine may give already rendered, or in both languages. */
export type LocalText = string | Partial<Record<Lang, string>>;

/** What the HTML report reads of one scored criterion. */
export interface MetadataCriterionView {
  id: string;
  label: LocalText;
  points: number;
  max: number;
  recommendation?: LocalText;
}

/** What the HTML report reads of one score (data.gouv.fr 0–9 or data.europa.eu MQA 0–405). */
export interface MetadataScoreView {
  id: string;
  points: number;
  max: number;
  /** MQA band (`excellent`, `good`, `sufficient`, `bad`) or any label. */
  rating?: string;
  /** True when some points rest on an offline assumption (e.g. local paths counted reachable). */
  provisional?: boolean;
  criteria: MetadataCriterionView[];
}

/** The part of `report.metadata` the HTML report reads; one section per descriptor. */
export interface MetadataSectionView {
  /** Path of the descriptor (datapackage.json, data.gouv.fr JSON…). */
  descriptor: string;
  scores: MetadataScoreView[];
}

export function localText(text: LocalText | undefined, lang: Lang): string {
  if (text === undefined) return "";
  if (typeof text === "string") return text;
  return text[lang] ?? text.fr ?? text.en ?? "";
}

function isSection(value: unknown): value is MetadataSectionView {
  if (typeof value !== "object" || value === null) return false;
  const section = value as Partial<MetadataSectionView>;
  return typeof section.descriptor === "string" && Array.isArray(section.scores);
}

/**
 * Reads `report.metadata` when present: one section or a list of them. Anything else is ignored
 * rather than thrown on, so an older or newer report still renders.
 */
export function metadataSections(report: object): MetadataSectionView[] {
  const metadata = (report as { metadata?: unknown }).metadata;
  if (metadata === undefined || metadata === null) return [];
  const list = Array.isArray(metadata) ? metadata : [metadata];
  return list.filter(isSection).map((section) => ({
    descriptor: section.descriptor,
    scores: section.scores
      .filter((score) => typeof score === "object" && score !== null && typeof score.points === "number" && typeof score.max === "number")
      .map((score) => ({ ...score, criteria: Array.isArray(score.criteria) ? score.criteria : [] })),
  }));
}
