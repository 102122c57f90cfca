import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { Lang } from "../findings.js";
import { detectFormat } from "../metadata/adapters.js";
import { MQA_RATINGS } from "../metadata/mqa-criteria.js";
import { toMetadataReport } from "../metadata/report-section.js";
import type { MetadataThreshold } from "../metadata/threshold.js";
import { createFactsCollector, type CollectedFacts } from "../metadata/facts-check.js";
import type { FileReport, MetadataReport, Report, RunError } from "../report.js";
import type { RowCheck } from "../check.js";
import type { FindingFactory } from "../validate/findings-factory.js";
import type { Validator } from "../validate/validator.js";
import { evaluateMetadata, type MetadataOptions, type MetadataResult } from "../metadata/evaluate.js";
import type { DataFacts, DatasetModel, UrlCheck } from "../metadata/model.js";
import { isHttpUrl } from "../metadata/model.js";
import { normalisePath } from "../metadata/cross-checks.js";
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

/**
 * Facts of every local file the descriptor's distributions reference, resolved from its folder.
 * Files already described by `known` (size and SHA-256, as `lint` computes them while
 * validating) are not read again.
 */
export async function distributionFacts(model: DatasetModel, descriptorDir: string, known: readonly DataFacts[] = []): Promise<DataFacts[]> {
  const facts: DataFacts[] = [];
  const done = new Map(known.filter((f) => f.bytes !== undefined && f.sha256 !== undefined).map((f) => [normalisePath(f.path), f]));
  for (const d of model.distributions) {
    if (d.path === undefined || isHttpUrl(d.path)) continue;
    const given = done.get(normalisePath(d.path));
    // Read again only for an MD5 checksum (datapackage v1's default `hash`), which lint does not compute.
    if (given && (d.checksum?.algorithm !== "md5" || given.md5 !== undefined)) continue;
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
export async function fetchDatagouvDataset(idOrSlug: string, options: { baseUrl?: string; timeoutMs?: number; fetch?: typeof fetch } = {}): Promise<string> {
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
  const local = dir === undefined ? [] : await distributionFacts(parsed.model, dir, options.facts);
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
  const parsed = await readDescriptor(text, {
    file: options.displayName ?? file,
    ...(options.lang && { lang: options.lang }),
    ...(options.factory && { factory: options.factory }),
  });
  return finish(parsed, path.dirname(path.resolve(file)), options);
}

/** Fetches a data.gouv.fr dataset and scores it. */
export async function evaluateDatagouvDataset(idOrSlug: string, options: MetadataFileOptions & { baseUrl?: string; lang?: Lang } = {}): Promise<MetadataResult> {
  const text = await fetchDatagouvDataset(idOrSlug, { ...(options.baseUrl && { baseUrl: options.baseUrl }) });
  const parsed = await readDescriptor(text, {
    file: options.displayName ?? idOrSlug,
    ...(options.lang && { lang: options.lang }),
    ...(options.factory && { factory: options.factory }),
  });
  return finish(parsed, undefined, options);
}

/**
 * Metadata scoring inside `lint` (issue 5). Config keys `metadata.minScore` and
 * `metadata.minRating` map onto the threshold members of the same names.
 */
export interface LintMetadataOptions extends MetadataThreshold {
  /**
   * Descriptors to score, relative to `cwd` (CLI `--metadata`). Their cross-checks use the data
   * files of the run inside the descriptor's folder, or every data file when none is there.
   */
  descriptors?: string[];
  /**
   * Scores the descriptors found next to the data files: `datapackage.json`,
   * `conforme.dataset.yml|yaml|json`, and any other JSON file holding a data.gouv.fr dataset
   * (`GET /api/1/datasets/{id}/`). Default true.
   */
  auto?: boolean;
  /** Reference date, ISO 8601, for the update-frequency criteria and cross-checks (CLI `--now`); default: now. */
  now?: string | Date;
  /** Checks that the distributions' URLs answer (network; CLI `--check-urls`); default false. */
  checkUrls?: boolean;
  urlCheckOptions?: UrlCheckOptions;
}

/** A descriptor `lint` scores. */
export interface LintDescriptor {
  /** Absolute path. */
  file: string;
  /** Named by the user (`descriptors`) rather than found next to the data. */
  explicit: boolean;
}

/** Names a descriptor next to data files may have; data.gouv.fr dataset JSON is found by content. */
export const DESCRIPTOR_NAMES: readonly string[] = ["datapackage.json", "conforme.dataset.yml", "conforme.dataset.yaml", "conforme.dataset.json"];

/** A JSON file larger than this is not sniffed for a data.gouv.fr dataset (dataset JSON is a few kB). */
const SNIFF_LIMIT = 5 * 1024 * 1024;

async function isDatagouvDataset(file: string): Promise<boolean> {
  try {
    if ((await stat(file)).size > SNIFF_LIMIT) return false;
    return detectFormat(JSON.parse(await readFile(file, "utf8"))) === "datagouv";
  } catch {
    return false;
  }
}

/** The descriptors in these directories, in a stable order. */
export async function findDescriptors(directories: Iterable<string>): Promise<string[]> {
  const found = new Set<string>();
  for (const directory of [...new Set(directories)].sort()) {
    const entries = await readdir(directory, { withFileTypes: true }).catch(() => []);
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (!entry.isFile()) continue;
      const file = path.join(directory, entry.name);
      if (DESCRIPTOR_NAMES.includes(entry.name.toLowerCase())) found.add(file);
      else if (/\.json$/i.test(entry.name) && (await isDatagouvDataset(file))) found.add(file);
    }
  }
  return [...found];
}

function optionProblem(options: LintMetadataOptions, lang: Lang): string | undefined {
  const fr = lang === "fr";
  if (options.now !== undefined && Number.isNaN(new Date(options.now).getTime())) {
    return fr ? `metadata.now : date ISO 8601 attendue, reçu « ${String(options.now)} ».` : `metadata.now: ISO 8601 date expected, got "${String(options.now)}".`;
  }
  const ratings = MQA_RATINGS.map((band) => band.rating as string);
  if (options.minRating !== undefined && !ratings.includes(options.minRating)) {
    return fr
      ? `metadata.minRating : ${ratings.join(", ")} attendu, reçu « ${options.minRating} ».`
      : `metadata.minRating: one of ${ratings.join(", ")} expected, got "${options.minRating}".`;
  }
  for (const key of ["minScore", "minDatagouvScore"] as const) {
    const value = options[key];
    if (value !== undefined && !(typeof value === "number" && value >= 0)) {
      return fr ? `metadata.${key} : nombre positif attendu, reçu « ${String(value)} ».` : `metadata.${key}: non-negative number expected, got "${String(value)}".`;
    }
  }
  return undefined;
}

/**
 * The descriptors a lint run scores: those named, then (unless `auto` is false) those found in
 * the directories of its data files and packages. Bad options and missing named descriptors are
 * run errors, reported before any data is read.
 */
export async function findLintDescriptors(
  options: LintMetadataOptions,
  context: { cwd: string; lang: Lang; directories: Iterable<string> },
): Promise<{ descriptors: LintDescriptor[]; runErrors: RunError[] }> {
  const problem = optionProblem(options, context.lang);
  if (problem !== undefined) return { descriptors: [], runErrors: [{ code: "option-error", message: problem }] };
  const runErrors: RunError[] = [];
  const descriptors: LintDescriptor[] = [];
  for (const given of options.descriptors ?? []) {
    const file = path.resolve(context.cwd, given);
    const info = await stat(file).catch(() => undefined);
    if (info?.isFile()) descriptors.push({ file, explicit: true });
    else {
      const message = context.lang === "fr" ? `Le descripteur de métadonnées « ${given} » n'existe pas.` : `Metadata descriptor "${given}" does not exist.`;
      runErrors.push({ code: "file-not-found", file: given, message });
    }
  }
  if (options.auto !== false) {
    const named = new Set(descriptors.map((d) => d.file));
    for (const file of await findDescriptors(context.directories)) if (!named.has(file)) descriptors.push({ file, explicit: false });
  }
  return { descriptors, runErrors };
}

const inside = (directory: string, file: string) => {
  const relative = path.relative(directory, file);
  return relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
};

/**
 * Scores each descriptor of a lint run, cross-checked against the facts the validation collected
 * (`files`: by absolute path, the `path` member being ignored), and applies the thresholds.
 * A descriptor that cannot be read is a run error; the others are still scored.
 */
export async function scoreLintDescriptors(
  descriptors: readonly LintDescriptor[],
  files: ReadonlyMap<string, DataFacts>,
  options: LintMetadataOptions,
  context: { lang: Lang; relative(absolute: string): string; factory?: FindingFactory },
): Promise<{ sections: MetadataReport[]; runErrors: RunError[] }> {
  const sections: MetadataReport[] = [];
  const runErrors: RunError[] = [];
  const now = options.now === undefined ? new Date() : new Date(options.now);
  const urlCheckOptions = { ...options.urlCheckOptions, cache: options.urlCheckOptions?.cache ?? new Map<string, UrlCheck>() };
  const { minScore, minRating, minDatagouvScore, basis } = options;
  const threshold: MetadataThreshold = {
    ...(minScore !== undefined && { minScore }),
    ...(minRating !== undefined && { minRating }),
    ...(minDatagouvScore !== undefined && { minDatagouvScore }),
    ...(basis !== undefined && { basis }),
  };
  for (const descriptor of descriptors) {
    const directory = path.dirname(descriptor.file);
    const display = context.relative(descriptor.file);
    let data = [...files.keys()].filter((file) => inside(directory, file));
    if (data.length === 0 && descriptor.explicit) data = [...files.keys()];
    const facts = data.map((file) => ({ ...files.get(file)!, path: path.relative(directory, file).split(path.sep).join("/") }));
    try {
      const result = await evaluateMetadataFile(descriptor.file, {
        now,
        lang: context.lang,
        facts,
        displayName: display,
        checkUrls: options.checkUrls === true,
        urlCheckOptions,
        criterionSeverity: "info",
        ...(context.factory && { factory: context.factory }),
      });
      const dataFiles = data.map(context.relative);
      sections.push(toMetadataReport(result, { descriptor: display, dataFiles, threshold, lang: context.lang, ...(context.factory && { factory: context.factory }) }));
    } catch (error) {
      const code = error instanceof MetadataInputError ? error.code : "run-error";
      runErrors.push({ code, file: display, message: error instanceof Error ? error.message : String(error) });
    }
  }
  return { sections, runErrors };
}

/** What `lint` needs from metadata scoring: wrap validators to collect facts, then score. */
export interface LintMetadata {
  /** Run errors of the metadata options and named descriptors. */
  runErrors: RunError[];
  /** The validator of one file, collecting that file's facts when a descriptor will be scored. */
  collecting(validator: Validator, file: string): Validator;
  /** Scores the descriptors into `report.metadata`, adding their findings to the stats and verdict. */
  score(report: Report): Promise<void>;
}

/**
 * Metadata scoring for one lint run: finds the descriptors (named ones, then those next to the
 * data unless `auto` is false) before any row is read, collects the data facts during the
 * validation's single pass, and scores once every file is read. `false` turns it off.
 */
export async function lintMetadata(
  options: LintMetadataOptions | false | undefined,
  context: { cwd: string; lang: Lang; directories: Iterable<string>; relative(absolute: string): string; factory?: FindingFactory },
): Promise<LintMetadata> {
  const settings = options === false ? undefined : (options ?? {});
  const found = settings ? await findLintDescriptors(settings, context) : { descriptors: [], runErrors: [] };
  const collected = new Map<string, { report: FileReport; facts: CollectedFacts }>();
  return {
    runErrors: found.runErrors,
    collecting(validator, file) {
      if (found.descriptors.length === 0) return validator;
      return {
        schema: validator.schema,
        fields: validator.fields,
        keys: validator.keys,
        async validate(source, sourceOptions) {
          const collector = createFactsCollector(validator);
          const checks = [...(sourceOptions.checks ?? []), { check: collector.check as RowCheck<never>, options: {} }];
          const report = await validator.validate(source, { ...sourceOptions, checks });
          collected.set(file, { report, facts: collector.facts() });
          return report;
        },
      };
    },
    async score(report) {
      if (!settings || found.descriptors.length === 0) return;
      const files = new Map<string, DataFacts>();
      for (const [file, { report: fileReport, facts }] of collected) {
        const mtime = await stat(file).then(
          (info) => info.mtime.toISOString(),
          () => undefined,
        );
        const schema = fileReport.schema;
        // Only a catalogue id or a URL names a schema the descriptor can declare; a local path does not.
        const schemaId = schema?.id ?? (isHttpUrl(schema?.source) ? schema?.source : undefined);
        files.set(file, {
          path: file,
          bytes: fileReport.stats.bytes,
          ...(fileReport.stats.sha256 !== undefined && { sha256: fileReport.stats.sha256 }),
          ...(mtime !== undefined && { mtime }),
          ...(schemaId !== undefined && { schemaId }),
          ...facts,
        });
      }
      const scored = await scoreLintDescriptors(found.descriptors, files, settings, context);
      report.metadata = scored.sections;
      report.runErrors.push(...scored.runErrors);
      for (const section of scored.sections) {
        report.stats.errors += section.stats.errors;
        report.stats.warnings += section.stats.warnings;
        report.stats.infos += section.stats.infos;
      }
      report.valid = report.stats.errors === 0 && report.runErrors.length === 0;
    },
  };
}
