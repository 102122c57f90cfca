import type { Finding, Lang } from "./findings.js";
import type { SheetRef } from "./reading/read-table.js";

/** Version of the JSON report format, described by `schemas/report.schema.json`. */
export const REPORT_VERSION = "1.0";

/** How a file's header was matched to its schema's fields (see `HeaderMode` in the validator). */
export type HeaderMatch = "position" | "name" | "validata";

export interface Dialect {
  delimiter: string;
  quoteChar: string;
  lineTerminator: string;
}

export interface SchemaRef {
  /** schema.data.gouv.fr id (`org/name`) when resolved through the catalogue. */
  id?: string;
  version?: string;
  /** URL or path the schema was read from. */
  source: string;
}

export interface FileStats {
  /** Data rows read (the header is not counted). */
  rows: number;
  fields: number;
  bytes: number;
  sha256?: string;
  errors: number;
  warnings: number;
  infos: number;
  /** Share of cells without an error, as Validata's badge computes it (0 to 100). */
  validCellsPercent?: number;
  /**
   * Number of findings per code, counting those beyond the cap on findings kept per file, so that
   * reports can show counts for all and details for the first few.
   */
  countsByCode?: Record<string, number>;
}

export interface FileReport {
  file: string;
  valid: boolean;
  /** True when reading stopped early (error limit reached): the findings are incomplete. */
  partial: boolean;
  schema?: SchemaRef;
  /** CSV text: the encoding detected or given. */
  encoding?: string;
  dialect?: Dialect;
  /** A workbook (xlsx, ods): the sheet read, instead of an encoding and a dialect. */
  sheet?: SheetRef;
  /**
   * How the header was matched to the schema: `position`, `name` or `validata`. Under the
   * default `auto` mode, the one chosen for this file (the run's `options.headerMode` keeps
   * what was asked).
   */
  headerMode?: HeaderMatch;
  labels: string[];
  stats: FileStats;
  findings: Finding[];
  durationMs: number;
}

/** A failure of the run itself (unreadable schema, bad option), kept apart from data findings. */
export interface RunError {
  code: string;
  message: string;
  file?: string;
}

export interface Report {
  reportVersion: typeof REPORT_VERSION;
  tool: { name: "conforme"; version: string };
  lang: Lang;
  createdAt: string;
  durationMs: number;
  valid: boolean;
  stats: { files: number; errors: number; warnings: number; infos: number };
  files: FileReport[];
  runErrors: RunError[];
  /** Options the run used (resolved configuration), recorded for the audit trail. */
  options?: Record<string, unknown>;
  /**
   * Metadata scores of the descriptors found next to the data or named by the run, one entry per
   * descriptor. Their findings count in `stats` (a threshold not met is an error).
   */
  metadata?: MetadataReport[];
}

/** One criterion of a metadata score. */
export interface MetadataCriterionReport {
  /** Criterion id; its finding code is `metadata-<id>`. */
  id: string;
  label: Record<Lang, string>;
  /** Points counted (verified, provisional and local). */
  points: number;
  max: number;
  /** MQA dimension (findability, accessibility, interoperability, reusability, contextuality). */
  dimension?: string;
  /** What to add or change; present when points are missing. */
  recommendation?: Record<Lang, string>;
}

/** One score of a descriptor: data.gouv.fr quality (out of 9) or data.europa.eu MQA (out of 405). */
export interface MetadataScoreReport {
  id: "datagouv" | "mqa";
  /** Verified points plus the provisional and local ones: what thresholds compare by default. */
  points: number;
  max: number;
  /** Points verified: URLs checked (or not needed) and files published. */
  verified: number;
  /** Points pending a URL check (`--check-urls`). */
  provisionalPoints: number;
  /** Points earned only because the file exists next to the descriptor, not published yet. */
  localPoints: number;
  /** True when `points` include provisional or local points. */
  provisional: boolean;
  /** MQA band of `points`: `excellent`, `good`, `sufficient` or `bad`. */
  rating?: string;
  criteria: MetadataCriterionReport[];
}

/** Metadata scoring of one descriptor (datapackage.json, conforme.dataset.yml, data.gouv.fr JSON...). */
export interface MetadataReport {
  /** Path of the descriptor, relative to the working directory. */
  descriptor: string;
  /** Format the descriptor was read as (`datapackage-v1`, `conforme`, `datagouv`...). */
  format: string;
  /** Data files of the run whose facts were compared with the descriptor (cross-checks). */
  dataFiles: string[];
  valid: boolean;
  stats: { errors: number; warnings: number; infos: number };
  scores: MetadataScoreReport[];
  /**
   * Findings located by JSON Pointer, line and column in the descriptor: criteria not fully met,
   * cross-checks with the data, thresholds not met (full passes are only in `scores`).
   */
  findings: Finding[];
}
