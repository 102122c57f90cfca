import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
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
