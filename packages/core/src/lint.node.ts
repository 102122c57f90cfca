import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { RowCheck } from "./check.js";
import { compileCustomChecks, type CustomCheckDescriptor } from "./checks/custom-checks.js";
import type { Lang } from "./findings.js";
import { personalDataChecks } from "./personal-data/index.js";
import { readTable } from "./reading/index.js";
import type { FileReport, Report, RunError, SchemaRef } from "./report.js";
import type { TableSchema } from "./table-schema/descriptor.js";
import { FieldError, loadDataPackage, loadTableSchema, SchemaLoadError, type SchemaWarning } from "./table-schema/index.js";
import { buildReport } from "./validate/report-builder.js";
import { DEFAULT_PREVIEW_ROWS, type PreviewTable } from "./validate/preview.js";
import { FindingFactory, type SeverityOverrides } from "./validate/findings-factory.js";
import {
  createValidator,
  type ConfiguredCheck,
  type FindingDraftWithCode,
  type ForeignKeyLookups,
  type HeaderMode,
  type Validator,
} from "./validate/validator.js";
import { discover, type DiscoverOptions, type Discovered } from "./discover.node.js";
import { createJsonReader, resolveSchema, type ResolveOptions } from "./node/index.js";
import { lintMetadata, type LintMetadataOptions } from "./node/metadata.node.js";

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
  lang?: Lang;
  maxErrors?: number;
  headerMode?: HeaderMode;
  /** Forces the encoding instead of detecting it. */
  encoding?: string;
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
  /** Called when a file starts and ends, and as bytes are read. */
  onProgress?: (event: ProgressEvent) => void;
  /**
   * Metadata scoring (data.gouv.fr and MQA) of the descriptors next to the data or named in
   * `descriptors`, cross-checked with the data, into `report.metadata`; thresholds `minScore`,
   * `minRating` (config `metadata.minScore`, `metadata.minRating`) turn a low score into an
   * error. On by default (`auto`); `false` turns it off.
   */
  metadata?: false | LintMetadataOptions;
}

export type ProgressEvent =
  | { kind: "start"; file: string; bytes: number }
  | { kind: "read"; file: string; bytesRead: number; bytes: number }
  | { kind: "end"; file: string };

/** A report with the first rows of each file, for the HTML report only. */
export interface LintResult {
  report: Report;
  /**
   * First rows of each file by `FileReport.file`, cells of personal columns masked. Kept out of
   * the report on purpose: the JSON report may be published, a preview must not be.
   */
  previews: Record<string, PreviewTable>;
}

interface Task {
  file: string;
  name: string;
  validator: Validator;
  encoding?: string;
}

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
  const lang = options.lang ?? "fr";
  const factory = new FindingFactory(lang, options.severity);
  const runErrors: RunError[] = [];
  const tasks: Task[] = [];
  const relative = (absolute: string) => path.relative(cwd, absolute).split(path.sep).join("/") || ".";

  let found: Discovered;
  try {
    found = await discover(paths, cwd, options.discovery);
  } catch (error) {
    return { report: buildReport([], [runError(error, undefined, lang)], lang, startedAt), previews: {} };
  }
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

  const tables = found.tables.filter((file) => !packaged.has(file));
  if (tables.length > 0) {
    try {
      // One validator per schema reference, compiled once however many tables share it.
      const validators = new Map<string, Promise<Validator>>();
      for (const file of tables) {
        const ref = options.schemaFor?.(file) ?? options.schema;
        let shared = ref === undefined ? undefined : validators.get(ref);
        if (ref !== undefined && !shared) {
          shared = schemaValidator(ref, cwd, options, factory);
          shared.catch(() => undefined);
          validators.set(ref, shared);
        }
        try {
          const validator = shared ? await shared : await inferredValidator(file, options, factory);
          tasks.push({ file, name: relative(file), validator, encoding: options.encoding });
        } catch (error) {
          if (!runErrors.some((known) => known.file === ref)) runErrors.push(runError(error, ref ?? relative(file), lang));
        }
      }
    } catch (error) {
      runErrors.push(runError(error, options.schema, lang));
    }
  }

  // Metadata descriptors are found before any row is read; their facts are collected in the same pass.
  const directories = [...tasks.map((task) => path.dirname(task.file)), ...found.packages.map((descriptor) => path.dirname(descriptor))];
  const metadata = await lintMetadata(options.metadata, { cwd, lang, directories, relative });
  runErrors.push(...metadata.runErrors);
  for (const task of tasks) task.validator = metadata.collecting(task.validator, task.file);

  const previews: Record<string, PreviewTable> = {};
  const reports = runErrors.some((error) => error.code === "schema-error") ? [] : await runTasks(tasks, options, previewRows, previews);
  const report = buildReport(reports, runErrors, lang, startedAt);
  await metadata.score(report);
  return { report, previews };
}

