import { loadYaml, yaml } from "../yaml-module.js";
import { ResolveError } from "./errors.js";
import { editDistance } from "../suggest.js";

/** schema.data.gouv.fr's catalogue, served at https://schema.data.gouv.fr/schemas.json. */
export const DEFAULT_CATALOG_URL = "https://schema.data.gouv.fr/schemas.json";

export interface CatalogVersion {
  version: string;
  /** Where this version's schema is published; read from the catalogue, never guessed. */
  schemaUrl: string;
}

export interface CatalogEntry {
  /** `org/name`, e.g. `scdl/deliberations`. */
  id: string;
  title?: string;
  description?: string;
  /** `tableschema`, `datapackage`, `jsonschema` or `other`. */
  type?: string;
  /** Oldest first, as the catalogue lists them. */
  versions: CatalogVersion[];
  /** The highest version, or undefined when none is published. */
  latest?: string;
}

export interface SchemaId {
  id: string;
  /** Normalised (`v2.1` -> `2.1.0`); undefined for `@latest` or no version. */
  version?: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Version names as the schema.data.gouv.fr pipeline derives them from git tags: a leading `v` is
 * dropped and `X.Y` becomes `X.Y.0` (datagouvfr_data_pipelines `schema/website/task_functions.py`).
 */
export function normalizeVersion(version: string): string {
  const bare = version.trim().replace(/^[vV]/, "");
  return /^\d+\.\d+$/.test(bare) ? `${bare}.0` : bare;
}

/** Orders `1.2.10` after `1.2.9`; non-numeric parts compare as text. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/);
  const pb = b.split(/[.-]/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? "0";
    const y = pb[i] ?? "0";
    const nx = Number(x);
    const ny = Number(y);
    if (Number.isInteger(nx) && Number.isInteger(ny)) {
      if (nx !== ny) return nx - ny;
    } else if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

const ID = /^([A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+)(?:@([A-Za-z0-9_.+-]+))?$/;

/** Parses `org/name`, `org/name@1.2.0`, `org/name@latest`; null when `ref` is not shaped like an id. */
export function parseSchemaId(ref: string): SchemaId | null {
  const match = ID.exec(ref);
  if (!match) return null;
  const [, id, version] = match as unknown as [string, string, string | undefined];
  if (version === undefined || version.toLowerCase() === "latest") return { id };
  return { id, version: normalizeVersion(version) };
}

/**
 * A `schema_url` against the catalogue's own URL: schema.data.gouv.fr writes absolute URLs, a
 * local catalogue (`file:`) may point at schemas beside it with relative ones.
 */
function resolveUrl(ref: string, catalogUrl: string): string {
  try {
    return new URL(ref, catalogUrl).href;
  } catch {
    return ref;
  }
}

/** Reads the catalogue format (opendataschema "schema-catalog": `schemas[].versions[]`). */
export function parseCatalog(json: unknown, url: string): CatalogEntry[] {
  if (!isObject(json) || !Array.isArray(json.schemas)) throw new ResolveError("invalid-catalog", { url });
  const entries: CatalogEntry[] = [];
  for (const raw of json.schemas) {
    if (!isObject(raw) || typeof raw.name !== "string") continue;
    const versions: CatalogVersion[] = [];
    for (const v of Array.isArray(raw.versions) ? raw.versions : []) {
      if (isObject(v) && typeof v.version_name === "string" && typeof v.schema_url === "string") {
        versions.push({ version: v.version_name, schemaUrl: resolveUrl(v.schema_url, url) });
      }
    }
    const latest = versions.map((v) => v.version).reduce<string | undefined>((max, v) => (max === undefined || compareVersions(v, max) >= 0 ? v : max), undefined);
    entries.push({
      id: raw.name,
      ...(typeof raw.title === "string" ? { title: raw.title } : {}),
      ...(typeof raw.description === "string" ? { description: raw.description } : {}),
      ...(typeof raw.schema_type === "string" ? { type: raw.schema_type } : {}),
      versions,
      ...(latest === undefined ? {} : { latest }),
    });
  }
  return entries;
}

/** Catalogue ids close to `id`: small edit distance, or sharing the part after the slash. */
export function closeMatches(id: string, ids: string[], limit = 5): string[] {
  const query = id.toLowerCase();
  const tail = query.split("/").pop() ?? query;
  return ids
    .map((candidate) => {
      const c = candidate.toLowerCase();
      const cTail = c.split("/").pop() ?? c;
      const contains = tail.length >= 3 && (cTail.includes(tail) || tail.includes(cTail));
      const distance = Math.min(editDistance(query, c), editDistance(tail, cTail));
      return { candidate, score: contains ? Math.min(distance, 1) : distance };
    })
    .filter(({ score, candidate }) => score <= Math.max(2, Math.floor(candidate.length / 5)))
    .sort((a, b) => a.score - b.score || (a.candidate < b.candidate ? -1 : 1))
    .slice(0, limit)
    .map(({ candidate }) => candidate);
}

/** Picks the version of `id` to use: the one asked for, or the latest. Throws `ResolveError`. */
export function findCatalogVersion(entries: CatalogEntry[], wanted: SchemaId, catalogUrl: string): { entry: CatalogEntry; version: CatalogVersion } {
  const entry = entries.find((e) => e.id === wanted.id) ?? entries.find((e) => e.id.toLowerCase() === wanted.id.toLowerCase());
  if (!entry) {
    const suggestions = closeMatches(
      wanted.id,
      entries.map((e) => e.id),
    );
    const hint = suggestions.length > 0 ? ` ${suggestions.join(", ")} ?` : "";
    throw new ResolveError("unknown-schema-id", { id: wanted.id, catalogUrl, hint }, { suggestions });
  }
  const target = wanted.version ?? entry.latest;
  const version = entry.versions.find((v) => normalizeVersion(v.version) === target);
  if (!version) {
    throw new ResolveError("unknown-version", { id: entry.id, version: wanted.version ?? "latest", versions: entry.versions.map((v) => v.version) });
  }
  return { entry, version };
}

const YAML_NAME = /\.ya?ml(?:[?#].*)?$/i;

/**
 * Parses a downloaded or read document: YAML when its name says so, JSON otherwise. YAML needs the
 * `yaml` package loaded first (`readDocument` does it).
 */
export function parseDocument(text: string, url: string): unknown {
  const json = text.replace(/^\uFEFF/, "");
  try {
    return YAML_NAME.test(url) ? yaml().parse(text) : JSON.parse(json);
  } catch (cause) {
    const { line, column } = errorPosition(cause, YAML_NAME.test(url) ? text : json);
    throw new ResolveError("invalid-json", { url, line, column, cause: cause instanceof Error ? cause.message.split("\n")[0] : String(cause) }, { cause });
  }
}

/**
 * Where a parse error lies, 1-based: from `linePos` (the yaml package), from "at position N" (V8's
 * JSON.parse; Node 20 gives no line), else the end of the text ("Unexpected end of JSON input").
 */
function errorPosition(cause: unknown, text: string): { line: number; column: number } {
  const linePos = (cause as { linePos?: { line: number; col: number }[] } | null)?.linePos?.[0];
  if (linePos) return { line: linePos.line, column: linePos.col };
  const message = cause instanceof Error ? cause.message : "";
  const at = /at position (\d+)/.exec(message);
  const offset = at ? Math.min(Number(at[1]), text.length) : text.length;
  const before = text.slice(0, offset);
  const lineStart = Math.max(before.lastIndexOf("\n"), before.lastIndexOf("\r")) + 1;
  return { line: (before.match(/\r\n|\r|\n/g) ?? []).length + 1, column: offset - lineStart + 1 };
}

/** `parseDocument`, loading the `yaml` package first when the name says YAML. */
export async function readDocument(text: string, url: string): Promise<unknown> {
  if (YAML_NAME.test(url)) await loadYaml();
  return parseDocument(text, url);
}
