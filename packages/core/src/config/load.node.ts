import { existsSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ErrorObject } from "ajv";
import picomatch from "picomatch";
import type { Document, LineCounter } from "yaml";
import type { CustomCheckDescriptor } from "../checks/custom-checks.js";
import type { Lang } from "../findings.js";
import type { LintOptions } from "../lint.node.js";
import { isLocalPath } from "../node/resolve.node.js";
import type { FailurePolicy } from "./outcome.js";
import { validateConfigFile } from "../schema-validators.js";
import { CONFIG_FILE_NAMES, configJsonSchema, type ConformeConfig } from "./schema.js";
import { loadYaml, yaml } from "../yaml-module.js";
import { closest } from "../suggest.js";
import { findingCodes } from "../formatters/catalog.js";
import { findCode } from "../formatters/code-names.js";
import { metadataCodes } from "../metadata/codes.js";

/** One mistake in a configuration file, located as precisely as the format allows. */
export interface ConfigIssue {
  /** Absolute path of the file the mistake is in. */
  file: string;
  /** 1-based line and column (absent for `.mjs` files and unreadable files). */
  line?: number;
  column?: number;
  /** Dotted path of the key, e.g. `severity.codes.type-error`; empty for the whole file. */
  key: string;
  message: Record<Lang, string>;
}

/** The configuration cannot be used: every issue found, before any data is read (exit code 2). */
export class ConfigError extends Error {
  override name = "ConfigError";
  constructor(readonly issues: ConfigIssue[]) {
    super(issues.map((issue) => formatConfigIssue(issue, "en")).join("\n"));
  }

  /** The issues as `file:line:column : key : message` lines, in the given language. */
  format(lang: Lang = "fr", cwd?: string): string {
    return this.issues.map((issue) => formatConfigIssue(issue, lang, cwd)).join("\n");
  }
}

/** `file:line:column : key : message`, the file relative to `cwd` when given. */
export function formatConfigIssue(issue: ConfigIssue, lang: Lang, cwd?: string): string {
  const file = cwd ? path.relative(cwd, issue.file) || issue.file : issue.file;
  const where = issue.line !== undefined ? `${file}:${issue.line}:${issue.column ?? 1}` : file;
  const separator = lang === "fr" ? " : " : ": ";
  return [where, issue.key, issue.message[lang]].filter((part) => part !== "").join(separator);
}

/** LintOptions built from a configuration, with the metadata settings passed through as written. */
export type ConfigLintOptions = LintOptions;

/** A loaded, validated and merged configuration, and what the CLI and the Action derive from it. */
export interface LoadedConfig {
  /** The merged configuration; local paths in it (schemas, files, cacheDir, sources) are absolute. */
  config: ConformeConfig;
  /** Absolute path of the configuration file, or undefined when none was found. */
  path?: string;
  /** Every file read, the configuration first, then what it extends. */
  files: string[];
  /** Directory globs are relative to: the configuration file's, or cwd without one. */
  directory: string;
  cwd: string;
  /** The paths to lint: those given, else the config's `files`, else the working directory. */
  paths(given?: string[]): string[];
  /** The schema reference of a table (absolute path): first matching `schemas` glob, else `schema`. */
  schemaFor(file: string): string | undefined;
  /**
   * Options for `lint()`: the configuration's, overridden by the members of `overrides` that are
   * not undefined (command-line flags, Action inputs). An explicit `schema` override applies to
   * every table and disables the `schemas` globs.
   */
  lintOptions(overrides?: LintOptions): ConfigLintOptions;
  /** When warnings fail the run, config first, overridden by defined members of `overrides`. */
  failurePolicy(overrides?: FailurePolicy): FailurePolicy;
}

