import type { MessageTemplate } from "../check.js";
import type { Lang, Severity } from "../findings.js";
import { FindingFactory, type CodeDefinition } from "../validate/findings-factory.js";
import { DATAGOUV_CRITERIA } from "./datagouv-criteria.js";
import { criterionMessages, METADATA_MESSAGES } from "./messages.js";
import { MQA_CRITERIA } from "./mqa-criteria.js";

interface MetadataCode {
  severity: Severity;
  title: MessageTemplate;
  fix: MessageTemplate;
  runError?: true;
}

const texts = (titleFr: string, titleEn: string, fixFr: string, fixEn: string) => ({ title: { fr: titleFr, en: titleEn }, fix: { fr: fixFr, en: fixEn } });

const metadataCode = (severity: Severity, base: ReturnType<typeof texts>, runError?: true): MetadataCode => (runError ? { ...base, severity, runError } : { ...base, severity });

/**
 * Metadata codes that are not scoring criteria: cross-checks of the descriptor against the files,
 * thresholds, and descriptors that cannot be read (run errors): default severity, short title (the
 * title of its documentation page) and how to fix it. The run's factory and the catalogue read it.
 */
export const METADATA_CODES: Record<string, MetadataCode> = {
  "metadata-byte-size-mismatch": metadataCode(
    "warning",
    texts(
      "Taille déclarée différente de la taille réelle",
      "Declared size differs from the actual size",
      "Déclarez la taille réelle du fichier publié (byteSize), en octets.",
      "Declare the actual size of the published file (byteSize), in bytes.",
    ),
  ),
  "metadata-datagouv-divergence": metadataCode(
    "info",
    texts(
      "Calcul différent de data.gouv.fr",
      "Computation differs from data.gouv.fr",
      "Comparez le descripteur à la fiche du jeu : l'écart vient le plus souvent d'une ressource ou d'une date que le portail n'a pas encore relue.",
      "Compare the descriptor with the dataset's page: the gap most often comes from a resource or a date the portal has not read again yet.",
    ),
  ),
  "metadata-descriptor-invalid": metadataCode(
    "warning",
    texts(
      "Descripteur non conforme au schéma de conforme",
      "Descriptor does not match conforme's schema",
      "Corrigez la propriété indiquée du descripteur (nom, type ou valeur), comme le décrit le schéma de conforme.dataset.yml.",
      "Fix the descriptor's property shown (name, type or value), as conforme.dataset.yml's schema describes it.",
    ),
  ),
  "metadata-frequency-not-met": metadataCode(
    "warning",
    texts(
      "Fréquence de mise à jour non tenue",
      "Update frequency not met",
      "Mettez les données à jour, ou déclarez la fréquence réellement tenue.",
      "Update the data, or declare the frequency actually kept.",
    ),
  ),
  "metadata-hash-mismatch": metadataCode(
    "warning",
    texts(
      "Empreinte déclarée différente de l'empreinte réelle",
      "Declared hash differs from the actual hash",
      "Recalculez l'empreinte du fichier publié et déclarez-la, ou publiez le fichier qu'elle décrit.",
      "Compute the published file's hash again and declare it, or publish the file it describes.",
    ),
  ),
  "metadata-license-not-allowed": metadataCode(
    "warning",
    texts(
      "Licence non prévue pour les données publiques",
      "Licence not allowed for public data",
      "Publiez sous Licence Ouverte 2.0 (etalab-2.0) ou ODbL, ou faites homologuer la licence.",
      "Publish under Licence Ouverte 2.0 (etalab-2.0) or ODbL, or have the licence approved.",
    ),
  ),
  "metadata-license-superseded": metadataCode(
    "warning",
    texts("Licence Ouverte 1.0 remplacée", "Licence Ouverte 1.0 superseded", "Passez à la Licence Ouverte 2.0 (etalab-2.0).", "Move to Licence Ouverte 2.0 (etalab-2.0)."),
  ),
  "metadata-min-datagouv-score": metadataCode(
    "error",
    texts(
      "Score data.gouv.fr sous le minimum",
      "data.gouv.fr score below the minimum",
      "Complétez les métadonnées que les autres constats désignent jusqu'à atteindre le minimum configuré.",
      "Complete the metadata the other findings point at until the configured minimum is reached.",
    ),
  ),
  "metadata-min-rating": metadataCode(
    "error",
    texts(
      "Note MQA sous la note minimale",
      "MQA rating below the minimum",
      "Complétez les métadonnées que les autres constats désignent jusqu'à atteindre la note configurée.",
      "Complete the metadata the other findings point at until the configured rating is reached.",
    ),
  ),
  "metadata-min-score": metadataCode(
    "error",
    texts(
      "Score MQA sous le minimum",
      "MQA score below the minimum",
      "Complétez les métadonnées que les autres constats désignent jusqu'à atteindre le minimum configuré.",
      "Complete the metadata the other findings point at until the configured minimum is reached.",
    ),
  ),
  "metadata-modified-outdated": metadataCode(
    "info",
    texts(
      "Date de modification déclarée dépassée",
      "Declared modification date outdated",
      "Déclarez la date de la dernière modification des fichiers (modified).",
      "Declare the date of the files' last change (modified).",
    ),
  ),
  "metadata-schema-mismatch": metadataCode(
    "warning",
    texts(
      "Schéma déclaré différent du schéma de validation",
      "Declared schema differs from the validation schema",
      "Déclarez le schéma auquel le fichier se conforme (conformsTo), ou validez le fichier avec le schéma déclaré.",
      "Declare the schema the file conforms to (conformsTo), or validate the file against the declared schema.",
    ),
  ),
  "metadata-spatial-mismatch": metadataCode(
    "warning",
    texts(
      "Codes géographiques hors de la couverture spatiale",
      "Geographic codes outside the spatial coverage",
      "Élargissez la couverture spatiale déclarée, ou vérifiez les codes des données.",
      "Widen the declared spatial coverage, or check the data's codes.",
    ),
  ),
  "metadata-temporal-mismatch": metadataCode(
    "warning",
    texts(
      "Dates hors de la couverture temporelle",
      "Dates outside the temporal coverage",
      "Corrigez la couverture temporelle déclarée, ou les dates des données.",
      "Fix the declared temporal coverage, or the data's dates.",
    ),
  ),
  "metadata-unknown-format": metadataCode(
    "error",
    texts(
      "Format de descripteur inconnu",
      "Unknown descriptor format",
      "Désignez un descripteur d'un des formats reconnus, ou nommez le vôtre conforme.dataset.yml.",
      "Point at a descriptor of a recognised format, or name yours conforme.dataset.yml.",
    ),
    true,
  ),
  "metadata-unreadable": metadataCode(
    "error",
    texts(
      "Descripteur illisible",
      "Unreadable descriptor",
      "Corrigez la syntaxe à la position indiquée (un éditeur JSON ou YAML la montre), ou l'identifiant du jeu.",
      "Fix the syntax at the position shown (a JSON or YAML editor shows it), or the dataset's identifier.",
    ),
    true,
  ),
};

