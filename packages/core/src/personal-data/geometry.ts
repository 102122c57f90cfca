/**
 * Geometries and coordinates: GeoJSON, WKT, coordinate pairs and bare decimals. Their digit runs
 * (`47.32154397765443`) look like NIRs, card numbers or phone numbers to the value tests and to
 * the free-text patterns; on an Opendatasoft export every finding of those kinds was a decimal of
 * `geo_point_2d` or `geo_shape`. A coordinate is never a NIR, a card, an IBAN or a phone number,
 * so geometry values and geometry columns are kept away from those detectors.
 */

/**
 * Header words of geometry columns, as exported by Opendatasoft (`geo_point_2d`, `geo_shape`),
 * the IRVE schema (`coordonneesXY`), the Base Adresse Locale (`x`, `y`, `long`, `lat`) and GIS
 * tools (`geom`, `the_geom`, `wkt`).
 */
export const GEOMETRY_HEADER_WORDS: readonly string[] = [
  "geo point 2d",
  "geo point",
  "geopoint",
  "geo shape",
  "geoshape",
  "geom",
  "geometry",
  "geometrie",
  "the geom",
  "wkt",
  "geojson",
  "coordonnees xy",
  "coordonneesxy",
  "coordinates",
  "latitude",
  "longitude",
  "lat",
  "lon",
  "lng",
  "long",
  "x",
  "y",
  "xy",
  "lambert",
  "lambert93",
  "l93",
  "wgs84",
  "gps",
  "geolocalisation",
  "coord",
];

/** GeoJSON object (a geometry or a feature): what Opendatasoft writes in `geo_shape`. */
const GEOJSON = /^\{[\s\S]*"(?:coordinates|geometry|type)"\s*:/;
/** WKT and EWKT (OGC Simple Features): `POINT (5.04 47.32)`, `SRID=2154;LINESTRING(…)`. */
const WKT = /^(?:SRID=\d+;\s*)?(?:MULTI)?(?:POINT|LINESTRING|POLYGON|CURVE|SURFACE)\s*(?:Z|M|ZM)?\s*(?:\(|EMPTY)|^GEOMETRYCOLLECTION\b/i;
/** One to three decimal numbers, bracketed or not: `47.32, 5.04`, `[5.04, 47.32]`, `853214.37 6694512.81`. */
const COORDINATE_LIST = /^[[(]?\s*-?\d+(?:[.,]\d+)?(?:\s*[,; ]\s*-?\d+(?:[.,]\d+)?){0,2}\s*[\])]?$/;
const DECIMAL = /[.]\d/;

/** True for a GeoJSON, WKT or coordinate value: never a NIR, card, IBAN or phone candidate. */
export function isGeometry(value: string): boolean {
  const v = value.trim();
  const first = v.charCodeAt(0);
  if (first === 123 /* { */) return GEOJSON.test(v);
  if (WKT.test(v)) return true;
  // Numbers need a decimal point to be coordinates: a bare "06 12 34 56 78" is a phone number.
  return v.length <= 80 && DECIMAL.test(v) && COORDINATE_LIST.test(v);
}
