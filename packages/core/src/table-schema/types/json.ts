import { canonicalJson, INVALID, isPlainObject, parseJson, pyStrip, unknownFormat, type TypeImpl } from "./type.js";

const jsonKey = (v: unknown): string => canonicalJson(v);

/** `object`: a JSON object (frictionless `json.loads`, then a dict). Length is its key count. */
export function objectType(): TypeImpl {
  return {
    cast: (raw) => {
      const v = parseJson(raw);
      return isPlainObject(v) ? v : INVALID;
    },
    castJson: (v) => (isPlainObject(v) ? v : INVALID),
    primitive: false,
    ordered: false,
    key: jsonKey,
    length: (v) => Object.keys(v as object).length,
  };
}

/** `array`: a JSON array. Items are checked against `arrayItem` by the compiled field. */
export function arrayType(): TypeImpl {
  return {
    cast: (raw) => {
      const v = parseJson(raw);
      return Array.isArray(v) ? v : INVALID;
    },
    castJson: (v) => (Array.isArray(v) ? v : INVALID),
    primitive: false,
    ordered: false,
    key: jsonKey,
    length: (v) => (v as unknown[]).length,
  };
}

/** `any`: the cell as written. */
export function anyType(): TypeImpl {
  return {
    cast: (raw) => raw,
    castJson: (v) => v,
    primitive: false,
    ordered: false,
    key: (v) => (typeof v === "string" ? v : canonicalJson(v)),
  };
}

/** A geopoint: longitude then latitude, in degrees. */
export interface GeoPoint {
  lon: number;
  lat: number;
}

export const GEOPOINT_FORMATS = ["default", "array", "object"] as const;

function decimalOf(v: unknown): number {
  if (typeof v === "number") return v;
  if (typeof v === "string") {
    const t = pyStrip(v);
    return /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t) ? Number(t) : NaN;
  }
  return NaN;
}

function point(lon: number, lat: number): GeoPoint | typeof INVALID {
  // NaN fails these comparisons, as Python's Decimal comparison raises and frictionless rejects.
  if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) return INVALID;
  return { lon, lat };
}

/**
 * `geopoint`, as frictionless reads it. Default: the string `"lon, lat"` (longitude first, per
 * Table Schema v1). `array`: a JSON array `[lon, lat]`. `object`: `{"lon": .., "lat": ..}`.
 * Longitude must lie in -180..180 and latitude in -90..90.
 */
export function geopointType(format: string): TypeImpl {
  let cast: (raw: string) => unknown;
  if (format === "default") {
    cast = (raw) => {
      const comma = raw.indexOf(",");
      if (comma < 0 || raw.indexOf(",", comma + 1) >= 0) return INVALID;
      return point(decimalOf(raw.slice(0, comma)), decimalOf(raw.slice(comma + 1)));
    };
  } else if (format === "array") {
    cast = (raw) => {
      const v = parseJson(raw);
      if (!Array.isArray(v) || v.length !== 2) return INVALID;
      return point(decimalOf(v[0]), decimalOf(v[1]));
    };
  } else if (format === "object") {
    cast = (raw) => {
      const v = parseJson(raw);
      if (!isPlainObject(v) || Object.keys(v).length !== 2 || !("lon" in v) || !("lat" in v)) return INVALID;
      return point(decimalOf(v["lon"]), decimalOf(v["lat"]));
    };
  } else throw unknownFormat("geopoint", format, GEOPOINT_FORMATS);
  return {
    cast,
    castJson: (v) => {
      if (typeof v === "string") return cast(v);
      if (Array.isArray(v) && v.length === 2) return point(decimalOf(v[0]), decimalOf(v[1]));
      return INVALID;
    },
    primitive: false,
    ordered: false,
    key: (v) => {
      const p = v as GeoPoint;
      return `${p.lon},${p.lat}`;
    },
  };
}

export const GEOJSON_FORMATS = ["default", "topojson"] as const;

const isPosition = (v: unknown): boolean => Array.isArray(v) && v.length >= 2 && v.every((c) => typeof c === "number" && Number.isFinite(c));

function isPositions(v: unknown, depth: number): boolean {
  if (depth === 0) return isPosition(v);
  return Array.isArray(v) && v.every((x) => isPositions(x, depth - 1));
}

const GEOMETRY_DEPTH: Record<string, number> = {
  Point: 0,
  MultiPoint: 1,
  LineString: 1,
  MultiLineString: 2,
  Polygon: 2,
  MultiPolygon: 3,
};

/** The structure the GeoJSON JSON Schema (RFC 7946) requires of a geometry, feature or collection. */
export function isGeoJson(v: unknown): boolean {
  if (!isPlainObject(v) || typeof v["type"] !== "string") return false;
  const type = v["type"];
  const depth = GEOMETRY_DEPTH[type];
  if (depth !== undefined) return isPositions(v["coordinates"], depth);
  if (type === "GeometryCollection") return Array.isArray(v["geometries"]) && v["geometries"].every(isGeoJsonGeometry);
  if (type === "Feature") {
    const g = v["geometry"];
    const props = v["properties"];
    return (g === null || isGeoJsonGeometry(g)) && (props === null || isPlainObject(props));
  }
  if (type === "FeatureCollection") {
    return Array.isArray(v["features"]) && v["features"].every((f) => isPlainObject(f) && f["type"] === "Feature" && isGeoJson(f));
  }
  return false;
}

function isGeoJsonGeometry(v: unknown): boolean {
  return isPlainObject(v) && v["type"] !== "Feature" && v["type"] !== "FeatureCollection" && isGeoJson(v);
}

/** TopoJSON's top-level shape: `{"type": "Topology", "objects": {...}}` (topojson specification). */
export function isTopoJson(v: unknown): boolean {
  return isPlainObject(v) && v["type"] === "Topology" && isPlainObject(v["objects"]);
}

/** `geojson`: a JSON object that is a GeoJSON geometry, feature or collection (or TopoJSON). */
export function geojsonType(format: string): TypeImpl {
  let test: (v: unknown) => boolean;
  if (format === "default") test = isGeoJson;
  else if (format === "topojson") test = isTopoJson;
  else throw unknownFormat("geojson", format, GEOJSON_FORMATS);
  return {
    cast: (raw) => {
      const v = parseJson(raw);
      return test(v) ? v : INVALID;
    },
    castJson: (v) => (test(v) ? v : INVALID),
    primitive: false,
    ordered: false,
    key: jsonKey,
  };
}
