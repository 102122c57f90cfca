import { luhn } from "../checksums.js";
import { GEOMETRY_HEADER_WORDS } from "../geometry.js";
import { hints } from "../normalize.js";
import type { Detector, ValueMatch } from "../types.js";

/**
 * Issuer prefix and length (ISO/IEC 7812 issuer identification numbers): Luhn alone passes one random
 * number in ten, so a card needs a real network prefix and one of its lengths. 14-digit Diners
 * numbers are left out on purpose: SIRETs are 14 Luhn-valid digits and many start with 3.
 */
function issuerKnown(d: string): boolean {
  const n = d.length;
  const p2 = Number(d.slice(0, 2));
  const p4 = Number(d.slice(0, 4));
  if (d.startsWith("4")) return n === 13 || n === 16 || n === 19; // Visa
  if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) return n === 16; // Mastercard
  if (p2 === 34 || p2 === 37) return n === 15; // American Express
  if (d.startsWith("6011") || d.startsWith("65") || (p4 >= 6440 && p4 <= 6499)) return n >= 16 && n <= 19; // Discover
  if (p4 >= 3528 && p4 <= 3589) return n >= 16 && n <= 19; // JCB
  return false;
}

export function testCard(value: string): ValueMatch | null {
  const v = value.trim();
  if (!/^\d[\d -]{11,22}$/.test(v)) return null;
  const d = v.replace(/[ -]/g, "");
  if (d.length < 13 || d.length > 19) return null;
  if (!issuerKnown(d) || !luhn(d)) return null;
  return { personal: 1, checksum: true };
}

export const card: Detector = {
  kind: "card",
  label: { fr: "numéros de carte bancaire", en: "payment card numbers" },
  severity: "error",
  legal: ["RGPD art. 4(1)", "CRPA L312-1-2"],
  test: testCard,
  headerHints: hints("carte", "carte bancaire", "numero carte", "cb", "pan", "card number"),
  negativeHeaderHints: ["siret", "siren", "ean", "code barre", ...GEOMETRY_HEADER_WORDS],
  threshold: 0.6,
  minPersonal: 0.6,
  freeText: {
    prefilter: /\d{4}[ -]?\d{4}/,
    pattern: /\b\d(?:[ -]?\d){12,18}\b/g,
    accept: (m) => (testCard(m[0]) ? 1 : 0),
  },
  examples: {
    match: ["4970 1012 3456 7893", "5555 5555 5555 4444", "3782 822463 10005", "2223000048400011"],
    noMatch: ["4970 1012 3456 7897", "73282932000074", "1234 5678 9012 3456", "35600000049837"],
  },
};
