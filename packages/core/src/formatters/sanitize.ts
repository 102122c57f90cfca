/**
 * Text from the data (cells, labels, file names, schema titles) made inert for each family of
 * output. Messages quote cells, so every formatter passes messages through one of these.
 */

// ECMA-48 escape sequences: CSI (`ESC [` ... final byte), OSC / DCS / APC / PM / SOS strings up
// to BEL or ST, and two-byte `ESC x` sequences. A terminal acts on all of them: clear the screen,
// rewrite the title, or print a hyperlink (OSC 8).
const ESCAPE_SEQUENCE =
  /\u001b\[[0-?]*[ -/]*[@-~]|\u001b[\]PX^_][\s\S]*?(?:\u0007|\u001b\\|$)|\u009b[0-?]*[ -/]*[@-~]|[\u0090\u009d\u009e\u009f][\s\S]*?(?:\u0007|\u009c|$)|\u001b[@-_]?/g;
// C0 and C1 controls and DEL; line breaks and tabs are folded into a space by the caller first.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
// Bidirectional overrides and isolates reorder what a terminal or a browser shows
// (CVE-2021-42574, "Trojan Source"): a message would read otherwise than it is.
const BIDI = /[\u202a-\u202e\u2066-\u2069]/g;

/**
 * The GitHub Actions runner reads a log line as a workflow command when it starts with `::` once
 * leading spaces are trimmed, and as a legacy command when `##[` appears anywhere in it
 * (actions/runner, ActionCommand.TryParseV2 and TryParse). A zero-width joiner between the two
 * characters leaves the text as it reads and the runner with nothing to parse.
 */
export function commandInert(value: string): string {
  return value.replace(/::/g, ":\u200d:").replace(/##\[/g, "##\u200d[");
}

/**
 * For a terminal, a CI log or a workflow command: escape sequences removed, line breaks and tabs
 * folded to a space, every other control character removed, no workflow command left readable.
 */
export function terminalText(value: string): string {
  return commandInert(
    value
      .replace(ESCAPE_SEQUENCE, "")
      .replace(/\r\n|[\r\n\t\u2028\u2029\u0085]/g, " ")
      .replace(CONTROL, "")
      .replace(BIDI, ""),
  );
}

/**
 * What GitHub links after rendering, in the text nodes, whatever the Markdown escapes (cmark-gfm
 * issue #181: `\@name` and `\#12` still notify and link): `@name` and `@org/team` mentions,
 * `#12`, `GH-12` and `org/repo#12` issue references (a reference adds a backlink to that issue),
 * and the GFM autolinks (`http://`, `www.`, e-mail addresses, extension §6.9). A zero-width
 * joiner after `@`, `#`, `GH` and `:` breaks each of them without changing what a reader sees.
 */
function breakReferences(text: string): string {
  return text
    .replace(/@/g, "@\u200d")
    .replace(/#(?=\d)/g, "#\u200d")
    .replace(/\b(GH)-(?=\d)/gi, "$1\u200d-")
    .replace(/:\/\//g, ":\u200d//")
    .replace(/\bwww\./gi, (match) => `${match.slice(0, 3)}\u200d.`);
}

/**
 * For GitHub-flavoured Markdown (job summary, pull-request comment, `--format markdown`), inside
 * a table cell or a paragraph: raw HTML and HTML comments shown as text, Markdown syntax escaped
 * with backslashes (CommonMark §2.4), so no image, link or emphasis, and mentions, issue
 * references and autolinks broken (see `breakReferences`). Line breaks are folded so that a value
 * cannot end the table.
 */
export function markdownText(value: string): string {
  return breakReferences(terminalText(value))
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/([\\`*_[\]|#!~()])/g, "\\$1");
}

/**
 * For text inside an HTML element of a Markdown document (`<summary>` of a `<details>` block),
 * where GitHub renders no Markdown, so backslashes would show: HTML escaped, Markdown
 * punctuation written as character references (shown as the character, never read as syntax,
 * should the line be read as Markdown after all: CommonMark §2.5), mentions, issue references
 * and autolinks broken as in `markdownText`, line breaks folded.
 */
export function markdownHtmlText(value: string): string {
  // References are broken first: the `#` of a character reference must stay whole.
  return breakReferences(terminalText(value))
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/[\\`*_[\]|!~()]/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** For a Markdown code span: backticks would close it and `|` would split a table cell. */
export function markdownCode(value: string): string {
  return `\`${terminalText(value).replace(/`/g, "'").replace(/\|/g, "\\|")}\``;
}

/**
 * A workflow command's message (actions/toolkit `escapeData`): `%`, CR and LF percent-encoded,
 * so that a cell reading `\n::add-mask::x` stays in the one command. Other controls are removed.
 */
export function workflowData(value: string): string {
  return value
    .replace(ESCAPE_SEQUENCE, "")
    .replace(/[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, "")
    .replace(BIDI, "")
    .replace(/%/g, "%25")
    .replace(/\r/g, "%0D")
    .replace(/\n/g, "%0A");
}

/** A workflow command's property value (`escapeProperty`): also `:` and `,`, which end it. */
export function workflowProperty(value: string): string {
  return workflowData(value).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