export interface LoadConfigOptions {
  /** Where the search starts, and what reported paths are relative to. */
  cwd: string;
  /** An explicit configuration file (relative to cwd): no search; it must exist. */
  configPath?: string;
  /** Skip the search: defaults only (`--no-config`). */
  noConfig?: boolean;
  /**
   * Whether a `.mjs`/`.js` configuration, or one `extends` names, may be loaded: loading one runs
   * its code with the user's rights. Default true; the Action passes false on a pull request from
   * a fork, whose configuration is written by whoever opened it.
   */
  allowCode?: boolean;
}

/** The nearest `conforme.config.{yaml,yml,json,mjs}` from `cwd` upwards, or undefined. */
export async function findConfig(cwd: string): Promise<string | undefined> {
  let directory = path.resolve(cwd);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(directory, name);
      if (
        await stat(candidate).then(
          (info) => info.isFile(),
          () => false,
        )
      )
        return candidate;
    }
    const parent = path.dirname(directory);
    if (parent === directory) return undefined;
    directory = parent;
  }
}

/**
 * Finds (or reads the given) configuration, validates it and everything it `extends` against
 * `schemas/config.schema.json`, and merges them. Throws a {@link ConfigError} listing every
 * mistake with its file, line and key. Without a configuration file, the defaults apply.
 *
 * @example
 * const loaded = await loadConfig({ cwd: process.cwd() });
 * const report = await lint(loaded.paths(args), loaded.lintOptions({ lang: "en" }));
 * const code = exitCodeOf(report, loaded.failurePolicy({ strict: flags.strict }));
 */
export async function loadConfig(options: LoadConfigOptions): Promise<LoadedConfig> {
  const cwd = path.resolve(options.cwd);
  let file: string | undefined;
  if (options.configPath !== undefined) {
    file = path.resolve(cwd, options.configPath);
    if (!existsSync(file)) {
      throw new ConfigError([
        {
          file,
          key: "",
          message: { fr: "fichier de configuration introuvable.", en: "configuration file not found." },
        },
      ]);
    }
  } else if (!options.noConfig) {
    file = await findConfig(cwd);
  }
  const files: string[] = [];
  const config = file ? await readChain(file, files, [], options.allowCode !== false) : {};
  return makeLoaded(config, file, files, file ? path.dirname(file) : cwd, cwd);
}

/** A LoadedConfig from a configuration object already in memory (paths relative to `directory`). */
export function configFromObject(config: ConformeConfig, cwd: string, directory: string = cwd): LoadedConfig {
  const issues = validateValue(config, undefined, "(objet)");
  if (issues.length > 0) throw new ConfigError(issues);
  return makeLoaded(absolutePaths(config, path.resolve(cwd, directory)), undefined, [], path.resolve(cwd, directory), path.resolve(cwd));
}

/**
 * A glob without a slash matches the file name at any depth, as in .gitignore ("*.csv" covers
 * "data/2024/x.csv"); with a slash, the whole path from the config's directory.
 */
function globMatcher(glob: string): (relative: string) => boolean {
  const test = picomatch(glob, { dot: true });
  return glob.includes("/") ? test : (relative) => test(relative.slice(relative.lastIndexOf("/") + 1));
}

