import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { FindingFactory } from "../validate/findings-factory.js";
import { evaluateMetadata, type MetadataOptions, type MetadataResult } from "./evaluate.js";
import { readDescriptor } from "./read.js";
import { toMetadataReport } from "./report-section.js";

const examples = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../examples/metadata");

async function score(relative: string, options: MetadataOptions = {}): Promise<MetadataResult> {
  const text = readFileSync(path.join(examples, relative), "utf8");
  return evaluateMetadata(await readDescriptor(text, { file: relative, ...(options.factory && { factory: options.factory }) }), {
    now: new Date("2025-01-10T12:00:00Z"),
    ...options,
  });
}

describe("toMetadataReport", () => {
  it("gives each score its counted, verified, provisional and local points and the band of the counted ones", async () => {
    // Worked out in examples.test.ts: data.gouv.fr 8 + 1 provisional, MQA 325 + 80 provisional.
    const section = toMetadataReport(await score("excellent/conforme.dataset.yml"), { descriptor: "meta/conforme.dataset.yml" });
    expect(section.scores.map((s) => [s.id, s.points, s.verified, s.provisionalPoints, s.localPoints, s.provisional, s.rating])).toEqual([
      ["datagouv", 9, 8, 1, 0, true, undefined],
      ["mqa", 405, 325, 80, 0, true, "excellent"],
    ]);
    expect(section.format).toBe("conforme");
    expect(section.descriptor).toBe("meta/conforme.dataset.yml");
  });

  it("keeps full passes in the scores only, with a recommendation where points are missing", async () => {
    const section = toMetadataReport(await score("moyen/datapackage.json"), { descriptor: "moyen/datapackage.json" });
    const datagouv = section.scores[0]!;
    const temporal = datagouv.criteria.find((c) => c.id === "datagouv-temporal-coverage");
    expect(temporal).toMatchObject({ points: 0, max: 1 });
    // The advice names the key in this format: datapackage x-conforme extension.
    expect(temporal?.recommendation?.fr).toContain("x-conforme.temporal");
    expect(temporal?.recommendation?.en).toContain("x-conforme.temporal");
    const license = datagouv.criteria.find((c) => c.id === "datagouv-license");
    expect(license).toMatchObject({ points: 1, max: 1 });
    expect(license?.recommendation).toBeUndefined();
    expect(section.findings.map((f) => f.messageId)).not.toContain("pass");
    expect(section.findings.every((f) => f.file === "moyen/datapackage.json")).toBe(true);
  });

  it.each([
    [undefined, "warning"],
    ["info" as const, "info"],
  ])("criterion severity %s gives %s to criteria not met, and leaves threshold errors alone", async (criterionSeverity, expected) => {
    const section = toMetadataReport(await score("moyen/datapackage.json", { ...(criterionSeverity && { criterionSeverity }) }), {
      descriptor: "moyen/datapackage.json",
      threshold: { minRating: "excellent" },
    });
    const temporal = section.findings.find((f) => f.code === "metadata-datagouv-temporal-coverage");
    expect(temporal?.severity).toBe(expected);
    expect(section.findings.filter((f) => f.severity === "error").map((f) => f.code)).toEqual(["metadata-min-rating"]);
    expect(section.valid).toBe(false);
    expect(section.stats.errors).toBe(1);
    expect(section.stats.warnings + section.stats.infos + section.stats.errors).toBe(section.findings.length);
  });

  it.each([
    ["a code switched off", { codes: { "metadata-datagouv-temporal-coverage": "off" as const } }, "metadata-datagouv-temporal-coverage", undefined],
    ["a code raised", { codes: { "metadata-datagouv-temporal-coverage": "error" as const } }, "metadata-datagouv-temporal-coverage", "error"],
    ["a threshold lowered", { codes: { "metadata-min-rating": "warning" as const } }, "metadata-min-rating", "warning"],
    ["the category switched off", { categories: { metadata: "off" as const } }, "metadata-min-rating", undefined],
  ])("applies the run's severity overrides to metadata findings: %s", async (_name, severity, code, expected) => {
    const factory = new FindingFactory("fr", severity);
    const section = toMetadataReport(await score("moyen/datapackage.json", { factory, criterionSeverity: "info" }), {
      descriptor: "moyen/datapackage.json",
      threshold: { minRating: "excellent" },
      factory,
    });
    expect(section.findings.find((f) => f.code === code)?.severity).toBe(expected);
    if ("categories" in severity) expect(section.findings).toEqual([]);
    // Scores do not depend on what is reported.
    expect(section.scores[0]!.criteria.find((c) => c.id === "datagouv-temporal-coverage")).toMatchObject({ points: 0, max: 1 });
    expect(section.valid).toBe(!section.findings.some((f) => f.severity === "error"));
  });

  it("keeps points won informative whatever severity their code is given", async () => {
    const factory = new FindingFactory("fr", { codes: { "metadata-datagouv-license": "error" } });
    const result = await score("moyen/datapackage.json", { factory });
    expect(result.datagouv.criteria.find((c) => c.id === "datagouv-license")).toMatchObject({ won: 1, finding: { messageId: "pass", severity: "info" } });
  });
});
