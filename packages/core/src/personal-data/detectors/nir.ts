import { nirKey } from "../checksums.js";
import { GEOMETRY_HEADER_WORDS } from "../geometry.js";
import { hints } from "../normalize.js";
import type { Detector, ValueMatch } from "../types.js";

/**
 * NIR structure (INSEE; python-stdnum `stdnum/fr/nir.py`): sex 1/2 (3/4/7/8 provisional), year, month 01–12 or the
 * fictitious 13/20/30–42/50–99, département 01–99 or 2A/2B, commune, order, then the key.
 */
const BODY = /^[123478]\d{2}(?:0[1-9]|1[0-3]|20|3\d|4[0-2]|[5-9]\d)(?:\d{2}|2A|2B)\d{6}$/;

export function testNir(value: string): ValueMatch | null {
  if (value.length > 24) return null; // cheap rejection of prose before any regex
  const v = value
    .trim()
    .toUpperCase()
    .replace(/[\s.-]/g, "");
  if (v.length === 15) {
    const body = v.slice(0, 13);
    if (!BODY.test(body) || body.endsWith("000")) return null;
    if (nirKey(body) !== Number(v.slice(13))) return null;
    return { personal: 1, checksum: true };
  }
  // A key-less 13-character NIR is still a NIR, but a 13-digit code could be anything (EAN-13):
  // weak on its own, so the header has to say it.
  if (v.length === 13 && BODY.test(v) && !v.endsWith("000")) return { personal: 0.5, checksum: false };
  return null;
}

export const nir: Detector = {
  kind: "nir",
  label: { fr: "numéros de sécurité sociale (NIR)", en: "social security numbers (NIR)" },
  severity: "error",
  legal: ["RGPD art. 4(1)", "RGPD art. 87", "CRPA L312-1-2"],
  test: testNir,
  headerHints: hints("nir", "numero securite sociale", "securite sociale", "secu", "num secu", "no secu", "insee personne", "ssn", "numero ss"),
  negativeHeaderHints: ["siret", "siren", "ean", "code barre", ...GEOMETRY_HEADER_WORDS],
  threshold: 0.6,
  minPersonal: 0.6,
  freeText: {
    prefilter: /\d\d[\s.]?\d\d[\s.]?(?:\d\d|2[AB])[\s.]?\d{3}/,
    pattern: /\b[123478][\s.]?\d{2}[\s.]?\d{2}[\s.]?(?:\d{2}|2[AB])[\s.]?\d{3}[\s.]?\d{3}[\s.]?\d{2}\b/g,
    accept: (m) => (testNir(m[0])?.checksum ? 1 : 0),
  },
  examples: {
    match: ["1 84 03 75 112 005 95", "184037511200595", "2 69 05 2A 004 012 28", "1840375112005"],
    noMatch: ["1 84 03 75 112 005 94", "35600000012345", "5017620422003", "123456789012345", "1 84 14 75 112 005 50"],
  },
};
