import { loadPhoneNumbers, phoneNumbers } from "../phone-numbers.js";
import { columnCheck, columnOptionsSchema } from "./helpers.js";

/**
 * French short numbers (115, 3949, 3631...), from the `shortCode` pattern of the FR territory in
 * libphonenumber's ShortNumberMetadata.xml, which python-phonenumbers' `is_valid_short_number`
 * reads for Validata. libphonenumber-js ships no short-number data, hence this rule.
 */
const FR_SHORT_CODE = /^(?:1(?:0\d\d|1(?:[02459]|6(?:000|111)|8\d{3})|[578]|9[167])|2(?:0(?:00|2)0|24)|[3-8]\d{4}|3\d{3}|6(?:1[14]|34)|7(?:0[06]|22|40))$/;

/** Visual separators a short number may be written with. */
const SEPARATORS = /[\s.\-()]/g;

/**
 * Validata's rule: a number valid for France (national or short), or valid anywhere once written
 * in international format (`+44...`).
 */
export function isValidPhoneNumber(value: string): boolean {
  const { parsePhoneNumberFromString } = phoneNumbers();
  if (parsePhoneNumberFromString(value, "FR")?.isValid()) return true;
  if (parsePhoneNumberFromString(value)?.isValid()) return true;
  return FR_SHORT_CODE.test(value.replace(SEPARATORS, ""));
}

export const phoneNumberValue = columnCheck({
  id: "phone-number-value",
  meta: {
    title: {
      fr: "Numéro de téléphone",
      en: "Phone number",
    },
    fix: {
      fr: "Écrivez le numéro sur 10 chiffres (0123456789) ou au format international (+33123456789).",
      en: "Write the number on 10 digits (0123456789) or in international format (+33123456789).",
    },
    category: "custom",
    description: {
      fr: "Vérifie que la valeur est un numéro de téléphone français (10 chiffres ou numéro court comme 115 ou 3949) ou international (+ indicatif).",
      en: "Checks that the value is a French phone number (10 digits or a short number such as 115 or 3949) or an international one (+ country code).",
    },
    severity: "error",
    messages: {
      invalid: {
        fr: "Numéro de téléphone incorrect dans la colonne {column} : attendu un numéro français à 10 chiffres (01 99 00 27 37), un numéro court (115, 3949) ou un numéro international (+33 1 99 00 27 37).",
        en: "Incorrect phone number in column {column}: expected a 10-digit French number (01 99 00 27 37), a short number (115, 3949) or an international number (+33 1 99 00 27 37).",
      },
    },
    options: columnOptionsSchema(),
  },
  prepare: async () => {
    await loadPhoneNumbers();
  },
  compile: () => (raw) => (isValidPhoneNumber(raw) ? undefined : { messageId: "invalid" }),
});
