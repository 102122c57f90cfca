import { FILE_TYPES, vocabularyCode } from "./eu.js";

/**
 * IANA media types, from the maintained `mime-db` package (entries whose source is `iana`).
 * Version and date travel with the package; `MEDIA_TYPES_SOURCE` names them for the report.
 */
export const MEDIA_TYPES_SOURCE = { id: "iana-media-types", source: 'mime-db (entries with source "iana")' } as const;

// mime-db is a 200 kB JSON table: loaded with the descriptor (metadata/read.ts), not at start-up.
let ianaTypes: ReadonlySet<string> | undefined;

export async function loadMediaTypes(): Promise<void> {
  if (ianaTypes) return;
  const { default: mimeDb } = await import("mime-db");
  ianaTypes = new Set(
    Object.entries(mimeDb as Record<string, { source?: string }>)
      .filter(([, entry]) => entry.source === "iana")
      .map(([type]) => type),
  );
}

/** Strips parameters (`; charset=utf-8`) and the IANA URI prefix DCAT uses for `dcat:mediaType`. */
export function normaliseMediaType(value: string | undefined): string | undefined {
  if (!value) return undefined;
  let type = value.trim().toLowerCase();
  for (const prefix of ["http://www.iana.org/assignments/media-types/", "https://www.iana.org/assignments/media-types/"]) {
    if (type.startsWith(prefix)) type = type.slice(prefix.length);
  }
  type = type.split(";")[0]?.trim() ?? "";
  return type || undefined;
}

/** Needs `loadMediaTypes()` first (readDescriptor awaits it). */
export function isIanaMediaType(value: string | undefined): boolean {
  if (ianaTypes === undefined) throw new Error("mime-db not loaded: await loadMediaTypes() first");
  const type = normaliseMediaType(value);
  return type !== undefined && ianaTypes.has(type);
}

/** Usual spellings of formats on French portals and in datapackage.json, mapped to EU file-type codes. */
const FORMAT_ALIASES: Readonly<Record<string, string>> = {
  "json-ld": "JSON_LD",
  jsonld: "JSON_LD",
  ttl: "RDF_TURTLE",
  turtle: "RDF_TURTLE",
  rdf: "RDF_XML",
  "rdf+xml": "RDF_XML",
  nt: "RDF_N_TRIPLES",
  "n-triples": "RDF_N_TRIPLES",
  nq: "RDF_N_QUADS",
  shapefile: "SHP",
  gz: "GZIP",
  jpg: "JPEG",
  tif: "TIFF",
  htm: "HTML",
  netcdf: "NETCDF",
  nc: "NETCDF",
  ical: "ICS",
};

/** Media types mapped to EU file-type codes, so the EDP lists can be looked up by media type first (MQA order). */
const MEDIA_TYPE_FORMATS: Readonly<Record<string, string>> = {
  "text/csv": "CSV",
  "text/tab-separated-values": "TSV",
  "application/json": "JSON",
  "application/geo+json": "GEOJSON",
  "application/ld+json": "JSON_LD",
  "application/xml": "XML",
  "text/xml": "XML",
  "application/rdf+xml": "RDF_XML",
  "text/turtle": "RDF_TURTLE",
  "application/n-triples": "RDF_N_TRIPLES",
  "application/n-quads": "RDF_N_QUADS",
  "application/trig": "RDF_TRIG",
  "application/vnd.google-earth.kml+xml": "KML",
  "application/vnd.google-earth.kmz": "KMZ",
  "application/vnd.oasis.opendocument.spreadsheet": "ODS",
  "application/vnd.ms-excel": "XLS",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "XLSX",
  "application/pdf": "PDF",
  "application/zip": "ZIP",
  "application/gzip": "GZIP",
  "application/x-tar": "TAR",
  "text/html": "HTML",
  "text/plain": "TXT",
  "text/calendar": "ICS",
  "application/rss+xml": "RSS",
  "application/rtf": "RTF",
  "image/png": "PNG",
  "image/tiff": "TIFF",
  "application/x-netcdf": "NETCDF",
  "application/msword": "DOC",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "DOCX",
  "application/vnd.oasis.opendocument.text": "ODT",
};

/** EU file-type code of a declared format (`csv`, `CSV`, or the authority URI), or undefined. */
export function fileTypeCode(format: string | undefined): string | undefined {
  if (!format) return undefined;
  const direct = vocabularyCode(FILE_TYPES, format);
  if (direct) return direct;
  const alias = FORMAT_ALIASES[format.trim().toLowerCase().replace(/^\./, "")];
  return alias;
}

export function mediaTypeFileType(mediaType: string | undefined): string | undefined {
  const type = normaliseMediaType(mediaType);
  return type === undefined ? undefined : MEDIA_TYPE_FORMATS[type];
}
