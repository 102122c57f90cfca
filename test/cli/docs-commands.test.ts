import { execFileSync, spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../shared.js";

const bin = path.join(repoRoot, "packages/cli/dist/bin.js");

// Commands about the reader's own files or the national catalogue say so in a trailing comment.
const ELSEWHERE = /#.*(vos données|réseau)/;

/** Every `conforme …` line of the documents' `sh` blocks, without placeholders (`<code>`, `[options]`). */
function documentedCommands(file: string): string[] {
  const text = readFileSync(path.join(repoRoot, file), "utf8");
  return [...text.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap(([, block]) =>
    block!.split("\n").filter((line) => line.startsWith("conforme ") && !/[<[]/.test(line.replace(/#.*$/, ""))),
  );
}

/** Splits a documented command line into arguments: quoted arguments, trailing comment dropped. */
function argsOf(line: string): string[] {
  const words = line.replace(/\s+#.*$/, "").match(/"[^"]*"|\S+/g) ?? [];
  return words.slice(1).map((word) => word.replace(/^"(.*)"$/, "$1"));
}

function run(cwd: string, args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd, env: { ...process.env, NO_COLOR: "1", CI: "true" } });
    let stderr = "";
    child.stdout.resume();
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

// A stand-in for the root of a clone: the examples, in a git repository with an origin/main.
let clone: string;
beforeAll(() => {
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run "pnpm build" first`);
  clone = mkdtempSync(path.join(tmpdir(), "conforme-docs-"));
  cpSync(path.join(repoRoot, "examples"), path.join(clone, "examples"), { recursive: true, filter: (source) => !source.endsWith(".html") });
  const git = (...args: string[]) => execFileSync("git", args, { cwd: clone, stdio: "ignore" });
  git("init", "-q");
  git("add", ".");
  git("-c", "user.name=conforme", "-c", "user.email=conforme@example.test", "commit", "-qm", "examples");
  git("update-ref", "refs/remotes/origin/main", "HEAD");
});
afterAll(() => rmSync(clone, { recursive: true, force: true }));

describe.each(["README.md", "docs/cli.md"])("the commands of %s", (file) => {
  const commands = documentedCommands(file);
  const here = commands.filter((line) => !ELSEWHERE.test(line));

  it("are found, most of them runnable from a clone", () => {
    expect(here.length).toBeGreaterThan(commands.length / 2);
  });

  // 0 or 1 (the examples hold deliberate errors), never 2: a usage error or a failed run. The
  // commands only read the examples (and write reports beside them), so they run side by side.
  it.concurrent.each(here)("%s", async (line) => {
    const result = await run(clone, argsOf(line));
    expect(result.code, result.stderr).not.toBe(2);
    expect(result.code, result.stderr).not.toBeNull();
  });
});
