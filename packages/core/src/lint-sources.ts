import type { RowCheck } from "./check.js";
import type { Lang } from "./findings.js";
import { createFactsCollector } from "./metadata/facts-check.js";
import { evaluateMetadata } from "./metadata/evaluate.js";
import type { DataFacts } from "./metadata/model.js";
import { MetadataInputError, readDescriptor } from "./metadata/read.js";
import { toMetadataReport } from "./metadata/report-section.js";
import { auditOptions, DEFAULT_OPTIONS } from "./options.js";
import { personalDataChecks } from "./personal-data/index.js";
import { tableFormatOf } from "./reading/index.js";
import type { FileReport, Report, RunError, SchemaRef } from "./report.js";
import { loadTableSchema } from "./table-schema/index.js";
import { FindingFactory } from "./validate/findings-factory.js";
import { DEFAULT_PREVIEW_ROWS, type PreviewTable } from "./validate/preview.js";
import { buildReport } from "./validate/report-builder.js";
import { runError, warningsAsFindings } from "./validate/run-errors.js";
import { createHeaderValidator, createValidator, type ConfiguredCheck, type Validator } from "./validate/validator.js";
import { failedFileReport } from "./validate/driver.js";

/** A file held in memory: what a web page gets from a file input or a drop. */
export interface ByteFile {
  /** File name, as findings and the report name it; `.xlsx`, `.xlsm` and `.ods` are read as workbooks. */
  name: string;
  bytes: Uint8Array;
}

/** A Table Schema already read (from the bundled catalogue, a local file...), and where from. */
export interface GivenSchema {
  json: unknown;
  /** URL or file name the schema was read from, for the audit trail. */
  source: string;
  /** schema.data.gouv.fr id, when picked from the catalogue. */
  id?: string;
  version?: string;
}

export interface LintSourcesOptions {
  /** Without a schema, each file's header is its schema (as `conforme scan`). */
  schema?: GivenSchema;
  /** A metadata descriptor (datapackage.json, conforme.dataset.yml, data.gouv.fr JSON, DCAT) to score. */
  descriptor?: { name: string; text: string };
  lang?: Lang;
  /** Personal-data checks beside the schema; default true. */
  personalData?: boolean;
  /** First rows kept per file for the HTML report's preview (default 20; 0: none). */
  previewRows?: number;
  maxErrors?: number;
  /** The sheet read in each workbook: its name, or its 1-based position; default the first. */
  sheet?: string | number;
  /** The clock of the metadata criteria (update frequency); defaults to now. */
  now?: Date;
}

export interface LintSourcesResult {
  report: Report;
  /** First rows of each file by name, personal columns masked: for `formatHtml`, never published. */
  previews: Record<string, PreviewTable>;
}

/**
 * `lint` for files already in memory, with no file system and no network: what the web page runs
 * in the browser. The schema and the descriptor are given already read; everything else (personal
 * data, Validata custom checks, metadata cross-checks) is as `lint` does it.
 */
