import { existsSync } from "node:fs";
import { open } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { findCatalogVersion, parseCatalog, readDocument, parseSchemaId, DEFAULT_CATALOG_URL, type CatalogEntry } from "../resolve/catalog.js";
import { ResolveError } from "../resolve/errors.js";
import type { ReadJson } from "../table-schema/package.js";
import { fetchText, type CacheOptions } from "./cache.js";
import { DEFAULT_MAX_DOWNLOAD_BYTES } from "./limits.js";

export interface ResolveOptions extends CacheOptions {
  /**
   * The schema catalogue; default https://schema.data.gouv.fr/schemas.json. A `file:` URL or a
   * path (against `cwd`) reads a local catalogue, whose relative `schema_url`s are local files.
   */
  catalogUrl?: string;
  /** Relative paths are read from here; default `process.cwd()`. */
  cwd?: string;
  /** The cached catalogue is downloaded again once older than this; default 24 h. */
  catalogMaxAgeMs?: number;
}

export interface ResolvedSchema {
  /** The parsed descriptor (Table Schema or Data Package). */
  json: unknown;
  /** The URL or absolute path it was read from. */
  source: string;
  /** The folder or URL that relative references inside it resolve against. */
  base: string;
  /** Catalogue id and version, when resolved through the catalogue. */
  id?: string;
  version?: string;
  /** Catalogue `schema_type`: `tableschema`, `datapackage`... */
  type?: string;
}

const URL_LIKE = /^https?:\/\//i;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Reads a local file as JSON (or YAML by extension), naming the path when it fails. A schema or
 * descriptor is held whole in memory: like a download, it is refused past 20 Mio (national
 * schemas weigh under 200 Kio), and read only when it is a regular file (a FIFO or /dev/zero
 * would block the run or never end), checked on the open descriptor.
 */
async function readLocal(file: string): Promise<unknown> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(file, "r");
  } catch (cause) {
    throw new ResolveError("file-not-found", { path: file }, { cause });
  }
  let text: string;
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new ResolveError("file-refused", { path: file, reason: "ce n'est pas un fichier ordinaire", reasonEn: "not a regular file" });
    const limit = DEFAULT_MAX_DOWNLOAD_BYTES;
    const tooLarge = () => new ResolveError("file-refused", { path: file, reason: `plus de ${limit / 1024 / 1024} Mio`, reasonEn: `more than ${limit / 1024 / 1024} MiB` });
    if (stats.size > limit) throw tooLarge();
    // Counted while reading too: a file growing after the stat stops at the limit as well.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(Math.max(stats.size - total, 64 * 1024), limit + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > limit) throw tooLarge();
    }
    text = Buffer.concat(chunks).toString("utf8");
  } finally {
    await handle.close();
  }
  return readDocument(text, file);
}

const FILE_URL = /^file:/i;

async function readUrl(url: string, options: ResolveOptions, pullIds?: string[]): Promise<unknown> {
  if (FILE_URL.test(url)) return readLocal(fileURLToPath(url));
  const { text } = await fetchText(url, { ...options, ...(pullIds ? { pullIds } : {}) });
  return readDocument(text, url);
}

const urlBase = (url: string) => new URL(".", url).href;

/**
 * Whether `ref` names a local file rather than a catalogue id: a file that exists wins; `./x`,
 * `../x`, absolute paths and names ending in .json/.yaml/.yml are paths; `org/name[@version]` is an id.
 */
export function isLocalPath(ref: string, cwd: string = process.cwd()): boolean {
  if (URL_LIKE.test(ref)) return false;
  if (ref.startsWith("./") || ref.startsWith("../") || ref.startsWith("~/") || path.isAbsolute(ref)) return true;
  if (existsSync(path.resolve(cwd, ref))) return true;
  if (/\.(json|ya?ml)$/i.test(ref)) return true;
  return parseSchemaId(ref) === null;
}

/**
 * Where the catalogue is: an http(s) URL, or a `file:` URL for a local catalogue given as a
 * `file:` URL or a path. A local one is read as it is, never cached, and needs no network.
 */
function catalogLocation(options: ResolveOptions): string {
  const catalogUrl = options.catalogUrl ?? DEFAULT_CATALOG_URL;
  if (URL_LIKE.test(catalogUrl) || FILE_URL.test(catalogUrl)) return catalogUrl;
  const cwd = options.cwd ?? process.cwd();
  return pathToFileURL(path.resolve(cwd, catalogUrl.startsWith("~/") ? path.join(os.homedir(), catalogUrl.slice(2)) : catalogUrl)).href;
}

