import { FIRST_NAMES } from "../first-names.js";
import { fold, hints } from "../normalize.js";
import type { Detector, ValueMatch } from "../types.js";

const CIVILITY = /^(?:m\.|mr\.?|mme\.?|mlle\.?|monsieur|madame|mademoiselle|docteur|dr\.?|me|maitre)\s+/i;

/**
 * Words that make a value an organisation, a building, a place or a thing rather than a person
 * (legal forms, equipment types, street types): "Gymnase Jean Jaurès"
 * in a `nom` column is a building.
 */
const NOT_A_PERSON = new Set(
  `sarl sas sasu sa eurl sci snc scop scp selarl gie eirl association asso amicale club comite federation
  union syndicat societe ets etablissements entreprise groupe cabinet agence fondation cooperative
  commune ville mairie communaute departement region conseil centre service services direction ccas
  gymnase ecole college lycee salle stade piscine mediatheque bibliotheque musee theatre cinema eglise
  chapelle cimetiere parc jardin square place rue avenue boulevard chemin impasse allee quai route
  parking creche halte garderie maison foyer residence ehpad hopital clinique pharmacie poste gare
  marche halle hotel restaurant cafe bar boulangerie boucherie garage camping terrain court complexe
  espace pole plateau base aire skatepark boulodrome dojo tennis football rugby judo piscine patinoire
  plage port pont tour chateau abbaye fontaine lavoir moulin ferme domaine bois foret lac etang
  riviere quartier zone lotissement hameau saint sainte sur sous les lez aux du des la le et
  collecte conteneur borne toilettes sanitaires wc defibrillateur dae abri arret station relais point
  office bureau agence atelier laboratoire institut universite academie conservatoire`
    .split(/\s+/)
    .filter(Boolean),
);