function makeLoaded(config: ConformeConfig, file: string | undefined, files: string[], directory: string, cwd: string): LoadedConfig {
  const mappings = Object.entries(config.schemas ?? {}).map(([glob, ref]) => ({ matches: globMatcher(glob), ref }));
  const checkMappings = Object.entries(config.checks ?? {}).map(([glob, descriptors]) => ({ matches: globMatcher(glob), descriptors }));
  const checksFor = (absolute: string): CustomCheckDescriptor[] | undefined => {
    const relative = path.relative(directory, absolute).split(path.sep).join("/");
    if (relative.startsWith("../") || path.isAbsolute(relative)) return undefined;
    const found = checkMappings.filter((mapping) => mapping.matches(relative)).flatMap((mapping) => mapping.descriptors);
    return found.length > 0 ? found : undefined;
  };
  const schemaFor = (absolute: string): string | undefined => {
    const relative = path.relative(directory, absolute).split(path.sep).join("/");
    if (!relative.startsWith("../") && !path.isAbsolute(relative)) {
      for (const mapping of mappings) if (mapping.matches(relative)) return mapping.ref;
    }
    return config.schema;
  };
  return {
    config,
    path: file,
    files,
    directory,
    cwd,
    paths(given = []) {
      if (given.length > 0) return given;
      return config.files && config.files.length > 0 ? config.files : ["."];
    },
    schemaFor,
    lintOptions(overrides = {}) {
      const personalData = config.personalData;
      const fromConfig: ConfigLintOptions = {
        cwd,
        lang: config.lang,
        schema: config.schema,
        schemaFor: mappings.length > 0 ? schemaFor : undefined,
        checksFor: checkMappings.length > 0 ? checksFor : undefined,
        severity: config.severity,
        personalData: personalData === undefined || typeof personalData === "boolean" ? personalData : personalDataOptions(personalData),
        maxErrors: config.maxErrors,
        maxCellLength: config.maxCellLength,
        maxRowLength: config.maxRowLength,
        headerMode: config.headerMode,
        encoding: config.encoding,
        sheet: config.sheet,
        customChecks: config.customChecks,
        concurrency: config.concurrency,
        offline: config.offline,
        cacheDir: config.cacheDir,
        catalogUrl: config.catalogUrl,
        trusted: config.trusted,
        allowPrivateNetwork: config.allowPrivateNetwork,
        discovery: { gitignore: config.gitignore ?? true, ignore: config.ignore, ignoreRoot: directory },
        metadata: metadataOptions(config.metadata),
      };
      const merged: Record<string, unknown> = { ...fromConfig };
      for (const [key, value] of Object.entries(overrides)) {
        if (value === undefined) continue;
        merged[key] = key === "discovery" ? { ...fromConfig.discovery, ...(value as object) } : value;
      }
      if (overrides.schema !== undefined && overrides.schemaFor === undefined) delete merged.schemaFor;
      for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key];
      return merged as ConfigLintOptions;
    },
    failurePolicy(overrides = {}) {
      return {
        strict: overrides.strict ?? config.strict ?? false,
        maxWarnings: overrides.maxWarnings ?? config.maxWarnings,
      };
    },
  };
}

/** The metadata section as lint's `metadata` option: `sources` are the descriptors to score. */
function metadataOptions(section: ConformeConfig["metadata"]): LintOptions["metadata"] {
  if (section === undefined || section === false) return section;
  const { sources, ...rest } = section;
  return sources ? { ...rest, descriptors: sources } : rest;
}

/** The personal-data section as lint's `personalData` option: options by check id. */
function personalDataOptions(section: Exclude<ConformeConfig["personalData"], boolean | undefined>): Record<string, unknown> {
  const byCheck: Record<string, Record<string, unknown>> = {};
  for (const [id, options] of Object.entries(section.checks ?? {})) byCheck[id] = { ...options };
  if (section.accept && section.accept.length > 0) {
    byCheck["personal-data"] = { ...byCheck["personal-data"], accept: section.accept.map((entry) => ({ ...entry })) };
  }
  return byCheck;
}

async function readChain(file: string, files: string[], stack: string[], allowCode: boolean): Promise<ConformeConfig> {
  if (stack.includes(file)) {
    throw new ConfigError([
      {
        file,
        key: "extends",
        message: {
          fr: `configuration étendue en boucle : ${[...stack, file].map((f) => path.basename(f)).join(" → ")}.`,
          en: `configurations extend each other in a loop: ${[...stack, file].map((f) => path.basename(f)).join(" → ")}.`,
        },
      },
    ]);
  }
  files.push(file);
  if (!allowCode && isCodeFile(file)) {
    const message = both(
      "configuration en JavaScript refusée : la charger exécuterait son code (utilisez YAML ou JSON, ou autorisez-la explicitement).",
      "JavaScript configuration refused: loading it would run its code (use YAML or JSON, or allow it explicitly).",
    );
    throw new ConfigError([{ file, key: stack.length > 0 ? "extends" : "", message }]);
  }
  const own = await readConfigFile(file);
  const directory = path.dirname(file);
  const parents = own.extends === undefined ? [] : Array.isArray(own.extends) ? own.extends : [own.extends];
  let merged: ConformeConfig = {};
  for (const spec of parents) {
    const target = resolveExtends(spec, directory, file);
    merged = mergeConfigs(merged, await readChain(target, files, [...stack, file], allowCode));
  }
  return mergeConfigs(merged, absolutePaths(own, directory));
}

