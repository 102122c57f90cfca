import { hints } from "../normalize.js";
import type { Detector, ValueMatch } from "../types.js";

/**
 * Passport: 2 digits, 2 letters, 5 digits. Identity card: 12 characters (1995–2021) or 9
 * alphanumerics (CNIe since 2021). No check digit outside the MRZ, so the header must say it,
 * as Microsoft Purview and Google Cloud DLP require a keyword near the number.
 */
export function testIdDocument(value: string): ValueMatch | null {
  if (value.length > 16) return null; // cheap rejection of prose before any regex
  const v = value.trim().toUpperCase().replace(/\s/g, "");
  if (/^\d{2}[A-Z]{2}\d{5}$/.test(v)) return { personal: 1 };
  if (/^[A-Z0-9]{12}$/.test(v) && /\d/.test(v)) return { personal: 1 };
  if (/^[A-Z0-9]{9}$/.test(v) && /\d/.test(v) && /[A-Z]/.test(v)) return { personal: 1 };
  return null;
}

export const idDocument: Detector = {
  kind: "id-document",
  label: { fr: "numéros de pièce d'identité", en: "identity document numbers" },
  severity: "error",
  legal: ["RGPD art. 4(1)", "CRPA L312-1-2"],
  test: testIdDocument,
  headerHints: hints(
    "passeport",
    "numero passeport",
    "cni",
    "numero cni",
    "carte identite",
    "carte d identite",
    "piece identite",
    "piece d identite",
    "numero piece:0.8",
    "titre sejour",
    "titre de sejour",
    "permis conduire",
    "permis de conduire",
    "numero permis:0.9",
    "passport",
    "id card",
  ),
  headerRequired: true,
  threshold: 0.6,
  minPersonal: 0.5,
  examples: {
    match: ["12AB34567", "880692310285", "X4RTBPFW4", "0412AB123456"],
    noMatch: ["1234", "ABCDEFGHI", "12AB3456", "jean.dupont@gmail.com"],
  },
};