const NAME_TOKEN = /^(?:[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+|[A-ZÀ-ÖØ-Þ]{2,})(?:[-'’][A-ZÀ-ÖØ-Þ]?[a-zß-öø-ÿA-ZÀ-ÖØ-Þ]+)*$/;
const PARTICLE = /^(?:de|du|des|d'|le|la|van|von|di|da|ben|el|ep\.?|née|nee|épouse)$/i;

function parts(token: string): string[] {
  return fold(token).split(/[-'’]/).filter(Boolean);
}

export function testPersonName(value: string): ValueMatch | null {
  if (value.length > 80) return null;
  let v = value.trim().replace(/\s+/g, " ");
  if (v.length < 2 || v.length > 60 || /[\d@/;:()]/.test(v)) return null;
  let civility = false;
  if (CIVILITY.test(v)) {
    civility = true;
    v = v.replace(CIVILITY, "");
  }
  const tokens = v.split(" ").filter((t) => !PARTICLE.test(t));
  if (tokens.length === 0 || tokens.length > 5) return null;
  let firstName = false;
  let initial = false;
  for (const token of tokens) {
    if (/^[A-ZÀ-ÖØ-Þ]\.(?:-[A-ZÀ-ÖØ-Þ]\.)?$/.test(token)) {
      initial = true; // "J. DUPONT", "J.-P. Martin"
      continue;
    }
    const clean = token.replace(/[,.]$/, "");
    if (!NAME_TOKEN.test(clean)) return null;
    const ps = parts(clean);
    if (ps.some((p) => NOT_A_PERSON.has(p))) return null;
    if (ps.some((p) => FIRST_NAMES.has(p))) firstName = true;
  }
  if (civility) return { personal: 1 };
  if (firstName && tokens.length >= 2) return { personal: 0.9 };
  if (firstName) return { personal: 0.75 };
  if (initial && tokens.length >= 2) return { personal: 0.8 };
  if (initial) return null;
  return { personal: 0.3 };
}

export const personName: Detector = {
  kind: "person-name",
  label: { fr: "noms de personnes physiques", en: "names of natural persons" },
  severity: "warning",
  legal: ["RGPD art. 4(1)", "CRPA L312-1-2"],
  test: testPersonName,
  headerHints: hints(
    "nom:0.6",
    "prenom",
    "prenoms",
    "nom prenom",
    "prenom nom",
    "nom usage",
    "nom naissance",
    "nom de famille",
    "patronyme",
    "identite:0.8",
    "beneficiaire:0.8",
    "titulaire:0.8",
    "demandeur:0.8",
    "petitionnaire:0.9",
    "declarant:0.8",
    "representant:0.7",
    "president:0.6",
    "responsable:0.5",
    "agent:0.6",
    "elu:0.8",
    "signataire:0.8",
    "defunt",
    "proprietaire:0.8",
    "locataire:0.9",
    "enfant:0.7",
    "parent:0.7",
    "contact:0.4",
    "referent:0.6",
    "auteur:0.5",
    "interlocuteur:0.7",
    "porteur:0.7",
  ),
  negativeHeaderHints: [
    "commune",
    "ville",
    "rue",
    "voie",
    "lieu",
    "equipement",
    "etablissement",
    "structure",
    "organisme",
    "entreprise",
    "societe",
    "raison sociale",
    "association",
    "service",
    "salle",
    "site",
    "quartier",
    "batiment",
    "ecole",
    "fichier",
    "commune naissance",
    "arret",
    "station",
    "gare",
    "ligne",
    "parking",
    "borne",
    "installation",
    "ouvrage",
  ],
  threshold: 0.7,
  minPersonal: 0.55,
  personContextBoost: 0.3,
  freeText: {
    prefilter: /\b(?:M\.|Mr|Mme|Mlle|Monsieur|Madame|Mademoiselle|Docteur|Dr|Ma[iî]tre|Me)\s/,
    pattern:
      /\b(?:M\.|Mr\.?|Mme|Mlle|Monsieur|Madame|Mademoiselle|Docteur|Dr\.?|Ma[iî]tre|Me)\s+(?:[A-ZÀ-ÖØ-Þ][\p{L}'’-]+)(?:\s+(?:(?:de|du|d'|le|la)\s+)?[A-ZÀ-ÖØ-Þ][\p{L}'’-]+){0,2}/gu,
    accept: (m, text) => {
      const rest = m[0].replace(/^\S+\s+/, "");
      const first = parts(rest.split(/\s+/)[0] ?? "");
      // "Madame Maire", "M. Préfet": a function, not a name.
      if (first.some((p) => NOT_A_PERSON.has(p) || FUNCTION_WORDS.has(p))) return 0;
      return namesAPlace(text.slice(Math.max(0, m.index - 40), m.index)) ? 0 : 1;
    },
  },
  examples: {
    match: ["Jean Dupont", "DUPONT Marie", "J. DUPONT", "M. Martin", "Mme Sophie Bernard", "Jean-Pierre Lefèvre", "Camille", "Lefebvre"],
    noMatch: ["Gymnase Jean Jaurès", "École Jules Ferry", "Saint-Martin-d'Hères", "SARL Dupont", "12 rue de la Paix", "Piscine municipale", "n/a"],
  },
};

/**
 * Street, building and equipment types that a titled name completes: "rue du Docteur Roux",
 * "école Me Dupont", "salle des fêtes M. Jacques Brel" name places after a person, they do not
 * speak of one (a public figure in a street or building name is not personal data). Abbreviations as the BAL and Opendatasoft exports write them (`bd`, `av`, `imp`).
 */
const PLACE_WORDS = new Set(
  `rue avenue av boulevard bd bld chemin ch impasse imp allee place pl quai cours square route rte voie passage
  sentier cite faubourg fbg esplanade promenade parvis traverse ruelle venelle villa
  residence lotissement hameau parc ecole college lycee groupe scolaire creche gymnase salle
  stade piscine mediatheque bibliotheque musee theatre centre foyer halle complexe dojo boulodrome
  parking station arret gare hopital clinique ehpad institut fondation association amicale club
  comite union chorale`
    .split(/\s+/)
    .filter(Boolean),
);
/** Words between a place type and the title: particles and qualifiers ("élémentaire", "des fêtes"). */
const PLACE_FILLERS = new Set(
  "du de des la le l d aux au elementaire maternelle primaire municipal municipale municipaux sportif sportive commercial social culturel fetes quartier".split(" "),
);

/**
 * A title-case phrase ending in "de"/"du"/"des" just before the civility: "Les Compagnons de
 * Maître Jacques", "Amis du Docteur Schweitzer" name an organisation after someone. The phrase
 * must follow a word, not start the cell or a sentence, where a capital is only the sentence's
 * ("Demande de M. Martin", "Objet : Signalement de Mme Durand").
 */
const NAMESAKE = /\p{L}\s+[A-ZÀ-ÖØ-Þ][\p{L}'’-]*\s+(?:de|du|des)\s+$/u;

/** True when the text just before a civility ends with a place type (possibly with fillers) or a namesake phrase. */
function namesAPlace(before: string): boolean {
  if (NAMESAKE.test(before)) return true;
  const words = fold(before)
    .split(/[^a-z]+/)
    .filter(Boolean);
  // A bare "de" is possession, not a name: "la maison de M. Dupont", "le parc de Mme Martin".
  const last = words[words.length - 1];
  if (last === "de" || last === "d") return false;
  for (let i = words.length - 1, seen = 0; i >= 0 && seen < 3; i--, seen++) {
    const w = words[i]!;
    if (PLACE_WORDS.has(w)) return true;
    if (!PLACE_FILLERS.has(w)) return false;
  }
  return false;
}

/** Titles that follow a civility without naming a person ("Monsieur le Maire" is caught by case). */
const FUNCTION_WORDS = new Set("maire adjoint adjointe prefet prefete president presidente directeur directrice conseiller conseillere depute senateur".split(" "));
