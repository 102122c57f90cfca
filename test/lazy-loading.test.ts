import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { textWorkbook } from "../packages/core/src/reading/spreadsheet/testing.js";
import { repoRoot } from "./shared.js";

/**
 * Start-up: `conforme --version` and `--help` load no heavy dependency, and a lint loads a library
 * only where a check or format needs it (docs/performance.md, "Démarrage"). Shown by the modules
 * the built CLI actually resolves (a loader hook records them), not by timing.
 */
const dir = mkdtempSync(path.join(tmpdir(), "conforme-lazy-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const hooks = path.join(dir, "hooks.mjs");
writeFileSync(
  hooks,
  `import { appendFileSync } from "node:fs";
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(process.env.CONFORME_TRACE, result.url + "\\n");
  return result;
}
`,
);
const register = path.join(dir, "register.mjs");
writeFileSync(register, `import { register } from "node:module";\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);

const HEAVY = [
  "fflate",
  "saxes",
  "ajv",
  "yaml",
  "jsonld",
  "n3",
  "opening_hours",
  "libphonenumber-js",
  "codes-postaux",
  "@etalab/decoupage-administratif",
  "mime-db",
  "i18n-iso-countries",
  "re2js",
];

/** Runs the built CLI; returns its exit code, stdout and the npm packages it loaded. */
function run(args: string[]): { status: number | null; stdout: string; packages: Set<string>; urls: string[] } {
  const trace = path.join(dir, `trace-${Math.random().toString(36).slice(2)}.txt`);
  writeFileSync(trace, "");
  const result = spawnSync(process.execPath, ["--import", pathToFileURL(register).href, path.join(repoRoot, "packages/cli/dist/bin.js"), ...args], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, CONFORME_TRACE: trace },
  });
  const packages = new Set<string>();
  const urls = readFileSync(trace, "utf8").split("\n");
  for (const url of urls) {
    const match = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*\/node_modules\/)/.exec(url);
    if (match?.[1]) packages.add(match[1]);
    // The build bundles libphonenumber-js into a chunk of its own (packages/core/tsup.config.ts).
    if (/\/packages\/core\/dist\/libphonenumber-[^/]+\.js$/.test(url)) packages.add("libphonenumber-js");
    if (url.includes("/packages/core/dist/") && !url.endsWith("/version.js") && !/\/chunk-[^/]+\.js$/.test(url)) packages.add("@conforme/core");
  }
  return { status: result.status, stdout: result.stdout, packages, urls };
}

const heavyIn = (packages: Set<string>) => HEAVY.filter((name) => packages.has(name));

writeFileSync(
  path.join(dir, "schema.json"),
  JSON.stringify({
    fields: [
      { name: "id", type: "integer" },
      { name: "code_insee", type: "string", constraints: { pattern: "[0-9]{5}|2[AB][0-9]{3}" } },
      { name: "telephone", type: "string" },
    ],
    primaryKey: ["id"],
  }),
);
writeFileSync(
  path.join(dir, "agents.csv"),
  ["id,code_insee,telephone", ...Array.from({ length: 10 }, (_, i) => `${i + 1},7510${i % 10},06 12 34 56 ${String(10 + i)}`)].join("\n") + "\n",
);

describe("lazy loading of heavy dependencies", () => {
  it.each([["--version"], ["--help"], ["help"]])("conforme %s loads neither the engine nor any heavy package", (flag) => {
    const { status, packages } = run([flag]);
    expect(status).toBe(0);
    expect(heavyIn(packages)).toEqual([]);
    expect(packages.has("@conforme/core")).toBe(false);
  });

  it("a lint with a JSON schema and no personal data loads no YAML, RDF, phone, opening-hours or reference-data package", () => {
    const { status, stdout, packages, urls } = run(["lint", "agents.csv", "--schema", "schema.json", "--format", "json", "--no-personal-data"]);
    expect(status).toBe(0);
    expect(JSON.parse(stdout).stats.errors).toBe(0);
    expect(heavyIn(packages)).toEqual([]);
    // What a lint needs of third-party code (Ajv's run-time helpers, re2js, picomatch, ibantools)
    // is bundled into core's chunks (packages/core/tsup.config.ts): nothing else is resolved.
    expect(urls.filter((url) => url.includes("/node_modules/"))).toEqual([]);
    // A local run opens no connection and starts no thread: the fetcher and the worker pool, and
    // the built-ins they need, are imported only for a URL or for two files or more.
    expect(urls.filter((url) => /^node:(http|https|http2|dns|net|tls|zlib|worker_threads|child_process)$/.test(url))).toEqual([]);
  });

  it("personal-data detection loads libphonenumber-js in its prepare step and finds the mobiles", () => {
    const { status, stdout, packages } = run(["lint", "agents.csv", "--schema", "schema.json", "--format", "json"]);
    expect(status).toBe(0);
    expect(packages.has("libphonenumber-js")).toBe(true);
    const codes = (JSON.parse(stdout) as { files: { findings: { code: string; fieldName?: string }[] }[] }).files.flatMap((file) => file.findings);
    expect(codes).toContainEqual(expect.objectContaining({ code: "personal-data-phone", fieldName: "telephone" }));
    expect(packages.has("jsonld")).toBe(false);
  });

  it("a workbook loads the zip and XML readers, which a CSV run never loads", () => {
    writeFileSync(
      path.join(dir, "agents.xlsx"),
      textWorkbook([
        ["id", "code_insee", "telephone"],
        ["1", "75101", ""],
      ]),
    );
    const { status, stdout, packages } = run(["lint", "agents.xlsx", "--schema", "schema.json", "--format", "json", "--no-personal-data"]);
    expect(status).toBe(0);
    expect(JSON.parse(stdout).files[0].sheet.format).toBe("xlsx");
    expect(packages.has("fflate")).toBe(true);
    expect(packages.has("saxes")).toBe(true);
  });
});
