import { describe, expect, it } from "vitest";
import { formatGithub } from "./github.js";
import { formatJson as formatJsonText } from "./json.js";
import { formatHtml } from "./html.js";
import { formatJunit } from "./junit.js";
import { formatMarkdown } from "./markdown.js";
import { formatSarif } from "./sarif.js";
import { formatStylish } from "./stylish.js";
import { markdownHtmlText, markdownText, terminalText, workflowData, workflowProperty } from "./sanitize.js";
import { HOSTILE, hostileReport } from "./testing-report.js";

describe("sanitisers", () => {
  it.each(HOSTILE)("terminalText leaves no control character in %j", (value) => {
    expect(terminalText(value)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  });

  /**
   * What GitHub would act on in rendered text: a mention, an issue reference (a character
   * reference such as `&#91;` is not one), an autolink.
   */
  const live = [/@[\w-]/, /(?<!&)#\d/, /\bGH-\d/i, /https?:\/\/|www\./];

  it.each(HOSTILE)("markdownText leaves no live syntax in %j", (value) => {
    const text = markdownText(value);
    expect(text).not.toMatch(/[<>\n\r\u001b]/);
    expect(text).not.toMatch(/(?<!\\)[[\]!|`*_]/);
    for (const pattern of live) expect(text).not.toMatch(pattern);
  });

  it.each(HOSTILE)("markdownHtmlText leaves no tag, comment or live reference in %j", (value) => {
    const text = markdownHtmlText(value);
    expect(text).not.toMatch(/[<>\n\r\u001b[\]!`*_|]/);
    for (const pattern of live) expect(text).not.toMatch(pattern);
  });

  it.each([
    ["voir #12", "voir #\u200d12", "voir \\#\u200d12"],
    ["![x](y)", "&#33;&#91;x&#93;&#40;y&#41;", "\\!\\[x\\]\\(y\\)"],
    ["GH-7", "GH\u200d-7", "GH\u200d-7"],
    ["@maire", "@\u200dmaire", "@\u200dmaire"],
  ])("breaks %j with a zero-width joiner a reader does not see", (value, html, markdown) => {
    expect(markdownHtmlText(value)).toBe(html);
    expect(markdownText(value)).toBe(markdown);
  });

  it.each([
    ["a%b", "a%25b", "a%25b"],
    ["l1\r\nl2", "l1%0D%0Al2", "l1%0D%0Al2"],
    ["k: v, w", "k: v, w", "k%3A v%2C w"],
  ])("workflow escapes %j", (value, data, property) => {
    expect(workflowData(value)).toBe(data);
    expect(workflowProperty(value)).toBe(property);
  });
});

describe("hostile data in every format", () => {
  const report = hostileReport();

  it.each([
    ["aggregated", true],
    ["full", false],
  ])("stylish (%s) carries no escape sequence or control character", (_, aggregate) => {
    const text = formatStylish(report, { aggregate });
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
    // No line of it can be read by the runner as a workflow command.
    expect(text.split("\n").filter((line) => line.startsWith("::"))).toEqual([]);
  });

  it("github: one command a line, nothing else starts a command", () => {
    const lines = formatGithub(report, { limits: false }).trimEnd().split("\n");
    expect(lines).toHaveLength(1 + HOSTILE.length);
    for (const line of lines) {
      expect(line).toMatch(/^::(error|warning|notice) [^:]*::/);
      expect(line).not.toMatch(/[\r\u001b\u0000]/);
    }
    // The file property keeps its `:` and `,` escaped: they would end the property.
    expect(lines[1]).toContain("file=données/<b>@maire</b>%0A%3A%3Awarning%3A%3Ax.csv,");
  });

  it("markdown: no HTML, image, link, mention or escape sequence from the data", () => {
    const text = formatMarkdown(report);
    expect(text).not.toMatch(/<(img|script|b|i|style)\b/i);
    expect(text).not.toMatch(/!\[|\]\(https?:\/\/evil|\]\(javascript:/);
    expect(text).not.toMatch(/@(maire|org|x)\b/);
    expect(text).not.toMatch(/#\d|GH-\d|<!--/);
    expect(text).not.toMatch(/https?:\/\/evil|www\.evil/);
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });

  it("SARIF parses as JSON and keeps the values as text", () => {
    const log = JSON.parse(formatSarif(report)) as { runs: { results: { message: { text: string } }[] }[] };
    expect(log.runs[0]!.results.map((result) => result.message.text)).toContain(`La valeur « ${HOSTILE[12]} » n'est pas valide.`);
  });

  it("JUnit escapes XML specials and drops what XML cannot carry", () => {
    const xml = formatJunit(report);
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(xml).not.toContain("<img");
    expect(xml).not.toContain("<![CDATA[");
    // Every `&` starts an entity.
    expect(xml).not.toMatch(/&(?!(amp|lt|gt|quot|apos|#[0-9]+);)/);
  });

  it("HTML: no element, attribute or link from the data", () => {
    const html = formatHtml(report);
    const body = html.slice(html.indexOf("<body>"));
    expect(body).not.toMatch(/<img\b|<b>@maire|<i>titre/);
    expect(body.match(/<script/g)).toHaveLength(1);
    expect(body.match(/<\/style>/g) ?? []).toHaveLength(0);
    expect(html).not.toContain('href="javascript:');
  });

  // Found by test/fuzz/formatters.fuzz.test.ts. The runner trims a log line's leading spaces
  // before looking for `::`, and finds `##[` anywhere (actions/runner, ActionCommand.cs): the
  // file-name heading of stylish (" ::warning::x.csv" once its line break was folded), the raw
  // line breaks of HTML and JUnit and any `##[` were commands when printed to a CI log.
  it.each(Object.entries({ stylish: formatStylish, markdown: formatMarkdown, html: formatHtml, junit: formatJunit, sarif: formatSarif, json: formatJsonText }))(
    "%s printed to a CI log gives the runner no command",
    (_, format) => {
      const lines = format(report)
        .split(/\r\n|\r|\n/)
        .map((line) => line.trimStart());
      expect(lines.filter((line) => line.startsWith("::") || line.includes("##["))).toEqual([]);
    },
  );

  it("json keeps `##[` as the same string", () => {
    expect(JSON.parse(formatJsonText(report))).toEqual(report);
  });
});
