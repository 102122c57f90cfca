import { describe, expect, it } from "vitest";
import { runChecks } from "../checks/check-tester.js";
import { smallCountsCheck } from "./small-counts.js";

function run(labels: string[], rows: string[][], options: Record<string, unknown> = {}) {
  return runChecks([smallCountsCheck], { labels, rows }, { options: { "small-counts": options } });
}

describe("small-counts", () => {
  const labels = ["annee", "quartier", "nombre_naissances", "nombre_places"];
  const rows = [
    ["2023", "Centre", "0", "3"],
    ["2023", "Bourg", "1", "4"],
    ["2023", "Port", "10", "2"],
    ["2023", "Gare", "11", "1"],
  ];

  it("flags counts of persons from 1 to 10 with their rows", () => {
    const findings = run(labels, rows);
    expect(findings.map((f) => [f.code, f.rowNumber, f.fieldName, f.data.count])).toEqual([
      ["small-count", 3, "nombre_naissances", 1],
      ["small-count", 4, "nombre_naissances", 10],
    ]);
  });

  it("uses the threshold from options (3 for business statistics)", () => {
    expect(run(labels, rows, { threshold: 3 }).map((f) => f.rowNumber)).toEqual([3]);
  });

  it("takes explicit count columns", () => {
    expect(run(labels, rows, { countColumns: ["nombre_places"] }).map((f) => f.cell)).toEqual(["3", "4", "2", "1"]);
  });

  it("summarises past maxFindings", () => {
    const findings = run(["effectif"], [["1"], ["2"], ["3"]], { maxFindings: 1 });
    expect(findings.map((f) => f.messageId)).toEqual(["smallCount", "smallCountsTruncated"]);
    expect(findings[1]?.data.more).toBe(2);
  });
});
