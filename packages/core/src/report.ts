import type { Finding, Lang } from "./findings.js";

/** Version of the JSON report format, described by `schemas/report.schema.json`. */
export const REPORT_VERSION = "1.0";

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
  encoding?: string;
  dialect?: Dialect;
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
}
