import { describe, expect, it } from "vitest";
import { describeCode } from "./catalog.js";
import { formatMarkdown } from "./markdown.js";
import { markdownText } from "./sanitize.js";
import { sampleReport } from "./testing-report.js";

describe("formatMarkdown", () => {
  it.each([
    ["a | b", "a \\| b"],
    ["<script>", "&lt;script&gt;"],
    ["*gras* [lien](x)", "\\*gras\\* \\[lien\\]\\(x\\)"],
    ["l1\nl2", "l1 l2"],
  ])("escapes %j (the one escaper of formatMarkdown and the Action)", (raw, escaped) => {
    expect(markdownText(raw)).toBe(escaped);
  });

  it("lists files and findings, one table row per finding, with docs links", () => {
    const text = formatMarkdown(sampleReport());
    const rows = text.split("\n").filter((line) => line.startsWith("| ") && line.includes("](https://"));
    expect(rows).toHaveLength(4);
    expect(rows[0]).toContain("docs/checks/type-error.md");
    expect(text).toContain("| ok.csv | ✅ | 0 | 0 | 1 |");
    expect(text).not.toContain("<b>");
  });

  it("keeps mentions, images and links from the data inert, and names codes as the catalogue does", () => {
    const report = sampleReport();
    const file = report.files.find((candidate) => candidate.findings.length > 0)!;
    file.file = "@maire ![x](https://evil.example/x.png).csv";
    file.findings[0]!.message = "voir @org/team et <img src=x>";
    const text = formatMarkdown(report);
    expect(text).not.toMatch(/@maire|@org|<img|!\[x\]|\]\(https:\/\/evil/);
    expect(text).toContain("@\u200dmaire");
    expect(text).toContain("@\u200dorg/team");
    expect(text).toContain(`(${describeCode(file.findings[0]!.code).helpUri})`);
  });

  it("caps the findings per file and says how many are left", () => {
    const text = formatMarkdown(sampleReport("en"), { maxFindingsPerFile: 1 });
    expect(text.split("\n").filter((line) => line.includes("](https://"))).toHaveLength(1);
    expect(text).toContain("3 more");
  });
});
