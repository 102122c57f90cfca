import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { Lang } from "../findings.js";
import { evaluateMetadata, type MetadataOptions, type MetadataResult } from "../metadata/evaluate.js";
import type { DataFacts, DatasetModel, UrlCheck } from "../metadata/model.js";
import { isHttpUrl } from "../metadata/model.js";
import { readDescriptor, MetadataInputError, type ParsedDescriptor } from "../metadata/read.js";

/** Size, SHA-256, MD5 and modification time of a file, in one read. Undefined when it does not exist. */
export async function fileFacts(file: string, reference = file): Promise<DataFacts | undefined> {
  let info;
  try {
    info = await stat(file);
  } catch {
    return undefined;
  }
  if (!info.isFile()) return undefined;
  const sha256 = createHash("sha256");
  const md5 = createHash("md5");
  for await (const chunk of createReadStream(file)) {
    sha256.update(chunk as Buffer);
    md5.update(chunk as Buffer);
  }
  return { path: reference, bytes: info.size, sha256: sha256.digest("hex"), md5: md5.digest("hex"), mtime: info.mtime.toISOString() };
}

/** Facts of every local file the descriptor's distributions reference, resolved from its folder. */
export async function distributionFacts(model: DatasetModel, descriptorDir: string): Promise<DataFacts[]> {
  const facts: DataFacts[] = [];
  for (const d of model.distributions) {
    if (d.path === undefined || isHttpUrl(d.path)) continue;
    const resolved = path.resolve(descriptorDir, d.path);
    // A descriptor must not make conforme read outside its folder.
    if (path.relative(descriptorDir, resolved).startsWith("..")) continue;
    const found = await fileFacts(resolved, d.path);
    if (found) facts.push(found);
  }
  return facts;
}

export const DATAGOUV_URL = "https://www.data.gouv.fr";

/** Fetches a data.gouv.fr dataset JSON by id or slug (`GET /api/1/datasets/{id}/`). */
export async function fetchDatagouvDataset(
  idOrSlug: string,
  options: { baseUrl?: string; timeoutMs?: number; fetch?: typeof fetch } = {},
): Promise<string> {
  const base = (options.baseUrl ?? DATAGOUV_URL).replace(/\/+$/, "");
  const url = `${base}/api/1/datasets/${encodeURIComponent(idOrSlug)}/`;
  const response = await (options.fetch ?? fetch)(url, {
    headers: { accept: "application/json" },
    signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
  });
  if (!response.ok) throw new MetadataInputError("metadata-unreadable", `${url} : HTTP ${response.status}`);
  return response.text();
}

export interface UrlCheckOptions {
  timeoutMs?: number;
  concurrency?: number;
  /** Shared between calls: a URL is checked once. */
  cache?: Map<string, UrlCheck>;
  fetch?: typeof fetch;
  now?: () => Date;
}

/** Status codes that mean "HEAD not supported here", after which a ranged GET is tried. */
const HEAD_REFUSED = new Set([403, 405, 501]);

/**
 * Liveness of one URL as the MQA checks it: HEAD, and when HEAD is refused a GET of one byte
 * (`Range: bytes=0-0`). 2xx and 3xx count as reachable; redirects are not followed, so a
 * redirect to a non-http scheme is never fetched.
 */
export async function checkUrl(url: string, options: UrlCheckOptions = {}): Promise<UrlCheck> {
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const checkedAt = (options.now?.() ?? new Date()).toISOString();
  const attempt = async (method: "HEAD" | "GET"): Promise<UrlCheck> => {
    const response = await doFetch(url, {
      method,
      redirect: "manual",
      headers: method === "GET" ? { range: "bytes=0-0" } : {},
      signal: AbortSignal.timeout(timeoutMs),
    });
    // Drop the body: a server may ignore the Range header.
    await response.body?.cancel().catch(() => undefined);
    return { url, ok: response.status >= 200 && response.status < 400, status: response.status, method, checkedAt };
  };
  try {
    const head = await attempt("HEAD");
    if (head.ok || !HEAD_REFUSED.has(head.status ?? 0)) return head;
    return await attempt("GET");
  } catch (error) {
    return { url, ok: false, method: "HEAD", error: (error as Error).name === "TimeoutError" ? "timeout" : (error as Error).message, checkedAt };
  }
}

/** Checks many URLs with bounded concurrency and a cache. */
export async function checkUrls(urls: Iterable<string>, options: UrlCheckOptions = {}): Promise<Map<string, UrlCheck>> {
  const cache = options.cache ?? new Map<string, UrlCheck>();
  const queue = [...new Set(urls)].filter((url) => isHttpUrl(url) && !cache.has(url));
  const workers = Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 4, queue.length)) }, async () => {
    for (let url = queue.shift(); url !== undefined; url = queue.shift()) cache.set(url, await checkUrl(url, options));
  });
  await Promise.all(workers);
  return cache;
}

/** Every URL the scores depend on: access and download URLs of the distributions. */
export function distributionUrls(model: DatasetModel): string[] {
  return model.distributions.flatMap((d) => [d.accessURL, d.downloadURL]).filter((u): u is string => isHttpUrl(u));
}

export interface MetadataFileOptions extends Omit<MetadataOptions, "urlChecks"> {
  /** Check URL liveness (network); off by default. */
  checkUrls?: boolean;
  urlCheckOptions?: UrlCheckOptions;
  /** Name reported on findings; defaults to the path as given. */
  displayName?: string;
}

async function finish(parsed: ParsedDescriptor, dir: string | undefined, options: MetadataFileOptions): Promise<MetadataResult> {
  const local = dir === undefined ? [] : await distributionFacts(parsed.model, dir);
  // Engine-provided facts (dates, codes, schema) win over the file facts computed here.
  const facts = mergeFacts(local, options.facts ?? []);
  const urlChecks = options.checkUrls ? await checkUrls(distributionUrls(parsed.model), options.urlCheckOptions) : undefined;
  return evaluateMetadata(parsed, { ...options, facts, ...(urlChecks && { urlChecks }) });
}

function mergeFacts(local: DataFacts[], given: readonly DataFacts[]): DataFacts[] {
  const merged = new Map(local.map((f) => [f.path, f]));
  for (const f of given) merged.set(f.path, { ...merged.get(f.path), ...f });
  return [...merged.values()];
}

/** Reads, scores and cross-checks a descriptor file. */
export async function evaluateMetadataFile(file: string, options: MetadataFileOptions = {}): Promise<MetadataResult> {
  const text = await readFile(file, "utf8");
  const parsed = await readDescriptor(text, { file: options.displayName ?? file, ...(options.lang && { lang: options.lang }) });
  return finish(parsed, path.dirname(path.resolve(file)), options);
}

/** Fetches a data.gouv.fr dataset and scores it. */
export async function evaluateDatagouvDataset(
  idOrSlug: string,
  options: MetadataFileOptions & { baseUrl?: string; lang?: Lang } = {},
): Promise<MetadataResult> {
  const text = await fetchDatagouvDataset(idOrSlug, { ...(options.baseUrl && { baseUrl: options.baseUrl }) });
  const parsed = await readDescriptor(text, { file: options.displayName ?? idOrSlug, ...(options.lang && { lang: options.lang }) });
  return finish(parsed, undefined, options);
}
