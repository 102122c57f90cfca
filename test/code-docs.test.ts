import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checks } from "../packages/core/src/checks/registry.js";
import { codeCatalog } from "../packages/core/src/formatters/catalog.js";
import { METADATA_MESSAGES } from "../packages/core/src/metadata/messages.js";
import { MetadataInputError, readDescriptor } from "../packages/core/src/metadata/read.js";
import { scoreDatagouv, scoreMqa } from "../packages/core/src/metadata/score.js";
import { PERSONAL_DATA_KINDS, personalDataChecks, personalDataCode, reidentificationRiskCheck, smallCountsCheck } from "../packages/core/src/personal-data/index.js";
import { runChecks } from "../packages/core/src/checks/check-tester.js";
import { repoRoot } from "./shared.js";

/**
 * Finding codes are public API and `docsUrl(code)` sends SARIF `helpUri`, the HTML report and
 * `conforme explain` to `docs/checks/<code>.md`: every code needs its page, and every page a code.
 * Codes are derived from the engine where they are built at run time (`personal-data-<kind>`,
 * `metadata-<criterion>`, the codes the checks emit), so a new or renamed code fails here.
 */
const pagesDir = path.join(repoRoot, "docs/checks");
const pages = readdirSync(pagesDir)
  .filter((name) => name.endsWith(".md"))
  .map((name) => name.slice(0, -".md".length));

async function runErrorCode(text: string, file: string): Promise<string> {
  try {
    await readDescriptor(text, { file });
  } catch (error) {
    if (error instanceof MetadataInputError) return error.code;
    throw error;
  }
  throw new Error(`${file}: expected a MetadataInputError`);
}

async function findingCodes(): Promise<string[]> {
  const codes = new Set(codeCatalog().map((entry) => entry.code));
  for (const kind of PERSONAL_DATA_KINDS) codes.add(personalDataCode(kind));
  // Checks whose findings carry a code other than their id (small-counts reports small-count).
  const emitted = [
    ...runChecks([smallCountsCheck], { labels: ["commune", "nb_naissances"], rows: [["A", "3"]] }),
    ...runChecks([reidentificationRiskCheck], { labels: ["sexe", "annee_naissance", "code_postal"], rows: [["F", "1980", "75001"]] }),
  ];
  for (const finding of emitted) codes.add(finding.code);
  const parsed = await readDescriptor("title: t\ndescription: d\ndistributions: []\n", { file: "conforme.dataset.yml" });
  const options = { context: { now: new Date("2025-01-10T00:00:00Z") } };
  for (const score of [scoreMqa(parsed.model, options), scoreDatagouv(parsed.model, options)]) {
    for (const criterion of score.criteria) codes.add(criterion.code);
  }
  for (const code of Object.keys(METADATA_MESSAGES)) codes.add(code);
  codes.add(await runErrorCode("{", "datapackage.json"));
  codes.add(await runErrorCode("{}", "notes.json"));
  return [...codes].sort();
}

const codes = await findingCodes();

describe("docs/checks has one page per finding code", () => {
  it("derives every family of codes", () => {
    for (const code of [
      "type-error",
      "missing-header-warn",
      "check-error",
      "french-siret-value",
      "personal-data-nir",
      "small-count",
      "reidentification-risk",
      "metadata-mqa-keyword",
      "metadata-datagouv-license",
      "metadata-min-score",
      "metadata-unreadable",
      "metadata-unknown-format",
    ]) {
      expect(codes).toContain(code);
    }
    expect(codes.length).toBeGreaterThanOrEqual(100);
  });

  it.each(codes)("%s has a page titled with its code", (code) => {
    const file = path.join(pagesDir, `${code}.md`);
    expect(existsSync(file), `docs/checks/${code}.md`).toBe(true);
    const [title = "", ...body] = readFileSync(file, "utf8").split("\n");
    expect(title.startsWith("# "), `${code}: first line is a # title`).toBe(true);
    expect(title).toContain(`\`${code}\``);
    expect(body.join("\n")).toContain(code);
  });

  it("every page documents a known code or check (no orphan)", () => {
    const known = new Set([...codes, ...checks.map((check) => check.id), ...personalDataChecks.map((check) => check.id)]);
    expect(pages.filter((page) => !known.has(page))).toEqual([]);
  });

  it("every catalogue entry points at its own page", () => {
    for (const entry of codeCatalog()) expect(entry.helpUri.endsWith(`/docs/checks/${entry.code}.md`), entry.code).toBe(true);
  });

  it.each(pages)("%s links only to files that exist", (page) => {
    const text = readFileSync(path.join(pagesDir, `${page}.md`), "utf8");
    const targets = [...text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((match) => match[1]!).filter((target) => !/^[a-z]+:/.test(target));
    for (const target of targets) expect(existsSync(path.resolve(pagesDir, target)), `${page}.md -> ${target}`).toBe(true);
  });
});
