// The documented API for Node (docs/api.md): the browser API plus `lint` on files and folders.
export * from "./index.js";
export { lint, lintWithPreview, type LintOptions, type LintResult, type ProgressEvent, type StepTime, type TimedStep } from "./lint.node.js";
