import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { loadTableSchema, parseCatalog, readDocument, type CatalogEntry } from "@conforme/core/internal";
import type { BundledSchema, CatalogueSnapshot } from "./catalogue.js";

export interface SnapshotOptions {
  /** schema.data.gouv.fr's `schemas.json` or a file in its format: a path or an http(s) URL. */
  catalog: string;
  /**
   * A local folder of schema bodies: `<dir>/<org>/<name>/<version>/<file>` (schema.data.gouv.fr's
   * own layout) or `<dir>/<org>/<name>/schema.json`. Looked up before the catalogue's URLs.
   */
  schemas?: string;
  /** Directory relative paths are read from. */
  cwd?: string;
  /** Injected for tests; the global `fetch` otherwise. Used only when the catalogue is a URL. */
  fetch?: typeof fetch;
  now?: Date;
}

export interface SnapshotResult {
  snapshot: CatalogueSnapshot;
  /** Table schemas of the catalogue left out, and why: the build prints them. */
  skipped: { id: string; reason: string }[];
}

const isUrl = (value: string) => /^https?:\/\//i.test(value);

/**
 * Reads the catalogue and the body of each table schema's latest version. A catalogue given by
 * path is read offline: bodies come from the schemas folder or from `file:` URLs relative to the
 * catalogue, never from the network. A catalogue given by URL (the Pages workflow) also fetches
 * the bodies it cannot find locally.
 */
export async function buildSnapshot(options: SnapshotOptions): Promise<SnapshotResult> {
  const cwd = options.cwd ?? process.cwd();
  const remote = isUrl(options.catalog);
  const catalogUrl = remote ? options.catalog : pathToFileURL(path.resolve(cwd, options.catalog)).href;
  const doFetch = options.fetch ?? globalThis.fetch;
  const readText = async (url: string): Promise<string> => {
    if (url.startsWith("file:")) return readFile(fileURLToPath(url), "utf8");
    if (!remote) throw new Error(`not read: the catalogue is local, ${url} would need the network`);
    const response = await doFetch(url, { signal: AbortSignal.timeout(30_000) });
    if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`);
    return response.text();
  };

  const entries = parseCatalog(await readDocument(await readText(catalogUrl), catalogUrl), catalogUrl);
  const schemas: BundledSchema[] = [];
  const skipped: SnapshotResult["skipped"] = [];
  for (const entry of entries) {
    // Data packages, JSON Schemas and "other" schemas are not one table's schema.
    if (entry.type !== undefined && entry.type !== "tableschema") continue;
    const version = entry.versions.find((candidate) => candidate.version === entry.latest);
    if (!version) {
      skipped.push({ id: entry.id, reason: "no published version" });
      continue;
    }
    try {
      const local = options.schemas ? await readLocal(path.resolve(cwd, options.schemas), entry, version.version, version.schemaUrl) : undefined;
      const json = await readDocument(local ?? (await readText(version.schemaUrl)), version.schemaUrl);
      // A body that cannot drive validation is left out here rather than failing in the user's hands.
      loadTableSchema(json, version.schemaUrl);
      schemas.push({ id: entry.id, ...(entry.title !== undefined && { title: entry.title }), version: version.version, url: version.schemaUrl, schema: json });
    } catch (error) {
      skipped.push({ id: entry.id, reason: error instanceof Error ? error.message.split("\n")[0]! : String(error) });
    }
  }
  schemas.sort((a, b) => (a.title ?? a.id).localeCompare(b.title ?? b.id, "fr"));
  return { snapshot: { source: options.catalog, createdAt: (options.now ?? new Date()).toISOString(), schemas }, skipped };
}

async function readLocal(dir: string, entry: CatalogEntry, version: string, url: string): Promise<string | undefined> {
  const file = decodeURIComponent(new URL(url).pathname.split("/").pop() ?? "schema.json");
  for (const candidate of [path.join(dir, entry.id, version, file), path.join(dir, entry.id, "schema.json")]) {
    try {
      return await readFile(candidate, "utf8");
    } catch {
      // Not in this layout; try the next.
    }
  }
  return undefined;
}
