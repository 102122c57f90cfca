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
/** Alias the engine's lint entry point imports. */
export { resolveSchemaRef as resolveSchema } from "./resolve.node.js";
