export { defaultCacheDir, fetchText, type CacheOptions, type FetchTextOptions } from "./cache.js";
export {
  createJsonReader,
  isLocalPath,
  listCatalog,
  pullSchemas,
  resolveSchemaRef,
  type PulledSchema,
  type ResolvedSchema,
  type ResolveOptions,
} from "./resolve.node.js";
