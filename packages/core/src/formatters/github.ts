import type { Severity } from "../findings.js";
import { findingGroups } from "./groups.js";
import type { Report } from "../report.js";

const COMMAND: Record<Severity, "error" | "warning" | "notice"> = { error: "error", warning: "warning", info: "notice" };

/**
 * Escapes a workflow command's message, as the runner decodes it (actions/toolkit,
 * packages/core/src/command.ts `escapeData`): `%`, CR and LF.
 */
export function escapeData(value: string): string {
  return value.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** Escapes a workflow command's property value (`escapeProperty`): also `:` and `,`. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/**
 * GitHub Actions workflow commands, one line per finding: `::error file=…,line=…,title=…::message`
 * (docs.github.com, "Workflow commands for GitHub Actions"), which the runner turns into
 * annotations on the pull request. Accepted findings are notices. Run errors come first, unlocated.
 */
export function formatGithub(report: Report): string {
  const lines: string[] = [];
  for (const error of report.runErrors) {
    const properties = [`title=${escapeProperty(`conforme ${error.code}`)}`];
    if (error.file) properties.unshift(`file=${escapeProperty(error.file)}`);
    lines.push(`::error ${properties.join(",")}::${escapeData(error.message)}`);
  }
  for (const group of findingGroups(report)) {
    for (const finding of group.findings) {
      const properties = [`file=${escapeProperty(finding.file ?? group.file)}`];
      if (finding.line !== undefined) properties.push(`line=${finding.line}`);
      if (finding.pointer !== undefined && finding.column !== undefined) properties.push(`col=${finding.column}`);
      properties.push(`title=${escapeProperty(`conforme ${finding.code}`)}`);
      const command = finding.accepted ? "notice" : COMMAND[finding.severity];
      const message = finding.accepted ? `${finding.message} (${finding.accepted.reason})` : finding.message;
      lines.push(`::${command} ${properties.join(",")}::${escapeData(message)}`);
    }
  }
  return lines.length > 0 ? `${lines.join("\n")}\n` : "";
}
