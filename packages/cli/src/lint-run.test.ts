import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { PassThrough } from "node:stream";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "./main.js";
import { PROGRESS_MIN_BYTES } from "./progress.js";
import { runMain } from "./run-main.testing.js";

const cwd = mkdtempSync(path.join(tmpdir(), "conforme-lint-run-"));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

/** `conforme` in this process, standard input fed with `input` and flagged a terminal or not. */
const run = (argv: string[], input: string, isTTY: boolean) => runMain(argv, cwd, { input, isTTY });

describe("standard input typed at a terminal", () => {
  const data = "commune;population\nDijon;156920\n;\n";
  it.each([
    [true, true],
    [false, false],
  ])("isTTY %s: the Ctrl-D hint is shown: %s", async (isTTY, hinted) => {
    const result = await run(["scan", "-", "--no-config", "--format", "json"], data, isTTY);
    expect(result.code).toBe(1);
    expect(result.err.includes("Ctrl-D")).toBe(hinted);
    expect(JSON.parse(result.out).files.map((file: { file: string }) => file.file)).toEqual(["-"]);
  });
});

describe("the progress bar on a terminal", () => {
  // A file large enough for the bar, and stderr flagged a terminal as an interactive shell has it.
  const big = path.join(cwd, "gros.csv");
  writeFileSync(big, `code,libelle\n${"1,une ligne de texte assez longue pour remplir le fichier\n".repeat(Math.ceil(PROGRESS_MIN_BYTES / 55) + 1000)}`);
  const lint = async (extra: string[]) => {
    const stderr = Object.assign(new PassThrough(), { isTTY: true });
    const err: string[] = [];
    stderr.on("data", (chunk) => err.push(String(chunk)));
    const code = await main({ argv: ["lint", big, "--no-config", "--no-personal-data", "--format", "json", ...extra], cwd, stdout: new PassThrough().resume(), stderr, env: {} });
    return { code, err: err.join("") };
  };

  it.each([
    [[], true],
    [["--quiet"], false],
    [["--no-progress"], false],
  ])("with %j, drawn: %s", async (extra, drawn) => {
    const result = await lint(extra);
    expect(result.code).toBe(0);
    expect(result.err.includes("\r\u001b[K[")).toBe(drawn);
  });
});
