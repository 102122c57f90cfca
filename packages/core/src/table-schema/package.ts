import type { MessageTemplate } from "../check.js";
import { loadTableSchema, loadTableSchemaAt, type NormalizedTableSchema } from "./load.js";
import { problemFactory, SchemaLoadError, type SchemaProblem, type SchemaWarning } from "./problems.js";

/** Reads and parses a JSON document given its path or URL (fs on Node, fetch in a browser). */
export type ReadJson = (pathOrUrl: string) => Promise<unknown>;

export interface LoadedResource {
  name: string;
  /** Data files, resolved against the package's base (paths or URLs). */
  paths: string[];
  schema: NormalizedTableSchema;
  /** Where the schema was read: its path or URL, or `<descriptor>#/resources/<i>/schema` when inline. */
  schemaSource: string;
  /** CSV Dialect (specs.frictionlessdata.io/csv-dialect) as written, read from its file if referenced. */
  dialect?: Record<string, unknown>;
  encoding?: string;
  format?: string;
}

export interface LoadedDataPackage {
  name?: string;
  resources: LoadedResource[];
  warnings: SchemaWarning[];
}

export interface LoadDataPackageOptions {
  /** Names the descriptor in messages; defaults to `<base>/datapackage.json`. */
  source?: string;
  /**
   * Accepts absolute paths, `..` and `file:` URLs (frictionless-py's `--trusted`); default false,
   * as the spec forbids the first two and a descriptor from elsewhere must not read one's disk.
   */
  trusted?: boolean;
}

const M = {
  notAnObject: { fr: "le descripteur doit être un objet JSON", en: "the descriptor must be a JSON object" },
  noResources: {
    fr: "« resources » doit être une liste non vide de ressources",
    en: "`resources` must be a non-empty list of resources",
  },
  resourceNotObject: { fr: "une ressource doit être un objet JSON", en: "a resource must be a JSON object" },
  resourceWithoutName: {
    fr: "la ressource n'a pas de nom ; conforme la nomme « {name} »",
    en: "the resource has no name; conforme calls it `{name}`",
  },
  duplicateResourceName: {
    fr: "le nom « {name} » est déjà celui d'une autre ressource",
    en: "the name `{name}` is already used by another resource",
  },
  resourceWithoutPath: {
    fr: "la ressource n'a pas de « path » (chemin ou liste de chemins) ; les données en ligne (« data ») ne sont pas prises en charge",
    en: "the resource has no `path` (a path or list of paths); inline `data` is not supported",
  },
  unsafePath: {
    fr: "chemin « {path} » refusé : les chemins absolus et ceux qui remontent (« ../ ») sont interdits par la spécification Data Resource (--trusted les autorise)",
    en: "path `{path}` refused: absolute paths and paths going up (`../`) are forbidden by the Data Resource spec (--trusted allows them)",
  },
  unsupportedScheme: {
    fr: "chemin « {path} » refusé : seules les URL http(s) et les chemins relatifs sont acceptés (--trusted autorise file:)",
    en: "path `{path}` refused: only http(s) URLs and relative paths are accepted (--trusted allows file:)",
  },
  resourceWithoutSchema: {
    fr: "la ressource n'a pas de schéma : elle n'est pas validée",
    en: "the resource has no schema: it is not validated",
  },
  notAReference: {
    fr: "doit être un objet ou le chemin ou l'URL d'un fichier JSON",
    en: "must be an object or the path or URL of a JSON file",
  },
  unknownResource: {
    fr: "la clé étrangère vise la ressource « {resource} », absente du paquet (ressources : {resources})",
    en: "the foreign key references resource `{resource}`, which the package lacks (resources: {resources})",
  },
  unknownReferencedField: {
    fr: "la clé étrangère vise le champ « {name} », absent du schéma de la ressource « {resource} »",
    en: "the foreign key references field `{name}`, absent from the schema of resource `{resource}`",
  },
} satisfies Record<string, MessageTemplate>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * Resolves a reference found in a descriptor against the descriptor's folder or URL, without
 * Node built-ins (the engine runs in browsers): URLs through `URL`, local paths joined with `/`.
 */
