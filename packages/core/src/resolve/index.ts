export {
  closeMatches,
  compareVersions,
  DEFAULT_CATALOG_URL,
  findCatalogVersion,
  normalizeVersion,
  parseCatalog,
  parseDocument,
  readDocument,
  parseSchemaId,
  type CatalogEntry,
  type CatalogVersion,
  type SchemaId,
} from "./catalog.js";
export { ResolveError, type ResolveErrorCode } from "./errors.js";
