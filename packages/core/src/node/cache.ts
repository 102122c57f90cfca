import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { ResolveError } from "../resolve/errors.js";
import type { FetchLimits } from "./limits.js";

export interface CacheOptions extends FetchLimits {
  /** Where downloads are kept; default `$XDG_CACHE_HOME/conforme`, else `~/.cache/conforme`. */
  cacheDir?: string;
  /** Use the cache only; a URL absent from it is an error. */
  offline?: boolean;
  /** Download again even when the cache holds the URL. */
  refresh?: boolean;
}

export interface FetchTextOptions extends CacheOptions {
  /** A cached copy older than this is downloaded again (kept if the network fails). Default: never. */
  maxAgeMs?: number;
  /** Ids to name in the `conforme schemas pull` hint of an offline cache miss. */
  pullIds?: string[];
}

interface CacheRecord {
  url: string;
  fetchedAt: string;
  body: string;
}

/** XDG Base Directory spec: `$XDG_CACHE_HOME`, defaulting to `~/.cache`. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.join(os.homedir(), ".cache");
  return path.join(base, "conforme");
}

function cacheFile(cacheDir: string, url: string): string {
  return path.join(cacheDir, "http", `${createHash("sha256").update(url).digest("hex")}.json`);
}

async function readRecord(file: string, url: string): Promise<CacheRecord | undefined> {
  try {
    const record = JSON.parse(await readFile(file, "utf8")) as CacheRecord;
    return record.url === url && typeof record.body === "string" ? record : undefined;
  } catch {
    return undefined;
  }
}

async function writeRecord(file: string, record: CacheRecord): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  // Write then rename, so a reader never sees half a file when two runs share the cache.
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temp, JSON.stringify(record));
  await rename(temp, file);
}

/**
 * The body of `url`, from the disk cache (keyed by URL) or downloaded under the fetch rules of
 * `fetchBody` and stored. Throws `ResolveError` naming the URL: `http-error`, `network-error`
 * (timeout included), `fetch-refused`, `too-large`, `offline-cache-miss`.
 */
export async function fetchText(url: string, options: FetchTextOptions = {}): Promise<{ text: string; fromCache: boolean }> {
  const cacheDir = options.cacheDir ?? defaultCacheDir();
  const file = cacheFile(cacheDir, url);
  const cached = options.refresh && !options.offline ? undefined : await readRecord(file, url);
  if (options.offline) {
    if (cached) return { text: cached.body, fromCache: true };
    const ids = options.pullIds?.length ? ` ${options.pullIds.join(" ")}` : "";
    throw new ResolveError("offline-cache-miss", { url, cacheDir, ids });
  }
  const fresh = cached && (options.maxAgeMs === undefined || Date.now() - Date.parse(cached.fetchedAt) < options.maxAgeMs);
  if (cached && fresh) return { text: cached.body, fromCache: true };

  let text: string;
  try {
    // node:http, https, dns and zlib are loaded with the fetcher, only when a URL is fetched.
    const { fetchBody } = await import("./fetch.js");
    text = (await fetchBody(url, options, { accept: "application/json, */*" })).toString("utf8");
  } catch (error) {
    // A stale copy beats no copy when the network is down; a refusal (scheme, address, size) stands.
    if (cached && error instanceof ResolveError && error.code === "network-error") return { text: cached.body, fromCache: true };
    throw error;
  }
  await writeRecord(file, { url, fetchedAt: new Date().toISOString(), body: text });
  return { text, fromCache: false };
}
