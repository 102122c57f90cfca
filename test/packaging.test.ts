import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "./shared.js";

/**
 * What a user gets from `npm install conforme`: both packages packed as pnpm publishes them
 * (`workspace:*` rewritten to a version), installed with plain npm into an empty folder, then
 * run through `npx`. Needs the built packages (`pnpm test` builds first) and the npm registry
 * for the third-party dependencies; if npm cannot install, the suite fails.
 */
const PACKAGES = ["core", "cli"] as const;
/** Installed size budget: 29 MB of files since the unused reference data is no longer installed, 120 MB before (docs/performance.md). */
const INSTALL_BUDGET_BYTES = 45 * 1024 * 1024;

// Plain npm, as a user runs it: no npm_config_* inherited from the pnpm that may run this suite.
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
Object.assign(env, { npm_config_audit: "false", npm_config_fund: "false", npm_config_update_notifier: "false", NO_COLOR: "1" });

function run(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, env, encoding: "utf8", timeout: 240_000 });
}

function ok(result: SpawnSyncReturns<string>, what: string): string {
  expect(result.error, what).toBeUndefined();
  expect(result.status, `${what}\n${result.stderr}`).toBe(0);
  return result.stdout;
}

function bytesUnder(directory: string): number {
  let total = 0;
  for (const entry of readdirSync(directory, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return total;
}

interface Manifest {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
  exports: Record<string, string | Record<string, string>>;
  [key: string]: unknown;
}

let work: string;
let project: string;
const tarballs = new Map<(typeof PACKAGES)[number], { file: string; manifest: Manifest; entries: string[] }>();

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), "conforme-pack-"));
  for (const name of PACKAGES) {
    const before = new Set(readdirSync(work));
    ok(run("npx", ["-y", "pnpm@10.34.8", "pack", "--pack-destination", work], path.join(repoRoot, "packages", name)), `pnpm pack ${name}`);
    const file = readdirSync(work).find((entry) => entry.endsWith(".tgz") && !before.has(entry));
    expect(file, `tarball of ${name}`).toBeDefined();
    const tarball = path.join(work, file!);
    const entries = ok(run("tar", ["-tzf", tarball], work), "tar -t")
      .split("\n")
      .filter(Boolean);
    const manifest = JSON.parse(ok(run("tar", ["-xzOf", tarball, "package/package.json"], work), "tar -x")) as Manifest;
    tarballs.set(name, { file: tarball, manifest, entries });
  }

  project = path.join(work, "project");
  mkdirSync(project);
  writeFileSync(path.join(project, "package.json"), `${JSON.stringify({ name: "essai", private: true }, null, 2)}\n`);
  ok(run("npm", ["install", ...PACKAGES.map((name) => tarballs.get(name)!.file)], project), "npm install of the tarballs");
}, 600_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

// Each `npx` starts npm, which takes seconds on a loaded CI machine: generous timeouts.
describe("packed tarballs", { timeout: 300_000 }, () => {
  it.each(PACKAGES)("%s: no workspace: protocol left, publishable metadata", (name) => {
    const { manifest } = tarballs.get(name)!;
    expect(JSON.stringify(manifest)).not.toContain("workspace:");
    for (const key of ["description", "repository", "homepage", "bugs", "keywords", "engines", "license", "types"]) {
      expect(manifest[key], `${name}: ${key}`).toBeTruthy();
    }
    expect((manifest.engines as { node: string }).node).toMatch(/^>=20/);
  });

  it.each(PACKAGES)("%s: every export has types where it is code, and a default condition", (name) => {
    const { manifest, entries } = tarballs.get(name)!;
    for (const [subpath, target] of Object.entries(manifest.exports)) {
      if (typeof target === "string") {
        expect(entries, `${name} ${subpath}`).toContain(`package/${target.slice(2)}`);
        continue;
      }
      expect(Object.keys(target).at(-1), `${name} ${subpath}: default comes last`).toBe("default");
      for (const file of [target.types, target.default]) {
        expect(file, `${name} ${subpath}`).toBeDefined();
        expect(entries, `${name} ${subpath}`).toContain(`package/${file!.slice(2)}`);
      }
    }
  });

  it.each(PACKAGES)("%s: README and LICENSE are in the tarball, sources and tests are not", (name) => {
    const { entries } = tarballs.get(name)!;
    expect(entries).toContain("package/README.md");
    expect(entries).toContain("package/LICENSE");
    expect(entries.filter((entry) => entry.startsWith("package/src/") || entry.endsWith(".test.ts"))).toEqual([]);
  });

  it("the CLI depends on the core of the same version", () => {
    const core = tarballs.get("core")!.manifest;
    expect(tarballs.get("cli")!.manifest.dependencies?.["@conforme/core"]).toBe(core.version);
  });

  it("the config schema is shipped, and its $id is its versioned address in the package", () => {
    const installed = path.join(project, "node_modules/@conforme/core");
    const schema = JSON.parse(readFileSync(path.join(installed, "dist/config.schema.json"), "utf8")) as { $id: string };
    const version = tarballs.get("core")!.manifest.version;
    expect(schema.$id).toBe(`https://cdn.jsdelivr.net/npm/@conforme/core@${version}/dist/config.schema.json`);
    // docs/configuration.md shows the line `conforme init` writes (scripts/sync-version.mjs
    // rewrites it when `changeset version` bumps the packages).
    expect(readFileSync(path.join(repoRoot, "docs/configuration.md"), "utf8")).toContain(`$schema=${schema.$id}`);
  });
});

