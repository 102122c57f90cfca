import type { MessageTemplate } from "../check.js";
import { docsUrl } from "../check.js";
import { checks } from "../checks/registry.js";
import type { Category, Lang, Severity } from "../findings.js";
import { renderTemplate } from "../messages/render.js";
import { engineCodes, type EngineCode } from "../messages/table-schema.js";
import { DATAGOUV_CRITERIA } from "../metadata/datagouv-criteria.js";
import { keyName } from "../metadata/keys.js";
import { MQA_CRITERIA } from "../metadata/mqa-criteria.js";
import { DETECTORS } from "../personal-data/detectors/index.js";
import { personalDataChecks, personalDataCode } from "../personal-data/index.js";

/**
 * What conforme knows of a finding code, in one place: the engine's validation, the messages,
 * `conforme explain`, the SARIF rules, the HTML report's advice and the GitHub Action all read it.
 */
export interface CodeInfo {
  code: string;
  /** The check reporting it: the code itself, or the check that reports it under another name (`small-counts` for `small-count`). */
  check: string;
  category?: Category;
  /** Severity of its findings unless the configuration sets another. */
  severity?: Severity;
  /** A short name, as the documentation page's title (French) says it. */
  title?: MessageTemplate;
  /** One line on what is checked (a check's `meta.description`), or the title. */
  description?: MessageTemplate;
  /** How to fix what the code reports, whatever the value (the finding's message may add a hint for its value). */
  fixAdvice?: MessageTemplate;
  /** A failure of the run (exit code 2), not a finding: metadata that cannot be read. */
  runError?: boolean;
  /** Documentation page (docs/checks/<code>.md). */
  helpUri: string;
}

/** What a check's meta does not say: its short title and how to fix its findings. */
interface CheckTexts {
  title: MessageTemplate;
  fixAdvice: MessageTemplate;
}

const texts = (titleFr: string, titleEn: string, fixFr: string, fixEn: string): CheckTexts => ({
  title: { fr: titleFr, en: titleEn },
  fixAdvice: { fr: fixFr, en: fixEn },
});

