import type { DatasetProperty, DistributionProperty, SourceFormat } from "./model.js";

type Property = DatasetProperty | DistributionProperty;

const DATAPACKAGE: Partial<Record<Property, string>> = {
  title: "title",
  description: "description",
  keywords: "keywords",
  themes: "x-conforme.themes",
  spatial: "x-conforme.spatial",
  temporal: "x-conforme.temporal",
  accrualPeriodicity: "x-conforme.accrualPeriodicity",
  publisher: "contributors[].roles: [publisher]",
  contactPoints: "contributors[].roles: [contact]",
  accessRights: "x-conforme.accessRights",
  license: "licenses",
  rights: "x-conforme.rights",
  issued: "created",
  modified: "x-conforme.modified",
  conformsTo: "resources[].schema",
  distributions: "resources",
  accessURL: "resources[].path",
  downloadURL: "resources[].path",
  path: "resources[].path",
  format: "resources[].format",
  mediaType: "resources[].mediatype",
  byteSize: "resources[].bytes",
  checksum: "resources[].hash",
};

const CONFORME: Partial<Record<Property, string>> = {
  contactPoints: "contactPoint",
  accessURL: "distributions[].accessURL",
  downloadURL: "distributions[].downloadURL",
  path: "distributions[].path",
  format: "distributions[].format",
  mediaType: "distributions[].mediaType",
  byteSize: "distributions[].byteSize",
  checksum: "distributions[].checksum",
};

const DATAGOUV: Partial<Record<Property, string>> = {
  keywords: "tags",
  themes: "tags",
  temporal: "temporal_coverage",
  accrualPeriodicity: "frequency",
  publisher: "organization",
  contactPoints: "contact_points",
  accessRights: "access_type",
  issued: "created_at",
  modified: "last_update",
  distributions: "resources",
  accessURL: "resources[].url",
  downloadURL: "resources[].url",
  format: "resources[].format",
  mediaType: "resources[].mime",
  byteSize: "resources[].filesize",
  checksum: "resources[].checksum",
  rights: "license",
};

const DCAT: Partial<Record<Property, string>> = {
  title: "dct:title",
  description: "dct:description",
  keywords: "dcat:keyword",
  themes: "dcat:theme",
  spatial: "dct:spatial",
  temporal: "dct:temporal",
  accrualPeriodicity: "dct:accrualPeriodicity",
  publisher: "dct:publisher",
  contactPoints: "dcat:contactPoint",
  accessRights: "dct:accessRights",
  license: "dct:license",
  rights: "dct:rights",
  issued: "dct:issued",
  modified: "dct:modified",
  conformsTo: "dct:conformsTo",
  distributions: "dcat:distribution",
  accessURL: "dcat:accessURL",
  downloadURL: "dcat:downloadURL",
  format: "dct:format",
  mediaType: "dcat:mediaType",
  byteSize: "dcat:byteSize",
  checksum: "spdx:checksum",
};

/** Key of a model property in the descriptor the user wrote, for the advice messages. */
export function keyName(source: SourceFormat, property: Property): string {
  const table = source.startsWith("datapackage") ? DATAPACKAGE : source === "conforme" ? CONFORME : source === "datagouv" ? DATAGOUV : DCAT;
  return table[property] ?? property;
}

/** Properties that live in the `x-conforme` extension object of a datapackage.json. */
export const DATAPACKAGE_EXTENSION: ReadonlySet<Property> = new Set<Property>(["themes", "spatial", "temporal", "accrualPeriodicity", "accessRights", "rights", "modified"]);