function resolveExtends(spec: string, directory: string, from: string): string {
  if (spec.startsWith("./") || spec.startsWith("../") || path.isAbsolute(spec)) {
    const target = path.resolve(directory, spec);
    if (existsSync(target)) return target;
  } else {
    // A package: its main export, or a conforme.config.* at its root.
    const require = createRequire(path.join(directory, "noop.js"));
    try {
      return require.resolve(spec);
    } catch {
      try {
        const root = path.dirname(require.resolve(`${spec}/package.json`));
        const named = CONFIG_FILE_NAMES.map((name) => path.join(root, name)).find((candidate) => existsSync(candidate));
        if (named) return named;
      } catch {
        // reported below
      }
    }
  }
  throw new ConfigError([
    {
      file: from,
      key: "extends",
      message: {
        fr: `configuration étendue introuvable : « ${spec} » (chemin relatif commençant par ./ ou nom de paquet installé).`,
        en: `extended configuration not found: "${spec}" (a relative path starting with ./ or an installed package name).`,
      },
    },
  ]);
}

const isCodeFile = (file: string) => /\.(?:mjs|js)$/.test(file);

/** Reads and validates one file (without its `extends`). A `.mjs` or `.js` file is run. */
export async function readConfigFile(file: string): Promise<ConformeConfig> {
  if (isCodeFile(file)) {
    let value: unknown;
    try {
      const module = (await import(pathToFileURL(file).href)) as { default?: unknown };
      value = typeof module.default === "function" ? await (module.default as () => unknown)() : module.default;
    } catch (error) {
      throw new ConfigError([{ file, key: "", message: both(`module illisible : ${String(error)}`, `cannot load module: ${String(error)}`) }]);
    }
    const issues = validateValue(value, undefined, file);
    if (issues.length > 0) throw new ConfigError(issues);
    return value as ConformeConfig;
  }
  const info = await stat(file);
  if (!info.isFile() || info.size > MAX_CONFIG_BYTES) {
    throw new ConfigError([{ file, key: "", message: both("pas un fichier ordinaire de moins de 1 Mio.", "not a regular file under 1 MiB.") }]);
  }
  const text = await readFile(file, "utf8");
  const { LineCounter, parseDocument } = await loadYaml();
  const lineCounter = new LineCounter();
  let document: Document;
  let value: unknown;
  try {
    document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
    // The yaml library stops alias expansion past `maxAliasCount` (a "billion laughs" file would
    // grow to gigabytes) by throwing; nesting deeper than the stack throws a RangeError.
    value = document.errors.length > 0 ? undefined : (document.toJS({ maxAliasCount: 100 }) ?? {});
  } catch (error) {
    const detail =
      error instanceof RangeError
        ? both("imbrication trop profonde", "nesting too deep")
        : both("trop d'alias YAML (*alias) à développer", "too many YAML aliases (*alias) to expand");
    throw new ConfigError([{ file, key: "", message: both(`configuration refusée : ${detail.fr}.`, `configuration refused: ${detail.en}.`) }]);
  }
  if (document.errors.length > 0) {
    throw new ConfigError(
      document.errors.map((error) => {
        const position = error.linePos?.[0] ?? lineCounter.linePos(error.pos[0]);
        const detail = error.message.split("\n")[0] ?? error.message;
        return {
          file,
          line: position?.line,
          column: position?.col,
          key: "",
          message: both(`syntaxe ${file.endsWith(".json") ? "JSON" : "YAML"} invalide : ${detail}`, `invalid ${file.endsWith(".json") ? "JSON" : "YAML"}: ${detail}`),
        };
      }),
    );
  }
  const issues = validateValue(value, { document, lineCounter }, file);
  if (issues.length > 0) throw new ConfigError(issues);
  return value as ConformeConfig;
}

