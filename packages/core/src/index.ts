// The documented API of @conforme/core (docs/api.md, whose test fails on anything exported here
// and not documented there). The CLI, the Action and the web page use ./internal.ts as well.
export type { Category, Finding, Lang, Severity } from "./findings.js";
export type { CheckContext, CheckDefinition, CheckMeta, MessageTemplate, OptionsSchema, RowCheck, RowView, RowVisitor, TableInfo } from "./check.js";
export { defineCheck, optionsSchema } from "./check.js";
export type { FileReport, FileStats, Report, RunError } from "./report.js";
export type { FieldDescriptor, TableSchema } from "./table-schema/descriptor.js";
export { loadTableSchema, type LoadedTableSchema } from "./table-schema/load.js";
export { createValidator, type ConfiguredCheck, type HeaderMode, type SourceOptions, type Validator, type ValidatorOptions } from "./validate/validator.js";
export { readTable, tableFormatOf, type ByteSource, type TableFormat } from "./reading/read-table.js";
export { errorsOnly } from "./validate/errors-only.js";
export { closest } from "./suggest.js";
export { formatters, type FormatOptions, type Formatter } from "./formatters/index.js";
export { formatSarif, sarifOmittedResults, SARIF_MAX_RESULTS, type SarifFormatOptions } from "./formatters/sarif.js";
export { formatHtml, type HtmlOptions } from "./formatters/html.js";
export { formatMarkdown, type MarkdownOptions } from "./formatters/markdown.js";
export { configJsonSchema, CONFIG_SCHEMA_URL, type ConformeConfig } from "./config/schema.js";
export { lintSources, type ByteFile, type GivenSchema, type LintSourcesOptions, type LintSourcesResult } from "./lint-sources.js";
export { fixTable, type FixChange, type FixNote, type FixOptions, type FixResult } from "./fix/fix-table.js";
