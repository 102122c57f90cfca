import { createHash } from "node:crypto";
import { constants } from "node:fs";
import { open, realpath, type FileHandle } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { MessageTemplate, RowCheck } from "./check.js";
import type { CustomCheckDescriptor } from "./checks/custom-checks.js";
import type { Lang } from "./findings.js";
import { personalDataChecks } from "./personal-data/index.js";
import { tableFormatOf } from "./reading/index.js";
import type { FileReport, Report, RunError, SchemaRef } from "./report.js";
import type { TableSchema } from "./table-schema/descriptor.js";
import { loadDataPackage, loadTableSchema, type SchemaWarning } from "./table-schema/index.js";
import { buildReport } from "./validate/report-builder.js";
import { runError, warningsAsFindings } from "./validate/run-errors.js";
import { DEFAULT_PREVIEW_ROWS, type PreviewTable } from "./validate/preview.js";
import { FindingFactory, type SeverityOverrides } from "./validate/findings-factory.js";
import {
  createHeaderValidator,
  createValidator,
  type ConfiguredCheck,
  type ForeignKeyLookups,
  type HeaderMode,
  type Validator,
  type ValidatorOptions,
} from "./validate/validator.js";
import { failedFileReport } from "./validate/driver.js";
import { discover, isInside, type DiscoverOptions, type Discovered, type RefusalReason } from "./discover.node.js";
import { createJsonReader, resolveSchema, type ResolveOptions } from "./node/index.js";
import { lintMetadata, type LintMetadataOptions } from "./node/metadata.node.js";
import { auditOptions, DEFAULT_OPTIONS } from "./options.js";

export interface LintOptions extends ResolveOptions {
  /** Directory paths are relative to, and names in the report too. Default: process.cwd(). */
  cwd?: string;
  /** Schema for the tables given outside a data package: path, URL or schema.data.gouv.fr id. */
  schema?: string;
  /**
   * Schema of one table outside a data package (absolute path in), before `schema`: how the
   * configuration's `schemas` globs reach lint. Undefined falls back to `schema`.
   */
  schemaFor?: (file: string) => string | undefined;
  /**
   * Validata custom checks to run on a table beside those its schema declares (the config's
   * `checks`), by absolute file path.
   */
  checksFor?: (file: string) => CustomCheckDescriptor[] | undefined;
  /** How directories are walked: `.gitignore`, extra ignore patterns, `changedSince` a git ref. */
  discovery?: DiscoverOptions;
  /**
   * Reads what leads out of the folder given or of a data package's folder: resource paths with
   * `..`, absolute or `file:` paths, symbolic links out (default false: refused with a
   * `source-error`). As frictionless-py's `--trusted`, for descriptors one wrote oneself.
   */
  trusted?: boolean;
  lang?: Lang;
  maxErrors?: number;
  /** Longest cell read, in characters (default 1 Mi); longer ones are cut and reported. */
  maxCellLength?: number;
  /** Longest record read, in characters (default 16 Mi); cells past it are dropped and the row reported. */
  maxRowLength?: number;
  headerMode?: HeaderMode;
  /** Forces the encoding instead of detecting it (CSV). */
  encoding?: string;
  /**
   * The sheet read in each workbook (xlsx, ods): its name, or its 1-based position; default the
   * first. A workbook without it gets a `source-error` (`sheetNotFound`) listing its sheets.
   */
  sheet?: string | number;
  checks?: ConfiguredCheck[];
  /**
   * Personal-data checks (detection, re-identification risk, small counts) beside the schema;
   * default true. An object gives their options by check id.
   */
  personalData?: boolean | Record<string, unknown>;
  severity?: SeverityOverrides;
  /** Runs the schemas' `custom_checks` (Validata's extension); default true. */
  customChecks?: boolean;
  /** Files validated at the same time (default 2: I/O overlaps parsing without blowing memory). */
  concurrency?: number;
  /**
   * Several files on several cores: each file is validated in a worker thread (as many as cores)
   * when there are two files or more and nothing in the options is a function. Off by default;
   * the CLI turns it on. The report is the same as a sequential run's.
   */
  workers?: boolean;
  /** Called when a file starts and ends, and as bytes are read. */
  onProgress?: (event: ProgressEvent) => void;
  /**
   * Called with the time each step around the engine took as it ends, in milliseconds: wall time,
   * and CPU time of the process (the steadier figure on a busy machine); what `pnpm bench` reports
   * (docs/performance.md). A step may be reported more than once (`metadata` before and after
   * validation, `hashing` per file): add them. `hashing` is part of `validation`, which holds the
   * engine's own work.
   */
  onTiming?: (step: TimedStep, time: StepTime) => void;
  /**
   * Metadata scoring (data.gouv.fr and MQA) of the descriptors next to the data or named in
   * `descriptors`, cross-checked with the data, into `report.metadata`; thresholds `minScore`,
   * `minRating` (config `metadata.minScore`, `metadata.minRating`) turn a low score into an
   * error. On by default (`auto`); `false` turns it off.
   */
  metadata?: false | LintMetadataOptions;
  /**
   * What `-` among the paths reads: the bytes of standard input, named `filename` in the report
   * (relative to `cwd`; `-` when absent). The name stands where the file would be: `schemaFor`
   * (the configuration's globs) and the metadata beside it are looked up from it. Encoding and
   * dialect are detected from the bytes, as for a file.
   */
  stdin?: { bytes: Uint8Array; filename?: string };
  /**
   * Paths given that match no data file (an empty folder, a glob the shell left unexpanded):
   * `true` makes each one a `no-files` run error (exit 2), as ESLint's `errorOnUnmatchedPattern`;
   * `false` leaves them to `LintResult.unmatched`. Unset, the run fails only when no path matched
   * anything at all.
   */
  errorOnUnmatchedPattern?: boolean;
  /**
   * What the caller adds to the report's audit trail (`report.options`) beside the options lint
   * records itself: a shell's own settings (`command`, `format`, `strict`...). URLs are stripped
   * of their credentials as the rest.
   */
  audit?: Record<string, unknown>;
}