/**
 * `severity.codes` naming no code is a mistake that would silently change nothing (a typo keeps
 * the default severity): refused before any file is read, with the nearest known code. The
 * codes are the catalogue's (`findingCodes`) and the metadata ones (criteria, cross-checks,
 * thresholds); another tool's name or an alias of a check (`siret`) is answered with the code it
 * stands for.
 */
function unknownSeverityCodes(config: ConformeConfig, source: { document: Document; lineCounter: LineCounter } | undefined, file: string): ConfigIssue[] {
  const codes = Object.keys(config.severity?.codes ?? {});
  if (codes.length === 0) return [];
  const metadata = metadataCodes();
  const known = [...findingCodes(), ...metadata];
  const knownSet = new Set(known);
  const issues: ConfigIssue[] = [];
  for (const code of codes) {
    if (knownSet.has(code)) continue;
    const meant = findCode(code, metadata);
    const near = meant.code ?? (meant.candidates.length === 1 ? meant.candidates[0] : closest(code, known, Math.max(2, Math.floor(code.length / 3))));
    const message = near
      ? both(`code inconnu « ${code} », vouliez-vous dire « ${near} » ?`, `unknown code "${code}", did you mean "${near}"?`)
      : both(`code inconnu « ${code} » ; « conforme explain --list » donne les codes connus.`, `unknown code "${code}"; "conforme explain --list" lists the known codes.`);
    issues.push(located(source, file, code, message));
  }
  return issues;
}

/** An issue on the key `code` of `severity.codes`, with its line and column when the source has them. */
function located(source: { document: Document; lineCounter: LineCounter } | undefined, file: string, code: string, message: Record<Lang, string>): ConfigIssue {
  const issue: ConfigIssue = { file, key: `severity.codes.${code}`, message };
  const offset = source ? locate(source.document, ["severity", "codes"], code) : undefined;
  if (source && offset !== undefined) {
    const position = source.lineCounter.linePos(offset);
    issue.line = position.line;
    issue.column = position.col;
  }
  return issue;
}

/** Far above any real configuration; a bigger file is a mistake or an attack on the parser. */
const MAX_CONFIG_BYTES = 1024 * 1024;

function validateValue(value: unknown, source: { document: Document; lineCounter: LineCounter } | undefined, file: string): ConfigIssue[] {
  const compiled = validateConfigFile;
  if (compiled(value)) return unknownSeverityCodes(value as ConformeConfig, source, file);
  return simplify(compiled.errors ?? []).map((error) => {
    const segments = error.instancePath
      .split("/")
      .slice(1)
      .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"));
    // A key refused by `propertyNames` (unknown category) is named by Ajv in `propertyName`.
    const property = error.keyword === "additionalProperties" ? String(error.params.additionalProperty) : error.propertyName;
    const keySegments = property !== undefined ? [...segments, property] : segments;
    const issue: ConfigIssue = { file, key: keySegments.join("."), message: describe(error, segments) };
    const offset = source ? locate(source.document, segments, property) : undefined;
    if (source && offset !== undefined) {
      const position = source.lineCounter.linePos(offset);
      issue.line = position.line;
      issue.column = position.col;
    }
    return issue;
  });
}

/**
 * Ajv reports every failed branch of a `oneOf` and the `oneOf` itself: keep the deepest errors,
 * and merge `type` errors at the same place into one.
 */
