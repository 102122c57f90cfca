import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { evaluateMetadata } from "./evaluate.js";
import type { UrlCheck } from "./model.js";
import { readDescriptor } from "./read.js";
import type { MetadataResult } from "./evaluate.js";

const examples = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../examples/metadata");
const NOW = new Date("2025-01-10T12:00:00Z");

async function run(relative: string, options: Parameters<typeof evaluateMetadata>[1] = {}): Promise<MetadataResult> {
  const text = readFileSync(path.join(examples, relative), "utf8");
  return evaluateMetadata(await readDescriptor(text, { file: relative }), { now: NOW, ...options });
}

const points = (result: MetadataResult, scheme: "datagouv" | "mqa") => Object.fromEntries(result[scheme].criteria.map((c) => [c.id, [c.won, c.provisional, c.local]]));

/*
 * Scores below were worked out by hand from the descriptors, criterion by criterion, with the
 * clock at 2025-01-10. Each entry is [verified, provisional, local] points.
 */
describe("worked example: excellent (conforme.dataset.yml, published URLs)", () => {
  it("data.gouv.fr: 8 verified, availability provisional", async () => {
    const result = await run("excellent/conforme.dataset.yml");
    expect(points(result, "datagouv")).toEqual({
      "datagouv-license": [1, 0, 0], // etalab-2.0
      "datagouv-temporal-coverage": [1, 0, 0], // 2023-01-01 – 2024-12-31
      "datagouv-spatial": [1, 0, 0], // department 35
      "datagouv-update-frequency": [1, 0, 0], // monthly
      "datagouv-update-fulfilled-in-time": [1, 0, 0], // 2024-12-15 + 31 days = 2025-01-15 ≥ 2025-01-09
      "datagouv-description-quality": [1, 0, 0], // about 200 characters > 100
      "datagouv-has-open-format": [1, 0, 0], // CSV
      "datagouv-all-resources-available": [0, 1, 0], // two http URLs, not checked
      "datagouv-resources-documentation": [1, 0, 0], // a documentation resource
    });
    expect([result.datagouv.verified, result.datagouv.provisional, result.datagouv.max, result.datagouv.ratio]).toEqual([8, 1, 9, 0.89]);
  });

  it("MQA: 325 verified (good), 405 once the URLs are confirmed (excellent)", async () => {
    const result = await run("excellent/conforme.dataset.yml");
    expect(points(result, "mqa")).toEqual({
      "mqa-keyword": [30, 0, 0],
      "mqa-theme": [30, 0, 0],
      "mqa-spatial": [20, 0, 0],
      "mqa-temporal": [20, 0, 0],
      "mqa-access-url-accessible": [0, 50, 0], // both distributions unchecked
      "mqa-download-url": [20, 0, 0],
      "mqa-download-url-accessible": [0, 30, 0],
      "mqa-format": [20, 0, 0], // best distribution: the CSV (80) beats the PDF (40)
      "mqa-media-type": [10, 0, 0],
      "mqa-format-media-type-vocabulary": [10, 0, 0],
      "mqa-non-proprietary": [20, 0, 0],
      "mqa-machine-readable": [20, 0, 0],
      "mqa-dcat-ap-compliance": [30, 0, 0],
      "mqa-license": [20, 0, 0], // dataset licence applies to both distributions
      "mqa-license-vocabulary": [10, 0, 0],
      "mqa-access-rights": [10, 0, 0],
      "mqa-access-rights-vocabulary": [5, 0, 0],
      "mqa-contact-point": [20, 0, 0],
      "mqa-publisher": [10, 0, 0],
      "mqa-rights": [5, 0, 0],
      "mqa-byte-size": [5, 0, 0],
      "mqa-issued": [5, 0, 0],
      "mqa-modified": [5, 0, 0],
    });
    expect(result.mqa.dimensions.map((d) => [d.id, d.verified, d.provisional, d.max])).toEqual([
      ["findability", 100, 0, 100],
      ["accessibility", 20, 80, 100],
      ["interoperability", 110, 0, 110],
      ["reusability", 75, 0, 75],
      ["contextuality", 20, 0, 20],
    ]);
    expect([result.mqa.verified, result.mqa.provisional, result.mqa.max]).toEqual([325, 80, 405]);
    expect([result.mqa.rating, result.mqa.ratingIfConfirmed]).toEqual(["good", "excellent"]);
  });

  it("with every URL checked and live: 9/9 and 405/405", async () => {
    const ok = (url: string): [string, UrlCheck] => [url, { url, ok: true, status: 200, method: "HEAD", checkedAt: NOW.toISOString() }];
    const urlChecks = new Map([ok("https://data.example.org/irve.csv"), ok("https://data.example.org/irve-documentation.pdf")]);
    const result = await run("excellent/conforme.dataset.yml", { urlChecks });
    expect([result.datagouv.verified, result.mqa.verified, result.mqa.rating]).toEqual([9, 405, "excellent"]);
  });

  it("points each finding at the line of its key", async () => {
    const result = await run("excellent/conforme.dataset.yml");
    const keyword = result.findings.find((f) => f.code === "metadata-mqa-keyword");
    expect([keyword?.pointer, keyword?.line, keyword?.column]).toEqual(["/keywords", 6, 1]);
    const byteSize = result.findings.find((f) => f.code === "metadata-mqa-byte-size");
    expect([byteSize?.pointer, byteSize?.line, byteSize?.column]).toEqual(["/distributions/0/byteSize", 30, 5]);
  });
});

