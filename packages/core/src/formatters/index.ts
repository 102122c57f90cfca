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
   * First rows of each file by path, masked by the engine (`lintWithPreview`). Only the HTML
   * report shows them: a formatter whose output may be published must ignore them.
   */
  preview?: Record<string, PreviewTable>;
}

export type Formatter = (report: Report, options: FormatOptions) => string;

/** Formatters by name, as `--format` selects them. Each is a pure function of the report. */
export const formatters: Record<string, Formatter> = {
  html: (report, options) => formatHtml(report, { preview: options.preview }),
  json: formatJson,
  stylish: formatStylish,
  sarif: formatSarif,
  junit: formatJunit,
  github: formatGithub,
  markdown: (report) => formatMarkdown(report),
};

export { formatJson, formatStylish, formatSarif, formatJunit, formatGithub, formatMarkdown };