let definitions: ReadonlyMap<string, CodeDefinition> | undefined;

/**
 * Every metadata finding code with its definition: one per criterion (`metadata-<id>`, messages
 * keyed pass, fail, provisional, local), and the cross-checks, thresholds and descriptor problems,
 * whose one message is keyed by the code itself.
 */
export function metadataCodeDefinitions(): ReadonlyMap<string, CodeDefinition> {
  if (definitions) return definitions;
  const map = new Map<string, CodeDefinition>();
  for (const criterion of [...DATAGOUV_CRITERIA, ...MQA_CRITERIA]) {
    map.set(`metadata-${criterion.id}`, { category: "metadata", severity: "warning", messages: criterionMessages(criterion) });
  }
  for (const [code, template] of Object.entries(METADATA_MESSAGES)) {
    map.set(code, { category: "metadata", severity: METADATA_CODES[code]?.severity ?? "warning", messages: { [code]: template } });
  }
  definitions = map;
  return map;
}

/** The metadata codes `severity.codes` may set. */
export function metadataCodes(): string[] {
  return [...metadataCodeDefinitions().keys()];
}

const defined = new WeakSet<FindingFactory>();

/** Makes the metadata codes known to a run's factory (once per factory). */
export function withMetadataCodes(factory: FindingFactory): FindingFactory {
  if (defined.has(factory)) return factory;
  for (const [code, definition] of metadataCodeDefinitions()) factory.define(code, definition);
  defined.add(factory);
  return factory;
}

const plain = new Map<Lang, FindingFactory>();

/**
 * The factory metadata findings are made with when the caller gives none (`conforme metadata`,
 * the library's scoring functions): no severity overrides, only the code's defaults.
 */
export function metadataFactory(factory: FindingFactory | undefined, lang: Lang = "fr"): FindingFactory {
  if (factory) return withMetadataCodes(factory);
  let made = plain.get(lang);
  if (!made) {
    made = withMetadataCodes(new FindingFactory(lang));
    plain.set(lang, made);
  }
  return made;
}