describe("installed with npm", { timeout: 300_000 }, () => {
  it("`npx conforme --help` lists the commands", () => {
    const stdout = ok(run("npx", ["conforme", "--help"], project), "npx conforme --help");
    for (const command of ["lint", "scan", "report", "init", "explain"]) expect(stdout).toMatch(new RegExp(`\\b${command}\\b`));
  });

  it("`npx conforme init` points the config at the shipped schema and writes a workflow", () => {
    const init = path.join(project, "init");
    mkdirSync(init);
    ok(run("npx", ["conforme", "init", "--paths", "donnees"], init), "npx conforme init");
    const schema = JSON.parse(readFileSync(path.join(project, "node_modules/@conforme/core/dist/config.schema.json"), "utf8")) as { $id: string };
    expect(readFileSync(path.join(init, "conforme.config.yaml"), "utf8")).toContain(`# yaml-language-server: $schema=${schema.$id}\n`);
    expect(readFileSync(path.join(init, ".github/workflows/conforme.yml"), "utf8")).toMatch(/uses: actions\/checkout@v\d+/);
  });

  it("`npx conforme --version` prints the packages' version", () => {
    const stdout = ok(run("npx", ["conforme", "--version"], project), "npx conforme --version");
    expect(stdout.trim()).toBe(tarballs.get("cli")!.manifest.version);
  });

  it("lints an Opendatasoft-style export against a schema using the reference lists", () => {
    // `;` separator and geo_point_2d as Opendatasoft exports them; Validata custom checks that
    // read the trimmed COG and postal-code lists from the installed package.
    writeFileSync(
      path.join(project, "schema.json"),
      JSON.stringify({
        fields: [
          { name: "code_insee", type: "string" },
          { name: "nom_commune", type: "string" },
          { name: "code_postal", type: "string" },
          { name: "equipement", type: "string" },
          { name: "geo_point_2d", type: "geopoint" },
        ],
        custom_checks: [
          { name: "code-commune-insee", params: { column: "code_insee" } },
          { name: "code-postal", params: { column: "code_postal" } },
        ],
      }),
    );
    writeFileSync(
      path.join(project, "equipements.csv"),
      "code_insee;nom_commune;code_postal;equipement;geo_point_2d\n" +
        "35238;Rennes;35000;Piscine de Bréquigny;48.0873, -1.6847\n" +
        "35238;Rennes;35999;Médiathèque;48.1105, -1.6780\n" +
        "99999;Nulle-Part;35000;Gymnase;48.1000, -1.6500\n",
    );
    const result = run("npx", ["conforme", "lint", "equipements.csv", "--schema", "schema.json", "--format", "json"], project);
    expect(result.status, result.stderr).toBe(1);
    const report = JSON.parse(result.stdout) as { valid: boolean; files: Array<{ findings: Array<{ code: string; rowNumber?: number; fieldName?: string }> }> };
    expect(report.valid).toBe(false);
    expect(report.files[0]!.findings.map((finding) => [finding.code, finding.rowNumber, finding.fieldName])).toEqual([
      ["code-postal", 3, "code_postal"],
      ["code-commune-insee", 4, "code_insee"],
    ]);

    writeFileSync(path.join(project, "propre.csv"), "code_insee;nom_commune;code_postal;equipement;geo_point_2d\n35238;Rennes;35000;Piscine;48.0873, -1.6847\n");
    expect(run("npx", ["conforme", "lint", "propre.csv", "--schema", "schema.json"], project).status).toBe(0);
  });

  it(`installs in less than ${INSTALL_BUDGET_BYTES / 1024 / 1024} MB, without the unused reference data`, () => {
    const modules = path.join(project, "node_modules");
    const installed = new Set(readdirSync(modules));
    expect(installed.has("codes-postaux")).toBe(false);
    expect(installed.has("@etalab")).toBe(false);
    expect(bytesUnder(modules)).toBeLessThan(INSTALL_BUDGET_BYTES);
  });
});