/** Row checks and personal-data checks, by id; a test keeps one entry per registered check. */
const CHECK_TEXTS: Record<string, CheckTexts> = {
  "code-commune-insee": texts("Code commune INSEE", "INSEE commune code", "Écrivez le code INSEE de la commune sur 5 caractères, zéro initial compris (01004, 2A004), et non son code postal.", "Write the commune's INSEE code on 5 characters, leading zero included (01004, 2A004), not its postal code."),
  "code-departement": texts("Code de département", "Department code", "Écrivez le code officiel du département sur 2 ou 3 caractères, zéro initial compris (01, 2A, 971).", "Write the department's official code on 2 or 3 characters, leading zero included (01, 2A, 971)."),
  "code-pays-iso2": texts("Code pays ISO 3166-1 alpha-2", "ISO 3166-1 alpha-2 country code", "Écrivez le code du pays en deux lettres majuscules (FR, BE, DE).", "Write the country code as two capital letters (FR, BE, DE)."),
  "code-pays-iso3": texts("Code pays ISO 3166-1 alpha-3", "ISO 3166-1 alpha-3 country code", "Écrivez le code du pays en trois lettres majuscules (FRA, BEL, DEU).", "Write the country code as three capital letters (FRA, BEL, DEU)."),
  "code-postal": texts("Code postal", "Postal code", "Écrivez un code postal en usage sur 5 chiffres, zéro initial compris (01000), et non le code INSEE de la commune.", "Write a postal code in use on 5 digits, leading zero included (01000), not the commune's INSEE code."),
  "code-region": texts("Code de région", "Region code", "Écrivez le code officiel de la région sur 2 chiffres (11 pour l'Île-de-France), et non un ancien code d'avant 2016.", "Write the region's official code on 2 digits (11 for Île-de-France), not a code from before 2016."),
  "code-rna": texts("Numéro RNA d'association", "RNA association number", "Écrivez le numéro RNA de l'association : W suivi de 9 chiffres (W751234567).", "Write the association's RNA number: W followed by 9 digits (W751234567)."),
  "cohesive-columns-value": texts("Colonnes solidaires", "Cohesive columns", "Renseignez toutes les colonnes liées de la ligne, ou laissez-les toutes vides.", "Fill in all the linked columns of the row, or leave them all empty."),
  commune: texts("Nom de commune", "Commune name", "Écrivez le nom officiel de la commune, avec ses majuscules, accents et traits d'union.", "Write the commune's official name, with its capitals, accents and hyphens."),
  "compare-columns-value": texts("Comparaison de colonnes", "Column comparison", "Corrigez l'une des deux valeurs de la ligne pour que la comparaison attendue soit vraie (une date de fin après la date de début, par exemple).", "Correct one of the row's two values so that the expected comparison holds (an end date after the start date, for instance)."),
  departement: texts("Nom de département", "Department name", "Écrivez le nom officiel du département, avec ses majuscules, accents et traits d'union.", "Write the department's official name, with its capitals, accents and hyphens."),
  "french-gps-coordinates": texts("Coordonnées GPS en France", "GPS coordinates in France", "Vérifiez le point : longitude d'abord, puis latitude, en degrés décimaux WGS84.", "Check the point: longitude first, then latitude, in WGS84 decimal degrees."),
  "french-siren-value": texts("Numéro SIREN", "SIREN number", "Saisissez les 9 chiffres du SIREN sans espace ; la clé de Luhn doit être juste (vérifiable sur annuaire-entreprises.data.gouv.fr).", "Enter the 9 digits of the SIREN without spaces; the Luhn check digit must be right."),
  "french-siret-value": texts("Numéro SIRET", "SIRET number", "Saisissez les 14 chiffres du SIRET sans espace ; la clé de Luhn doit être juste (vérifiable sur annuaire-entreprises.data.gouv.fr).", "Enter the 14 digits of the SIRET without spaces; the Luhn check digit must be right."),
  "nomenclature-actes-value": texts("Nomenclature ACTES", "ACTES nomenclature", "Commencez la valeur par une matière de la nomenclature ACTES suivie d'une oblique sans espace (Urbanisme/Documents d'urbanisme).", "Start the value with an ACTES subject followed by a slash without spaces (Urbanisme/Documents d'urbanisme)."),
  "one-of-required": texts("Une valeur requise parmi deux colonnes", "One of two columns required", "Renseignez au moins l'une des deux colonnes sur chaque ligne.", "Fill in at least one of the two columns on each row."),
  "opening-hours-value": texts("Horaires d'ouverture OpenStreetMap", "OpenStreetMap opening hours", "Écrivez les horaires dans la syntaxe opening_hours d'OpenStreetMap (Mo-Fr 08:30-12:00,14:00-17:30).", "Write the hours in OpenStreetMap's opening_hours syntax (Mo-Fr 08:30-12:00,14:00-17:30)."),
  "phone-number-value": texts("Numéro de téléphone", "Phone number", "Écrivez le numéro sur 10 chiffres (0123456789) ou au format international (+33123456789).", "Write the number on 10 digits (0123456789) or in international format (+33123456789)."),
  region: texts("Nom de région", "Region name", "Écrivez le nom officiel de la région, avec ses majuscules, accents et traits d'union.", "Write the region's official name, with its capitals, accents and hyphens."),
  "sum-columns-value": texts("Somme de colonnes", "Column sum", "Corrigez le total ou l'une des valeurs additionnées de la ligne.", "Correct the total or one of the row's added values."),
  "year-interval-value": texts("Intervalle d'années", "Year interval", "Écrivez l'intervalle sous la forme AAAA/AAAA, la première année avant la seconde (2020/2024).", "Write the interval as YYYY/YYYY, the first year before the second (2020/2024)."),
  "personal-data": texts("Données personnelles", "Personal data", "Retirez la colonne, ou anonymisez-la avant publication (généralisation, agrégation) ; si sa publication est prévue par un texte, acceptez le constat dans la configuration en citant ce texte.", "Remove the column, or anonymise it before publication (generalisation, aggregation); if a text provides for its publication, accept the finding in the configuration and cite that text."),
  "reidentification-risk": texts("Risque de réidentification", "Re-identification risk", "Généralisez les quasi-identifiants (âge en tranches, commune en département) ou retirez-en un, jusqu'à ce que chaque combinaison compte au moins k lignes.", "Generalise the quasi-identifiers (age in bands, commune to department) or drop one, until each combination has at least k rows."),
  "small-counts": texts("Petits effectifs", "Small counts", "Regroupez les catégories ou les territoires jusqu'à dépasser le seuil, ou masquez les effectifs trop petits.", "Group categories or areas until the threshold is passed, or mask the counts that are too small."),
};

