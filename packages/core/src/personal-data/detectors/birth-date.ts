import { hints } from "../normalize.js";
import type { Detector, ValueMatch } from "../types.js";

const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const YMD = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/;

function plausible(year: number, month: number, day: number): boolean {
  return year >= 1900 && year <= 2030 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** A full calendar date. Whether it is a birth date is the header's call. */
export function testBirthDate(value: string): ValueMatch | null {
  const v = value.trim();
  let m = DMY.exec(v);
  if (m && plausible(Number(m[3]), Number(m[2]), Number(m[1]))) return { personal: 1 };
  m = YMD.exec(v);
  if (m && plausible(Number(m[1]), Number(m[2]), Number(m[3]))) return { personal: 1 };
  return null;
}

export const birthDate: Detector = {
  kind: "birth-date",
  label: { fr: "dates de naissance", en: "dates of birth" },
  severity: "warning",
  legal: ["RGPD art. 4(1)", "CRPA L312-1-2"],
  test: testBirthDate,
  headerHints: hints(
    "date naissance",
    "date de naissance",
    "naissance",
    "ddn",
    "ne le",
    "nee le",
    "ne e le",
    "dob",
    "birth",
    "birthdate",
    "date of birth",
    "birth date",
    "datenaissance",
  ),
  negativeHeaderHints: ["annee", "lieu", "commune", "pays", "departement"],
  headerRequired: true,
  threshold: 0.6,
  minPersonal: 0.5,
  freeText: {
    prefilter: /\b[nN][ée]e?\s+le\s/,
    pattern: /\bn[ée]e?\s+le\s+\d{1,2}[/.-]\d{1,2}[/.-]\d{4}/gi,
    accept: () => 1,
  },
  examples: {
    match: ["12/03/1984", "1984-03-12", "01.01.1950", "5-7-2012"],
    noMatch: ["32/01/1984", "1984", "12/13/1984", "1850-01-01", "hier"],
  },
};
