export * from "./index.js";
export { lint, type LintOptions, type ProgressEvent } from "./lint.node.js";
export { discover, type Discovered } from "./discover.node.js";
export * from "./node/index.js";
