const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/**
 * Escapes a value for HTML text and double- or single-quoted attribute values. Every value that
 * comes from data or metadata goes through here: cell values are untrusted. Line breaks become
 * `&#10;`, which the page shows as the parser shows a raw one (HTML §13.2.3.5 turns CR and CRLF
 * into LF): printed to a CI log, a cell reading "\n::error::x" starts no line, so the runner
 * reads no workflow command from it; nor a legacy one, `##[` being written `##&#91;`.
 */
export function escapeHtml(value: unknown): string {
  if (value === undefined || value === null) return "";
  return String(value)
    .replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char)
    .replace(/\r\n?|\n/g, "&#10;")
    .replace(/##\[/g, "##&#91;");
}