function simplify(errors: ErrorObject[]): ErrorObject[] {
  const deepest = errors.filter(
    (error) =>
      error.keyword !== "oneOf" &&
      error.keyword !== "propertyNames" &&
      !errors.some((other) => other !== error && other.keyword !== "oneOf" && other.instancePath.startsWith(`${error.instancePath}/`)),
  );
  // At one place, a precise error (unknown key, bad value) beats "must be boolean / false".
  const precise = deepest.filter(
    (error) =>
      !(
        (error.keyword === "type" || error.keyword === "const") &&
        deepest.some((other) => other.instancePath === error.instancePath && other.keyword !== "type" && other.keyword !== "const")
      ),
  );
  const kept: ErrorObject[] = [];
  for (const error of precise) {
    const twin = kept.find((other) => other.instancePath === error.instancePath && other.keyword === "type" && error.keyword === "type");
    if (twin) twin.params = { type: `${String(twin.params.type)},${String(error.params.type)}` };
    else if (!kept.some((other) => other.instancePath === error.instancePath && other.keyword === error.keyword && JSON.stringify(other.params) === JSON.stringify(error.params)))
      kept.push({ ...error });
  }
  return kept.length > 0 ? kept : errors;
}

/** Offset of the value at `segments` (or of its key `property`) in the YAML source. */
function locate(document: Document, segments: string[], property?: string): number | undefined {
  const keys = segments.map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
  const node = document.getIn(keys, true) as { range?: [number, number, number] } | undefined;
  const { isMap, isScalar } = yaml();
  if (property !== undefined && isMap(node)) {
    const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === property);
    const key = pair?.key as { range?: [number, number, number] } | undefined;
    if (key?.range) return key.range[0];
  }
  if (node && typeof node === "object" && "range" in node && node.range) return node.range[0];
  return keys.length > 0 ? locate(document, segments.slice(0, -1)) : undefined;
}

const TYPE_NAMES: Record<string, Record<Lang, string>> = {
  string: both("une chaîne", "a string"),
  boolean: both("un booléen (true ou false)", "a boolean (true or false)"),
  object: both("un objet (des clés et valeurs)", "an object (keys and values)"),
  array: both("une liste", "a list"),
  integer: both("un nombre entier", "an integer"),
  number: both("un nombre", "a number"),
};

function known(segments: string[]): string[] {
  let schema: unknown = configJsonSchema;
  for (const segment of segments) {
    const node = schema as { properties?: Record<string, unknown>; oneOf?: unknown[]; items?: unknown };
    const branch = node.oneOf?.find((candidate) => (candidate as { type?: string }).type === "object") ?? node;
    const next = (branch as { properties?: Record<string, unknown> }).properties?.[segment] ?? (branch as { items?: unknown }).items;
    if (!next) return [];
    schema = next;
  }
  const node = schema as { properties?: Record<string, unknown>; oneOf?: unknown[] };
  const branch = node.oneOf?.find((candidate) => (candidate as { type?: string }).type === "object") ?? node;
  return Object.keys((branch as { properties?: Record<string, unknown> }).properties ?? {});
}

