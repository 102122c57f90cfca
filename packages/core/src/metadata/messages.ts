import type { MessageTemplate } from "../check.js";
import type { Criterion } from "./criterion.js";

export type CriterionMessageId = "pass" | "fail" | "provisional" | "local";

/** Message templates of a criterion's finding, from its label and advice. */
export function criterionMessages(criterion: Criterion): Record<CriterionMessageId, MessageTemplate> {
  const { label, advice } = criterion;
  return {
    pass: { fr: `${label.fr} : {won}/{possible} points.`, en: `${label.en}: {won}/{possible} points.` },
    fail: { fr: `${label.fr} : {won}/{possible} points. ${advice.fr}`, en: `${label.en}: {won}/{possible} points. ${advice.en}` },
    provisional: {
      fr: `${label.fr} : {won}/{possible} points vérifiés ; {provisional} points provisoires dépendent d'URL non vérifiées (option --check-urls).`,
      en: `${label.en}: {won}/{possible} points verified; {provisional} provisional points depend on unchecked URLs (--check-urls).`,
    },
    local: {
      fr: `${label.fr} : {won}/{possible} points vérifiés ; {local} points acquis seulement parce que le fichier existe localement : publiez-le et déclarez son URL.`,
      en: `${label.en}: {won}/{possible} points verified; {local} points earned only because the file exists locally: publish it and declare its URL.`,
    },
  };
}

/** Messages of the findings that are not criteria: cross-checks, thresholds, input problems. */
export const METADATA_MESSAGES: Record<string, MessageTemplate> = {
  "metadata-descriptor-invalid": {
    fr: "Descripteur non conforme au schéma de conforme : {error}.",
    en: "Descriptor does not match conforme's schema: {error}.",
  },
  "metadata-datagouv-divergence": {
    fr: "Critère {criterion} : data.gouv.fr indique {portal}, conforme calcule {conforme}.",
    en: "Criterion {criterion}: data.gouv.fr says {portal}, conforme computes {conforme}.",
  },
  "metadata-schema-mismatch": {
    fr: "La ressource déclare le schéma {declared} mais le fichier a été validé avec {validated}.",
    en: "The resource declares schema {declared} but the file was validated against {validated}.",
  },
  "metadata-temporal-mismatch": {
    fr: "Les dates de la colonne {field} vont de {min} à {max}, hors de la couverture temporelle déclarée ({start} – {end}). Corrigez la couverture ou les données.",
    en: "Dates in column {field} range from {min} to {max}, outside the declared temporal coverage ({start} – {end}). Fix the coverage or the data.",
  },
  "metadata-spatial-mismatch": {
    fr: "Codes géographiques hors de la couverture spatiale déclarée : {codes}. Élargissez la couverture ou vérifiez les données.",
    en: "Geographic codes outside the declared spatial coverage: {codes}. Widen the coverage or check the data.",
  },
  "metadata-byte-size-mismatch": {
    fr: "Taille déclarée {declared} octets, taille réelle du fichier {actual} octets.",
    en: "Declared size {declared} bytes, actual file size {actual} bytes.",
  },
  "metadata-hash-mismatch": {
    fr: "Empreinte {algorithm} déclarée {declared}, empreinte réelle {actual}.",
    en: "Declared {algorithm} hash {declared}, actual hash {actual}.",
  },
  "metadata-frequency-not-met": {
    fr: "Fréquence déclarée {frequency}, mais le fichier n'a pas changé depuis le {mtime}. Mettez les données à jour ou corrigez la fréquence.",
    en: "Declared frequency {frequency}, but the file has not changed since {mtime}. Update the data or fix the frequency.",
  },
  "metadata-modified-outdated": {
    fr: "Date de modification déclarée {declared}, antérieure à la dernière modification du fichier ({mtime}). Mettez-la à jour.",
    en: "Declared modification date {declared} is older than the file's last change ({mtime}). Update it.",
  },
  "metadata-license-not-allowed": {
    fr: "La licence {license} n'est pas une licence de réutilisation prévue pour les données publiques (décret n° 2017-638) : utilisez la Licence Ouverte 2.0 ou l'ODbL, ou faites homologuer la licence.",
    en: "Licence {license} is not a reuse licence allowed for French public data (décret 2017-638): use Licence Ouverte 2.0 or ODbL, or have the licence approved.",
  },
  "metadata-license-superseded": {
    fr: "La Licence Ouverte 1.0 est remplacée par la Licence Ouverte 2.0 (etalab-2.0) depuis 2017.",
    en: "Licence Ouverte 1.0 was superseded by Licence Ouverte 2.0 (etalab-2.0) in 2017.",
  },
  "metadata-min-score": {
    fr: "Score MQA {score}/{max}, sous le minimum configuré ({minScore}).",
    en: "MQA score {score}/{max}, below the configured minimum ({minScore}).",
  },
  "metadata-min-datagouv-score": {
    fr: "Score data.gouv.fr {score}, sous le minimum configuré ({minDatagouvScore}).",
    en: "data.gouv.fr score {score}, below the configured minimum ({minDatagouvScore}).",
  },
  "metadata-min-rating": {
    fr: "Note MQA « {rating} », sous la note minimale configurée « {minRating} ».",
    en: 'MQA rating "{rating}", below the configured minimum "{minRating}".',
  },
};
