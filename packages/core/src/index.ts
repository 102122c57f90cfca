export type { Category, Finding, FindingDraft, Lang, Severity } from "./findings.js";
export type { CheckContext, CheckMeta, MessageTemplate, RowCheck, RowView, RowVisitor, TableInfo } from "./check.js";
export { docsUrl } from "./check.js";
export type { Dialect, FileReport, FileStats, Report, RunError, SchemaRef } from "./report.js";
export { REPORT_VERSION } from "./report.js";
export type { FieldDescriptor, FieldType, TableSchema, Constraints, ForeignKey } from "./table-schema/descriptor.js";
