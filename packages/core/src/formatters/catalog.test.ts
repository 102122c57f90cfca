import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checks } from "../checks/registry.js";
import { engineCodes } from "../messages/table-schema.js";
import { PERSONAL_DATA_KINDS, personalDataChecks, personalDataCode } from "../personal-data/index.js";
import { FindingFactory } from "../validate/findings-factory.js";
import { codeCatalog, codeTitle, describeCode, findingCodes } from "./catalog.js";

const pagesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../docs/checks");
const pages = readdirSync(pagesDir)
  .filter((name) => name.endsWith(".md"))
  .map((name) => name.slice(0, -3));
/** A page's title without its code: `# \`type-error\` — Type ou format incorrect`. */
const pageTitle = (code: string) =>
  readFileSync(path.join(pagesDir, `${code}.md`), "utf8")
    .split("\n", 1)[0]!
    .replace(/^#\s+`[^`]+`\s*[—-]\s*/, "")
    .trim();

const catalog = codeCatalog();

describe("codeCatalog", () => {
  it("lists each code once", () => {
    const codes = catalog.map((entry) => entry.code);
    expect(codes.filter((code, index) => codes.indexOf(code) !== index)).toEqual([]);
  });

  it("holds the engine's codes, every check, every personal-data kind and the metadata criteria", () => {
    const codes = new Set(catalog.map((entry) => entry.code));
    const expected = [
      ...Object.keys(engineCodes),
      ...[...checks, ...personalDataChecks].map((check) => check.id),
      ...PERSONAL_DATA_KINDS.map(personalDataCode),
      "small-count",
      "nomenclature-actes",
      "reversed-french-gps-coordinates",
      "metadata-mqa-keyword",
      "metadata-datagouv-license",
      "metadata-temporal-mismatch",
      "metadata-min-score",
      "metadata-unreadable",
    ];
    expect(expected.filter((code) => !codes.has(code))).toEqual([]);
  });

  // Every surface shows these: a missing one would leave the HTML report or explain silent.
  it.each(catalog.map((entry) => [entry.code, entry] as const))("%s has a category, a severity, a title and fix advice in French and English", (_, entry) => {
    expect(entry.category).toBeDefined();
    expect(entry.severity).toBeDefined();
    for (const text of [entry.title, entry.fixAdvice]) {
      expect(text?.fr.trim()).toBeTruthy();
      expect(text?.en.trim()).toBeTruthy();
      // A placeholder left unrendered would be printed as is.
      expect(`${text?.fr} ${text?.en}`).not.toMatch(/\{\w+\}/);
    }
  });

  it("has a page for every code, titled as the catalogue titles it", () => {
    expect(catalog.filter((entry) => !pages.includes(entry.code)).map((entry) => entry.code)).toEqual([]);
    const drifted = catalog
      .filter((entry) => pageTitle(entry.code) !== entry.title?.fr)
      .map((entry) => `${entry.code}: « ${entry.title?.fr} » / page « ${pageTitle(entry.code)} »`);
    expect(drifted).toEqual([]);
  });

  it("documents no code it does not know", () => {
    const known = new Set(catalog.map((entry) => entry.code));
    expect(pages.filter((page) => !known.has(page))).toEqual([]);
  });

  it("gives the severity the engine gives: the finding factory reads it", () => {
    const factory = new FindingFactory("fr");
    for (const [code, entry] of Object.entries(engineCodes)) {
      const messageId = Object.keys(entry.messages)[0]!;
      expect(factory.make(code, { messageId, data: {} }, "t.csv")?.severity, code).toBe(describeCode(code).severity);
    }
    expect(describeCode("schema-warning").severity).toBe("info");
    expect(describeCode("missing-header-warn").severity).toBe("warning");
    expect(describeCode("type-error").severity).toBe("error");
  });

  it("names the codes one way only (the HTML titles used to drift from the engine's)", () => {
    expect(codeTitle("type-error", "fr")).toBe("Type ou format incorrect");
    expect(codeTitle("extra-label", "fr")).toBe(engineCodes["extra-label"].title.fr);
    expect(codeTitle("personal-data-nir", "en")).toBe("Social security numbers (NIR)");
    expect(codeTitle("no-such-code", "fr")).toBeUndefined();
  });

  it("marks the metadata codes that are failures of the run", () => {
    expect(
      catalog
        .filter((entry) => entry.runError)
        .map((entry) => entry.code)
        .sort(),
    ).toEqual(["metadata-unknown-format", "metadata-unreadable"]);
  });

  it("renders a criterion's advice with the descriptor key", () => {
    expect(describeCode("metadata-mqa-keyword").fixAdvice?.fr).toBe("Ajoutez au moins un mot-clé (keywords).");
  });
});

describe("findingCodes (what severity.codes accepts)", () => {
  it("holds every catalogued code but the metadata ones, whose severity comes from the score", () => {
    const known = new Set(findingCodes());
    expect(pages.filter((code) => !code.startsWith("metadata-") && !known.has(code))).toEqual([]);
    expect([...known].filter((code) => code.startsWith("metadata-"))).toEqual([]);
  });
});

describe("describeCode", () => {
  it("gives an unknown code its would-be page and nothing else", () => {
    expect(describeCode("no-such-code")).toEqual({ code: "no-such-code", check: "no-such-code", helpUri: expect.stringMatching(/\/docs\/checks\/no-such-code\.md$/) });
  });

  it("links a code reported under another name to its own page, and names its check", () => {
    expect(describeCode("small-count")).toMatchObject({ check: "small-counts", helpUri: expect.stringMatching(/\/small-count\.md$/) });
    expect(describeCode("personal-data-email")).toMatchObject({ check: "personal-data", category: "personal-data" });
  });
});
