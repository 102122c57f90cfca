import type { Finding, Lang } from "../findings.js";
import type { MetadataReport } from "../report.js";
import type { MetadataResult } from "./evaluate.js";
import { mqaRating, type MqaRating } from "./mqa-criteria.js";
import type { MqaDimension } from "./criterion.js";

const RATING_LABELS: Record<MqaRating, Record<Lang, string>> = {
  excellent: { fr: "Excellent", en: "Excellent" },
  good: { fr: "Bien", en: "Good" },
  sufficient: { fr: "Suffisant", en: "Sufficient" },
  bad: { fr: "Insuffisant", en: "Bad" },
};

const DIMENSION_LABELS: Record<MqaDimension, Record<Lang, string>> = {
  findability: { fr: "Trouvabilité", en: "Findability" },
  accessibility: { fr: "Accessibilité", en: "Accessibility" },
  interoperability: { fr: "Interopérabilité", en: "Interoperability" },
  reusability: { fr: "Réutilisabilité", en: "Reusability" },
  contextuality: { fr: "Contexte", en: "Contextuality" },
};

const WORDS = {
  fr: { provisional: "provisoires", local: "fichiers locaux", ifConfirmed: "une fois confirmés" },
  en: { provisional: "provisional", local: "local files", ifConfirmed: "once confirmed" },
} as const;

const n = (value: number) => String(Math.round(value * 100) / 100);

function pending(totals: { provisional: number; local: number }, lang: Lang): string {
  const parts: string[] = [];
  if (totals.provisional > 0) parts.push(`+${n(totals.provisional)} ${WORDS[lang].provisional}`);
  if (totals.local > 0) parts.push(`+${n(totals.local)} ${WORDS[lang].local}`);
  return parts.length > 0 ? ` [${parts.join(", ")}]` : "";
}

function findingLine(finding: Finding): string {
  const where = finding.line !== undefined ? `${finding.line}:${finding.column ?? 1}` : "-";
  return `  ${where.padEnd(7)} ${finding.severity.padEnd(7)} ${finding.message}  ${finding.code}`;
}

/** Terminal text: both scores, the MQA dimensions, then every finding that is not a full pass. */
export function formatMetadataStylish(result: MetadataResult, lang: Lang = "fr"): string {
  const { datagouv, mqa } = result;
  const lines: string[] = [];
  if (result.file !== undefined) lines.push(result.file);
  lines.push(`  data.gouv.fr : ${n(datagouv.verified)}/${datagouv.max} (${n(datagouv.ratio)})${pending(datagouv, lang)}`);
  const confirmed = mqa.verified + mqa.provisional + mqa.local;
  const upTo = confirmed > mqa.verified ? ` → ${n(confirmed)} (${RATING_LABELS[mqa.ratingIfConfirmed][lang]}) ${WORDS[lang].ifConfirmed}` : "";
  lines.push(`  MQA : ${n(mqa.verified)}/${mqa.max} (${RATING_LABELS[mqa.rating][lang]})${pending(mqa, lang)}${upTo}`);
  for (const dimension of mqa.dimensions) {
    lines.push(`    ${DIMENSION_LABELS[dimension.id][lang].padEnd(18)} ${n(dimension.verified)}/${dimension.max}${pending(dimension, lang)}`);
  }
  const shown = result.findings.filter((f) => f.messageId !== "pass");
  if (shown.length > 0) lines.push("");
  for (const finding of shown) lines.push(findingLine(finding));
  return `${lines.join("\n")}\n`;
}

/** JSON: the whole result (scores with each criterion's points and finding). */
export function formatMetadataJson(result: MetadataResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}

/**
 * Terminal text of the metadata part of a lint report (`report.metadata`): per descriptor, the
 * two scores and the findings worth reading, with their line and column in the descriptor.
 */
export function formatMetadataReportStylish(sections: readonly MetadataReport[], lang: Lang = "fr"): string {
  const lines: string[] = [];
  for (const section of sections) {
    lines.push("", section.descriptor);
    for (const score of section.scores) {
      const waiting = pending({ provisional: score.provisionalPoints, local: score.localPoints }, lang);
      if (score.id === "mqa") {
        const upTo = score.points > score.verified ? ` → ${n(score.points)} (${RATING_LABELS[mqaRating(score.points)][lang]}) ${WORDS[lang].ifConfirmed}` : "";
        lines.push(`  MQA : ${n(score.verified)}/${score.max} (${RATING_LABELS[mqaRating(score.verified)][lang]})${waiting}${upTo}`);
      } else lines.push(`  data.gouv.fr : ${n(score.verified)}/${score.max}${waiting}`);
    }
    // The findings themselves are listed with the data's (formatters' findingGroups); here only
    // how many recommendations wait, and where to read them.
    const recommendations = section.findings.filter((finding) => finding.severity === "info").length;
    if (recommendations > 0) {
      lines.push(
        lang === "fr"
          ? `  ${recommendations} recommandation${recommendations > 1 ? "s" : ""} : conforme metadata ${section.descriptor}`
          : `  ${recommendations} recommendation${recommendations > 1 ? "s" : ""}: conforme metadata ${section.descriptor}`,
      );
    }
  }
  return lines.length > 0 ? `${lines.join("\n").replace(/^\n/, "")}\n` : "";
}