export async function lintSources(files: readonly ByteFile[], options: LintSourcesOptions = {}): Promise<LintSourcesResult> {
  const startedAt = new Date();
  const lang = options.lang ?? "fr";
  const factory = new FindingFactory(lang);
  const checks: ConfiguredCheck[] = options.personalData === false ? [] : personalDataChecks.map((check) => ({ check: check as RowCheck<never>, options: {} }));
  const runErrors: RunError[] = [];
  const previews: Record<string, PreviewTable> = {};
  const reports: FileReport[] = [];
  const facts: DataFacts[] = [];
  const previewRows = Math.max(0, options.previewRows ?? DEFAULT_PREVIEW_ROWS);

  let shared: Validator | undefined;
  let byHeader: Validator | undefined;
  if (options.schema) {
    try {
      shared = schemaValidator(options.schema, checks, factory, options);
    } catch (error) {
      runErrors.push(runError(error, options.schema.source, lang));
    }
  }

  // A schema that cannot drive validation validates nothing: the run error says why (exit 2 in `lint`).
  if (!options.schema || shared) {
    for (const file of files) {
      try {
        // As `lint` without a schema: each file's header row is its schema, every column untyped.
        const validator = shared ?? (byHeader ??= createHeaderValidator({ factory, lang: options.lang, checks, maxErrors: options.maxErrors }));
        // The descriptor's cross-checks need the data's dates and codes, collected in the same pass.
        const collector = options.descriptor ? createFactsCollector(validator) : undefined;
        const report = await validator.validate(streamOf(file.bytes), {
          name: file.name,
          format: tableFormatOf(file.name),
          sheet: options.sheet,
          ...(collector && { checks: [{ check: collector.check as RowCheck<never>, options: {} }] }),
          ...(previewRows > 0 && { preview: { rows: previewRows, collect: (table: PreviewTable) => (previews[file.name] = table) } }),
        });
        report.stats.bytes = file.bytes.length;
        const sha256 = await sha256Hex(file.bytes);
        if (sha256 !== undefined) report.stats.sha256 = sha256;
        reports.push(report);
        const schemaId = report.schema?.id ?? (/^https?:\/\//i.test(report.schema?.source ?? "") ? report.schema?.source : undefined);
        facts.push({ path: file.name, bytes: file.bytes.length, ...(sha256 !== undefined && { sha256 }), ...(schemaId !== undefined && { schemaId }), ...collector?.facts() });
      } catch (error) {
        // One file's failure is that file's finding: the others' results are kept.
        delete previews[file.name];
        reports.push(failedReport(file, error, factory));
      }
    }
  }

  // The audit trail, as `lint` records it: the options the page ran with, defaults resolved.
  const audit = { schema: options.schema?.source, lang, maxErrors: options.maxErrors ?? DEFAULT_OPTIONS.maxErrors, personalData: options.personalData !== false, previewRows };
  const report = buildReport(reports, runErrors, lang, startedAt, { options: auditOptions(audit) });
  if (options.descriptor) await scoreDescriptor(report, options.descriptor, facts, options);
  return { report, previews };
}

function schemaValidator(given: GivenSchema, checks: ConfiguredCheck[], factory: FindingFactory, options: LintSourcesOptions): Validator {
  const { schema, warnings } = loadTableSchema(given.json, given.source);
  const schemaRef: SchemaRef = { source: given.source };
  if (given.id !== undefined) schemaRef.id = given.id;
  const version = given.version ?? (typeof schema.version === "string" && schema.version !== "" ? schema.version : undefined);
  if (version !== undefined) schemaRef.version = version;
  const lang = options.lang ?? "fr";
  return createValidator(schema, {
    factory,
    lang,
    checks,
    maxErrors: options.maxErrors,
    schemaRef,
    schemaFindings: warningsAsFindings(warnings, lang),
  });
}

function failedReport(file: ByteFile, error: unknown, factory: FindingFactory): FileReport {
  return failedFileReport(file.name, { detail: error instanceof Error ? error.message : String(error), reason: "read" }, factory, file.bytes.length);
}

/**
 * Scores the descriptor into `report.metadata` as `lint` does for one named explicitly: every
 * file of the run is cross-checked with it, and its findings count in the stats and verdict.
 */
async function scoreDescriptor(report: Report, descriptor: { name: string; text: string }, facts: DataFacts[], options: LintSourcesOptions): Promise<void> {
  const lang = options.lang ?? "fr";
  try {
    const parsed = await readDescriptor(descriptor.text, { file: descriptor.name, lang });
    const result = evaluateMetadata(parsed, { facts, lang, criterionSeverity: "info", ...(options.now && { now: options.now }) });
    const section = toMetadataReport(result, { descriptor: descriptor.name, dataFiles: facts.map((fact) => fact.path), lang });
    report.metadata = [section];
    report.stats.errors += section.stats.errors;
    report.stats.warnings += section.stats.warnings;
    report.stats.infos += section.stats.infos;
  } catch (error) {
    const code = error instanceof MetadataInputError ? error.code : "run-error";
    report.runErrors.push({ code, file: descriptor.name, message: error instanceof Error ? error.message : String(error) });
  }
  report.valid = report.stats.errors === 0 && report.runErrors.length === 0;
}

function streamOf(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  return (async function* () {
    yield bytes;
  })();
}

/** Web Crypto, in browsers (secure contexts, `file:` included) and Node alike; absent elsewhere. */
async function sha256Hex(bytes: Uint8Array): Promise<string | undefined> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return undefined;
  const digest = new Uint8Array(await subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
}