/** A step `onTiming` reports. */
export type TimedStep = "discovery" | "schema" | "metadata" | "validation" | "hashing" | "report";

/** Wall and CPU milliseconds of a step. */
export interface StepTime {
  wall: number;
  cpu: number;
}

/** Now, in wall and process-CPU milliseconds. */
function clock(): StepTime {
  const { user, system } = process.cpuUsage();
  return { wall: performance.now(), cpu: (user + system) / 1000 };
}

const since = (start: StepTime): StepTime => {
  const now = clock();
  return { wall: now.wall - start.wall, cpu: now.cpu - start.cpu };
};

export type ProgressEvent = { kind: "start"; file: string; bytes: number } | { kind: "read"; file: string; bytesRead: number; bytes: number } | { kind: "end"; file: string };

/** A report with the first rows of each file, for the HTML report only. */
export interface LintResult {
  report: Report;
  /**
   * First rows of each file by `FileReport.file`, cells of personal columns masked. Kept out of
   * the report on purpose: the JSON report may be published, a preview must not be.
   */
  previews: Record<string, PreviewTable>;
  /** Paths given that matched no data file, in the order given (see `errorOnUnmatchedPattern`). */
  unmatched: string[];
}

/** Why a file gets a `source-error` instead of being read (`data.reason` of the finding). */
type FailureReason = RefusalReason | "remote" | "read";

interface Task {
  file: string;
  name: string;
  /** Absent only for a file refused before any validator could be made. */
  validator?: Validator;
  encoding?: string;
  /** The file is not read: the report holds this one finding. */
  refusal?: { reason: FailureReason; target?: string };
  /** Standard input's bytes, read instead of `file`, which only names them. */
  bytes?: Uint8Array;
}

const FAILURES: Record<FailureReason, MessageTemplate> = {
  "not-regular": {
    fr: "ce n'est pas un fichier ordinaire (tube nommé, périphérique ou socket) ; conforme ne lit que des fichiers",
    en: "not a regular file (named pipe, device or socket); conforme reads files only",
  },
  outside: {
    fr: "lien symbolique qui mène hors du dossier ({target}) ; refusé, sauf avec --trusted",
    en: "symbolic link leading out of the folder ({target}); refused unless --trusted",
  },
  broken: { fr: "lien symbolique cassé ou en boucle", en: "dangling or looping symbolic link" },
  remote: {
    fr: "ressource distante ({target}) : conforme ne télécharge pas les données ; enregistrez le fichier dans le dossier du paquet",
    en: "remote resource ({target}): conforme does not download data; save the file in the package folder",
  },
  read: { fr: "{target}", en: "{target}" },
};