export function resolveAgainst(base: string, ref: string): string {
  if (URL_LIKE.test(ref)) return ref;
  if (URL_LIKE.test(base)) return new URL(ref, base.endsWith("/") ? base : `${base}/`).href;
  if (ref.startsWith("/") || /^[a-z]:[\\/]/i.test(ref)) return ref;
  const parts = `${base.replace(/[\\/]+$/, "")}/${ref}`.split(/[\\/]+/);
  const out: string[] = [];
  for (const [i, part] of parts.entries()) {
    if (part === "." && i > 0) continue;
    if (part === ".." && out.length > 0 && out[out.length - 1] !== ".." && out[out.length - 1] !== ".") out.pop();
    else out.push(part);
  }
  return out.join("/") || ".";
}

/**
 * Data Resource spec, `path`: "/" (absolute) and "../" (parent) are forbidden for security; a URL
 * other than http(s) (`file:///etc/passwd`) is an absolute path in disguise.
 */
function unsafePathProblem(ref: string, trusted: boolean): "unsafePath" | "unsupportedScheme" | undefined {
  if (trusted) return undefined;
  if (URL_LIKE.test(ref) || /^file:/i.test(ref)) return /^https?:\/\//i.test(ref) ? undefined : "unsupportedScheme";
  return ref.startsWith("/") || ref.startsWith("\\") || /^[a-z]:/i.test(ref) || ref.split(/[\\/]/).includes("..") ? "unsafePath" : undefined;
}

/**
 * Loads a Data Package descriptor (specs.frictionlessdata.io/data-package): each resource's data
 * paths, its Table Schema (inline or in a JSON file next to the descriptor), CSV dialect and
 * encoding. Foreign keys between resources are checked. Throws `SchemaLoadError` listing every
 * problem that prevents validation; `readJson` errors (missing file, HTTP error) propagate.
 */
