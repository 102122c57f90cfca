import { scientificNotationHint } from "../messages/hints.js";
import { compactIdentifier, luhnValid } from "./french-siren-value.js";
import { columnCheck, columnOptionsSchema } from "./helpers.js";

/** SIREN of La Poste, whose establishments' SIRET carry no Luhn key. */
const LA_POSTE_SIREN = "356000000";
/** La Poste's head office, the one SIRET of that SIREN numbered with the Luhn key. */
const LA_POSTE_HEAD_OFFICE = "35600000000048";

function digitSum(digits: string): number {
  let sum = 0;
  for (const c of digits) sum += c.charCodeAt(0) - 48;
  return sum;
}

/**
 * Whether `value` is a well-formed SIRET: 14 digits, a valid SIREN in front and a Luhn key over the
 * 14 digits. La Poste's establishments (SIREN 356000000), its head office aside, are numbered
 * without the Luhn key: the sum of their digits must be a multiple of 5 instead, and that rule
 * alone decides, a Luhn-valid number failing it being invalid (INSEE rule, as python-stdnum
 * `fr.siret` validates it, which Validata uses).
 */
export function isValidSiret(value: string): boolean {
  const compact = compactIdentifier(value);
  if (!/^\d{14}$/.test(compact) || !luhnValid(compact.slice(0, 9))) return false;
  if (compact.startsWith(LA_POSTE_SIREN) && compact !== LA_POSTE_HEAD_OFFICE) return digitSum(compact) % 5 === 0;
  return luhnValid(compact);
}

export const frenchSiretValue = columnCheck({
  id: "french-siret-value",
  aliases: ["siret"],
  meta: {
    title: {
      fr: "Numéro SIRET",
      en: "SIRET number",
    },
    fix: {
      fr: "Saisissez les 14 chiffres du SIRET sans espace ; la clé de Luhn doit être juste (vérifiable sur annuaire-entreprises.data.gouv.fr).",
      en: "Enter the 14 digits of the SIRET without spaces; the Luhn check digit must be right.",
    },
    category: "custom",
    description: {
      fr: "Vérifie que la valeur est un numéro SIRET valide (14 chiffres, clé de Luhn, exception de La Poste).",
      en: "Checks that the value is a valid SIRET number (14 digits, Luhn key, La Poste exception).",
    },
    severity: "error",
    messages: {
      length: {
        fr: "Numéro SIRET invalide : la colonne {column} doit contenir 14 chiffres (9 du SIREN et 5 du NIC).",
        en: "Invalid SIRET number: column {column} must hold 14 digits (9 for the SIREN, 5 for the NIC).",
      },
      checksum: {
        fr: "Numéro SIRET invalide : la clé de contrôle (Luhn) du numéro de la colonne {column} est fausse.",
        en: "Invalid SIRET number: the check digit (Luhn) of the number in column {column} is wrong.",
      },
    },
    options: columnOptionsSchema(),
  },
  compile: () => (raw) => {
    if (!/^\d{14}$/.test(compactIdentifier(raw))) {
      // A SIRET column saved by Excel as numbers: say why the digits are missing.
      const hint = scientificNotationHint(raw);
      return hint ? { messageId: "length", data: { hint } } : { messageId: "length" };
    }
    return isValidSiret(raw) ? undefined : { messageId: "checksum" };
  },
});