/**
 * Validates files, directories and data packages, and returns the run's report. Misconfiguration
 * (unreadable schema, missing file) is reported in `runErrors` before any row is read; a broken
 * file never stops the others.
 */
export async function lint(paths: string[], options: LintOptions = {}): Promise<Report> {
  return (await run(paths, options, 0)).report;
}

/**
 * Same as `lint`, and also returns the first `previewRows` rows of each file (default 20) for
 * the HTML report's preview, with the cells of columns declared personal masked.
 */
export async function lintWithPreview(paths: string[], options: LintOptions & { previewRows?: number } = {}): Promise<LintResult> {
  const { previewRows = DEFAULT_PREVIEW_ROWS, ...rest } = options;
  return run(paths, rest, Math.max(0, previewRows));
}

async function run(paths: string[], givenOptions: LintOptions, previewRows: number): Promise<LintResult> {
  const startedAt = new Date();
  const options = withPersonalData(givenOptions);
  const cwd = options.cwd ?? process.cwd();
  const lang = options.lang ?? DEFAULT_OPTIONS.lang;
  const factory = new FindingFactory(lang, options.severity);
  const runErrors: RunError[] = [];
  const tasks: Task[] = [];
  const relative = (absolute: string) => path.relative(cwd, absolute).split(path.sep).join("/") || ".";

  // Each step from the end of the one before.
  let stepStart = clock();
  const stepEnd = (step: TimedStep) => {
    if (!options.onTiming) return;
    options.onTiming(step, since(stepStart));
    stepStart = clock();
  };
  let found: Discovered;
  // `-` is standard input, never a file of that name (as for cat, ESLint and ruff).
  const stdinGiven = paths.includes("-");
  try {
    found = await discover(
      paths.filter((item) => item !== "-"),
      cwd,
      { ...options.discovery, trusted: options.trusted ?? options.discovery?.trusted },
    );
  } catch (error) {
    return { report: buildReport([], [runError(error, undefined, lang)], lang, startedAt), previews: {}, unmatched: [] };
  }
  if (stdinGiven && !options.stdin) {
    runErrors.push({
      code: "run-error",
      file: "-",
      message: lang === "fr" ? "« - » désigne l'entrée standard, que cet appel ne fournit pas." : '"-" stands for standard input, which this call does not provide.',
    });
  }
  const stdinFile = stdinGiven && options.stdin ? path.resolve(cwd, options.stdin.filename ?? "-") : undefined;
  stepEnd("discovery");
  for (const missing of found.missing) {
    runErrors.push({
      code: "file-not-found",
      file: missing,
      message: lang === "fr" ? `Le chemin « ${missing} » n'existe pas.` : `Path "${missing}" does not exist.`,
    });
  }

  const packaged = new Set<string>();
  for (const descriptor of found.packages) {
    try {
      tasks.push(...(await packageTasks(descriptor, options, factory, relative, packaged)));
    } catch (error) {
      runErrors.push(runError(error, relative(descriptor), lang));
    }
  }

  // A file the walk refused is reported once, by its package when it is a resource.
  for (const refused of found.refused) {
    if (packaged.has(refused.file)) continue;
    const target = refused.reason === "outside" ? await realpath(refused.file).catch(() => "?") : undefined;
    tasks.push({ file: refused.file, name: relative(refused.file), refusal: { reason: refused.reason, ...(target ? { target } : {}) } });
  }

  const tables = found.tables.filter((file) => !packaged.has(file));
  if (stdinFile !== undefined) tables.push(stdinFile);
  if (tables.length > 0) {
    try {
      // One validator per schema reference, compiled once however many tables share it; one for
      // the tables without a schema, each validated against its own header.
      const validators = new Map<string, Promise<Validator>>();
      let headerValidator: Validator | undefined;
      for (const file of tables) {
        const ref = options.schemaFor?.(file) ?? options.schema;
        let shared = ref === undefined ? undefined : validators.get(ref);
        if (ref !== undefined && !shared) {
          shared = schemaValidator(ref, cwd, options, factory);
          shared.catch(() => undefined);
          validators.set(ref, shared);
        }
        const bytes = file === stdinFile ? options.stdin!.bytes : undefined;
        const name = bytes && options.stdin!.filename === undefined ? "-" : relative(file);
        let validator: Validator;
        try {
          validator = shared ? await shared : (headerValidator ??= createHeaderValidator(validatorOptions(options, factory)));
        } catch (error) {
          if (ref === undefined) tasks.push({ file, name, refusal: failureOf(error) });
          else if (!runErrors.some((known) => known.file === ref)) runErrors.push(runError(error, ref, lang));
          continue;
        }
        tasks.push({ file, name, validator, encoding: options.encoding, ...(bytes && { bytes }) });
      }
    } catch (error) {
      runErrors.push(runError(error, options.schema, lang));
    }
  }

  stepEnd("schema");
  // Metadata descriptors are found before any row is read; their facts are collected in the same pass.
  // Standard input without a name sits in no folder: no descriptor describes it.
  const located = tasks.filter((task) => !(task.bytes && options.stdin?.filename === undefined));
  const directories = [...located.map((task) => path.dirname(task.file)), ...found.packages.map((descriptor) => path.dirname(descriptor))];
  const metadata = await lintMetadata(options.metadata, { cwd, lang, directories, relative, factory });
  runErrors.push(...metadata.runErrors);
  let collecting = false;
  for (const task of tasks) {
    if (!task.validator) continue;
    const validator = metadata.collecting(task.validator, task.file);
    collecting ||= validator !== task.validator;
    task.validator = validator;
  }
  stepEnd("metadata");

  const previews: Record<string, PreviewTable> = {};
  // Worker threads for plain tables only: data packages (foreign-key lookups), metadata facts,
  // previews and refused files are handled in this thread.
  const plain = previewRows === 0 && !collecting && found.packages.length === 0 && tasks.every((task) => task.validator && !task.refusal && !task.bytes);
  // node:worker_threads and the worker code are loaded only for a run of two files or more.
  const threaded = plain && givenOptions.workers && tasks.length >= 2 ? (await import("./lint-workers.node.js")).workerOptions(givenOptions, tasks.length) : undefined;
  // A schema that failed to load leaves out the files it governs (no task was made for them) and
  // fails the run (exit 2); the other files are still validated: one bad descriptor never drops
  // the others' results.
  const reports = threaded ? await runThreaded(tasks, threaded, options, previews, factory) : await runTasks(tasks, options, previewRows, previews, factory);
  stepEnd("validation");
  const report = buildReport(reports, runErrors, lang, startedAt, { options: auditedOptions(paths, givenOptions, lang) });
  stepEnd("report");
  await metadata.score(report);
  // Scoring is metadata too: a second call, which the caller adds to the first.
  stepEnd("metadata");
  if (options.errorOnUnmatchedPattern === true) {
    // As ESLint under errorOnUnmatchedPattern: each path that matched nothing fails the run.
    for (const where of found.unmatched) report.runErrors.push(noFiles(where, lang));
    if (found.unmatched.length > 0) report.valid = false;
  } else if (
    options.errorOnUnmatchedPattern === undefined &&
    paths.length > 0 &&
    report.files.length === 0 &&
    report.runErrors.length === 0 &&
    !report.metadata?.length &&
    options.discovery?.changedSince === undefined
  ) {
    // Nothing read is not "conforme": the run fails. With --changed-since, nothing changed is an
    // honest success; no path at all (the Action's changed-only run with nothing changed) asked
    // for nothing.
    report.runErrors.push(noFiles(paths.join(", "), lang));
    report.valid = false;
  }
  return { report, previews, unmatched: found.unmatched };
}

