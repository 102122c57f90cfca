import { describe, expect, it } from "vitest";
import { escapeData, escapeProperty, formatGithub } from "./github.js";
import { sampleReport } from "./testing-report.js";

describe("formatGithub", () => {
  it.each([
    ["100%", "100%25", "100%25"],
    ["a\r\nb", "a%0D%0Ab", "a%0D%0Ab"],
    ["x: y, z", "x: y, z", "x%3A y%2C z"],
  ])("escapes %j", (raw, data, property) => {
    expect(escapeData(raw)).toBe(data);
    expect(escapeProperty(raw)).toBe(property);
  });

  it("writes one command per finding and run error, located and escaped", () => {
    const lines = formatGithub(sampleReport()).trimEnd().split("\n");
    const file = "file=données/sub ventions%2C 100%25.csv";
    expect(lines.map((line) => line.slice(0, line.indexOf("::", 2)))).toEqual([
      "::error file=schemas/x.json,title=conforme schema-error",
      `::error ${file},line=4,title=conforme type-error`,
      `::error ${file},line=3,title=conforme french-siret-value`,
      `::notice ${file},title=conforme personal-data-email`,
      `::notice ${file},line=7,col=5,title=conforme schema-warning`,
    ]);
    expect(lines.every((line) => !line.includes("\n"))).toBe(true);
    expect(lines[1]).toContain("%0A50%25");
  });

  it("is empty for a clean report", () => {
    const report = sampleReport();
    expect(formatGithub({ ...report, runErrors: [], files: [report.files[1]!] })).toBe("");
  });
});
