export type {
  ContactPoint,
  DataFacts,
  DatasetModel,
  DatasetProperty,
  DistributionModel,
  DistributionProperty,
  SourceFormat,
  SpatialCoverage,
  TemporalCoverage,
  UrlCheck,
  Checksum,
} from "./model.js";
export type { Criterion, MqaDimension, ScoreContext, Verdict } from "./criterion.js";
export { maxPoints } from "./criterion.js";
export { DATAGOUV_CRITERIA, CLOSED_FORMATS, QUALITY_DESCRIPTION_LENGTH } from "./datagouv-criteria.js";
export { MQA_CRITERIA, MQA_RATINGS, mqaRating, type MqaRating } from "./mqa-criteria.js";
export { scoreDatagouv, scoreMqa, type CriterionScore, type DatagouvScore, type MqaScore, type ScoreTotals } from "./score.js";
export { crossCheck, type CrossCheckOptions } from "./cross-checks.js";
export { applyThreshold, type MetadataThreshold } from "./threshold.js";
export { readDescriptor, MetadataInputError, type ParsedDescriptor } from "./read.js";
export { evaluateMetadata, type MetadataOptions, type MetadataResult } from "./evaluate.js";
export { formatMetadataStylish, formatMetadataJson, formatMetadataReportStylish } from "./format.js";
export { toMetadataReport, type MetadataReportOptions } from "./report-section.js";
export { createFactsCollector, codeColumnKind, MAX_CODES, type CollectedFacts, type CodeKind } from "./facts-check.js";
export { DATASET_SCHEMA, DATASET_SCHEMA_ID } from "./descriptor-schema.js";
export { ACCESS_RIGHTS, DATA_THEMES, FILE_TYPES, MACHINE_READABLE, NON_PROPRIETARY, type Vocabulary } from "./vocabularies/eu.js";
export { LICENCES, LICENCES_SOURCE, findLicence, type Licence } from "./vocabularies/licences.js";
export { FREQUENCY_DELTAS, FREQUENCIES_SOURCE, normaliseFrequency } from "./vocabularies/frequencies.js";
export { MEDIA_TYPES_SOURCE, isIanaMediaType } from "./vocabularies/formats.js";
