// Issue 12, outputs: reports built from arbitrary text always give output that parses, and carry
// no workflow command, HTML element, Markdown image, link or mention that the data brought.
import fc from "fast-check";
import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { planAnnotations } from "../../action/src/annotations.js";
import { COMMENT_BUDGET } from "../../action/src/summary.js";
import { TEXTS } from "../../action/src/texts.js";
import { formatMarkdown, formatters, type Finding, type Report, type Severity } from "../../packages/core/src/index.js";
import { reportOf } from "../../packages/core/src/formatters/testing-report.js";
import { hostileText } from "./hostile-text.js";
import { fuzzParameters } from "./options.js";
import { xmlProblem } from "./xml.js";

interface Texts {
  file: string;
  message: string;
  fieldName: string;
  cell: string;
  label: string;
  reason: string;
  schema: string;
  runError: string;
}

const textsArbitrary: fc.Arbitrary<Texts> = fc.record({
  file: hostileText,
  message: hostileText,
  fieldName: hostileText,
  cell: hostileText,
  label: hostileText,
  reason: hostileText,
  schema: hostileText,
  runError: hostileText,
});

const BENIGN: Texts = { file: "f.csv", message: "m", fieldName: "c", cell: "v", label: "l", reason: "r", schema: "s", runError: "e" };

/** A report with the text everywhere a formatter prints data: file, message, column, cell, labels, schema, run error. */
function reportWith(t: Texts, lang: "fr" | "en"): Report {
  const finding = (code: string, severity: Severity, extra: Partial<Finding>): Finding => ({
    code,
    messageId: "default",
    severity,
    category: "schema",
    message: t.message,
    data: { value: t.cell },
    file: t.file,
    ...extra,
  });
  const findings = [
    finding("type-error", "error", { rowNumber: 2, line: 3, fieldNumber: 1, fieldName: t.fieldName, cell: t.cell }),
    finding("constraint-error", "warning", { rowNumber: 3, line: 4, fieldNumber: 2, fieldName: t.fieldName, cell: t.cell, accepted: { reason: t.reason } }),
    finding("extra-label", "info", { rowNumber: 1, fieldNumber: 3, fieldName: t.label }),
    finding("schema-warning", "info", { pointer: "/fields/0", line: 7, column: 5 }),
  ];
  const file = {
    file: t.file,
    valid: false,
    partial: false,
    schema: { source: t.schema, id: t.schema },
    labels: [t.label, t.fieldName],
    stats: { rows: 3, fields: 2, bytes: 10, errors: 1, warnings: 1, infos: 2 },
    durationMs: 1,
    findings,
  };
  return { ...reportOf([file], { runErrors: [{ code: "schema-error", message: t.runError, file: t.schema }] }), lang };
}

/** Lines as the Actions runner reads a log (CR, LF or CRLF ends one), leading space trimmed. */
const logLines = (text: string) => text.split(/\r\n|\r|\n/).map((line) => line.trimStart());

const COMMAND_LINE = /^::(error|warning|notice)( [^:\r\n]*)?::/;

/**
 * The markup of an HTML page: each tag with its attribute names, values left out. Data can only
 * change the values and the text; an element or attribute it brought would show here.
 */
