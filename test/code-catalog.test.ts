import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { codeCatalog } from "../packages/core/src/formatters/catalog.js";
import { evaluateMetadataFile } from "../packages/core/src/node/metadata.node.js";
import { lint } from "../packages/core/src/node.js";
import { repoRoot } from "./shared.js";

/**
 * Every code conforme reports must be in the one catalogue (packages/core/src/formatters/
 * catalog.ts): otherwise the HTML report shows it without a title or advice, `explain` does not
 * know it and `severity.codes` refuses it. Two nets: the codes the engine reports on the examples
 * and real-shaped fixtures, and every finding code written in the sources.
 */
const catalogued = new Set(codeCatalog().map((entry) => entry.code));

/**
 * Codes of `report.runErrors`: failures of the run (exit code 2), not findings, so not catalogued.
 * The two metadata ones are, since their pages explain a descriptor that cannot be read.
 */
const RUN_ERROR_CODES = new Set(["run-error", "file-not-found", "no-files", "option-error", "offline-cache-miss", "network-error", "http-error", "invalid-json"]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "__fixtures__" ? [] : sourceFiles(file);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") && !entry.name.endsWith(".generated.ts") && entry.name !== "testing.ts" ? [file] : [];
  });
}

/** Finding codes as the sources write them: `code: "…"`, and the metadata helpers' first argument. */
function writtenCodes(): Map<string, string> {
  const found = new Map<string, string>();
  const patterns = [/\bcode: "([a-z0-9-]+)"/g, /\bfinding\(\s*"([a-z0-9-]+)"/g, /MetadataInputError\("([a-z0-9-]+)"/g, /\? "(metadata-[a-z0-9-]+)" : "(metadata-[a-z0-9-]+)"/g];
  for (const file of sourceFiles(path.join(repoRoot, "packages/core/src"))) {
    const text = readFileSync(file, "utf8");
    for (const pattern of patterns) {
      for (const match of text.matchAll(pattern)) {
        for (const code of match.slice(1)) if (code !== undefined) found.set(code, path.relative(repoRoot, file));
      }
    }
  }
  return found;
}

const exampleDirs = readdirSync(path.join(repoRoot, "examples")).filter((name) => existsSync(path.join(repoRoot, "examples", name, "datapackage.json")));
const fixtures = readdirSync(path.join(repoRoot, "test/fixtures/real-shaped")).filter((name) => name.endsWith(".csv"));

describe("every code conforme reports is in the catalogue", () => {
  it("every finding code the sources write", () => {
    const written = writtenCodes();
    // The scan must see the families it is meant to catch, or it proves nothing.
    for (const code of [
      "type-error",
      "nomenclature-actes",
      "reversed-french-gps-coordinates",
      "small-count",
      "metadata-temporal-mismatch",
      "metadata-license-superseded",
      "metadata-unreadable",
    ]) {
      expect(written.has(code), code).toBe(true);
    }
    const missing = [...written].filter(([code]) => !catalogued.has(code) && !RUN_ERROR_CODES.has(code)).map(([code, file]) => `${code} (${file})`);
    expect(missing).toEqual([]);
  });

  it("every code reported on the examples and the real-shaped fixtures", async () => {
    const paths = [...exampleDirs.map((name) => `examples/${name}`), ...fixtures.map((name) => `test/fixtures/real-shaped/${name}`)];
    const report = await lint(paths, { cwd: repoRoot });
    const codes = new Set<string>();
    for (const file of report.files) for (const finding of file.findings) codes.add(finding.code);
    for (const section of report.metadata ?? []) for (const finding of section.findings) codes.add(finding.code);
    expect(report.runErrors).toEqual([]);
    for (const code of ["type-error", "foreign-key", "personal-data-person-name"]) expect(codes, code).toContain(code);
    expect([...codes].filter((code) => !catalogued.has(code))).toEqual([]);
  });

  it("every code the metadata examples report, with the catalogue's severity", async () => {
    const dir = path.join(repoRoot, "examples/metadata");
    const descriptors = readdirSync(dir).flatMap((name) =>
      readdirSync(path.join(dir, name))
        .filter((file) => /\.(json|ya?ml|ttl)$/.test(file) && file !== "schema.json")
        .map((file) => path.join(dir, name, file)),
    );
    expect(descriptors.length).toBeGreaterThanOrEqual(4);
    const seen = new Map<string, string>();
    for (const descriptor of descriptors) {
      const result = await evaluateMetadataFile(descriptor, { now: new Date("2026-01-15T00:00:00Z") });
      for (const finding of result.findings) seen.set(finding.code, finding.severity);
    }
    expect([...seen.keys()].filter((code) => !catalogued.has(code))).toEqual([]);
    // A criterion not fully met is a warning, as the catalogue says; met, it is an info.
    const warnings = [...seen].filter(([, severity]) => severity === "warning").map(([code]) => code);
    expect(warnings.length).toBeGreaterThan(0);
    for (const code of warnings) expect(codeCatalog().find((entry) => entry.code === code)?.severity, code).toBe("warning");
  });
});
