import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "./build.node.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const dir = mkdtempSync(path.join(tmpdir(), "conforme-web-build-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(args, { stdout: (line) => stdout.push(line), stderr: (line) => stderr.push(line) });
  return { code, stdout: stdout.join("\n"), stderr: stderr.join("\n") };
}

describe("the page's build command", () => {
  it.each([
    [["--help"], 0],
    [["--catalogue", "x"], 2],
    [["--catalog", path.join(dir, "absent.json")], 2],
  ])("%j exits %i", async (args, code) => {
    expect((await run(args)).code).toBe(code);
  });

  it("writes one self-contained page with the catalogue, `--` forwarded by pnpm included", async () => {
    const out = path.join(dir, "page.html");
    const result = await run(["--", "--catalog", path.join(repoRoot, "examples/catalogue.json"), "--out", out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/2 schéma\(s\) inclus/);
    expect(existsSync(out)).toBe(true);
    const html = readFileSync(out, "utf8");
    // Nothing to fetch: no src or href pointing anywhere, no external stylesheet or script.
    expect(html).not.toMatch(/<(script|link|img|iframe)[^>]+(src|href)=/i);
    expect(html).toContain('value="exemples/subventions"');
  });
});