function withPersonalData(options: LintOptions): LintOptions {
  if (options.personalData === false) return options;
  const settings = typeof options.personalData === "object" ? options.personalData : {};
  const added = personalDataChecks.map((check) => ({ check: check as RowCheck<never>, options: settings[check.id] ?? {} }));
  return { ...options, checks: [...(options.checks ?? []), ...added] };
}

function runError(error: unknown, file: string | undefined, lang: Lang): RunError {
  if (error instanceof SchemaLoadError) return { code: "schema-error", file, message: error.messages[lang] };
  if (error instanceof FieldError) {
    const message = lang === "fr" ? `Schéma inutilisable pour valider : ${error.property} : ${error.detail.fr}` : `The schema cannot drive validation: ${error.property}: ${error.detail.en}`;
    return { code: "schema-error", file, message };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: "run-error", file, message };
}

function warningsAsFindings(warnings: SchemaWarning[], lang: Lang): FindingDraftWithCode[] {
  return warnings.map((warning) => ({
    code: "schema-warning",
    messageId: "default",
    pointer: warning.pointer,
    data: { property: warning.property, detail: warning.detail[lang], source: warning.source },
  }));
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
  inferredSchema = false,
): Validator {
  return createValidator(schema, {
    inferredSchema,
    factory,
    lang: options.lang,
    maxErrors: options.maxErrors,
    headerMode: options.headerMode,
    checks: options.checks,
    customChecks: options.customChecks,
    lookups,
    schemaRef: auditedSchemaRef(schemaRef, schema, options.cwd ?? process.cwd()),
    schemaFindings: warningsAsFindings(warnings, options.lang ?? "fr"),
  });
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

/**
 * Without a schema, the header is the schema: every column untyped. Structure problems (blank
 * or duplicate labels, blank rows, missing or extra cells) are still found.
 */
async function inferredValidator(file: string, options: LintOptions, factory: FindingFactory): Promise<Validator> {
  let labels: string[] = [];
  await readTable(createReadStream(file), { encoding: options.encoding }, {
    record(cells) {
      labels = cells;
      return false;
    },
    problem() {},
  });
  const schema: TableSchema = {
    fields: labels.map((label, index) => ({ name: label.trim() === "" ? `field${index + 1}` : label.trim(), type: "any" })),
  };
  return makeValidator(schema, { source: "(en-tête du fichier)" }, [], options, factory, undefined, true);
}

async function packageTasks(
  descriptor: string,
  options: LintOptions,
  factory: FindingFactory,
  relative: (absolute: string) => string,
  packaged: Set<string>,
): Promise<Task[]> {
  const json: unknown = JSON.parse(await readFile(descriptor, "utf8"));
  const directory = path.dirname(descriptor);
  const loaded = await loadDataPackage(json, directory, createJsonReader({ ...options, cwd: directory }), { source: relative(descriptor) });
  const resources = loaded.resources;
  const lookups = await buildLookups(resources, directory, options);
  const tasks: Task[] = [];
  for (const resource of resources) {
    const validator = makeValidator(resource.schema, { source: resource.schemaSource }, loaded.warnings, options, factory, lookups);
    for (const resourcePath of resource.paths) {
      const file = path.resolve(directory, resourcePath);
      packaged.add(file);
      tasks.push({ file, name: relative(file), validator, encoding: resource.encoding ?? options.encoding });
    }
  }
  return tasks;
}

type PackageResource = Awaited<ReturnType<typeof loadDataPackage>>["resources"][number];

/**
 * Foreign keys to other resources need the referenced values before the table is read, as
 * frictionless builds its lookup first: each referenced resource is streamed once, casting only
 * the referenced fields.
 */
async function buildLookups(resources: PackageResource[], directory: string, options: LintOptions): Promise<ForeignKeyLookups> {
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
    const validator = createValidator(resource.schema, { maxErrors: 0, customChecks: false });
    for (const fieldList of keys) {
      const names = fieldList.split(",");
      const indexes = names.map((fieldName) => validator.fields.findIndex((field) => field.name === fieldName));
      const set = new Set<string>();
      byFields.set(fieldList, set);
      for (const resourcePath of resource.paths) {
        let positions: number[] = [];
        await readTable(createReadStream(path.resolve(directory, resourcePath)), { encoding: resource.encoding ?? options.encoding }, {
          record(cells, rowNumber) {
            if (rowNumber === 1) {
              positions = names.map((fieldName) => cells.findIndex((label) => label.trim() === fieldName));
              return;
            }
            const parts: string[] = [];
            for (let k = 0; k < indexes.length; k++) {
              const field = validator.fields[indexes[k]!];
              const raw = cells[positions[k]!];
              if (!field || raw === undefined || field.isMissing(raw)) return;
              const value = field.cast(raw);
              if (typeof value === "symbol") return;
              parts.push(field.key(value));
            }
            set.add(parts.join("\u0000"));
          },
          problem() {},
        });
      }
    }
  }
  return lookups;
}