/**
 * The options of the run as its audit trail records them (`report.options`), defaults resolved
 * (DEFAULT_OPTIONS), so that the same run can be done again: whatever calls lint (the CLI, the
 * Action, a script) gets the same record, with the caller's own settings from `audit`.
 */
function auditedOptions(paths: string[], given: LintOptions, lang: Lang): Record<string, unknown> {
  return auditOptions({
    paths,
    schema: given.schema,
    lang,
    maxErrors: given.maxErrors ?? DEFAULT_OPTIONS.maxErrors,
    headerMode: given.headerMode ?? DEFAULT_OPTIONS.headerMode,
    encoding: given.encoding,
    sheet: given.sheet,
    offline: given.offline ?? DEFAULT_OPTIONS.offline,
    catalogUrl: given.catalogUrl,
    changedSince: given.discovery?.changedSince,
    gitignore: given.discovery?.gitignore ?? DEFAULT_OPTIONS.gitignore,
    stdinFilename: given.stdin?.filename,
    errorOnUnmatchedPattern: given.errorOnUnmatchedPattern || undefined,
    trusted: given.trusted ?? DEFAULT_OPTIONS.trusted,
    allowPrivateNetwork: given.allowPrivateNetwork ?? DEFAULT_OPTIONS.allowPrivateNetwork,
    personalData: given.personalData !== false,
    customChecks: given.customChecks ?? DEFAULT_OPTIONS.customChecks,
    ...given.audit,
  });
}

