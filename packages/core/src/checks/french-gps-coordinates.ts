import { columnCheck, columnOptionsSchema } from "./helpers.js";

/**
 * Bounding boxes [lonMin, latMin, lonMax, latMax] of metropolitan France and the five overseas
 * departments, the ones Validata's `french_gps_coordinates` uses. Boxes, not borders: points just
 * across a border (Jersey, Geneva...) pass.
 */
const FRANCE_BOXES: readonly (readonly [number, number, number, number])[] = [
  [-5.141277, 41.333571, 9.560091, 51.088989], // metropolitan France and Corsica
  [-61.809839, 15.832041, -61.001959, 16.514488], // Guadeloupe
  [-61.229033, 14.388646, -60.809655, 14.878723], // Martinique
  [-54.60239, 2.111055, -51.619041, 5.748138], // Guyane
  [55.216526, -21.389631, 55.836654, -20.8718], // La Réunion
  [45.01833, -13.005254, 45.299985, -12.63659], // Mayotte
];

export function isInFrance(lon: number, lat: number): boolean {
  return FRANCE_BOXES.some(([x0, y0, x1, y1]) => lon > x0 && lon < x1 && lat > y0 && lat < y1);
}

/**
 * [lon, lat] of a geopoint, from the engine's cast value ({lon, lat} or [lon, lat]) or else from
 * the raw cell in any Table Schema geopoint format ("lon, lat", "[lon, lat]", {"lon": .., "lat": ..}).
 */
export function geopointLonLat(raw: string, value: unknown): [number, number] | undefined {
  const fromValue = lonLatOf(value);
  if (fromValue) return fromValue;
  const text = raw.trim();
  if (text.startsWith("[") || text.startsWith("{")) {
    try {
      return lonLatOf(JSON.parse(text));
    } catch {
      return undefined;
    }
  }
  const parts = text.split(",");
  if (parts.length !== 2) return undefined;
  return lonLatOf(parts.map((part) => (part.trim() === "" ? Number.NaN : Number(part))));
}

function lonLatOf(value: unknown): [number, number] | undefined {
  let lon: unknown;
  let lat: unknown;
  if (Array.isArray(value) && value.length === 2) [lon, lat] = value;
  else if (value !== null && typeof value === "object" && "lon" in value && "lat" in value) ({ lon, lat } = value);
  else return undefined;
  const x = Number(lon);
  const y = Number(lat);
  return Number.isFinite(x) && Number.isFinite(y) ? [x, y] : undefined;
}

export const frenchGpsCoordinates = columnCheck({
  id: "french-gps-coordinates",
  meta: {
    title: {
      fr: "Coordonnées GPS en France",
      en: "GPS coordinates in France",
    },
    fix: {
      fr: "Vérifiez le point : longitude d'abord, puis latitude, en degrés décimaux WGS84.",
      en: "Check the point: longitude first, then latitude, in WGS84 decimal degrees.",
    },
    emits: {
      "reversed-french-gps-coordinates": {
        title: {
          fr: "Coordonnées GPS inversées",
          en: "Swapped GPS coordinates",
        },
        fix: {
          fr: "Échangez les deux nombres : un geopoint s'écrit longitude d'abord, puis latitude (2.3522, 48.8566).",
          en: "Swap the two numbers: a geopoint is written longitude first, then latitude (2.3522, 48.8566).",
        },
      },
    },
    category: "custom",
    description: {
      fr: "Vérifie qu'un point géographique (champ geopoint) tombe en France métropolitaine ou dans un département d'outre-mer, et signale les coordonnées inversées.",
      en: "Checks that a geographic point (geopoint field) lies in metropolitan France or an overseas department, and flags swapped coordinates.",
    },
    severity: "error",
    messages: {
      outside: {
        fr: "Coordonnées GPS invalides dans la colonne {column} : le point ne se trouve pas en France.",
        en: "Invalid GPS coordinates in column {column}: the point is not in France.",
      },
      reversed: {
        fr: "Coordonnées GPS inversées dans la colonne {column} : le point tombe en France une fois longitude et latitude échangées.",
        en: "Swapped GPS coordinates in column {column}: the point falls in France once longitude and latitude are exchanged.",
      },
    },
    options: columnOptionsSchema(),
  },
  compile: () => (raw, value) => {
    const point = geopointLonLat(raw, value);
    // A value that is not a point is the geopoint type's error, reported by the schema validation.
    if (!point) return undefined;
    const [lon, lat] = point;
    if (isInFrance(lon, lat)) return undefined;
    if (isInFrance(lat, lon)) return { messageId: "reversed", code: "reversed-french-gps-coordinates" };
    return { messageId: "outside" };
  },
});