describe("worked example: moyen (datapackage.json v2, file not published yet)", () => {
  const facts = [{ path: "budget.csv", bytes: 86, mtime: "2024-03-01T08:00:00Z" }];

  it("data.gouv.fr: 5 verified, availability only local", async () => {
    const result = await run("moyen/datapackage.json", { facts });
    expect(result.source).toBe("datapackage-v2");
    expect(points(result, "datagouv")).toEqual({
      "datagouv-license": [1, 0, 0], // ODbL-1.0
      "datagouv-temporal-coverage": [0, 0, 0], // none
      "datagouv-spatial": [1, 0, 0], // commune 35238
      "datagouv-update-frequency": [1, 0, 0], // annual
      "datagouv-update-fulfilled-in-time": [1, 0, 0], // 2024-03-01 + 365 days = 2025-03-01
      "datagouv-description-quality": [0, 0, 0], // "Budget primitif." is 16 characters
      "datagouv-has-open-format": [1, 0, 0], // csv
      "datagouv-all-resources-available": [0, 0, 1], // only a local file
      "datagouv-resources-documentation": [0, 0, 0], // no description, no documentation
    });
    expect([result.datagouv.verified, result.datagouv.local, result.datagouv.ratio]).toEqual([5, 1, 0.56]);
  });

  it("MQA: 185 verified (sufficient), local files shown apart (130)", async () => {
    const result = await run("moyen/datapackage.json", { facts });
    expect(points(result, "mqa")).toEqual({
      "mqa-keyword": [30, 0, 0],
      "mqa-theme": [0, 0, 0],
      "mqa-spatial": [20, 0, 0],
      "mqa-temporal": [0, 0, 0],
      "mqa-access-url-accessible": [0, 0, 50],
      "mqa-download-url": [0, 0, 20],
      "mqa-download-url-accessible": [0, 0, 30],
      "mqa-format": [20, 0, 0],
      "mqa-media-type": [10, 0, 0],
      "mqa-format-media-type-vocabulary": [10, 0, 0], // csv → CSV, text/csv registered
      "mqa-non-proprietary": [20, 0, 0],
      "mqa-machine-readable": [20, 0, 0],
      "mqa-dcat-ap-compliance": [0, 0, 30], // would pass once the file has a URL
      "mqa-license": [20, 0, 0],
      "mqa-license-vocabulary": [10, 0, 0],
      "mqa-access-rights": [0, 0, 0],
      "mqa-access-rights-vocabulary": [0, 0, 0],
      "mqa-contact-point": [0, 0, 0],
      "mqa-publisher": [10, 0, 0], // contributor with role publisher
      "mqa-rights": [0, 0, 0],
      "mqa-byte-size": [5, 0, 0],
      "mqa-issued": [5, 0, 0], // created
      "mqa-modified": [5, 0, 0], // x-conforme.modified
    });
    expect([result.mqa.verified, result.mqa.provisional, result.mqa.local]).toEqual([185, 0, 130]);
    expect([result.mqa.rating, result.mqa.ratingIfConfirmed]).toEqual(["sufficient", "good"]);
  });

  it("without the local file, access points fail instead of being local", async () => {
    const result = await run("moyen/datapackage.json");
    expect([result.mqa.verified, result.mqa.local]).toEqual([185, 0]);
    const access = result.findings.find((f) => f.code === "metadata-mqa-access-url-accessible");
    expect([access?.messageId, access?.severity, access?.pointer]).toEqual(["fail", "warning", "/resources/0/path"]);
  });

  it("points missing extension properties at x-conforme", async () => {
    const result = await run("moyen/datapackage.json", { facts });
    const temporal = result.findings.find((f) => f.code === "metadata-mqa-temporal");
    expect([temporal?.messageId, temporal?.pointer, temporal?.line]).toEqual(["fail", "/x-conforme", 10]);
    const theme = result.findings.find((f) => f.code === "metadata-mqa-theme");
    expect(theme?.data["key"]).toBe("x-conforme.themes");
  });
});