function noFiles(where: string, lang: Lang): RunError {
  return {
    code: "no-files",
    message:
      lang === "fr"
        ? `Aucun fichier à valider dans ${where} : conforme lit les fichiers .csv, .tsv, .xlsx et .ods et les datapackage.json.`
        : `No file to validate in ${where}: conforme reads .csv, .tsv, .xlsx and .ods files and datapackage.json.`,
  };
}

function withPersonalData(options: LintOptions): LintOptions {
  if (options.personalData === false) return options;
  const settings = typeof options.personalData === "object" ? options.personalData : {};
  const added = personalDataChecks.map((check) => ({ check: check as RowCheck<never>, options: settings[check.id] ?? {} }));
  return { ...options, checks: [...(options.checks ?? []), ...added] };
}

async function schemaValidator(ref: string, cwd: string, options: LintOptions, factory: FindingFactory): Promise<Validator> {
  const resolved = await resolveSchema(ref, { ...options, cwd });
  const { schema, warnings } = loadTableSchema(resolved.json, resolved.source);
  const schemaRef: SchemaRef = { source: resolved.source };
  if (resolved.id) schemaRef.id = resolved.id;
  if (resolved.version) schemaRef.version = resolved.version;
  return makeValidator(schema, schemaRef, warnings, options, factory);
}

function makeValidator(
  schema: TableSchema,
  schemaRef: SchemaRef,
  warnings: SchemaWarning[],
  options: LintOptions,
  factory: FindingFactory,
  lookups?: ForeignKeyLookups,
): Validator {
  return createValidator(schema, {
    ...validatorOptions(options, factory),
    lookups,
    schemaRef: auditedSchemaRef(schemaRef, schema, options.cwd ?? process.cwd()),
    schemaFindings: warningsAsFindings(warnings, options.lang ?? DEFAULT_OPTIONS.lang),
  });
}

/** What every validator of a lint run shares: the run's factory, limits and checks. */
function validatorOptions(options: LintOptions, factory: FindingFactory): ValidatorOptions {
  return {
    factory,
    lang: options.lang,
    maxErrors: options.maxErrors,
    maxCellLength: options.maxCellLength,
    maxRowLength: options.maxRowLength,
    headerMode: options.headerMode,
    checks: options.checks,
    customChecks: options.customChecks,
  };
}

/**
 * What the audit trail says of a schema: the version the descriptor declares when the catalogue
 * gave none, and a local path relative to the working directory, so that a report names the same
 * schema on every machine (URLs and catalogue ids stay as they are).
 */
function auditedSchemaRef(ref: SchemaRef, schema: TableSchema, cwd: string): SchemaRef {
  const audited: SchemaRef = { ...ref };
  if (audited.version === undefined && typeof schema.version === "string" && schema.version !== "") audited.version = schema.version;
  if (path.isAbsolute(audited.source)) audited.source = path.relative(cwd, audited.source).split(path.sep).join("/");
  return audited;
}

