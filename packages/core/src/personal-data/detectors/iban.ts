import { electronicFormatIBAN, isValidIBAN } from "ibantools";
import { ribKeyValid } from "../checksums.js";
import { GEOMETRY_HEADER_WORDS } from "../geometry.js";
import { hints } from "../normalize.js";
import type { Detector, ValueMatch } from "../types.js";

export function testIban(value: string): ValueMatch | null {
  if (value.length > 45) return null; // cheap rejection of prose before any regex
  const v = value
    .trim()
    .toUpperCase()
    .replace(/[\s.-]/g, "");
  if (/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(v)) {
    // ISO 13616 mod 97 and the country's BBAN format (ibantools).
    return isValidIBAN(electronicFormatIBAN(v) ?? v) ? { personal: 1, checksum: true } : null;
  }
  // A bare French RIB (23 characters, no FR76 wrapper) from older exports, checked by its key.
  if (v.length === 23 && ribKeyValid(v)) return { personal: 0.9, checksum: true };
  return null;
}

export const iban: Detector = {
  kind: "iban",
  label: { fr: "coordonnées bancaires (IBAN/RIB)", en: "bank account numbers (IBAN/RIB)" },
  severity: "error",
  legal: ["RGPD art. 4(1)", "CRPA L312-1-2", "CRPA L311-6"],
  test: testIban,
  headerHints: hints("iban", "rib", "coordonnees bancaires", "compte bancaire", "numero compte", "bic iban"),
  negativeHeaderHints: GEOMETRY_HEADER_WORDS,
  threshold: 0.6,
  minPersonal: 0.6,
  freeText: {
    prefilter: /\b[A-Za-z]{2}\d{2}\s?[A-Za-z0-9]{4}/,
    pattern: /\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,3})?\b/gi,
    accept: (m) => (testIban(m[0]) ? 1 : 0),
  },
  examples: {
    match: ["FR76 3000 6000 0112 3456 7890 189", "FR7630006000011234567890189", "DE89 3704 0044 0532 0130 00", "30006000011234567890189"],
    noMatch: ["FR76 3000 6000 0112 3456 7890 188", "FR12 3456", "30006000011234567890188", "ABCD EFGH"],
  },
};