export async function loadDataPackage(json: unknown, baseUrlOrDir: string, readJson: ReadJson, options: LoadDataPackageOptions = {}): Promise<LoadedDataPackage> {
  const source = options.source ?? resolveAgainst(baseUrlOrDir, "datapackage.json");
  const trusted = options.trusted === true;
  const problem = problemFactory(source);
  const fatal: SchemaProblem[] = [];
  const warnings: SchemaWarning[] = [];
  const err = (id: keyof typeof M, pointer: string, data?: Record<string, unknown>) => fatal.push(problem("schema-error", id, pointer, M[id], data));
  const warn = (id: keyof typeof M, pointer: string, data?: Record<string, unknown>) => warnings.push(problem("schema-warning", id, pointer, M[id], data));

  if (!isObject(json)) {
    err("notAnObject", "");
    throw new SchemaLoadError(source, fatal);
  }
  if (!Array.isArray(json.resources) || json.resources.length === 0) {
    err("noResources", "/resources");
    throw new SchemaLoadError(source, fatal);
  }

  const readReferenced = async (value: unknown, pointer: string): Promise<{ json: unknown; from: string } | null> => {
    if (typeof value !== "string") return { json: value, from: `${source}#${pointer}` };
    const unsafe = unsafePathProblem(value, trusted);
    if (unsafe) {
      err(unsafe, pointer, { path: value });
      return null;
    }
    const from = resolveAgainst(baseUrlOrDir, value);
    return { json: await readJson(from), from };
  };

  const resources: LoadedResource[] = [];
  const seen = new Set<string>();
  for (const [i, raw] of json.resources.entries()) {
    const at = `/resources/${i}`;
    if (!isObject(raw)) {
      err("resourceNotObject", at);
      continue;
    }
    const rawPaths = typeof raw.path === "string" ? [raw.path] : raw.path;
    const paths: string[] = [];
    if (!Array.isArray(rawPaths) || rawPaths.length === 0 || !rawPaths.every((p) => typeof p === "string")) {
      err("resourceWithoutPath", `${at}/path`);
    } else {
      rawPaths.forEach((p: string, j) => {
        const pointer = typeof raw.path === "string" ? `${at}/path` : `${at}/path/${j}`;
        const unsafe = unsafePathProblem(p, trusted);
        if (unsafe) err(unsafe, pointer, { path: p });
        else paths.push(/^file:/i.test(p) ? p : resolveAgainst(baseUrlOrDir, p));
      });
    }
    let name: string;
    if (typeof raw.name === "string" && raw.name !== "") name = raw.name;
    else {
      // frictionless-py names such a resource after its file; so do we, and say so.
      const first = Array.isArray(rawPaths) && typeof rawPaths[0] === "string" ? rawPaths[0] : `resource${i + 1}`;
      name = (first.split(/[\\/]/).pop() ?? first).replace(/\.[^.]*$/, "").toLowerCase();
      warn("resourceWithoutName", `${at}/name`, { name });
    }
    if (seen.has(name)) err("duplicateResourceName", `${at}/name`, { name });
    seen.add(name);

    if (raw.schema === undefined) {
      warn("resourceWithoutSchema", `${at}/schema`);
      continue;
    }
    if (typeof raw.schema !== "string" && !isObject(raw.schema)) {
      err("notAReference", `${at}/schema`);
      continue;
    }
    const schemaRef = await readReferenced(raw.schema, `${at}/schema`);
    let loadedSchema: ReturnType<typeof loadTableSchema> | undefined;
    if (schemaRef) {
      try {
        loadedSchema = typeof raw.schema === "string" ? loadTableSchema(schemaRef.json, schemaRef.from) : loadTableSchemaAt(schemaRef.json, source, `${at}/schema`);
        warnings.push(...loadedSchema.warnings);
      } catch (error) {
        if (!(error instanceof SchemaLoadError)) throw error;
        fatal.push(...error.problems);
      }
    }

    let dialect: Record<string, unknown> | undefined;
    if (raw.dialect !== undefined) {
      if (typeof raw.dialect !== "string" && !isObject(raw.dialect)) err("notAReference", `${at}/dialect`);
      else {
        const ref = await readReferenced(raw.dialect, `${at}/dialect`);
        if (ref && isObject(ref.json)) dialect = ref.json;
        else if (ref) err("notAReference", `${at}/dialect`);
      }
    }
    if (!loadedSchema || !schemaRef) continue;
    resources.push({
      name,
      paths,
      schema: loadedSchema.schema,
      schemaSource: schemaRef.from,
      ...(dialect ? { dialect } : {}),
      ...(typeof raw.encoding === "string" ? { encoding: raw.encoding } : {}),
      ...(typeof raw.format === "string" ? { format: raw.format } : {}),
    });
  }

  checkForeignKeys(resources, fatal);
  if (fatal.length > 0) throw new SchemaLoadError(source, fatal);
  return { ...(typeof json.name === "string" ? { name: json.name } : {}), resources, warnings };
}

/** Foreign keys naming another resource (spec "Foreign Keys": `reference.resource`). */
function checkForeignKeys(resources: LoadedResource[], fatal: SchemaProblem[]): void {
  const byName = new Map(resources.map((r) => [r.name, r]));
  for (const resource of resources) {
    const [schemaFile, inlinePointer = ""] = resource.schemaSource.split("#");
    const problem = problemFactory(schemaFile ?? resource.schemaSource, inlinePointer);
    resource.schema.foreignKeys?.forEach((fk, j) => {
      if (fk.reference.resource === "") return;
      const target = byName.get(fk.reference.resource);
      if (!target) {
        const data = { resource: fk.reference.resource, resources: [...byName.keys()] };
        fatal.push(problem("schema-error", "unknownResource", `/foreignKeys/${j}/reference/resource`, M.unknownResource, data));
        return;
      }
      const names = new Set(target.schema.fields.map((f) => f.name));
      fk.reference.fields.forEach((name, k) => {
        if (names.has(name)) return;
        const data = { name, resource: target.name };
        fatal.push(problem("schema-error", "unknownReferencedField", `/foreignKeys/${j}/reference/fields/${k}`, M.unknownReferencedField, data));
      });
    });
  }
}