async function packageTasks(descriptor: string, options: LintOptions, factory: FindingFactory, relative: (absolute: string) => string, packaged: Set<string>): Promise<Task[]> {
  const directory = path.dirname(descriptor);
  const realDirectory = await realpath(directory).catch(() => directory);
  const reader = createJsonReader({ ...options, cwd: directory });
  // Read as the schemas it references are: a regular file of 20 Mio at most, a parse error
  // with its line and column.
  const json: unknown = await reader(descriptor);
  // A schema or dialect linked out of the package is refused as data is: a parse error quotes
  // the start of the file it read.
  const readJson = async (ref: string): Promise<unknown> => {
    if (options.trusted !== true && !/^https?:\/\//i.test(ref)) {
      const real = await realpath(path.resolve(directory, ref)).catch(() => undefined);
      if (real !== undefined && !isInside(real, realDirectory)) {
        throw new Error(
          options.lang === "en"
            ? `${relative(path.resolve(directory, ref))}: symbolic link leading out of the package folder; refused unless --trusted.`
            : `${relative(path.resolve(directory, ref))} : lien symbolique qui mène hors du dossier du paquet ; refusé, sauf avec --trusted.`,
        );
      }
    }
    return reader(ref);
  };
  const loaded = await loadDataPackage(json, directory, readJson, { source: relative(descriptor), trusted: options.trusted === true });
  const resources = loaded.resources;
  const placed = new Map<string, Placed>();
  for (const resource of resources) {
    for (const resourcePath of resource.paths) placed.set(resourcePath, await placeResource(resourcePath, directory, realDirectory, options.trusted === true));
  }
  const lookups = await buildLookups(resources, placed, options);
  const tasks: Task[] = [];
  for (const resource of resources) {
    const validator = makeValidator(resource.schema, { source: resource.schemaSource }, loaded.warnings, options, factory, lookups);
    for (const resourcePath of resource.paths) {
      const { file, refusal } = placed.get(resourcePath)!;
      packaged.add(file);
      const name = refusal?.reason === "remote" ? file : relative(file);
      tasks.push({ file, name, validator, encoding: resource.encoding ?? options.encoding, ...(refusal ? { refusal } : {}) });
    }
  }
  return tasks;
}

/** Where a resource's data is read from, or why it is not. */
interface Placed {
  file: string;
  refusal?: Task["refusal"];
}

/**
 * A resource path as a local file. Remote data is not downloaded (said per file); a symbolic link
 * out of the package folder is refused unless trusted, as `..` and absolute paths already are by
 * `loadDataPackage`: in CI, `../.git/config` holds the job's token, and a previewed file is shown.
 */
async function placeResource(resourcePath: string, directory: string, realDirectory: string, trusted: boolean): Promise<Placed> {
  if (/^https?:\/\//i.test(resourcePath)) return { file: resourcePath, refusal: { reason: "remote", target: resourcePath } };
  const file = /^file:/i.test(resourcePath) ? fileURLToPath(resourcePath) : path.resolve(directory, resourcePath);
  if (trusted) return { file };
  const real = await realpath(file).catch(() => undefined);
  if (real !== undefined && !isInside(real, realDirectory)) return { file, refusal: { reason: "outside", target: real } };
  return { file };
}

type PackageResource = Awaited<ReturnType<typeof loadDataPackage>>["resources"][number];

/**
 * Foreign keys to other resources need the referenced values before the table is read, as
 * frictionless builds its lookup first: each referenced resource is streamed once, casting only
 * the referenced fields.
 */
async function buildLookups(resources: PackageResource[], placed: Map<string, Placed>, options: LintOptions): Promise<ForeignKeyLookups> {
  const lookups: ForeignKeyLookups = new Map();
  const wanted = new Map<string, Set<string>>();
  for (const resource of resources) {
    for (const fk of resource.schema.foreignKeys ?? []) {
      const target = fk.reference.resource ?? "";
      if (target === "" || target === resource.name) continue;
      const fields = Array.isArray(fk.reference.fields) ? fk.reference.fields : [fk.reference.fields];
      if (!wanted.has(target)) wanted.set(target, new Set());
      wanted.get(target)!.add(fields.join(","));
    }
  }
  for (const [name, keys] of wanted) {
    const resource = resources.find((candidate) => candidate.name === name);
    const byFields = new Map<string, Set<string>>();
    lookups.set(name, byFields);
    if (!resource) continue;
    const fieldLists = [...keys].map((list) => list.split(","));
    for (const list of keys) byFields.set(list, new Set());
    // The referenced resource's own schema casts its keys, as it does when it is validated.
    const validator = createValidator(resource.schema, { maxErrors: 0, customChecks: false });
    for (const resourcePath of resource.paths) {
      const where = placed.get(resourcePath);
      // A refused or unreadable file is reported by its own task; its keys are simply absent.
      if (!where || where.refusal) continue;
      const handle = await openRegular(where.file).catch(() => undefined);
      if (!handle) continue;
      const read = { encoding: resource.encoding ?? options.encoding, format: tableFormatOf(where.file), sheet: options.sheet };
      const found = await validator.keys(chunksOf(handle), fieldLists, read).finally(() => handle.close());
      for (const [list, set] of found) for (const key of set) byFields.get(list)!.add(key);
    }
  }
  return lookups;
}

async function runTasks(tasks: Task[], options: LintOptions, previewRows: number, previews: Record<string, PreviewTable>, factory: FindingFactory): Promise<FileReport[]> {
  const reports: FileReport[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      const task = tasks[index]!;
      try {
        reports[index] =
          task.validator && !task.refusal
            ? await runTask(task, task.validator, options, previewRows, previews, factory)
            : failedReport(task, task.refusal ?? { reason: "read" }, factory);
      } catch (error) {
        // One file's failure is that file's finding: the others' results are kept.
        delete previews[task.name];
        reports[index] = failedReport(task, failureOf(error), factory);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? DEFAULT_OPTIONS.concurrency) }, worker));
  return reports;
}

