import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { crossCheck } from "./cross-checks.js";
import { DATASET_SCHEMA } from "./descriptor-schema.js";
import type { DataFacts, DatasetModel } from "./model.js";
import { readDescriptor } from "./read.js";
import { applyThreshold } from "./threshold.js";
import { evaluateMetadata } from "./evaluate.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
const NOW = new Date("2025-01-10T00:00:00Z");

const model: DatasetModel = {
  source: "conforme",
  keywords: [],
  themes: [],
  contactPoints: [],
  spatial: { zones: ["fr:commune:35238", "22"] },
  temporal: { start: "2024-01-01", end: "2024-12-31" },
  accrualPeriodicity: "monthly",
  license: "etalab-2.0",
  modified: "2024-12-20",
  conformsTo: "scdl/budget",
  distributions: [
    {
      path: "data/a.csv",
      byteSize: 100,
      checksum: { algorithm: "sha256", value: "aa" },
      pointer: "/distributions/0",
      pointers: { byteSize: "/distributions/0/byteSize", checksum: "/distributions/0/checksum" },
    },
  ],
  pointer: "",
  pointers: { temporal: "/temporal", spatial: "/spatial", accrualPeriodicity: "/accrualPeriodicity", conformsTo: "/conformsTo", license: "/license", modified: "/modified" },
};

const clean: DataFacts = {
  path: "./data/a.csv",
  bytes: 100,
  sha256: "aa",
  mtime: "2024-12-20T10:00:00Z",
  schemaId: "https://schema.data.gouv.fr/schemas/scdl/budget/0.8.3/schema.json",
  dateRanges: [{ field: "date", min: "2024-01-01", max: "2024-12-31" }],
  communeCodes: ["35238", "22113"],
  departmentCodes: ["22"],
};

describe("cross-checks", () => {
  it("finds nothing when metadata and data agree", () => {
    expect(crossCheck(model, [clean], { now: NOW })).toEqual([]);
  });

  it.each([
    ["metadata-byte-size-mismatch", { bytes: 99 }, "/distributions/0/byteSize"],
    ["metadata-hash-mismatch", { sha256: "bb" }, "/distributions/0/checksum"],
    ["metadata-schema-mismatch", { schemaId: "etalab/schema-irve-statique" }, "/conformsTo"],
    ["metadata-temporal-mismatch", { dateRanges: [{ field: "date", min: "2023-12-31", max: "2024-06-01" }] }, "/temporal"],
    ["metadata-temporal-mismatch", { dateRanges: [{ field: "date", min: "2024-02-01", max: "2025-01-01" }] }, "/temporal"],
    ["metadata-spatial-mismatch", { communeCodes: ["35238", "35051"] }, "/spatial"],
    ["metadata-spatial-mismatch", { departmentCodes: ["29"] }, "/spatial"],
    ["metadata-frequency-not-met", { mtime: "2024-11-01T00:00:00Z" }, "/accrualPeriodicity"], // + 31 days < 2025-01-09
    ["metadata-modified-outdated", { mtime: "2025-01-05T00:00:00Z" }, "/modified"],
  ] as const)("%s", (code, change, pointer) => {
    const findings = crossCheck(model, [{ ...clean, ...(change as Partial<DataFacts>) }], { now: NOW });
    expect(findings.map((f) => [f.code, f.pointer])).toEqual([[code, pointer]]);
  });

  it.each([
    ["odc-odbl", []],
    ["fr-lo", ["metadata-license-superseded"]],
    ["cc-by", ["metadata-license-not-allowed"]],
    ["notspecified", ["metadata-license-not-allowed"]],
  ] as const)("licence %s", (license, codes) => {
    expect(crossCheck({ ...model, license }, [clean], { now: NOW }).map((f) => f.code)).toEqual(codes);
  });

  it("does not check coverage it cannot express as codes", () => {
    const national = { ...model, spatial: { zones: ["fr:region:53"] } };
    expect(crossCheck(national, [{ ...clean, communeCodes: ["75056"] }], { now: NOW })).toEqual([]);
  });
});

describe("thresholds", () => {
  async function result() {
    const text = readFileSync(path.join(repoRoot, "examples/metadata/pauvre/datagouv-dataset.json"), "utf8");
    return evaluateMetadata(await readDescriptor(text), { now: NOW }); // 130 verified + 80 provisional, 3/9
  }

  it.each([
    [{ minScore: 210 }, []],
    [{ minScore: 211 }, ["metadata-min-score"]],
    [{ minScore: 131, basis: "verified" }, ["metadata-min-score"]],
    [{ minRating: "sufficient" }, []],
    [{ minRating: "good" }, ["metadata-min-rating"]],
    [{ minDatagouvScore: 0.33 }, []],
    [{ minDatagouvScore: 0.5 }, ["metadata-min-datagouv-score"]],
  ] as const)("%o", async (threshold, codes) => {
    const findings = applyThreshold(await result(), threshold);
    expect(findings.map((f) => [f.code, f.severity])).toEqual(codes.map((c) => [c, "error"]));
  });
});

describe("conforme descriptor schema", () => {
  it("schemas/dataset.schema.json is generated from DATASET_SCHEMA", () => {
    const file = JSON.parse(readFileSync(path.join(repoRoot, "schemas/dataset.schema.json"), "utf8"));
    expect(file).toEqual(JSON.parse(JSON.stringify(DATASET_SCHEMA)));
  });

  it("reports schema violations with their pointer and line", async () => {
    const parsed = await readDescriptor("title: T\ndescription: D\ndistributions:\n  - format: CSV\n    byteSize: -1\n", { file: "conforme.dataset.yml" });
    expect(parsed.findings.map((f) => [f.code, f.pointer, f.line])).toEqual([
      ["metadata-descriptor-invalid", "/distributions/0", 4],
      ["metadata-descriptor-invalid", "/distributions/0", 4],
      ["metadata-descriptor-invalid", "/distributions/0", 4],
      ["metadata-descriptor-invalid", "/distributions/0", 4],
      ["metadata-descriptor-invalid", "/distributions/0/byteSize", 5],
    ]);
  });

  it("rejects what is not a descriptor", async () => {
    await expect(readDescriptor('{ "foo": 1 }')).rejects.toMatchObject({ code: "metadata-unknown-format" });
    await expect(readDescriptor("{ oops")).rejects.toMatchObject({ code: "metadata-unreadable" });
  });
});
