// Everything the CLI, the Action, the web page and the tests share beyond the documented API
// (docs/api.md): no stability promise, it changes with them.
export * from "./index.js";
export type { FindingDraft } from "./findings.js";
export { docsUrl } from "./check.js";
export type { Dialect, HeaderMatch, MetadataCriterionReport, MetadataReport, MetadataScoreReport, SchemaRef } from "./report.js";
export { REPORT_VERSION } from "./report.js";
export { VERSION } from "./version.js";
export type { FieldType, Constraints, ForeignKey } from "./table-schema/descriptor.js";
export { createHeaderValidator, DEFAULT_MAX_ERRORS, type ForeignKeyLookups, type KeySourceOptions } from "./validate/validator.js";
export { auditOptions, DEFAULT_OPTIONS } from "./options.js";
export { FindingFactory, type SeverityLevel, type SeverityOverrides } from "./validate/findings-factory.js";
export { buildReport } from "./validate/report-builder.js";
export { formatJson, formatStylish } from "./formatters/index.js";
export { formatJunit } from "./formatters/junit.js";
export { formatGithub, type GithubOptions } from "./formatters/github.js";
export {
  ANNOTATION_LEVEL,
  ANNOTATION_LIMITS,
  capAnnotations,
  compareAnnotationRanks,
  findingTitle,
  LEVEL_RANK,
  overflowTitle,
  partialTitle,
  runErrorTitle,
  type AnnotationCap,
  type AnnotationLevel,
} from "./formatters/annotations.js";
export { codeCatalog, codeTitle, describeCode, findingCodes, type CodeInfo } from "./formatters/catalog.js";
export { groupByCode, personalRisk, RISK_NAMES, SEVERITY_NAMES, type CodeGroup, type GroupOptions, type PersonalRisk } from "./formatters/views.js";
export { findCode, type CodeLookup } from "./formatters/code-names.js";
export { editDistance } from "./suggest.js";
export {
  aggregateFindings,
  aggregateMessage,
  entryFinding,
  lineNote,
  maxErrorsOf,
  partialNotice,
  recordPlace,
  AGGREGATE_THRESHOLD,
  type AggregateOptions,
  type FindingAggregate,
  type FindingEntry,
} from "./formatters/aggregate.js";
export { markdownCode, markdownHtmlText, markdownText, terminalText, workflowData, workflowProperty } from "./formatters/sanitize.js";
export { reportJsonSchema } from "./report-schema.js";
export { CONFIG_FILE_NAMES, type MetadataConfig, type AcceptedPersonalData } from "./config/schema.js";
export { exitCodeOf, type FailurePolicy } from "./config/outcome.js";
export * from "./table-schema/index.js";
export * from "./resolve/index.js";
export { checks, findCheck } from "./checks/registry.js";
export { compileCustomChecks, customCheckNames, type CustomCheckDescriptor } from "./checks/custom-checks.js";
export { validCellsPercent } from "./checks/valid-cells.js";
export { hintFor, type Accepts, type Hint } from "./messages/hints.js";
export { maskPersonalValues, MAX_QUOTED_LENGTH, quote, quoteValue, type Quoted } from "./messages/quote.js";
export {
  personalDataChecks,
  personalDataCheck,
  reidentificationRiskCheck,
  smallCountsCheck,
  mask,
  DETECTORS,
  PERSONAL_DATA_KINDS,
  personalDataCode,
  type PersonalDataKind,
  type Detector,
  type PersonalDataOptions,
  type ReidentificationOptions,
  type SmallCountsOptions,
  type AcceptedFinding,
} from "./personal-data/index.js";
export { DEFAULT_PREVIEW_ROWS, type PreviewRequest, type PreviewTable } from "./validate/preview.js";
export { aggregateBadge, badgeMessage, badgeStatus, formatBadge, type BadgeInput, type BadgeStatus } from "./formatters/badge.js";
export * from "./metadata/index.js";
export * from "./fix/index.js";
