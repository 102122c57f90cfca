// Everything the CLI, the Action, the web page and the tests share beyond the documented API
// (docs/api.md): no stability promise, it changes with them.
export * from "./internal.js";
export { lint, lintWithPreview, type LintOptions, type LintResult, type ProgressEvent, type StepTime, type TimedStep } from "./lint.node.js";
export { discover, changedFiles, selectChanged, DiscoveryError, type Discovered, type DiscoverOptions } from "./discover.node.js";
export {
  loadConfig,
  findConfig,
  readConfigFile,
  configFromObject,
  mergeConfigs,
  formatConfigIssue,
  ConfigError,
  type ConfigIssue,
  type ConfigLintOptions,
  type LoadConfigOptions,
  type LoadedConfig,
} from "./config/load.node.js";
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