/** Codes a check reports under another name than its id, with their own title and advice. */
const EMITTED_CODES: Record<string, Record<string, CheckTexts>> = {
  "small-counts": {
    "small-count": texts("Effectif sous le seuil du secret statistique", "Count below the statistical secrecy threshold", "Regroupez les catégories ou les territoires jusqu'à dépasser le seuil, ou masquez la cellule en vérifiant que les totaux ne permettent pas de la recalculer.", "Group categories or areas until the threshold is passed, or mask the cell, checking that totals do not give it back."),
  },
  // Validata's error types for these checks (validata_core ErrType), reported verbatim.
  "nomenclature-actes-value": {
    "nomenclature-actes": texts("Valeur hors de la nomenclature ACTES", "Value outside the ACTES nomenclature", "Commencez la valeur par une matière de la nomenclature ACTES suivie d'une oblique sans espace (Urbanisme/Documents d'urbanisme).", "Start the value with an ACTES subject followed by a slash without spaces (Urbanisme/Documents d'urbanisme)."),
  },
  "french-gps-coordinates": {
    "reversed-french-gps-coordinates": texts("Coordonnées GPS inversées", "Swapped GPS coordinates", "Échangez les deux nombres : un geopoint s'écrit longitude d'abord, puis latitude (2.3522, 48.8566).", "Swap the two numbers: a geopoint is written longitude first, then latitude (2.3522, 48.8566)."),
  },
};

interface MetadataCode extends CheckTexts {
  severity: Severity;
  runError?: true;
}

const metadataCode = (severity: Severity, base: CheckTexts, runError?: true): MetadataCode => (runError ? { ...base, severity, runError } : { ...base, severity });

/**
 * Metadata codes that are not scoring criteria: cross-checks of the descriptor against the files,
 * thresholds, and descriptors that cannot be read (run errors). Severities are those the
 * metadata evaluation gives (metadata/cross-checks.ts, threshold.ts, read.ts, score.ts).
 */
