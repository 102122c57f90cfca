import type { Report } from "../report.js";
import { formatHtml } from "./html.js";
import { formatJson } from "./json.js";
import { formatStylish } from "./stylish.js";
import { formatSarif } from "./sarif.js";
import { formatJunit } from "./junit.js";
import { formatGithub } from "./github.js";
import { formatMarkdown } from "./markdown.js";
import type { PreviewTable } from "../validate/preview.js";

export interface FormatOptions {
  color?: boolean;
  /**
   * False lists every finding; by default a column failing the same way on many rows is one
   * entry with its count (`--no-aggregate`). The JSON report always keeps every finding.
   */
  aggregate?: boolean;
  /**
   * First rows of each file by path, masked by the engine (`lintWithPreview`). Only the HTML
   * report shows them: a formatter whose output may be published must ignore them.
   */
  preview?: Record<string, PreviewTable>;
}

export type Formatter = (report: Report, options: FormatOptions) => string;

/** Formatters by name, as `--format` selects them. Each is a pure function of the report. */
export const formatters: Record<string, Formatter> = {
  html: (report, options) => formatHtml(report, { preview: options.preview, aggregate: options.aggregate }),
  json: formatJson,
  stylish: formatStylish,
  sarif: formatSarif,
  junit: formatJunit,
  github: formatGithub,
  markdown: (report, options) => formatMarkdown(report, { aggregate: options.aggregate }),
};

export { formatJson, formatStylish, formatSarif, formatJunit, formatGithub, formatMarkdown };
