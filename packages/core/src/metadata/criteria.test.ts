import { describe, expect, it } from "vitest";
import { maxPoints, type ScoreContext } from "./criterion.js";
import { DATAGOUV_CRITERIA } from "./datagouv-criteria.js";
import type { DatasetModel, DistributionModel } from "./model.js";
import { MQA_CRITERIA, mqaRating } from "./mqa-criteria.js";
import { scoreDatagouv, scoreMqa } from "./score.js";

const NOW = new Date("2025-01-10T00:00:00Z");
const URL = "https://data.example.org/a.csv";

function distribution(overrides: Partial<DistributionModel> = {}): DistributionModel {
  return {
    accessURL: URL,
    downloadURL: URL,
    format: "CSV",
    mediaType: "text/csv",
    byteSize: 10,
    description: "Données",
    pointer: "/distributions/0",
    pointers: {},
    ...overrides,
  };
}

function full(overrides: Partial<DatasetModel> = {}): DatasetModel {
  return {
    source: "conforme",
    title: "Titre",
    description: "x".repeat(101),
    keywords: ["k"],
    themes: ["GOVE"],
    spatial: { zones: ["75"] },
    temporal: { start: "2024-01-01" },
    accrualPeriodicity: "monthly",
    publisher: "Ville",
    contactPoints: [{ email: "a@example.org" }],
    accessRights: "PUBLIC",
    license: "etalab-2.0",
    rights: "Mention",
    issued: "2024-01-01",
    modified: "2024-12-20",
    distributions: [distribution()],
    pointer: "",
    pointers: {},
    ...overrides,
  };
}

const live: ScoreContext = { now: NOW, urlChecks: new Map([[URL, { url: URL, ok: true, status: 200, method: "HEAD", checkedAt: "" }]]) };
const dead: ScoreContext = { now: NOW, urlChecks: new Map([[URL, { url: URL, ok: false, status: 404, method: "GET", checkedAt: "" }]]) };

function won(scheme: "datagouv" | "mqa", id: string, model: DatasetModel, context: ScoreContext = live): number | undefined {
  const score = scheme === "datagouv" ? scoreDatagouv(model, { context }) : scoreMqa(model, { context });
  return score.criteria.find((c) => c.id === id)?.won;
}

