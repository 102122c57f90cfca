/**
 * EU controlled vocabularies used by DCAT-AP and the data.europa.eu MQA, bundled as versioned
 * data. Codes are the authority-table codes of the Publications Office (EU Vocabularies); the
 * MQA compares the last URI segment, so conforme stores codes and strips the URI prefix.
 */

export interface Vocabulary {
  id: string;
  /** Where the list comes from (authority table or snapshot). */
  source: string;
  /** Date of the snapshot the list was read from. */
  date: string;
  /** URI prefix of the codes, stripped when comparing. */
  base?: string;
  codes: readonly string[];
  /** True when the list is a subset of the authority table (see `docs/metadata.md`). */
  partial?: boolean;
}

/**
 * EU file-type authority table (subset). Holds every code of the EDP machine-readable and
 * non-proprietary lists plus the common office and archive formats French portals see.
 */
export const FILE_TYPES: Vocabulary = {
  id: "eu-file-type",
  source: "http://publications.europa.eu/resource/authority/file-type (subset, via YourOpenDAta/mqa-scoring edp-vocabularies)",
  date: "2023-03-01",
  base: "http://publications.europa.eu/resource/authority/file-type/",
  partial: true,
  codes: [
    "7Z",
    "ATOM",
    "BMP",
    "BZIP2",
    "CSV",
    "DBF",
    "DOC",
    "DOCX",
    "EPUB",
    "GEOJSON",
    "GIF",
    "GML",
    "GPKG",
    "GZIP",
    "HTML",
    "ICS",
    "JPEG",
    "JPEG2000",
    "JSON",
    "JSON_LD",
    "KML",
    "KMZ",
    "MDB",
    "NETCDF",
    "ODP",
    "ODS",
    "ODT",
    "PARQUET",
    "PDF",
    "PNG",
    "PPT",
    "PPTX",
    "RAR",
    "RDFA",
    "RDF_N_QUADS",
    "RDF_N_TRIPLES",
    "RDF_TRIG",
    "RDF_TURTLE",
    "RDF_XML",
    "RSS",
    "RTF",
    "SHP",
    "SQL",
    "SVG",
    "TAR",
    "TIFF",
    "TSV",
    "TXT",
    "WFS_SRVC",
    "WMS_SRVC",
    "XHTML",
    "XLS",
    "XLSX",
    "XML",
    "ZIP",
  ],
};

/** EDP machine-readable formats ([YODA] `edp-machine-readable-format.rdf`). */
export const MACHINE_READABLE: Vocabulary = {
  id: "edp-machine-readable-format",
  source: "data.europa.eu EDP vocabulary edp-machine-readable-format (snapshot in YourOpenDAta/mqa-scoring)",
  date: "2023-03-01",
  codes: [
    "CSV",
    "GEOJSON",
    "ICS",
    "JSON",
    "JSON_LD",
    "KML",
    "KMZ",
    "NETCDF",
    "ODS",
    "RDFA",
    "RDF_N_QUADS",
    "RDF_N_TRIPLES",
    "RDF_TRIG",
    "RDF_TURTLE",
    "RDF_XML",
    "RSS",
    "SHP",
    "XLS",
    "XLSX",
    "XML",
  ],
};

/** EDP non-proprietary formats ([YODA] `edp-non-proprietary-format.rdf`); XLS/XLSX are not in it. */
export const NON_PROPRIETARY: Vocabulary = {
  id: "edp-non-proprietary-format",
  source: "data.europa.eu EDP vocabulary edp-non-proprietary-format (snapshot in YourOpenDAta/mqa-scoring)",
  date: "2023-03-01",
  codes: [
    "BMP",
    "CSV",
    "DBF",
    "GEOJSON",
    "GZIP",
    "HTML",
    "ICS",
    "JPEG2000",
    "JSON",
    "JSON_LD",
    "KML",
    "KMZ",
    "NETCDF",
    "ODS",
    "PNG",
    "RDF_N_QUADS",
    "RDF_N_TRIPLES",
    "RDF_TRIG",
    "RDF_TURTLE",
    "RDF_XML",
    "RSS",
    "RTF",
    "TAR",
    "TIFF",
    "TSV",
    "TXT",
    "WMS_SRVC",
    "XML",
    "ZIP",
  ],
};

/** EU data-theme authority table (piveau-vocabularies `data-theme-skos.rdf`). */
export const DATA_THEMES: Vocabulary = {
  id: "eu-data-theme",
  source: "http://publications.europa.eu/resource/authority/data-theme (piveau-data/piveau-vocabularies)",
  date: "2019-12-10",
  base: "http://publications.europa.eu/resource/authority/data-theme/",
  codes: ["AGRI", "ECON", "EDUC", "ENER", "ENVI", "GOVE", "HEAL", "INTR", "JUST", "OP_DATPRO", "REGI", "SOCI", "TECH", "TRAN"],
};

/** EU access-right authority table (codes bound by DCAT-AP 3.0.1 `mdr-vocabularies.shape.ttl`). */
export const ACCESS_RIGHTS: Vocabulary = {
  id: "eu-access-right",
  source: "http://publications.europa.eu/resource/authority/access-right",
  date: "2025-07-10",
  base: "http://publications.europa.eu/resource/authority/access-right/",
  codes: ["NON_PUBLIC", "OP_DATPRO", "PUBLIC", "RESTRICTED"],
};

/** data.gouv.fr `access_type` values mapped onto the EU access-right codes. */
export const DATAGOUV_ACCESS_TYPES: Readonly<Record<string, string>> = {
  open: "PUBLIC",
  open_with_account: "RESTRICTED",
  restricted: "NON_PUBLIC",
};

/** Code of a value in a vocabulary (case-insensitive, URI prefix stripped), or undefined. */
export function vocabularyCode(vocabulary: Vocabulary, value: string | undefined): string | undefined {
  if (!value) return undefined;
  let code = value.trim();
  if (vocabulary.base && code.startsWith(vocabulary.base)) code = code.slice(vocabulary.base.length);
  code = code.toUpperCase();
  return vocabulary.codes.includes(code) ? code : undefined;
}