function describe(error: ErrorObject, segments: string[]): Record<Lang, string> {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "additionalProperties": {
      const name = String(params.additionalProperty);
      const candidates = known(segments);
      const near = closest(name, candidates);
      const hint = near ? both(` Vouliez-vous dire « ${near} » ?`, ` Did you mean "${near}"?`) : both("", "");
      const list = candidates.length > 0 ? both(` Clés possibles : ${candidates.join(", ")}.`, ` Known keys: ${candidates.join(", ")}.`) : both("", "");
      return { fr: `clé inconnue « ${name} ».${hint.fr}${near ? "" : list.fr}`, en: `unknown key "${name}".${hint.en}${near ? "" : list.en}` };
    }
    case "enum": {
      const allowed = (params.allowedValues as unknown[]).map((value) => JSON.stringify(value)).join(", ");
      return both(`valeur non permise ; valeurs possibles : ${allowed}.`, `value not allowed; allowed values: ${allowed}.`);
    }
    case "type": {
      const types = String(params.type).split(",");
      return {
        fr: `doit être ${types.map((type) => TYPE_NAMES[type]?.fr ?? type).join(" ou ")}.`,
        en: `must be ${types.map((type) => TYPE_NAMES[type]?.en ?? type).join(" or ")}.`,
      };
    }
    case "required":
      return both(`la clé « ${String(params.missingProperty)} » est obligatoire.`, `key "${String(params.missingProperty)}" is required.`);
    case "minimum":
    case "maximum":
      return both(
        `doit être ${error.keyword === "minimum" ? "au moins" : "au plus"} ${String(params.limit)}.`,
        `must be ${error.keyword === "minimum" ? "at least" : "at most"} ${String(params.limit)}.`,
      );
    case "minLength":
      return both("ne doit pas être vide.", "must not be empty.");
    case "pattern":
      return both(`ne respecte pas le format attendu (${String(params.pattern)}).`, `does not match the expected format (${String(params.pattern)}).`);
    default:
      return both(error.message ?? error.keyword, error.message ?? error.keyword);
  }
}

function both(fr: string, en: string): Record<Lang, string> {
  return { fr, en };
}

/** Local paths made absolute against the file they are written in; globs stay as written. */
function absolutePaths(config: ConformeConfig, directory: string): ConformeConfig {
  const localRef = (ref: string) => (isLocalPath(ref, directory) ? path.resolve(directory, ref) : ref);
  const result: ConformeConfig = { ...config };
  delete result.extends;
  delete result.$schema;
  if (config.schema !== undefined) result.schema = localRef(config.schema);
  if (config.schemas) result.schemas = Object.fromEntries(Object.entries(config.schemas).map(([glob, ref]) => [glob, localRef(ref)]));
  if (config.files) result.files = config.files.map((file) => path.resolve(directory, file));
  if (config.cacheDir !== undefined) result.cacheDir = path.resolve(directory, config.cacheDir);
  if (config.metadata && config.metadata.sources) {
    result.metadata = {
      ...config.metadata,
      sources: config.metadata.sources.map((source) =>
        source.startsWith("./") || source.startsWith("../") || existsSync(path.resolve(directory, source)) ? path.resolve(directory, source) : source,
      ),
    };
  }
  return result;
}

/**
 * `child` over `base`: its `schemas` globs come first (the first match wins), `ignore` patterns and
 * accepted personal data add up, severities and check options merge key by key, anything else is
 * replaced.
 */
export function mergeConfigs(base: ConformeConfig, child: ConformeConfig): ConformeConfig {
  const merged: ConformeConfig = { ...base, ...child };
  if (base.schemas || child.schemas)
    merged.schemas = { ...child.schemas, ...Object.fromEntries(Object.entries(base.schemas ?? {}).filter(([glob]) => !(glob in (child.schemas ?? {})))) };
  if (base.ignore || child.ignore) merged.ignore = [...(base.ignore ?? []), ...(child.ignore ?? [])];
  if (base.severity || child.severity) {
    merged.severity = {
      codes: { ...base.severity?.codes, ...child.severity?.codes },
      categories: { ...base.severity?.categories, ...child.severity?.categories },
    };
  }
  if (typeof base.personalData === "object" && typeof child.personalData === "object") {
    const checks: Record<string, Record<string, unknown>> = { ...base.personalData.checks };
    for (const [id, options] of Object.entries(child.personalData.checks ?? {})) checks[id] = { ...checks[id], ...options };
    merged.personalData = { accept: [...(base.personalData.accept ?? []), ...(child.personalData.accept ?? [])], checks };
  }
  if (base.metadata && child.metadata && typeof base.metadata === "object" && typeof child.metadata === "object") merged.metadata = { ...base.metadata, ...child.metadata };
  return merged;
}
