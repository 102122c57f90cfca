import { FIRST_NAMES } from "../first-names.js";
import { hints } from "../normalize.js";
import type { Detector, ValueMatch } from "../types.js";

const EMAIL = /^[a-z0-9._%+'-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,24}$/i;

/**
 * Local parts of role mailboxes: services, not persons (a generic address such as
 * contact@ names no one). A local
 * part is a role when one of its words is here (`ecole.jules-ferry`, `mairie-de-x`).
 */
const ROLE_WORDS = new Set(
  `accueil contact contacts mairie info infos information secretariat secretaire etat civil etatcivil
  urbanisme compta comptabilite facture factures facturation noreply no reply ne pas repondre dgs
  cabinet communication direction service services rh technique techniques ccas enfance jeunesse
  scolaire periscolaire culture sport sports bibliotheque mediatheque police municipale marches
  webmaster admin administration support elections cimetiere population social environnement travaux
  tourisme office ot creche ecole college lycee association asso bureau president presidente tresorier
  presse rgpd dpo courrier courriers standard reception location reservation reservations salle
  salles accueil-mairie maire cantine restauration finances juridique archives piscine stade gymnase
  musee conservatoire camping centre multi foyer residence ehpad crematorium assainissement eau
  dechets voirie espaces verts agenda evenements fetes animation club amicale comite union syndicat
  federation ligue collectif groupe equipe team hello bonjour mail courriel email abonnement newsletter
  commandes ventes commercial boutique magasin atelier cabinet-medical`
    .split(/\s+/)
    .filter(Boolean),
);

/** UAI (ex-RNE) code of a school as the académies build their mailboxes: `ce.0211234a`. */
const UAI = /(?:^|[._-])\d{7}[a-z](?:$|[._-])/;

/** Consumer mailbox providers: an address there belongs to a private person. */
const FREE_MAIL = new Set(
  `gmail.com googlemail.com hotmail.fr hotmail.com outlook.fr outlook.com live.fr live.com msn.com
  yahoo.fr yahoo.com ymail.com orange.fr wanadoo.fr free.fr sfr.fr neuf.fr laposte.net aol.com
  aol.fr icloud.com me.com club-internet.fr numericable.fr bbox.fr protonmail.com proton.me gmx.fr
  gmx.com netcourrier.com`
    .split(/\s+/)
    .filter(Boolean),
);

export function testEmail(value: string): ValueMatch | null {
  const v = value.trim().toLowerCase();
  if (!EMAIL.test(v)) return null;
  const at = v.indexOf("@");
  const local = v.slice(0, at);
  const domain = v.slice(at + 1);
  // `ce.0211234a@ac-dijon.fr`: the mailbox of a school or college, named after its UAI code.
  if (UAI.test(local)) return { personal: 0, key: v };
  const words = local.split(/[._+'-]+|\d+/).filter(Boolean);
  if (words.some((w) => ROLE_WORDS.has(w))) return { personal: 0, key: v };
  if (FREE_MAIL.has(domain)) return { personal: 1, key: v };
  // prenom.nom@, p.nom@, prenom@ at an organisation's domain: a nominative address. Two plain
  // words without a first name or an initial (`gs.general-de-gaulle@`, `mdq.allende@`) are as
  // likely a service named after a place: left undecided.
  if (words.some((w) => FIRST_NAMES.has(w)) || (words.length === 2 && words[0]!.length === 1)) {
    return { personal: 0.9, key: v };
  }
  // Anything else at an organisation's domain (`maintenance@`, `dae@`, `sav@`) is more often a
  // service than a person: weak evidence, so a column of such addresses alone is not flagged.
  return { personal: 0.3, key: v };
}

export const email: Detector = {
  kind: "email",
  label: { fr: "adresses électroniques personnelles", en: "personal e-mail addresses" },
  severity: "warning",
  legal: ["RGPD art. 4(1)", "CRPA L312-1-2"],
  test: testEmail,
  headerHints: hints("email", "e mail", "mail", "courriel", "adresse mail", "adresse electronique", "mel"),
  threshold: 0.7,
  strongShare: 0.1,
  minPersonal: 0.55,
  freeText: {
    prefilter: /@/,
    pattern: /[a-z0-9._%+'-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,24}/gi,
    accept: (m) => testEmail(m[0])?.personal ?? 0,
  },
  examples: {
    match: ["jean.dupont@gmail.com", "m.martin@ville-exemple.fr", "sophie.bernard@orange.fr", "jdupont75@free.fr"],
    noMatch: ["ce.0211234a@ac-dijon.fr", "mairie@ville-exemple.fr", "contact@asso.fr", "accueil.mairie@commune.fr", "ecole.jules-ferry@ville.fr", "pas une adresse", "jean@"],
  },
};
