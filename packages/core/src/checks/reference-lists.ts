import type { MessageTemplate } from "../check.js";
import { columnCheck, columnOptionsSchema } from "./helpers.js";
import { cogSets, countryCodeSets, loadCog, loadCountryCodes, loadPostalCodes, postalCodeSet } from "./reference-data.js";

/**
 * One entry of the table below: a check that the value of a column belongs to a reference list (a
 * code or an official name, compared exactly as written, case and accents included). The lists are
 * imported lazily by `load` (reference-data.ts), so a file using none of these checks never pays
 * for them. Each entry keeps its own id, description and `unknown` message: ids are public API.
 */
interface ReferenceList {
  id: string;
  description: MessageTemplate;
  /** Message of a value absent from the list (messageId `unknown`, public API). */
  unknown: MessageTemplate;
  load(): Promise<unknown>;
  /** The loaded list; called once per check instance, after `load`. */
  known(): ReadonlySet<string>;
}

function referenceListCheck(list: ReferenceList) {
  return columnCheck({
    id: list.id,
    meta: {
      category: "french",
      description: list.description,
      severity: "error",
      messages: { unknown: list.unknown },
      options: columnOptionsSchema(),
    },
    prepare: async () => {
      await list.load();
    },
    compile: () => {
      const known = list.known();
      return (raw) => (known.has(raw) ? undefined : { messageId: "unknown" });
    },
  });
}

export const codeCommuneInsee = referenceListCheck({
  id: "code-commune-insee",
  description: {
    fr: "Vérifie que la valeur est un code commune INSEE du Code officiel géographique (5 caractères, par exemple 75056 ou 2A004).",
    en: "Checks that the value is an INSEE commune code of the Code officiel géographique (5 characters, e.g. 75056 or 2A004).",
  },
  unknown: {
    fr: "La valeur de la colonne {column} n'est pas un code commune INSEE connu du Code officiel géographique.",
    en: "The value of column {column} is not an INSEE commune code known to the Code officiel géographique.",
  },
  load: loadCog,
  known: () => cogSets().communeCodes,
});

export const codeDepartement = referenceListCheck({
  id: "code-departement",
  description: {
    fr: "Vérifie que la valeur est un code de département du Code officiel géographique (01 à 95, 2A, 2B, 971 à 976).",
    en: "Checks that the value is a department code of the Code officiel géographique (01 to 95, 2A, 2B, 971 to 976).",
  },
  unknown: {
    fr: "La valeur de la colonne {column} n'est pas un code de département du Code officiel géographique.",
    en: "The value of column {column} is not a department code of the Code officiel géographique.",
  },
  load: loadCog,
  known: () => cogSets().departementCodes,
});

export const codePaysIso2 = referenceListCheck({
  id: "code-pays-iso2",
  description: {
    fr: "Vérifie que la valeur est un code pays ISO 3166-1 alpha-2 (deux lettres majuscules, par exemple FR).",
    en: "Checks that the value is an ISO 3166-1 alpha-2 country code (two capital letters, e.g. FR).",
  },
  unknown: {
    fr: "La valeur de la colonne {column} n'est pas un code pays ISO 3166-1 alpha-2.",
    en: "The value of column {column} is not an ISO 3166-1 alpha-2 country code.",
  },
  load: loadCountryCodes,
  known: () => countryCodeSets().alpha2,
});

export const codePaysIso3 = referenceListCheck({
  id: "code-pays-iso3",
  description: {
    fr: "Vérifie que la valeur est un code pays ISO 3166-1 alpha-3 (trois lettres majuscules, par exemple FRA).",
    en: "Checks that the value is an ISO 3166-1 alpha-3 country code (three capital letters, e.g. FRA).",
  },
  unknown: {
    fr: "La valeur de la colonne {column} n'est pas un code pays ISO 3166-1 alpha-3.",
    en: "The value of column {column} is not an ISO 3166-1 alpha-3 country code.",
  },
  load: loadCountryCodes,
  known: () => countryCodeSets().alpha3,
});

export const codePostal = referenceListCheck({
  id: "code-postal",
  description: {
    fr: "Vérifie que la valeur est un code postal en usage (base officielle des codes postaux de La Poste).",
    en: "Checks that the value is a postal code in use (La Poste's official base of postal codes).",
  },
  unknown: {
    fr: "La valeur de la colonne {column} n'est pas un code postal en usage.",
    en: "The value of column {column} is not a postal code in use.",
  },
  load: loadPostalCodes,
  known: () => postalCodeSet(),
});

export const codeRegion = referenceListCheck({
  id: "code-region",
  description: {
    fr: "Vérifie que la valeur est un code de région du Code officiel géographique (par exemple 11 pour l'Île-de-France).",
    en: "Checks that the value is a region code of the Code officiel géographique (e.g. 11 for Île-de-France).",
  },
  unknown: {
    fr: "La valeur de la colonne {column} n'est pas un code de région du Code officiel géographique.",
    en: "The value of column {column} is not a region code of the Code officiel géographique.",
  },
  load: loadCog,
  known: () => cogSets().regionCodes,
});

export const commune = referenceListCheck({
  id: "commune",
  description: {
    fr: "Vérifie que la valeur est le nom officiel d'une commune du Code officiel géographique (avec majuscules et accents).",
    en: "Checks that the value is the official name of a commune of the Code officiel géographique (with capitals and accents).",
  },
  unknown: {
    fr: "La valeur de la colonne {column} n'est pas un nom de commune du Code officiel géographique.",
    en: "The value of column {column} is not a commune name of the Code officiel géographique.",
  },
  load: loadCog,
  known: () => cogSets().communeNames,
});

export const departement = referenceListCheck({
  id: "departement",
  description: {
    fr: "Vérifie que la valeur est le nom officiel d'un département du Code officiel géographique.",
    en: "Checks that the value is the official name of a department of the Code officiel géographique.",
  },
  unknown: {
    fr: "La valeur de la colonne {column} n'est pas un nom de département du Code officiel géographique.",
    en: "The value of column {column} is not a department name of the Code officiel géographique.",
  },
  load: loadCog,
  known: () => cogSets().departementNames,
});

export const region = referenceListCheck({
  id: "region",
  description: {
    fr: "Vérifie que la valeur est le nom officiel d'une région du Code officiel géographique.",
    en: "Checks that the value is the official name of a region of the Code officiel géographique.",
  },
  unknown: {
    fr: "La valeur de la colonne {column} n'est pas un nom de région du Code officiel géographique.",
    en: "The value of column {column} is not a region name of the Code officiel géographique.",
  },
  load: loadCog,
  known: () => cogSets().regionNames,
});