function markup(html: string): string[] {
  return (html.match(/<\/?[A-Za-z][^>]*>/g) ?? []).map((tag) => tag.replace(/=\s*("[^"]*"|'[^']*'|[^\s>]+)/g, "="));
}

const isWebAddress = (text: string) => /^https?:\/\//i.test(text);

// GitHub renders Markdown as CommonMark with the GFM autolinks; markdown-it with linkify links
// http(s) addresses as GFM does, raw HTML kept as it is so that any element the data brought
// shows. GFM's `www.` autolinks (any domain, GFM §6.9) are looked for in the text. linkify-it's
// e-mail links are off: it takes internationalised domains (a zero-width joiner, punycoded) that
// GFM's e-mail autolinks, ASCII only, do not.
const commonMark = new MarkdownIt({ html: true, linkify: true });
commonMark.linkify.set({ fuzzyEmail: false });

/**
 * What a Markdown output becomes on GitHub, reduced to what can act: how many times each tag
 * (with its attribute names) appears in its HTML, and the `@name` a reader would be notified for
 * (in text, not in code or links) and the `www.` addresses GitHub would link.
 */
function markdownEffects(markdown: string): { tags: Map<string, number>; mentions: string[] } {
  const html = commonMark.render(markdown);
  const text = html.replace(/<(code|pre|a)\b[^>]*>[\s\S]*?<\/\1>/g, " ").replace(/<[^>]*>/g, " ");
  const tags = new Map<string, number>();
  for (const tag of markup(html)) tags.set(tag, (tags.get(tag) ?? 0) + 1);
  const mentions = text.match(/(?<![\w@`])@[A-Za-z0-9][\w-]*/g) ?? [];
  // Autolinks come from inline text only, not from an HTML block (`<details>` lines).
  const inlineText = commonMark
    .parse(markdown, {})
    .filter((token) => token.type === "inline")
    .flatMap((token) => (token.children ?? []).filter((child) => child.type === "text").map((child) => child.content))
    .join(" ");
  const autolinks = inlineText.match(/(?<![\w.-])www\.[A-Za-z0-9-]/gi) ?? [];
  return { tags, mentions: [...mentions, ...autolinks] };
}

/**
 * Data may leave an element out (an empty name prints no code span) but never add one: every tag
 * of the output is one the plain-text output has, as many times at most, and nobody is mentioned.
 */
function expectNoEffectAdded(markdown: string, plain: ReturnType<typeof markdownEffects>): void {
  const effects = markdownEffects(markdown);
  const added = [...effects.tags].filter(([tag, count]) => count > (plain.tags.get(tag) ?? 0)).map(([tag]) => tag);
  expect(added).toEqual([]);
  expect(effects.mentions).toEqual([]);
}

describe("formatters on reports of arbitrary text", () => {
  it("the checks below see what they look for", () => {
    expect(logLines("x\r  ::error::y")).toEqual(["x", "::error::y"]);
    const plain = markdownEffects("| a | `b` |\n|---|---|\n| c | d |\n");
    expect(() => expectNoEffectAdded("| a | `b` |\n|---|---|\n| ![p](https://evil.com/p.png) | d |\n", plain)).toThrow();
    expect(() => expectNoEffectAdded("| a | `b` |\n|---|---|\n| c | www.evil.com |\n", plain)).toThrow();
    expect(() => expectNoEffectAdded("| a | `b` |\n|---|---|\n| c | @evil |\n", plain)).toThrow();
    expect(() => expectNoEffectAdded("| a | `@b` |\n|---|---|\n| c | @\u200devil |\n", plain)).not.toThrow();
    expect(markup('<p title="<img>">x &lt;img&gt;</p>')).toEqual(["<p title=>", "</p>"]);
  });

  it("json round-trips the report; sarif parses", () => {
    fc.assert(
      fc.property(textsArbitrary, fc.constantFrom("fr" as const, "en" as const), (t, lang) => {
        const report = reportWith(t, lang);
        expect(JSON.parse(formatters.json!(report, {}))).toEqual(report);
        const sarif = JSON.parse(formatters.sarif!(report, {})) as { runs: { results: unknown[] }[] };
        expect(sarif.runs[0]!.results.length).toBeGreaterThan(0);
      }),
      fuzzParameters(),
    );
  });

  it("junit is well-formed XML", () => {
    fc.assert(
      fc.property(textsArbitrary, (t) => {
        expect(xmlProblem(formatters.junit!(reportWith(t, "fr"), {}))).toBeUndefined();
      }),
      fuzzParameters(),
    );
  });

  it("github: as many commands as with plain text, every line one of them, no CR", () => {
    const plain = logLines(formatters.github!(reportWith(BENIGN, "fr"), {})).filter((line) => line !== "");
    fc.assert(
      fc.property(textsArbitrary, fc.boolean(), (t, aggregate) => {
        const output = formatters.github!(reportWith(t, "fr"), { aggregate });
        expect(output).not.toMatch(/[\r\u0000]/);
        const lines = logLines(output).filter((line) => line !== "");
        expect(lines).toHaveLength(plain.length);
        for (const line of lines) expect(line).toMatch(COMMAND_LINE);
      }),
      fuzzParameters(),
    );
  });

  // Any format may be printed to a CI log (`--format x` without `--output`).
  it("no other format gives a log line the runner reads as a command", () => {
    fc.assert(
      fc.property(textsArbitrary, (t) => {
        const report = reportWith(t, "fr");
        for (const name of Object.keys(formatters).filter((format) => format !== "github")) {
          for (const options of [{}, { color: true }, { aggregate: false }]) {
            const injected = logLines(formatters[name]!(report, options)).filter((line) => line.startsWith("::") || line.includes("##["));
            expect(injected, name).toEqual([]);
          }
        }
      }),
      fuzzParameters(),
    );
  });

  it("html and markdown hold as many live constructs as with plain text", () => {
    const plain = reportWith(BENIGN, "fr");
    const plainHtml = markup(formatters.html!(plain, {}));
    // The report links a schema given by an http(s) address, and only then.
    const linkedHtml = markup(formatters.html!(reportWith({ ...BENIGN, schema: "https://schema.example/s.json" }, "fr"), {}));
    const plainMarkdown = markdownEffects(formatters.markdown!(plain, {}));
    fc.assert(
      fc.property(textsArbitrary, (t) => {
        const report = reportWith(t, "fr");
        const html = formatters.html!(report, {});
        expect(markup(html)).toEqual(isWebAddress(t.schema) ? linkedHtml : plainHtml);
        expect(html).not.toMatch(/(?:href|src)\s*=\s*["']?\s*javascript:/i);
        expectNoEffectAdded(formatters.markdown!(report, {}), plainMarkdown);
      }),
      fuzzParameters(),
    );
  });

  it("the Action: annotations of one line each, a summary with no live construct from the data", () => {
    // The summary and the comment: core's Markdown report as the Action asks for it.
    const summaryOf = (report: Report) => formatMarkdown(report, { links: false, budget: COMMENT_BUDGET });
    const plainSummary = markdownEffects(summaryOf(reportWith(BENIGN, "fr")));
    fc.assert(
      fc.property(textsArbitrary, (t) => {
        const report = reportWith(t, "fr");
        const plan = planAnnotations(report, undefined, TEXTS.fr);
        for (const annotation of plan.annotations) {
          expect(annotation.message).not.toMatch(/[\r\n\u0000]/);
          expect(annotation.title).not.toMatch(/[\r\n\u0000]/);
        }
        const summary = summaryOf(report);
        expect(logLines(summary).filter((line) => line.startsWith("::"))).toEqual([]);
        expectNoEffectAdded(summary, plainSummary);
      }),
      fuzzParameters(),
    );
  });
});
