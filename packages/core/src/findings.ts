/** How serious a finding is. `off` only appears in configuration, never on a finding. */
export type Severity = "error" | "warning" | "info";

/** What a finding is about; used to group findings and to set severities per category. */
export type Category = "source" | "structure" | "schema" | "french" | "custom" | "personal-data" | "metadata";

export type Lang = "fr" | "en";

/**
 * One problem found in the data or its metadata. Flat and serialisable: the report is a list of
 * these. `code` is public API: frictionless error types and Validata check names are reused
 * verbatim where the meaning is the same.
 */
export interface Finding {
  code: string;
  /** Key of the message template in the check's catalogue; defaults to the code. */
  messageId: string;
  severity: Severity;
  category: Category;
  /** Message rendered from `data` in the report's language. */
  message: string;
  /** The structured values the message is rendered from. Never holds a raw personal value. */
  data: Record<string, unknown>;
  /** Path of the file, relative to the working directory, or the name given to a stream. */
  file?: string;
  /** Logical record number, the header being row 1 (as frictionless counts). */
  rowNumber?: number;
  /** 1-based position of the cell in its row. */
  fieldNumber?: number;
  fieldName?: string;
  /** The cell's raw value (masked when it may hold personal data). */
  cell?: string;
  /** 1-based physical line of the record's first character in the file, for annotations; in a workbook, the sheet's row. */
  line?: number;
  /** Reference of the cell in a workbook's sheet (`B12`): column letters and sheet row. */
  cellRef?: string;
  /** JSON Pointer into a metadata descriptor. */
  pointer?: string;
  column?: number;
  /** Set when the user accepted the finding in configuration; it stays visible. */
  accepted?: { reason: string };
}

/** A finding before its message is rendered: what checks hand to `report()`. */
export type FindingDraft = Omit<Finding, "code" | "message" | "messageId" | "severity" | "category" | "data"> & {
  /** Defaults to the id of the check reporting it; a check may report under a related code. */
  code?: string;
  messageId?: string;
  severity?: Severity;
  data?: Record<string, unknown>;
};
