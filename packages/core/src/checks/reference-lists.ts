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
  title: MessageTemplate;
  fix: MessageTemplate;
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
      title: list.title,
      fix: list.fix,
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
  title: {
    fr: "Code commune INSEE",
    en: "INSEE commune code",
  },
  fix: {
    fr: "Écrivez le code INSEE de la commune sur 5 caractères, zéro initial compris (01004, 2A004), et non son code postal.",
    en: "Write the commune's INSEE code on 5 characters, leading zero included (01004, 2A004), not its postal code.",
  },
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
  title: {
    fr: "Code de département",
    en: "Department code",
  },
  fix: {
    fr: "Écrivez le code officiel du département sur 2 ou 3 caractères, zéro initial compris (01, 2A, 971).",
    en: "Write the department's official code on 2 or 3 characters, leading zero included (01, 2A, 971).",
  },
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
  title: {
    fr: "Code pays ISO 3166-1 alpha-2",
    en: "ISO 3166-1 alpha-2 country code",
  },
  fix: {
    fr: "Écrivez le code du pays en deux lettres majuscules (FR, BE, DE).",
    en: "Write the country code as two capital letters (FR, BE, DE).",
  },
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
  title: {
    fr: "Code pays ISO 3166-1 alpha-3",
    en: "ISO 3166-1 alpha-3 country code",
  },
  fix: {
    fr: "Écrivez le code du pays en trois lettres majuscules (FRA, BEL, DEU).",
    en: "Write the country code as three capital letters (FRA, BEL, DEU).",
  },
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
  title: {
    fr: "Code postal",
    en: "Postal code",
  },
  fix: {
    fr: "Écrivez un code postal en usage sur 5 chiffres, zéro initial compris (01000), et non le code INSEE de la commune.",
    en: "Write a postal code in use on 5 digits, leading zero included (01000), not the commune's INSEE code.",
  },
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
  title: {
    fr: "Code de région",
    en: "Region code",
  },
  fix: {
    fr: "Écrivez le code officiel de la région sur 2 chiffres (11 pour l'Île-de-France), et non un ancien code d'avant 2016.",
    en: "Write the region's official code on 2 digits (11 for Île-de-France), not a code from before 2016.",
  },
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
  title: {
    fr: "Nom de commune",
    en: "Commune name",
  },
  fix: {
    fr: "Écrivez le nom officiel de la commune, avec ses majuscules, accents et traits d'union.",
    en: "Write the commune's official name, with its capitals, accents and hyphens.",
  },
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
  title: {
    fr: "Nom de département",
    en: "Department name",
  },
  fix: {
    fr: "Écrivez le nom officiel du département, avec ses majuscules, accents et traits d'union.",
    en: "Write the department's official name, with its capitals, accents and hyphens.",
  },
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
  title: {
    fr: "Nom de région",
    en: "Region name",
  },
  fix: {
    fr: "Écrivez le nom officiel de la région, avec ses majuscules, accents et traits d'union.",
    en: "Write the region's official name, with its capitals, accents and hyphens.",
  },
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
