import { scientificNotationHint } from "../messages/hints.js";
import { columnCheck, columnOptionsSchema } from "./helpers.js";

/** Removes the separators python-stdnum's `compact` drops (spaces and dots), as Validata validates with it. */
export function compactIdentifier(value: string): string {
  return value.replace(/[ .]/g, "");
}

/** Luhn checksum over a string of digits (ISO/IEC 7812-1, used by INSEE for SIREN and SIRET). */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Whether `value` is a well-formed SIREN: 9 digits with a valid Luhn key. Attribution is not checked. */
export function isValidSiren(value: string): boolean {
  const compact = compactIdentifier(value);
  return /^\d{9}$/.test(compact) && luhnValid(compact);
}

export const frenchSirenValue = columnCheck({
  id: "french-siren-value",
  aliases: ["siren"],
  meta: {
    title: {
      fr: "Numéro SIREN",
      en: "SIREN number",
    },
    fix: {
      fr: "Saisissez les 9 chiffres du SIREN sans espace ; la clé de Luhn doit être juste (vérifiable sur annuaire-entreprises.data.gouv.fr).",
      en: "Enter the 9 digits of the SIREN without spaces; the Luhn check digit must be right.",
    },
    category: "custom",
    description: {
      fr: "Vérifie que la valeur est un numéro SIREN valide (9 chiffres, clé de Luhn).",
      en: "Checks that the value is a valid SIREN number (9 digits, Luhn key).",
    },
    severity: "error",
    messages: {
      length: {
        fr: "Numéro SIREN invalide : la colonne {column} doit contenir 9 chiffres.",
        en: "Invalid SIREN number: column {column} must hold 9 digits.",
      },
      checksum: {
        fr: "Numéro SIREN invalide : la clé de contrôle (Luhn) du numéro de la colonne {column} est fausse.",
        en: "Invalid SIREN number: the check digit (Luhn) of the number in column {column} is wrong.",
      },
    },
    options: columnOptionsSchema(),
  },
  compile: () => (raw) => {
    const compact = compactIdentifier(raw);
    if (!/^\d{9}$/.test(compact)) {
      const hint = scientificNotationHint(raw);
      return hint ? { messageId: "length", data: { hint } } : { messageId: "length" };
    }
    return luhnValid(compact) ? undefined : { messageId: "checksum" };
  },
});