/** For each criterion: a change to the full model that loses its points. */
const failing: [string, (m: DatasetModel) => DatasetModel | [DatasetModel, ScoreContext]][] = [
  ["datagouv-license", (m) => ({ ...m, license: undefined })],
  ["datagouv-temporal-coverage", (m) => ({ ...m, temporal: undefined })],
  ["datagouv-spatial", (m) => ({ ...m, spatial: undefined })],
  ["datagouv-update-frequency", (m) => ({ ...m, accrualPeriodicity: "unknown" })],
  ["datagouv-update-fulfilled-in-time", (m) => ({ ...m, modified: "2024-12-08" })], // + 31 days = 2025-01-08 < 2025-01-09
  ["datagouv-description-quality", (m) => ({ ...m, description: "x".repeat(100) })], // 100 is not > 100
  ["datagouv-has-open-format", (m) => ({ ...m, distributions: [distribution({ format: "XLSX" })] })],
  ["datagouv-all-resources-available", (m) => [m, dead]],
  ["datagouv-resources-documentation", (m) => ({ ...m, distributions: [distribution({ description: undefined })] })],
  ["mqa-keyword", (m) => ({ ...m, keywords: [] })],
  ["mqa-theme", (m) => ({ ...m, themes: [] })],
  ["mqa-spatial", (m) => ({ ...m, spatial: undefined })],
  ["mqa-temporal", (m) => ({ ...m, temporal: undefined })],
  ["mqa-access-url-accessible", (m) => [m, dead]],
  ["mqa-download-url", (m) => ({ ...m, distributions: [distribution({ downloadURL: undefined })] })],
  ["mqa-download-url-accessible", (m) => [m, dead]],
  ["mqa-format", (m) => ({ ...m, distributions: [distribution({ format: undefined })] })],
  ["mqa-media-type", (m) => ({ ...m, distributions: [distribution({ mediaType: undefined })] })],
  ["mqa-format-media-type-vocabulary", (m) => ({ ...m, distributions: [distribution({ mediaType: "text/x-made-up" })] })],
  ["mqa-non-proprietary", (m) => ({ ...m, distributions: [distribution({ format: "XLSX", mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" })] })],
  ["mqa-machine-readable", (m) => ({ ...m, distributions: [distribution({ format: "PDF", mediaType: "application/pdf" })] })],
  ["mqa-dcat-ap-compliance", (m) => ({ ...m, themes: ["Transports"] })],
  ["mqa-license", (m) => ({ ...m, license: "notspecified" })],
  ["mqa-license-vocabulary", (m) => ({ ...m, license: "Ma licence maison" })],
  ["mqa-access-rights", (m) => ({ ...m, accessRights: undefined })],
  ["mqa-access-rights-vocabulary", (m) => ({ ...m, accessRights: "libre" })],
  ["mqa-contact-point", (m) => ({ ...m, contactPoints: [{ name: "Sans adresse" }] })],
  ["mqa-publisher", (m) => ({ ...m, publisher: undefined })],
  ["mqa-rights", (m) => ({ ...m, rights: undefined })],
  ["mqa-byte-size", (m) => ({ ...m, distributions: [distribution({ byteSize: undefined })] })],
  ["mqa-issued", (m) => ({ ...m, issued: "bientôt" })],
  ["mqa-modified", (m) => ({ ...m, modified: undefined })],
];

describe("every criterion passes on a complete record and fails when its property is missing", () => {
  it("covers every criterion", () => {
    expect(failing.map(([id]) => id).sort()).toEqual([...DATAGOUV_CRITERIA, ...MQA_CRITERIA].map((c) => c.id).sort());
  });

  it.each(failing)("%s", (id, breakIt) => {
    const scheme = id.startsWith("datagouv") ? "datagouv" : "mqa";
    const possible = [...DATAGOUV_CRITERIA, ...MQA_CRITERIA].find((c) => c.id === id)!.points;
    expect(won(scheme, id, full())).toBe(possible);
    const broken = breakIt(full());
    const [model, context] = Array.isArray(broken) ? broken : [broken, live];
    expect(won(scheme, id, model, context)).toBe(0);
  });
});

describe("scoring rules", () => {
  it("derives the maxima from the lists: 9 and 405", () => {
    expect([maxPoints(DATAGOUV_CRITERIA), maxPoints(MQA_CRITERIA)]).toEqual([9, 405]);
  });

  it.each([
    [405, "excellent"],
    [351, "excellent"],
    [350, "good"],
    [221, "good"],
    [220, "sufficient"],
    [121, "sufficient"],
    [120, "bad"],
    [0, "bad"],
  ] as const)("rates %i points %s", (points, rating) => {
    expect(mqaRating(points)).toBe(rating);
  });

  it("scores distribution criteria by share of passing distributions", () => {
    const model = full({ distributions: [distribution(), distribution({ byteSize: undefined, pointer: "/distributions/1" })] });
    const score = scoreMqa(model, { context: live });
    const byteSize = score.criteria.find((c) => c.id === "mqa-byte-size")!;
    expect([byteSize.won, byteSize.finding!.messageId, byteSize.finding!.pointer]).toEqual([2.5, "fail", undefined]);
  });

  it("takes the best distribution for interoperability", () => {
    const model = full({ distributions: [distribution({ format: "PDF", mediaType: "application/pdf" }), distribution()] });
    expect(scoreMqa(model, { context: live }).dimensions.find((d) => d.id === "interoperability")?.verified).toBe(110);
  });

  it("counts frequencies without a delta as updated in time", () => {
    expect(won("datagouv", "datagouv-update-fulfilled-in-time", full({ accrualPeriodicity: "punctual", modified: "2001-01-01" }))).toBe(1);
  });

  it("accepts EU frequency URIs", () => {
    const model = full({ accrualPeriodicity: "http://publications.europa.eu/resource/authority/frequency/MONTHLY" });
    expect(won("datagouv", "datagouv-update-frequency", model)).toBe(1);
  });

  it("marks unchecked URLs provisional, not failed", () => {
    const score = scoreMqa(full(), { context: { now: NOW } });
    const access = score.criteria.find((c) => c.id === "mqa-access-url-accessible")!;
    expect([access.won, access.provisional, access.finding!.messageId, access.finding!.severity]).toEqual([0, 50, "provisional", "info"]);
  });

  it("renders French by default and English on request", () => {
    const fr = scoreMqa(full({ keywords: [] }), { context: live }).criteria[0]!.finding!;
    const en = scoreMqa(full({ keywords: [] }), { context: live, lang: "en" }).criteria[0]!.finding!;
    expect([fr.code, fr.messageId, fr.data["won"], fr.data["possible"]]).toEqual(["metadata-mqa-keyword", "fail", 0, 30]);
    expect(fr.message).not.toBe(en.message);
  });
});
