import { isDate, pass, reachable, type Criterion } from "./criterion.js";
import { isHttpUrl } from "./model.js";
import { ACCESS_RIGHTS, DATAGOUV_ACCESS_TYPES, DATA_THEMES, MACHINE_READABLE, NON_PROPRIETARY, vocabularyCode, type Vocabulary } from "./vocabularies/eu.js";
import { fileTypeCode, isIanaMediaType, mediaTypeFileType } from "./vocabularies/formats.js";
import { findLicence } from "./vocabularies/licences.js";
import { normaliseFrequency } from "./vocabularies/frequencies.js";
import type { DatasetModel, DistributionModel } from "./model.js";
import type { ScoreContext, Verdict } from "./criterion.js";

/**
 * data.europa.eu Metadata Quality Assessment: indicators and weights as the MQA methodology
 * publishes them (piveau-metrics-ui `AboutMetrics.vue`, reproduced by mjanez/ckan-mqa and
 * YourOpenDAta/mqa-scoring-api). Maximum 405.
 */

/** Rating bands, best first (ckan-mqa README, data.europa.eu/mqa/methodology). */
export const MQA_RATINGS = [
  { rating: "excellent", min: 351 },
  { rating: "good", min: 221 },
  { rating: "sufficient", min: 121 },
  { rating: "bad", min: 0 },
] as const;

export type MqaRating = (typeof MQA_RATINGS)[number]["rating"];

export function mqaRating(points: number): MqaRating {
  return MQA_RATINGS.find((band) => points >= band.min)?.rating ?? "bad";
}

/** Looks the media type up first, then the format, as the MQA does for the EDP lists. */
function inList(list: Vocabulary, distribution: DistributionModel): boolean {
  const candidates = [mediaTypeFileType(distribution.mediaType), fileTypeCode(distribution.format)];
  return candidates.some((code) => code !== undefined && list.codes.includes(code));
}

const licenceOf = (d: DistributionModel, model: DatasetModel) => d.license ?? model.license;

/**
 * Approximation of the DCAT-AP 3.0.1 SHACL validation conforme can do offline: mandatory
 * properties (`dct:title`, `dct:description` on the dataset, `dcat:accessURL` on each
 * distribution) and the values bound to EU vocabularies (`mdr-vocabularies.shape.ttl`).
 */
export function dcatApProblems(model: DatasetModel, context: ScoreContext): { problems: string[]; localOnly: boolean } {
  const problems: string[] = [];
  if (model.title === undefined) problems.push("dct:title");
  if (model.description === undefined) problems.push("dct:description");
  let localOnly = false;
  for (const d of model.distributions) {
    const url = d.accessURL ?? d.downloadURL;
    if (isHttpUrl(url)) continue;
    if (d.path !== undefined && context.localFiles?.has(d.path)) localOnly = true;
    else problems.push("dcat:accessURL");
  }
  if (model.themes.some((theme) => vocabularyCode(DATA_THEMES, theme) === undefined)) problems.push("dcat:theme");
  if (model.accessRights !== undefined && accessRightsCode(model.accessRights) === undefined) problems.push("dct:accessRights");
  if (model.accrualPeriodicity !== undefined && normaliseFrequency(model.accrualPeriodicity) === undefined) problems.push("dct:accrualPeriodicity");
  return { problems: [...new Set(problems)], localOnly };
}

function accessRightsCode(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return vocabularyCode(ACCESS_RIGHTS, value) ?? DATAGOUV_ACCESS_TYPES[value.trim()];
}

