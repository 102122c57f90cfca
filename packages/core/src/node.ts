export * from "./index.js";
export { lint, lintWithPreview, type LintOptions, type LintResult, type ProgressEvent } from "./lint.node.js";
export { discover, type Discovered } from "./discover.node.js";
export * from "./node/index.js";
export {
  checkUrl,
  checkUrls,
  fileFacts,
  distributionFacts,
  distributionUrls,
  fetchDatagouvDataset,
  evaluateMetadataFile,
  evaluateDatagouvDataset,
  DATAGOUV_URL,
  type MetadataFileOptions,
  type UrlCheckOptions,
  DESCRIPTOR_NAMES,
  findDescriptors,
  findLintDescriptors,
  scoreLintDescriptors,
  lintMetadata,
  type LintDescriptor,
  type LintMetadata,
  type LintMetadataOptions,
} from "./node/metadata.node.js";
