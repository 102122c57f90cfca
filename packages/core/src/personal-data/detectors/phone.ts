import type { PhoneNumber } from "libphonenumber-js/max";
import { phoneNumbers } from "../../phone-numbers.js";
import { GEOMETRY_HEADER_WORDS } from "../geometry.js";
import { hints } from "../normalize.js";
import type { Detector, ValueMatch } from "../types.js";

const SHAPE = /^[+(]?\d[\d\s.\-()/]{7,24}$/;

/**
 * Overseas départements write national numbers like 0262… or 0692… but belong to their own
 * country codes in libphonenumber.
 */
const OVERSEAS = ["RE", "GP", "MQ", "GF", "YT", "PM"] as const;

/** Personal strength per number type: mobiles are strong evidence, services none. */
function strength(phone: PhoneNumber): number {
  switch (phone.getType()) {
    case "MOBILE":
      return 1;
    case "VOIP":
    case "PERSONAL_NUMBER":
      return 0.6;
    case "FIXED_LINE":
    case "FIXED_LINE_OR_MOBILE":
      return 0.35;
    default:
      return 0; // toll-free, shared cost, premium, UAN, pager, voicemail
  }
}

export function testPhone(value: string): ValueMatch | null {
  const v = value.trim();
  if (!SHAPE.test(v)) return null;
  const digits = v.replace(/\(0\)/, "").replace(/[^\d+]/g, "");
  // A national number starts with 0 and has 10 digits; otherwise an international prefix.
  // Bare 9-digit SIRENs or 14-digit SIRETs therefore never reach the parser.
  if (!/^0[1-9]\d{8}$/.test(digits) && !/^(?:\+|00)[1-9]\d{7,13}$/.test(digits)) return null;
  if (digits.startsWith("0")) {
    // The French plan gives a national number its type by its leading block (ARCEP: 01–05
    // geographic, 06 and 073–079 mobile, 08 services, 09 VoIP): libphonenumber is asked once
    // per 6-digit block, parsing being the costliest step of sampling. Four digits are not
    // enough: 0639 holds Mayotte's mobiles (0639 01…) beside numbers valid nowhere (0639 98…),
    // and the first number of a block seen would decide for all the others.
    const block = digits.slice(0, 6);
    let personal = NATIONAL_BLOCKS.get(block);
    if (personal === undefined) {
      personal = classify(digits)?.personal ?? -1;
      if (NATIONAL_BLOCKS.size < 2000) NATIONAL_BLOCKS.set(block, personal);
    }
    return personal < 0 ? null : { personal, key: digits };
  }
  return classify(digits);
}

const NATIONAL_BLOCKS = new Map<string, number>();

function classify(digits: string): ValueMatch | null {
  // Loaded by the personal-data check's `prepare` (phone-numbers.ts).
  const { parsePhoneNumberFromString } = phoneNumbers();
  const international = digits.startsWith("00") ? `+${digits.slice(2)}` : digits;
  let phone = parsePhoneNumberFromString(international, "FR");
  if (!phone?.isValid() && international.startsWith("0")) {
    for (const region of OVERSEAS) {
      const other = parsePhoneNumberFromString(international, region);
      if (other?.isValid()) {
        phone = other;
        break;
      }
    }
  }
  if (!phone?.isValid()) return null;
  return { personal: strength(phone), key: phone.number };
}

export const phone: Detector = {
  kind: "phone",
  label: { fr: "numéros de téléphone personnels", en: "personal phone numbers" },
  severity: "warning",
  legal: ["RGPD art. 4(1)", "CRPA L312-1-2"],
  test: testPhone,
  headerHints: hints("telephone", "tel", "tel portable", "portable", "mobile", "gsm", "phone", "numero telephone", "tel domicile:1", "telephone domicile:1"),
  negativeHeaderHints: ["fax", "siret", "siren", ...GEOMETRY_HEADER_WORDS],
  threshold: 0.7,
  strongShare: 0.1,
  minPersonal: 0.6,
  repeatsAreInstitutional: true,
  personContextBoost: 0.25,
  freeText: {
    prefilter: /\d\d[\s.-]?\d\d[\s.-]?\d\d[\s.-]?\d\d/,
    pattern: /(?:\+33\s?(?:\(0\)\s?)?|0033\s?|\b0)[1-9](?:[\s.-]?\d{2}){4}\b/g,
    accept: (m) => testPhone(m[0])?.personal ?? 0,
  },
  examples: {
    match: ["06 12 34 56 78", "+33 6 12 34 56 78", "07.81.22.33.44", "+33 (0)6 11 22 33 44", "0692 12 34 56", "09 72 12 34 56", "01 42 76 40 40"],
    noMatch: ["0800 123 456", "3939", "213401234", "35600000012345", "12/03/2024", "1.2.3.4", "0000"],
  },
};