export const MQA_CRITERIA: readonly Criterion[] = [
  // Findability (100)
  {
    id: "mqa-keyword",
    points: 30,
    dimension: "findability",
    level: "dataset",
    property: "keywords",
    label: { fr: "Mots-clés", en: "Keywords" },
    advice: { fr: "Ajoutez au moins un mot-clé ({key}).", en: "Add at least one keyword ({key})." },
    dataset: (model) => pass(model.keywords.length > 0),
  },
  {
    id: "mqa-theme",
    points: 30,
    dimension: "findability",
    level: "dataset",
    property: "themes",
    label: { fr: "Thèmes", en: "Categories" },
    advice: {
      fr: "Ajoutez au moins un thème ({key}) du vocabulaire européen data-theme, par exemple GOVE, ECON, ENVI, TRAN.",
      en: "Add at least one theme ({key}) from the EU data-theme vocabulary, e.g. GOVE, ECON, ENVI, TRAN.",
    },
    dataset: (model) => pass(model.themes.length > 0),
  },
  {
    id: "mqa-spatial",
    points: 20,
    dimension: "findability",
    level: "dataset",
    property: "spatial",
    label: { fr: "Couverture spatiale", en: "Geo search" },
    advice: { fr: "Indiquez la couverture spatiale ({key}).", en: "Declare the spatial coverage ({key})." },
    dataset: (model) => pass(model.spatial !== undefined),
  },
  {
    id: "mqa-temporal",
    points: 20,
    dimension: "findability",
    level: "dataset",
    property: "temporal",
    label: { fr: "Couverture temporelle", en: "Time-based search" },
    advice: { fr: "Indiquez la couverture temporelle ({key}).", en: "Declare the temporal coverage ({key})." },
    dataset: (model) => pass(model.temporal !== undefined),
  },
  // Accessibility (100)
  {
    id: "mqa-access-url-accessible",
    points: 50,
    dimension: "accessibility",
    level: "distribution",
    property: "accessURL",
    label: { fr: "URL d'accès joignable", en: "AccessURL accessible" },
    advice: {
      fr: "Donnez à chaque distribution une URL d'accès ({key}) qui répond (statut HTTP 2xx ou 3xx).",
      en: "Give each distribution an access URL ({key}) that answers (HTTP status 2xx or 3xx).",
    },
    distribution: (d, _model, context) => reachable(d.accessURL ?? d.downloadURL, d, context),
  },
  {
    id: "mqa-download-url",
    points: 20,
    dimension: "accessibility",
    level: "distribution",
    property: "downloadURL",
    label: { fr: "URL de téléchargement présente", en: "DownloadURL present" },
    advice: {
      fr: "Indiquez l'URL de téléchargement direct du fichier ({key}).",
      en: "Declare the direct download URL of the file ({key}).",
    },
    distribution: (d, _model, context): Verdict => {
      if (d.downloadURL !== undefined) return "pass";
      return d.path !== undefined && context.localFiles?.has(d.path) ? "local" : "fail";
    },
  },
  {
    id: "mqa-download-url-accessible",
    points: 30,
    dimension: "accessibility",
    level: "distribution",
    property: "downloadURL",
    label: { fr: "URL de téléchargement joignable", en: "DownloadURL accessible" },
    advice: {
      fr: "L'URL de téléchargement ({key}) doit répondre (statut HTTP 2xx ou 3xx).",
      en: "The download URL ({key}) must answer (HTTP status 2xx or 3xx).",
    },
    distribution: (d, _model, context) => reachable(d.downloadURL, d, context),
  },
  // Interoperability (110): the best distribution counts.
  {
    id: "mqa-format",
    points: 20,
    dimension: "interoperability",
    level: "best-distribution",
    property: "format",
    label: { fr: "Format", en: "Format" },
    advice: { fr: "Déclarez le format du fichier ({key}), par exemple CSV.", en: "Declare the file format ({key}), e.g. CSV." },
    distribution: (d) => pass(d.format !== undefined),
  },
  {
    id: "mqa-media-type",
    points: 10,
    dimension: "interoperability",
    level: "best-distribution",
    property: "mediaType",
    label: { fr: "Type de média", en: "Media type" },
    advice: { fr: "Déclarez le type de média ({key}), par exemple text/csv.", en: "Declare the media type ({key}), e.g. text/csv." },
    distribution: (d) => pass(d.mediaType !== undefined),
  },
  {
    id: "mqa-format-media-type-vocabulary",
    points: 10,
    dimension: "interoperability",
    level: "best-distribution",
    property: "format",
    label: { fr: "Format et type de média issus des vocabulaires", en: "Format and media type from vocabularies" },
    advice: {
      fr: "Utilisez un format de la table européenne file-type (CSV, JSON...) et un type de média enregistré à l'IANA (text/csv...).",
      en: "Use a format from the EU file-type table (CSV, JSON...) and an IANA-registered media type (text/csv...).",
    },
    distribution: (d) => pass(fileTypeCode(d.format) !== undefined && isIanaMediaType(d.mediaType)),
  },
  {
    id: "mqa-non-proprietary",
    points: 20,
    dimension: "interoperability",
    level: "best-distribution",
    property: "format",
    label: { fr: "Format non propriétaire", en: "Non-proprietary format" },
    advice: {
      fr: "Publiez au moins une distribution dans un format non propriétaire (CSV, JSON, ODS...) ; XLS et XLSX n'en sont pas.",
      en: "Publish at least one distribution in a non-proprietary format (CSV, JSON, ODS...); XLS and XLSX are not.",
    },
    distribution: (d) => pass(inList(NON_PROPRIETARY, d)),
  },
  {
    id: "mqa-machine-readable",
    points: 20,
    dimension: "interoperability",
    level: "best-distribution",
    property: "format",
    label: { fr: "Format lisible par machine", en: "Machine-readable format" },
    advice: {
      fr: "Publiez au moins une distribution dans un format lisible par machine (CSV, JSON, XML...) ; PDF n'en est pas un.",
      en: "Publish at least one distribution in a machine-readable format (CSV, JSON, XML...); PDF is not.",
    },
    distribution: (d) => pass(inList(MACHINE_READABLE, d)),
  },
  {
    id: "mqa-dcat-ap-compliance",
    points: 30,
    dimension: "interoperability",
    level: "dataset",
    property: "title",
    label: { fr: "Conformité DCAT-AP (approchée)", en: "DCAT-AP compliance (approximate)" },
    advice: {
      fr: "Complétez les propriétés obligatoires de DCAT-AP (titre, description, URL d'accès de chaque distribution) et prenez thèmes, droits d'accès et fréquence dans les vocabulaires européens.",
      en: "Fill in the DCAT-AP mandatory properties (title, description, access URL of each distribution) and take themes, access rights and frequency from the EU vocabularies.",
    },
    dataset: (model, context) => {
      const { problems, localOnly } = dcatApProblems(model, context);
      if (problems.length > 0) return "fail";
      return localOnly ? "local" : "pass";
    },
  },
  // Reusability (75)
  {
    id: "mqa-license",
    points: 20,
    dimension: "reusability",
    level: "distribution",
    property: "license",
    label: { fr: "Licence", en: "Licence information" },
    advice: { fr: "Indiquez la licence ({key}).", en: "Declare the licence ({key})." },
    distribution: (d, model) => {
      const licence = licenceOf(d, model);
      return pass(licence !== undefined && findLicence(licence)?.unspecified !== true);
    },
  },
  {
    id: "mqa-license-vocabulary",
    points: 10,
    dimension: "reusability",
    level: "distribution",
    property: "license",
    label: { fr: "Licence connue", en: "Known licence" },
    advice: {
      fr: "Nommez la licence par un identifiant reconnu ({key}) : etalab-2.0, ODbL-1.0, ou son URI.",
      en: "Name the licence with a known identifier ({key}): etalab-2.0, ODbL-1.0, or its URI.",
    },
    distribution: (d, model) => {
      const licence = findLicence(licenceOf(d, model));
      return pass(licence !== undefined && licence.unspecified !== true);
    },
  },
  {
    id: "mqa-access-rights",
    points: 10,
    dimension: "reusability",
    level: "dataset",
    property: "accessRights",
    label: { fr: "Droits d'accès", en: "Access restrictions" },
    advice: { fr: "Indiquez les droits d'accès ({key}), par exemple PUBLIC.", en: "Declare the access rights ({key}), e.g. PUBLIC." },
    dataset: (model) => pass(model.accessRights !== undefined),
  },
  {
    id: "mqa-access-rights-vocabulary",
    points: 5,
    dimension: "reusability",
    level: "dataset",
    property: "accessRights",
    label: { fr: "Droits d'accès issus du vocabulaire", en: "Access restrictions vocabulary" },
    advice: {
      fr: "Prenez les droits d'accès ({key}) dans le vocabulaire européen access-right : PUBLIC, RESTRICTED ou NON_PUBLIC.",
      en: "Take the access rights ({key}) from the EU access-right vocabulary: PUBLIC, RESTRICTED or NON_PUBLIC.",
    },
    dataset: (model) => pass(accessRightsCode(model.accessRights) !== undefined),
  },
  {
    id: "mqa-contact-point",
    points: 20,
    dimension: "reusability",
    level: "dataset",
    property: "contactPoints",
    label: { fr: "Point de contact", en: "Contact point" },
    advice: {
      fr: "Indiquez un point de contact ({key}) avec une adresse électronique ou une URL.",
      en: "Declare a contact point ({key}) with an email address or a URL.",
    },
    dataset: (model) => pass(model.contactPoints.some((c) => c.email !== undefined || c.url !== undefined)),
  },
  {
    id: "mqa-publisher",
    points: 10,
    dimension: "reusability",
    level: "dataset",
    property: "publisher",
    label: { fr: "Éditeur", en: "Publisher" },
    advice: { fr: "Indiquez l'organisme qui publie les données ({key}).", en: "Declare the body publishing the data ({key})." },
    dataset: (model) => pass(model.publisher !== undefined),
  },
  // Contextuality (20)
  {
    id: "mqa-rights",
    points: 5,
    dimension: "contextuality",
    level: "distribution",
    property: "rights",
    label: { fr: "Mentions de droits", en: "Rights" },
    advice: {
      fr: "Ajoutez une mention de droits ({key}), par exemple la mention d'attribution attendue.",
      en: "Add a rights statement ({key}), e.g. the expected attribution.",
    },
    distribution: (d, model) => pass((d.rights ?? model.rights) !== undefined),
  },
  {
    id: "mqa-byte-size",
    points: 5,
    dimension: "contextuality",
    level: "distribution",
    property: "byteSize",
    label: { fr: "Taille du fichier", en: "File size" },
    advice: { fr: "Indiquez la taille du fichier en octets ({key}).", en: "Declare the file size in bytes ({key})." },
    distribution: (d) => pass(d.byteSize !== undefined),
  },
  {
    id: "mqa-issued",
    points: 5,
    dimension: "contextuality",
    level: "dataset",
    property: "issued",
    label: { fr: "Date de publication", en: "Date of issue" },
    advice: { fr: "Indiquez la date de première publication ({key}), au format ISO 8601.", en: "Declare the first publication date ({key}), ISO 8601." },
    dataset: (model) => pass(isDate(model.issued)),
  },
  {
    id: "mqa-modified",
    points: 5,
    dimension: "contextuality",
    level: "dataset",
    property: "modified",
    label: { fr: "Date de modification", en: "Modification date" },
    advice: { fr: "Indiquez la date de dernière modification ({key}), au format ISO 8601.", en: "Declare the last modification date ({key}), ISO 8601." },
    dataset: (model) => pass(isDate(model.modified)),
  },
];