/** Tasks in worker threads; the files a worker could not report on are run here, in turn. */
async function runThreaded(
  tasks: Task[],
  shared: Record<string, unknown>,
  options: LintOptions,
  previews: Record<string, PreviewTable>,
  factory: FindingFactory,
): Promise<FileReport[]> {
  const jobs = tasks.map((task) => ({ file: task.file, schema: options.schemaFor?.(task.file) ?? options.schema, checks: options.checksFor?.(task.file) }));
  const { lintInWorkers } = await import("./lint-workers.node.js");
  const threaded = await lintInWorkers(jobs, shared, options.onProgress);
  const fallback = await runTasks(
    tasks.filter((_task, index) => !threaded[index]),
    options,
    0,
    previews,
    factory,
  );
  let next = 0;
  return tasks.map((_task, index) => threaded[index] ?? fallback[next++]!);
}

/**
 * The bytes of an open file from its start, 1 MiB at a time. Read with the handle itself rather
 * than a stream: a reader that stops early (a binary signature, the header alone) just stops
 * asking, where a stream on a handle it does not close reports a premature close.
 */
async function* chunksOf(handle: FileHandle, limit = Infinity): AsyncGenerator<Buffer> {
  let position = 0;
  while (position < limit) {
    const chunk = Buffer.allocUnsafe(Math.min(1 << 20, limit - position));
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, position);
    if (bytesRead === 0) return;
    position += bytesRead;
    yield bytesRead === chunk.length ? chunk : chunk.subarray(0, bytesRead);
  }
}

/** Bytes already in memory (standard input), in the 1 MiB chunks a file is read in. */
async function* chunksOfBytes(bytes: Uint8Array): AsyncGenerator<Buffer> {
  for (let start = 0; start < bytes.length; start += 1 << 20) yield Buffer.from(bytes.buffer, bytes.byteOffset + start, Math.min(1 << 20, bytes.length - start));
}

class NotRegularFile extends Error {}

/**
 * Opens a file only when it is a regular file, checked on the descriptor opened (a path checked
 * then opened could be swapped in between). O_NONBLOCK: opening a FIFO must not wait for a writer.
 */
async function openRegular(file: string): Promise<FileHandle> {
  const handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  const info = await handle.stat().catch(async (error: unknown) => {
    await handle.close();
    throw error;
  });
  if (!info.isFile()) {
    await handle.close();
    throw new NotRegularFile(file);
  }
  return handle;
}

function failureOf(error: unknown): NonNullable<Task["refusal"]> {
  if (error instanceof NotRegularFile) return { reason: "not-regular" };
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT") return { reason: "read", target: "fichier introuvable / file not found" };
  if (code === "ELOOP") return { reason: "broken" };
  return { reason: "read", target: error instanceof Error ? error.message : String(error) };
}

