import { frequencyDelta, normaliseFrequency } from "./vocabularies/frequencies.js";
import { isDate, pass, reachable, type Criterion, type Verdict } from "./criterion.js";

/**
 * data.gouv.fr quality score, as udata computes it (`Dataset.compute_quality`,
 * `udata/core/dataset/models.py`, PR #2746 and later): nine criteria of one point each, the
 * score being the share of criteria met.
 */

/** `QUALITY_DESCRIPTION_LENGTH` in `udata/settings.py`. */
export const QUALITY_DESCRIPTION_LENGTH = 100;

/** `CLOSED_FORMATS` in `udata/core/dataset/constants.py` (xlsx and docx added by PR #2814). */
export const CLOSED_FORMATS: readonly string[] = ["pdf", "doc", "docx", "word", "xls", "excel", "xlsx"];

const DAY = 24 * 3600 * 1000;

export const DATAGOUV_CRITERIA: readonly Criterion[] = [
  {
    id: "datagouv-license",
    points: 1,
    level: "dataset",
    property: "license",
    label: { fr: "Licence renseignée", en: "Licence set" },
    advice: {
      fr: "Indiquez une licence ({key}), de préférence la Licence Ouverte 2.0 (etalab-2.0) ou l'ODbL.",
      en: "Set a licence ({key}), preferably Licence Ouverte 2.0 (etalab-2.0) or ODbL.",
    },
    // udata tests the licence for truthiness: even "notspecified" counts.
    dataset: (model) => pass(model.license !== undefined),
  },
  {
    id: "datagouv-temporal-coverage",
    points: 1,
    level: "dataset",
    property: "temporal",
    label: { fr: "Couverture temporelle renseignée", en: "Temporal coverage set" },
    advice: {
      fr: "Indiquez la période couverte par les données ({key} avec start et end, dates ISO 8601).",
      en: "Declare the period the data covers ({key} with start and end, ISO 8601 dates).",
    },
    dataset: (model) => pass(model.temporal !== undefined),
  },
  {
    id: "datagouv-spatial",
    points: 1,
    level: "dataset",
    property: "spatial",
    label: { fr: "Couverture spatiale renseignée", en: "Spatial coverage set" },
    advice: {
      fr: "Indiquez la zone couverte ({key}) : codes INSEE des communes ou départements, ou « fr ».",
      en: 'Declare the area covered ({key}): INSEE commune or department codes, or "fr".',
    },
    dataset: (model) => pass(model.spatial !== undefined),
  },
  {
    id: "datagouv-update-frequency",
    points: 1,
    level: "dataset",
    property: "accrualPeriodicity",
    label: { fr: "Fréquence de mise à jour renseignée", en: "Update frequency set" },
    advice: {
      fr: "Indiquez la fréquence de mise à jour ({key}), par exemple annual, monthly, daily ou punctual, et non unknown.",
      en: "Declare the update frequency ({key}), e.g. annual, monthly, daily or punctual, not unknown.",
    },
    dataset: (model) => {
      const frequency = normaliseFrequency(model.accrualPeriodicity);
      return pass(frequency !== undefined && frequency !== "unknown");
    },
  },
  {
    id: "datagouv-update-fulfilled-in-time",
    points: 1,
    level: "dataset",
    property: "modified",
    label: { fr: "Mise à jour à temps", en: "Updated in time" },
    advice: {
      fr: "La dernière mise à jour ({key}) plus la fréquence déclarée est dépassée de plus d'un jour : mettez les données à jour, ou corrigez la date ou la fréquence.",
      en: "The last update ({key}) plus the declared frequency is more than one day past: update the data, or fix the date or the frequency.",
    },
    dataset: (model, context) => {
      const frequency = normaliseFrequency(model.accrualPeriodicity);
      // udata leaves the key out without a frequency: the criterion then earns nothing.
      if (frequency === undefined || frequency === "unknown") return "fail";
      const delta = frequencyDelta(frequency);
      if (delta === null) return "pass";
      const last = model.modified ?? model.issued;
      if (!isDate(last) || delta === undefined) return "fail";
      return pass(Date.parse(last!) + delta >= context.now.getTime() - DAY);
    },
  },
  {
    id: "datagouv-description-quality",
    points: 1,
    level: "dataset",
    property: "description",
    label: { fr: "Description détaillée", en: "Detailed description" },
    advice: {
      fr: `Rédigez une description ({key}) de plus de ${QUALITY_DESCRIPTION_LENGTH} caractères : contenu, producteur, méthode de collecte, limites.`,
      en: `Write a description ({key}) longer than ${QUALITY_DESCRIPTION_LENGTH} characters: content, producer, collection method, limits.`,
    },
    // Python's len() counts code points, as the spread does.
    dataset: (model) => pass([...(model.description ?? "")].length > QUALITY_DESCRIPTION_LENGTH),
  },
  {
    id: "datagouv-has-open-format",
    points: 1,
    level: "dataset",
    property: "distributions",
    label: { fr: "Au moins un format ouvert", en: "At least one open format" },
    advice: {
      fr: "Publiez au moins une ressource dans un format ouvert (CSV, JSON, GeoJSON...) et déclarez son format ({key}) ; PDF, DOC(X), XLS(X) ne comptent pas.",
      en: "Publish at least one resource in an open format (CSV, JSON, GeoJSON...) and declare its format ({key}); PDF, DOC(X), XLS(X) do not count.",
    },
    dataset: (model) => pass(model.distributions.some((d) => d.format !== undefined && !CLOSED_FORMATS.includes(d.format.trim().toLowerCase()))),
  },
  {
    id: "datagouv-all-resources-available",
    points: 1,
    level: "dataset",
    property: "distributions",
    label: { fr: "Toutes les ressources disponibles", en: "All resources available" },
    advice: {
      fr: "Certaines ressources ne répondent pas ({key}) : corrigez leur URL ou retirez-les.",
      en: "Some resources do not answer ({key}): fix their URL or remove them.",
    },
    dataset: (model, context) => {
      if (model.distributions.length === 0) return "fail";
      const verdicts: Verdict[] = model.distributions.map((d) => {
        // Files hosted by the portal are not checked by udata; only remote resources are.
        if (model.source === "datagouv" && !d.remote && !context.urlChecks?.has(d.accessURL ?? "")) return "pass";
        return reachable(d.accessURL ?? d.downloadURL, d, context);
      });
      for (const verdict of ["fail", "provisional", "local"] as const) if (verdicts.includes(verdict)) return verdict;
      return "pass";
    },
  },
  {
    id: "datagouv-resources-documentation",
    points: 1,
    level: "dataset",
    property: "distributions",
    label: { fr: "Ressources documentées", en: "Resources documented" },
    advice: {
      fr: "Ajoutez une ressource de documentation (type documentation) ou une description à au moins une ressource.",
      en: "Add a documentation resource (type documentation) or a description to at least one resource.",
    },
    dataset: (model) => pass(model.distributions.some((d) => d.type === "documentation" || (d.description ?? "") !== "")),
  },
];
