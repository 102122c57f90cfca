import { hints } from "../normalize.js";
import type { Detector, ValueMatch } from "../types.js";

const NUMBER = /^-?\d{1,3}[.,](\d+)$/;

function precise(part: string, limit: number): boolean {
  const m = NUMBER.exec(part.trim());
  if (!m || (m[1]?.length ?? 0) < 4) return false;
  const n = Number(part.trim().replace(",", "."));
  return Math.abs(n) <= limit;
}

/**
 * A WGS84 coordinate with ≥ 4 decimals (about 10 m) or a "lat, lon" pair. Only personal when it
 * locates a person's home, so the detector needs a coordinate header, a file about persons and a
 * personal address column that the coordinates geocode, or a header naming the home (the
 * permanence of an elected official is a public place).
 */
export function testCoordinates(value: string): ValueMatch | null {
  const v = value.trim();
  if (precise(v, 180)) return { personal: 0.5 };
  const pair = v.replace(/^\[|\]$/g, "").split(/\s*[,;]\s*|\s+/);
  if (pair.length === 2 && precise(pair[0] ?? "", 90) && precise(pair[1] ?? "", 180)) return { personal: 0.5 };
  return null;
}

export const coordinates: Detector = {
  kind: "coordinates",
  label: { fr: "coordonnées géographiques précises de domiciles", en: "precise coordinates of homes" },
  severity: "warning",
  legal: ["RGPD art. 4(1)", "CRPA L312-1-2"],
  test: testCoordinates,
  headerHints: hints(
    "latitude",
    "longitude",
    "lat",
    "lon",
    "lng",
    "long",
    "coordonnees",
    "geo point",
    "geopoint",
    "geo point 2d",
    "geolocalisation",
    "gps",
    "coord",
    "x wgs84",
    "y wgs84",
    "lat domicile",
    "lon domicile",
    "coordonnees domicile",
  ),
  headerRequired: true,
  threshold: 0.8,
  minPersonal: 0.75,
  personContextBoost: 0.4,
  needsPersonContext: true,
  needsHomeContext: true,
  readsGeometry: true,
  examples: {
    match: ["48.85661", "2.35222", "48.8566, 2.3522", "-21.11514"],
    noMatch: ["48.8", "2.35", "195.12345", "abc", "48.8566; 250.1234"],
  },
};
