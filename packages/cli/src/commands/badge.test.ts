import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { runMain } from "../run-main.testing.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
const out = mkdtempSync(path.join(tmpdir(), "conforme-badge-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const run = (argv: string[]) => runMain(argv, repoRoot);

/** The badge's right-hand text, as a reader sees it. */
const message = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) => match[1])[1];

describe("conforme badge", () => {
  it.each([
    ["examples/equipements", "valide"],
    ["examples/subventions", /^cellules valides : \d+,\d\u00a0%$/],
  ])("writes one badge for %s", async (input, expected) => {
    const target = path.join(out, `${path.basename(input)}.svg`);
    const { code } = await run(["badge", input, "--output", target]);
    expect(code).toBe(0);
    const svg = readFileSync(target, "utf8");
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    // Self-contained: no link, image or font fetched from anywhere.
    expect(svg).not.toMatch(/href|<image|@import|url\(/);
    expect(message(svg)).toMatch(expected);
  });

  it("writes one badge per file under --per-file, in English with --lang en", async () => {
    const directory = path.join(out, "per-file");
    const { code, out: stdout } = await run(["badge", "examples/equipements", "examples/subventions", "--per-file", directory, "--lang", "en", "--label", "data"]);
    expect(code).toBe(0);
    expect(stdout).toContain("equipements.csv.svg");
    const equipements = readFileSync(path.join(directory, "examples/equipements/equipements.csv.svg"), "utf8");
    expect(message(equipements)).toBe("valid");
    expect(equipements).toContain(">data</text>");
    expect(message(readFileSync(path.join(directory, "examples/subventions/subventions-2024.csv.svg"), "utf8"))).toMatch(/^valid cells: /);
  });

  it("finds a schema by its id in the catalogue --catalog-url names", async () => {
    const target = path.join(out, "catalogue.svg");
    const args = ["badge", "examples/equipements/equipements.csv", "--schema", "exemples/equipements", "--offline", "--output", target];
    expect((await run([...args, "--catalog-url", "examples/catalogue.json"])).code).toBe(0);
    expect(message(readFileSync(target, "utf8"))).toBe("valide");
  });

  it.each([[["badge", "examples/equipements"]], [["badge", "--output", "x.svg"]], [["badge", "examples/absent.csv", "--output", path.join(out, "absent.svg")]]])(
    "refuses %o with exit code 2",
    async (argv) => {
      const { code, err } = await run(argv);
      expect(code).toBe(2);
      expect(err).not.toBe("");
    },
  );
});
