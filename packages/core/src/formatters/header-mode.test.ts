import { describe, expect, it } from "vitest";
import type { HeaderMatch, Report } from "../report.js";
import { formatHtml } from "./html.js";
import { headerModeLine } from "./header-mode.js";
import { formatJunit } from "./junit.js";
import { formatMarkdown } from "./markdown.js";
import { formatSarif } from "./sarif.js";
import { formatStylish } from "./stylish.js";
import { sampleReport } from "./testing-report.js";

function withModes(modes: (HeaderMatch | undefined)[], requested?: string, lang: "fr" | "en" = "fr"): Report {
  const report = sampleReport(lang);
  report.files.forEach((file, index) => {
    const mode = modes[index];
    if (mode) file.headerMode = mode;
    else delete file.headerMode;
  });
  if (requested) report.options = { ...report.options, headerMode: requested };
  return report;
}

describe("header mode in the reports", () => {
  const cases: { name: string; modes: (HeaderMatch | undefined)[]; requested?: string; lang?: "fr" | "en"; contains: string[]; excludes?: string[] }[] = [
    { name: "one mode for every file", modes: ["validata", "validata"], requested: "auto", contains: ["par nom, comme Validata", "mode auto"], excludes: ["("] },
    { name: "a mode asked for", modes: ["position", "position"], requested: "position", contains: ["par position"], excludes: ["auto"] },
    {
      name: "mixed modes name the files of the rarer one (the first seen wins a tie)",
      modes: ["validata", "position"],
      requested: "auto",
      contains: ["par nom, comme Validata ; par position (ok.csv)"],
    },
    { name: "English", modes: ["name", "name"], lang: "en", contains: ["Headers matched to the schema by name."] },
  ];

  it.each(cases)("$name", ({ modes, requested, lang, contains, excludes = [] }) => {
    const line = headerModeLine(withModes(modes, requested, lang));
    for (const part of contains) expect(line).toContain(part);
    for (const part of excludes) expect(line).not.toContain(part);
  });

  it("says nothing when no file was read", () => {
    expect(headerModeLine(withModes([undefined, undefined]))).toBeUndefined();
  });

  it("shows the line in the stylish and Markdown outputs, and each file's mode in the HTML report", () => {
    const report = withModes(["validata", "validata"], "auto");
    expect(formatStylish(report)).toContain("En-têtes comparés au schéma par nom, comme Validata");
    expect(formatMarkdown(report)).toContain("En-têtes comparés au schéma par nom, comme Validata");
    const html = formatHtml(report);
    expect(html).toContain("Comparaison de l&#39;en-tête");
    expect(html).toContain("par nom, comme Validata (choix du mode auto)");
  });
});

describe("header mode in the machine formats", () => {
  it("SARIF says each file's mode in the run's properties", () => {
    const report = withModes(["validata", "position"], "auto");
    const run = (JSON.parse(formatSarif(report)) as { runs: { properties: { headerModes?: Record<string, string> } }[] }).runs[0]!;
    expect(run.properties.headerModes).toEqual({ [report.files[0]!.file]: "validata", [report.files[1]!.file]: "position" });
  });

  it("JUnit gives each file's suite a headerMode property", () => {
    const report = withModes(["validata", "position"], "auto");
    const xml = formatJunit(report);
    expect(xml.match(/<property name="headerMode" value="(\w+)"\/>/g)).toEqual([
      '<property name="headerMode" value="validata"/>',
      '<property name="headerMode" value="position"/>',
    ]);
    expect(formatJunit(withModes([undefined, undefined]))).not.toContain("headerMode");
  });
});