/** The catalogue's entries (id, title, type, versions, latest), through the cache. */
export async function listCatalog(options: ResolveOptions = {}): Promise<CatalogEntry[]> {
  const catalogUrl = catalogLocation(options);
  if (FILE_URL.test(catalogUrl)) return parseCatalog(await readLocal(fileURLToPath(catalogUrl)), catalogUrl);
  const { text } = await fetchText(catalogUrl, { ...options, maxAgeMs: options.catalogMaxAgeMs ?? DAY_MS });
  return parseCatalog(await readDocument(text, catalogUrl), catalogUrl);
}

/**
 * Resolves a schema reference: a local path, an http(s) URL, or a schema.data.gouv.fr id
 * (`org/name`, `org/name@1.2.0`, `org/name@latest`). Ids go through the catalogue, whose
 * `versions[].schema_url` says where each version lives. Downloads are cached on disk.
 */
export async function resolveSchemaRef(ref: string, options: ResolveOptions = {}): Promise<ResolvedSchema> {
  const cwd = options.cwd ?? process.cwd();
  if (URL_LIKE.test(ref)) return { json: await readUrl(ref, options), source: ref, base: urlBase(ref) };
  if (isLocalPath(ref, cwd)) {
    const file = path.resolve(cwd, ref.startsWith("~/") ? path.join(os.homedir(), ref.slice(2)) : ref);
    return { json: await readLocal(file), source: file, base: path.dirname(file) };
  }
  const wanted = parseSchemaId(ref);
  if (!wanted) throw new ResolveError("file-not-found", { path: ref });
  const catalogUrl = options.catalogUrl ?? DEFAULT_CATALOG_URL;
  const { entry, version } = findCatalogVersion(await listCatalog(options), wanted, catalogUrl);
  const json = await readUrl(version.schemaUrl, options, [`${entry.id}@${version.version}`]);
  const local = FILE_URL.test(version.schemaUrl) ? fileURLToPath(version.schemaUrl) : undefined;
  return {
    json,
    source: local ?? version.schemaUrl,
    base: local === undefined ? urlBase(version.schemaUrl) : path.dirname(local),
    id: entry.id,
    version: version.version,
    ...(entry.type ? { type: entry.type } : {}),
  };
}

/**
 * A `readJson` for `loadDataPackage`: local files from disk, URLs through the cache (so a package
 * resolved online validates offline afterwards).
 */
export function createJsonReader(options: ResolveOptions = {}): ReadJson {
  return (ref) => (URL_LIKE.test(ref) ? readUrl(ref, options) : readLocal(path.resolve(options.cwd ?? process.cwd(), ref)));
}

export interface PulledSchema {
  id: string;
  version: string;
  /** Every URL now in the cache for this schema (the descriptor, then the files it references). */
  urls: string[];
}

/**
 * Fills the cache with the catalogue and the given ids (`org/name[@version]`; all the latest
 * versions when `ids` is empty), including the schemas and dialects a Data Package references.
 */
export async function pullSchemas(ids: string[], options: ResolveOptions = {}): Promise<PulledSchema[]> {
  const online = { ...options, offline: false };
  const entries = await listCatalog({ ...online, catalogMaxAgeMs: 0 });
  const refs = ids.length > 0 ? ids : entries.filter((e) => e.latest !== undefined).map((e) => e.id);
  const pulled: PulledSchema[] = [];
  for (const ref of refs) {
    const wanted = parseSchemaId(ref);
    if (!wanted) throw new ResolveError("unknown-schema-id", { id: ref, catalogUrl: options.catalogUrl ?? DEFAULT_CATALOG_URL });
    const { entry, version } = findCatalogVersion(entries, wanted, options.catalogUrl ?? DEFAULT_CATALOG_URL);
    const json = await readUrl(version.schemaUrl, online);
    const urls = [version.schemaUrl];
    const resources = typeof json === "object" && json !== null && Array.isArray((json as { resources?: unknown }).resources) ? (json as { resources: unknown[] }).resources : [];
    if (entry.type === "datapackage") {
      for (const resource of resources) {
        if (typeof resource !== "object" || resource === null) continue;
        for (const key of ["schema", "dialect"] as const) {
          const value = (resource as Record<string, unknown>)[key];
          if (typeof value !== "string") continue;
          const url = new URL(value, version.schemaUrl).href;
          await readUrl(url, online);
          urls.push(url);
        }
      }
    }
    pulled.push({ id: entry.id, version: version.version, urls });
  }
  return pulled;
}
