import type { Report } from "../report.js";
import { formatHtml } from "./html.js";
import { formatJson } from "./json.js";
import { formatStylish } from "./stylish.js";

export interface FormatOptions {
  color?: boolean;
}

export type Formatter = (report: Report, options: FormatOptions) => string;

/** Formatters by name, as `--format` selects them. Each is a pure function of the report. */
export const formatters: Record<string, Formatter> = {
  html: (report) => formatHtml(report),
  json: formatJson,
  stylish: formatStylish,
};

export { formatJson, formatStylish };
