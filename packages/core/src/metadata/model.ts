/**
 * The one dataset model every descriptor is normalised into: DCAT-AP shaped (a dataset and its
 * distributions), with the JSON Pointer of each property in the source descriptor so findings
 * can point at the line to fix.
 */

export type SourceFormat = "datapackage-v1" | "datapackage-v2" | "conforme" | "datagouv" | "dcat-jsonld" | "dcat-turtle";

export interface ContactPoint {
  name?: string;
  email?: string;
  url?: string;
}

export interface SpatialCoverage {
  /** Zone codes: COG codes (`75056`, `75`), data.gouv.fr zone ids (`fr:commune:75056`), `fr`. */
  zones: string[];
  granularity?: string;
  /** GeoJSON geometry or WKT. */
  geometry?: unknown;
}

export interface TemporalCoverage {
  start?: string;
  end?: string;
}

export interface Checksum {
  algorithm: string;
  value: string;
}

export type DistributionProperty =
  | "accessURL"
  | "downloadURL"
  | "path"
  | "format"
  | "mediaType"
  | "byteSize"
  | "checksum"
  | "license"
  | "rights"
  | "description"
  | "conformsTo"
  | "modified";

export interface DistributionModel {
  title?: string;
  description?: string;
  /** data.gouv.fr resource type: `main`, `documentation`, `api`, ... */
  type?: string;
  accessURL?: string;
  downloadURL?: string;
  /** Local path of the file, relative to the descriptor, when the distribution is not published yet. */
  path?: string;
  format?: string;
  mediaType?: string;
  byteSize?: number;
  checksum?: Checksum;
  license?: string;
  rights?: string;
  modified?: string;
  /** Schema the file declares it conforms to (schema.data.gouv.fr id or URL). */
  conformsTo?: string;
  /** True for data.gouv.fr remote resources (`filetype: remote`), which the portal checks. */
  remote?: boolean;
  /** Availability reported by the portal (`extras["check:available"]`). */
  available?: boolean | "unknown";
  /** JSON Pointer of the distribution in the source. */
  pointer: string;
  pointers: Partial<Record<DistributionProperty, string>>;
}

export type DatasetProperty =
  | "title"
  | "description"
  | "keywords"
  | "themes"
  | "spatial"
  | "temporal"
  | "accrualPeriodicity"
  | "publisher"
  | "contactPoints"
  | "accessRights"
  | "license"
  | "rights"
  | "issued"
  | "modified"
  | "conformsTo"
  | "distributions";

export interface DatasetModel {
  source: SourceFormat;
  title?: string;
  description?: string;
  keywords: string[];
  themes: string[];
  spatial?: SpatialCoverage;
  temporal?: TemporalCoverage;
  /** As declared (udata id, EU code or URI); see `normaliseFrequency`. */
  accrualPeriodicity?: string;
  publisher?: string;
  contactPoints: ContactPoint[];
  accessRights?: string;
  license?: string;
  rights?: string;
  issued?: string;
  modified?: string;
  conformsTo?: string;
  distributions: DistributionModel[];
  /** JSON Pointer of the dataset object: where missing dataset properties should be added. */
  pointer: string;
  /** JSON Pointer of the object holding extension properties (datapackage `x-conforme`), when distinct. */
  extensionPointer?: string;
  pointers: Partial<Record<DatasetProperty, string>>;
  /** The `quality` object of a data.gouv.fr dataset JSON, as the portal computed it. */
  portalQuality?: Record<string, unknown>;
}

/**
 * What the engine knows about one data file, for the cross-checks. The Node part fills `bytes`,
 * `sha256`, `md5` and `mtime` (`fileFacts`); the validation engine fills the rest.
 */
export interface DataFacts {
  /** Path of the file, as the distribution references it (relative to the descriptor) or its URL. */
  path: string;
  bytes?: number;
  /** Lower-case hex digests. */
  sha256?: string;
  md5?: string;
  /** Last modification, ISO 8601. */
  mtime?: string;
  /** Schema the file was validated against: schema.data.gouv.fr id (`etalab/schema-irve-statique`) or URL. */
  schemaId?: string;
  /** Minimum and maximum of each date or datetime column, ISO 8601. */
  dateRanges?: { field: string; min: string; max: string }[];
  /** INSEE commune codes (COG) seen in the data. */
  communeCodes?: string[];
  /** Department codes seen in the data (`01`...`95`, `2A`, `2B`, `971`...). */
  departmentCodes?: string[];
}

/** Result of a URL liveness check (HEAD, then a one-byte ranged GET). */
export interface UrlCheck {
  url: string;
  ok: boolean;
  status?: number;
  method: "HEAD" | "GET";
  error?: string;
  checkedAt: string;
}

export function isHttpUrl(value: string | undefined): value is string {
  return value !== undefined && /^https?:\/\//i.test(value.trim());
}

/** RFC 6901 escaping of one pointer segment. */
export function pointerSegment(segment: string | number): string {
  return String(segment).replace(/~/g, "~0").replace(/\//g, "~1");
}

export function joinPointer(base: string, ...segments: (string | number)[]): string {
  return base + segments.map((s) => `/${pointerSegment(s)}`).join("");
}