/** The report of a file not read: one `source-error` saying why, no rows. */
function failedReport(task: Task, refusal: NonNullable<Task["refusal"]>, factory: FindingFactory): FileReport {
  const detail = FAILURES[refusal.reason][factory.lang].replace("{target}", refusal.target ?? "");
  return failedFileReport(task.name, { detail, reason: refusal.reason }, factory);
}

async function runTask(
  task: Task,
  validator: Validator,
  options: LintOptions,
  previewRows: number,
  previews: Record<string, PreviewTable>,
  factory: FindingFactory,
): Promise<FileReport> {
  const handle = task.bytes ? undefined : await openRegular(task.file);
  try {
    // The size of what was opened, not of what the path names now.
    const opened = handle ? await handle.stat() : undefined;
    const size = opened ? opened.size : task.bytes!.length;
    options.onProgress?.({ kind: "start", file: task.name, bytes: size });
    const hash = createHash("sha256");
    let bytesRead = 0;
    let complete = false;
    const hashing: StepTime = { wall: 0, cpu: 0 };
    const timed = options.onTiming !== undefined;
    async function* hashed(): AsyncGenerator<Uint8Array> {
      // No further than the size opened: a file appended to without end (a log) cannot make the
      // run endless. A change is reported below.
      for await (const chunk of handle ? chunksOf(handle, size) : chunksOfBytes(task.bytes!)) {
        const bytes = chunk as Buffer;
        const started = timed ? clock() : undefined;
        hash.update(bytes);
        if (started) {
          const spent = since(started);
          hashing.wall += spent.wall;
          hashing.cpu += spent.cpu;
        }
        bytesRead += bytes.length;
        options.onProgress?.({ kind: "read", file: task.name, bytesRead, bytes: size });
        yield bytes;
      }
      complete = true;
    }
    const preview = previewRows > 0 ? { rows: previewRows, collect: (table: PreviewTable) => (previews[task.name] = table) } : undefined;
    const report = await validator.validate(hashed(), {
      name: task.name,
      encoding: task.encoding,
      format: tableFormatOf(task.file),
      sheet: options.sheet,
      preview,
      // Custom checks the configuration adds to this file: the validator compiles them.
      customChecks: options.checksFor?.(task.file),
    });
    report.stats.bytes = size;
    const started = clock();
    report.stats.sha256 = complete ? hash.digest("hex") : handle ? await sha256Of(handle, size) : createHash("sha256").update(task.bytes!).digest("hex");
    const spent = since(started);
    options.onTiming?.("hashing", { wall: hashing.wall + spent.wall, cpu: hashing.cpu + spent.cpu });
    if (handle && opened) {
      // Truncated or grown while read (rewritten by an export, a sync, another job): what was
      // validated is not the file. Said as one source-error; what was read keeps its findings.
      const now = await handle.stat();
      if ((complete && bytesRead !== size) || now.size !== size || now.mtimeMs !== opened.mtimeMs) addChanged(report, size, complete ? bytesRead : size, now.size, factory);
    }
    options.onProgress?.({ kind: "end", file: task.name });
    return report;
  } finally {
    await handle?.close();
  }
}

const CHANGED: MessageTemplate = {
  fr: "le fichier a changé pendant la lecture ({size} octets à l'ouverture, {read} lus, {now} maintenant) : relancez la validation",
  en: "the file changed while it was read ({size} bytes when opened, {read} read, {now} now): run the validation again",
};

function addChanged(report: FileReport, size: number, read: number, now: number, factory: FindingFactory): void {
  const detail = CHANGED[factory.lang].replace("{size}", String(size)).replace("{read}", String(read)).replace("{now}", String(now));
  const finding = factory.make("source-error", { messageId: "default", data: { detail, reason: "changed" } }, report.file);
  if (!finding) return;
  report.findings.unshift(finding);
  const counts = report.stats.countsByCode ?? (report.stats.countsByCode = {});
  counts["source-error"] = (counts["source-error"] ?? 0) + 1;
  if (finding.severity === "error") {
    report.stats.errors++;
    report.valid = false;
  } else if (finding.severity === "warning") report.stats.warnings++;
  else report.stats.infos++;
}

async function sha256Of(handle: FileHandle, size: number): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of chunksOf(handle, size)) hash.update(chunk);
  return hash.digest("hex");
}