async function runTasks(tasks: Task[], options: LintOptions, previewRows: number, previews: Record<string, PreviewTable>): Promise<FileReport[]> {
  const reports: FileReport[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      reports[index] = await runTask(tasks[index]!, options, previewRows, previews);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 2) }, worker));
  return reports;
}

async function runTask(task: Task, options: LintOptions, previewRows: number, previews: Record<string, PreviewTable>): Promise<FileReport> {
  const size = (await stat(task.file)).size;
  options.onProgress?.({ kind: "start", file: task.name, bytes: size });
  const hash = createHash("sha256");
  let bytesRead = 0;
  let complete = false;
  async function* hashed(): AsyncGenerator<Uint8Array> {
    for await (const chunk of createReadStream(task.file, { highWaterMark: 1 << 20 })) {
      const bytes = chunk as Buffer;
      hash.update(bytes);
      bytesRead += bytes.length;
      options.onProgress?.({ kind: "read", file: task.name, bytesRead, bytes: size });
      yield bytes;
    }
    complete = true;
  }
  const preview = previewRows > 0 ? { rows: previewRows, collect: (table: PreviewTable) => (previews[task.name] = table) } : undefined;
  // Custom checks the configuration adds to this file, compiled against its schema's fields.
  const added = options.checksFor?.(task.file);
  const extra = added ? compileCustomChecks(added, task.validator.schema.fields.map((field) => field.name)) : undefined;
  const report = await task.validator.validate(hashed(), {
    name: task.name,
    encoding: task.encoding,
    preview,
    checks: extra?.checks,
    problems: extra?.problems,
  });
  report.stats.bytes = size;
  report.stats.sha256 = complete ? hash.digest("hex") : await sha256File(task.file);
  options.onProgress?.({ kind: "end", file: task.name });
  return report;
}

async function sha256File(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}
