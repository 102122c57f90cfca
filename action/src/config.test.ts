import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fromFork, loadConfiguration } from "./config.js";
import { InputError } from "./inputs.js";

const sha = "1".repeat(40);
const pullRequest = (head: unknown) => ({ pull_request: { number: 7, head: { sha, repo: head } }, repository: { full_name: "collectivite/donnees" } });

describe("configuration code on pull requests", () => {
  it.each([
    ["push", {}, false],
    ["pull_request", pullRequest({ full_name: "collectivite/donnees" }), false],
    ["pull_request", pullRequest({ full_name: "intrus/donnees" }), true],
    ["pull_request_target", pullRequest({ full_name: "intrus/donnees" }), true],
    ["pull_request", pullRequest(null), true],
  ])("%s from %j: from a fork %s", (name, payload, expected) => {
    expect(fromFork(name, payload)).toBe(expected);
  });

  it("a .mjs configuration is not run when code is not allowed", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "conforme-action-config-"));
    const marker = path.join(dir, "ran.txt");
    writeFileSync(path.join(dir, "conforme.config.mjs"), `import { writeFileSync } from "node:fs";\nwriteFileSync(${JSON.stringify(marker)}, "x");\nexport default {};\n`);
    await expect(loadConfiguration(dir, undefined, "fr", false)).rejects.toBeInstanceOf(InputError);
    expect(existsSync(marker)).toBe(false);
    await loadConfiguration(dir, undefined, "fr", true);
    expect(existsSync(marker)).toBe(true);
  });
});
