import { hints } from "../normalize.js";
import type { Detector, ValueMatch } from "../types.js";

/**
 * SIV (since 2009): two letters, three digits, two letters; I, O and U never used, SS forbidden,
 * number block 001–999. FNI (1950–2009): 1–4 digits, 1–3 letters, département.
 */
const SIV = /^([A-HJ-NP-TV-Z]{2})[- ]?(\d{3})[- ]?([A-HJ-NP-TV-Z]{2})$/;
const FNI = /^\d{1,4}[- ]?[A-Z]{1,3}[- ]?(?:0[1-9]|[1-8]\d|9[0-5]|2A|2B|97[1-6])$/;

export function testPlate(value: string): ValueMatch | null {
  if (value.length > 14) return null; // cheap rejection of prose before any regex
  const v = value.trim().toUpperCase();
  const siv = SIV.exec(v);
  if (siv) {
    if (siv[1] === "SS" || siv[3] === "SS" || siv[2] === "000") return null;
    return { personal: 0.8 };
  }
  // Only the written forms with separators: a bare "123AB45" is too often an internal code.
  if (/[- ]/.test(v) && FNI.test(v)) return { personal: 0.8 };
  return null;
}

export const plate: Detector = {
  kind: "plate",
  label: { fr: "immatriculations de véhicules", en: "vehicle registration plates" },
  severity: "warning",
  legal: ["RGPD art. 4(1)", "CRPA L312-1-2"],
  test: testPlate,
  headerHints: hints("immatriculation", "immat", "plaque", "numero immatriculation", "vehicule:0.5", "plate"),
  threshold: 0.7,
  minPersonal: 0.5,
  freeText: {
    prefilter: /[A-Z]{2}-\d{3}-[A-Z]{2}/,
    pattern: /\b[A-HJ-NP-TV-Z]{2}-\d{3}-[A-HJ-NP-TV-Z]{2}\b/g,
    accept: (m) => (testPlate(m[0]) ? 1 : 0),
  },
  examples: {
    match: ["AB-123-CD", "ab 123 cd", "FG123HJ", "1234 AB 56", "56 XY 2A"],
    noMatch: ["AB-000-CD", "SS-123-AB", "AI-123-BO", "1234AB56", "A1-B2", "1.2.3.4"],
  },
};