const METADATA_CODES: Record<string, MetadataCode> = {
  "metadata-byte-size-mismatch": metadataCode("warning", texts("Taille déclarée différente de la taille réelle", "Declared size differs from the actual size", "Déclarez la taille réelle du fichier publié (byteSize), en octets.", "Declare the actual size of the published file (byteSize), in bytes.")),
  "metadata-datagouv-divergence": metadataCode("info", texts("Calcul différent de data.gouv.fr", "Computation differs from data.gouv.fr", "Comparez le descripteur à la fiche du jeu : l'écart vient le plus souvent d'une ressource ou d'une date que le portail n'a pas encore relue.", "Compare the descriptor with the dataset's page: the gap most often comes from a resource or a date the portal has not read again yet.")),
  "metadata-descriptor-invalid": metadataCode("warning", texts("Descripteur non conforme au schéma de conforme", "Descriptor does not match conforme's schema", "Corrigez la propriété indiquée du descripteur (nom, type ou valeur), comme le décrit le schéma de conforme.dataset.yml.", "Fix the descriptor's property shown (name, type or value), as conforme.dataset.yml's schema describes it.")),
  "metadata-frequency-not-met": metadataCode("warning", texts("Fréquence de mise à jour non tenue", "Update frequency not met", "Mettez les données à jour, ou déclarez la fréquence réellement tenue.", "Update the data, or declare the frequency actually kept.")),
  "metadata-hash-mismatch": metadataCode("warning", texts("Empreinte déclarée différente de l'empreinte réelle", "Declared hash differs from the actual hash", "Recalculez l'empreinte du fichier publié et déclarez-la, ou publiez le fichier qu'elle décrit.", "Compute the published file's hash again and declare it, or publish the file it describes.")),
  "metadata-license-not-allowed": metadataCode("warning", texts("Licence non prévue pour les données publiques", "Licence not allowed for public data", "Publiez sous Licence Ouverte 2.0 (etalab-2.0) ou ODbL, ou faites homologuer la licence.", "Publish under Licence Ouverte 2.0 (etalab-2.0) or ODbL, or have the licence approved.")),
  "metadata-license-superseded": metadataCode("warning", texts("Licence Ouverte 1.0 remplacée", "Licence Ouverte 1.0 superseded", "Passez à la Licence Ouverte 2.0 (etalab-2.0).", "Move to Licence Ouverte 2.0 (etalab-2.0).")),
  "metadata-min-datagouv-score": metadataCode("error", texts("Score data.gouv.fr sous le minimum", "data.gouv.fr score below the minimum", "Complétez les métadonnées que les autres constats désignent jusqu'à atteindre le minimum configuré.", "Complete the metadata the other findings point at until the configured minimum is reached.")),
  "metadata-min-rating": metadataCode("error", texts("Note MQA sous la note minimale", "MQA rating below the minimum", "Complétez les métadonnées que les autres constats désignent jusqu'à atteindre la note configurée.", "Complete the metadata the other findings point at until the configured rating is reached.")),
  "metadata-min-score": metadataCode("error", texts("Score MQA sous le minimum", "MQA score below the minimum", "Complétez les métadonnées que les autres constats désignent jusqu'à atteindre le minimum configuré.", "Complete the metadata the other findings point at until the configured minimum is reached.")),
  "metadata-modified-outdated": metadataCode("info", texts("Date de modification déclarée dépassée", "Declared modification date outdated", "Déclarez la date de la dernière modification des fichiers (modified).", "Declare the date of the files' last change (modified).")),
  "metadata-schema-mismatch": metadataCode("warning", texts("Schéma déclaré différent du schéma de validation", "Declared schema differs from the validation schema", "Déclarez le schéma auquel le fichier se conforme (conformsTo), ou validez le fichier avec le schéma déclaré.", "Declare the schema the file conforms to (conformsTo), or validate the file against the declared schema.")),
  "metadata-spatial-mismatch": metadataCode("warning", texts("Codes géographiques hors de la couverture spatiale", "Geographic codes outside the spatial coverage", "Élargissez la couverture spatiale déclarée, ou vérifiez les codes des données.", "Widen the declared spatial coverage, or check the data's codes.")),
  "metadata-temporal-mismatch": metadataCode("warning", texts("Dates hors de la couverture temporelle", "Dates outside the temporal coverage", "Corrigez la couverture temporelle déclarée, ou les dates des données.", "Fix the declared temporal coverage, or the data's dates.")),
  "metadata-unknown-format": metadataCode("error", texts("Format de descripteur inconnu", "Unknown descriptor format", "Désignez un descripteur d'un des formats reconnus, ou nommez le vôtre conforme.dataset.yml.", "Point at a descriptor of a recognised format, or name yours conforme.dataset.yml."), true),
  "metadata-unreadable": metadataCode("error", texts("Descripteur illisible", "Unreadable descriptor", "Corrigez la syntaxe à la position indiquée (un éditeur JSON ou YAML la montre), ou l'identifiant du jeu.", "Fix the syntax at the position shown (a JSON or YAML editor shows it), or the dataset's identifier."), true),
};

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** The catalogue entry of every code with a fixed name, in the order `conforme explain --list` prints. */
function buildCatalog(): CodeInfo[] {
  const entries: CodeInfo[] = [];
  for (const [code, entry] of Object.entries(engineCodes as Record<string, EngineCode>)) {
    entries.push({ code, check: code, category: entry.category, severity: entry.severity, title: entry.title, description: entry.title, fixAdvice: entry.fix, helpUri: docsUrl(code) });
  }
  for (const check of [...checks, ...personalDataChecks]) {
    const own = CHECK_TEXTS[check.id];
    const base = { check: check.id, category: check.meta.category, severity: check.meta.severity, description: check.meta.description };
    entries.push({ code: check.id, ...base, ...(own && { title: own.title, fixAdvice: own.fixAdvice }), helpUri: docsUrl(check.id) });
    for (const [code, emitted] of Object.entries(EMITTED_CODES[check.id] ?? {})) {
      entries.push({ code, ...base, title: emitted.title, fixAdvice: emitted.fixAdvice, helpUri: docsUrl(code) });
    }
  }
  // The personal-data check reports each kind under its own code (`personal-data-email`).
  const advice = CHECK_TEXTS["personal-data"]!.fixAdvice;
  for (const detector of DETECTORS) {
    const title = { fr: capitalised(detector.label.fr), en: capitalised(detector.label.en) };
    entries.push({ code: personalDataCode(detector.kind), check: "personal-data", category: "personal-data", severity: detector.severity, title, description: title, fixAdvice: advice, helpUri: docsUrl(personalDataCode(detector.kind)) });
  }
  // A criterion not fully met is a warning (metadata/score.ts); its advice says what to add,
  // naming the key as conforme.dataset.yml writes it (a finding names its own descriptor's).
  for (const criterion of [...DATAGOUV_CRITERIA, ...MQA_CRITERIA]) {
    const code = `metadata-${criterion.id}`;
    const values = { key: keyName("conforme", criterion.property) };
    const fixAdvice = { fr: renderTemplate(criterion.advice.fr, values), en: renderTemplate(criterion.advice.en, values) };
    entries.push({ code, check: code, category: "metadata", severity: "warning", title: criterion.label, description: criterion.label, fixAdvice, helpUri: docsUrl(code) });
  }
  for (const [code, entry] of Object.entries(METADATA_CODES)) {
    const info: CodeInfo = { code, check: code, category: "metadata", severity: entry.severity, title: entry.title, description: entry.title, fixAdvice: entry.fixAdvice, helpUri: docsUrl(code) };
    if (entry.runError) info.runError = true;
    entries.push(info);
  }
  return entries;
}

let catalog: readonly CodeInfo[] | undefined;
let byCode: Map<string, CodeInfo> | undefined;

/** Every finding code conforme reports, with what formatters, `explain` and the Action say of it. */
export function codeCatalog(): readonly CodeInfo[] {
  catalog ??= buildCatalog();
  return catalog;
}

/**
 * Every code a finding of the data can carry, so every code `severity.codes` can set: the
 * catalogue's, metadata apart (their severity comes from the score).
 */
export function findingCodes(): string[] {
  return codeCatalog()
    .filter((entry) => entry.category !== "metadata")
    .map((entry) => entry.code);
}

/** The catalogue entry of a code; an unknown code gets its would-be page and nothing else. */
export function describeCode(code: string): CodeInfo {
  byCode ??= new Map(codeCatalog().map((entry) => [entry.code, entry]));
  return byCode.get(code) ?? { code, check: code, helpUri: docsUrl(code) };
}

/** The code's short title in `lang`, when the catalogue knows it. */
export function codeTitle(code: string, lang: Lang): string | undefined {
  return describeCode(code).title?.[lang];
}
