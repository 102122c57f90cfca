import { hints } from "../normalize.js";
import type { Detector, ValueMatch } from "../types.js";

/** Street-type keywords (restated from csv-detective's `adresse` list). */
const VOIE =
  "rue|avenue|av\\.?|boulevard|bd|chemin|ch\\.?|impasse|imp\\.?|all[ée]e|place|pl\\.?|route|rte|quai|cours|square|r[ée]sidence|lotissement|lot\\.?|hameau|voie|passage|sentier|cit[ée]|faubourg|fbg|rond-point|esplanade|promenade|parvis|clos|mont[ée]e|ruelle|villa|domaine|mail|traverse|chauss[ée]e|lieu-dit|venelle|sq|bis rue|ter rue";

const STREET = new RegExp(`^\\s*\\d{1,4}\\s*(?:bis|ter|quater|[a-d])?\\s*,?\\s+(?:${VOIE})\\b`, "i");
const LIEU_DIT = /^\s*(?:lieu[- ]dit|ld)\s+\S/i;

export function testAddress(value: string): ValueMatch | null {
  const v = value.trim();
  if (v.length > 150) return null;
  if (STREET.test(v)) return { personal: 0.5 };
  if (LIEU_DIT.test(v)) return { personal: 0.4 };
  return null;
}

export const address: Detector = {
  kind: "address",
  label: { fr: "adresses de particuliers", en: "home addresses of individuals" },
  severity: "warning",
  legal: ["RGPD art. 4(1)", "CRPA L312-1-2", "CRPA L311-6"],
  test: testAddress,
  headerHints: hints(
    "adresse:0.5",
    "adresse postale:0.5",
    "adr:0.4",
    "voie:0.3",
    "domicile",
    "adresse domicile",
    "adresse personnelle",
    "adresse demandeur:0.9",
    "adresse beneficiaire:0.9",
    "adresse proprietaire:0.9",
    "adresse du demandeur:0.9",
    "residence:0.5",
  ),
  negativeHeaderHints: [
    "terrain",
    "chantier",
    "travaux",
    "site",
    "equipement",
    "etablissement",
    "siege",
    "lieu",
    "evenement",
    "manifestation",
    "batiment",
    "structure",
    "mairie",
    "service",
    "ip",
    "mail",
    "email",
    "electronique",
  ],
  threshold: 0.6,
  minPersonal: 0.75,
  personContextBoost: 0.4,
  needsPersonContext: true,
  freeText: {
    prefilter: /omicili|emeurant|[ée]sidant|abitant/, // case-sensitive tails: much faster than /i on prose
    pattern: new RegExp(`(?:domicili[ée]e?s?|demeurant|r[ée]sidant|habitant)\\s+(?:au|à|a|,)?\\s*\\d{1,4}\\s*(?:bis|ter)?,?\\s+(?:${VOIE})\\s+[^,;.\\n]{2,40}`, "gi"),
    accept: () => 1,
  },
  examples: {
    match: ["12 rue des Lilas", "3 bis avenue Jean Jaurès", "145, chemin des Vignes", "Lieu-dit Les Granges"],
    noMatch: ["rue des Lilas", "Mairie", "75001 Paris", "Gymnase", "12/03/2020"],
  },
};