describe("worked example: pauvre (data.gouv.fr dataset JSON)", () => {
  it("data.gouv.fr: 3/9, as the portal stored it, no divergence", async () => {
    const result = await run("pauvre/datagouv-dataset.json");
    expect(result.source).toBe("datagouv");
    expect(points(result, "datagouv")).toEqual({
      "datagouv-license": [1, 0, 0], // "notspecified" is truthy for udata
      "datagouv-temporal-coverage": [0, 0, 0],
      "datagouv-spatial": [0, 0, 0],
      "datagouv-update-frequency": [1, 0, 0], // annual
      "datagouv-update-fulfilled-in-time": [0, 0, 0], // 2019-05-02 + 365 days is long past
      "datagouv-description-quality": [0, 0, 0],
      "datagouv-has-open-format": [0, 0, 0], // pdf only
      "datagouv-all-resources-available": [1, 0, 0], // uploaded file: the portal does not check it
      "datagouv-resources-documentation": [0, 0, 0], // empty description
    });
    expect([result.datagouv.verified, result.datagouv.ratio]).toEqual([3, 0.33]);
    expect(result.findings.filter((f) => f.code === "metadata-datagouv-divergence")).toEqual([]);
  });

  it("MQA: 130 verified (sufficient), 210 at best", async () => {
    const result = await run("pauvre/datagouv-dataset.json");
    expect(points(result, "mqa")).toEqual({
      "mqa-keyword": [0, 0, 0],
      "mqa-theme": [0, 0, 0],
      "mqa-spatial": [0, 0, 0],
      "mqa-temporal": [0, 0, 0],
      "mqa-access-url-accessible": [0, 50, 0],
      "mqa-download-url": [20, 0, 0],
      "mqa-download-url-accessible": [0, 30, 0],
      "mqa-format": [20, 0, 0],
      "mqa-media-type": [10, 0, 0],
      "mqa-format-media-type-vocabulary": [10, 0, 0], // PDF is in the file-type table
      "mqa-non-proprietary": [0, 0, 0],
      "mqa-machine-readable": [0, 0, 0],
      "mqa-dcat-ap-compliance": [30, 0, 0],
      "mqa-license": [0, 0, 0], // notspecified is no licence
      "mqa-license-vocabulary": [0, 0, 0],
      "mqa-access-rights": [10, 0, 0], // access_type open
      "mqa-access-rights-vocabulary": [5, 0, 0], // open → PUBLIC
      "mqa-contact-point": [0, 0, 0],
      "mqa-publisher": [10, 0, 0], // owner
      "mqa-rights": [0, 0, 0],
      "mqa-byte-size": [5, 0, 0],
      "mqa-issued": [5, 0, 0],
      "mqa-modified": [5, 0, 0],
    });
    expect([result.mqa.verified, result.mqa.provisional, result.mqa.rating, result.mqa.ratingIfConfirmed]).toEqual([130, 80, "sufficient", "sufficient"]);
  });

  it("flags the licence against décret 2017-638", async () => {
    const result = await run("pauvre/datagouv-dataset.json");
    const licence = result.findings.find((f) => f.code === "metadata-license-not-allowed");
    expect([licence?.pointer, licence?.severity, licence?.data["license"]]).toEqual(["/license", "warning", "notspecified"]);
  });

  it("reports a divergence when the portal's stored quality disagrees", async () => {
    const text = readFileSync(path.join(examples, "pauvre/datagouv-dataset.json"), "utf8").replace('"spatial": false', '"spatial": true');
    const result = evaluateMetadata(await readDescriptor(text), { now: NOW });
    const divergences = result.findings.filter((f) => f.code === "metadata-datagouv-divergence");
    expect(divergences.map((f) => f.data)).toEqual([{ criterion: "datagouv-spatial", portal: true, conforme: false }]);
  });
});

describe("DCAT-AP inputs", () => {
  it("reads Turtle with n3", async () => {
    const result = await run("dcat/dataset.ttl");
    expect(result.source).toBe("dcat-turtle");
    const p = points(result, "mqa");
    expect([p["mqa-keyword"], p["mqa-theme"], p["mqa-spatial"], p["mqa-contact-point"], p["mqa-license-vocabulary"], p["mqa-download-url"]]).toEqual([
      [30, 0, 0],
      [30, 0, 0],
      [0, 0, 0],
      [20, 0, 0],
      [10, 0, 0],
      [0, 0, 0],
    ]);
    expect(p["mqa-format-media-type-vocabulary"]).toEqual([10, 0, 0]);
  });

  it("reads JSON-LD with jsonld and refuses remote contexts", async () => {
    const doc = {
      "@context": { dcat: "http://www.w3.org/ns/dcat#", dct: "http://purl.org/dc/terms/" },
      "@id": "https://example.org/ds",
      "@type": "dcat:Dataset",
      "dct:title": "Titre",
      "dcat:keyword": ["a"],
      "dct:license": { "@id": "https://www.etalab.gouv.fr/licence-ouverte-open-licence" },
    };
    const parsed = await readDescriptor(JSON.stringify(doc));
    expect([parsed.model.source, parsed.model.title, parsed.model.keywords, parsed.model.license]).toEqual([
      "dcat-jsonld",
      "Titre",
      ["a"],
      "https://www.etalab.gouv.fr/licence-ouverte-open-licence",
    ]);
    await expect(readDescriptor(JSON.stringify({ ...doc, "@context": "https://example.org/context.jsonld" }))).rejects.toMatchObject({ code: "metadata-unreadable" });
  });
});
