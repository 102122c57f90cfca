import path from "node:path";
import { PassThrough } from "node:stream";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { metadataCommand } from "./metadata.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");

async function run(args: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on("data", (c) => out.push(String(c)));
  stderr.on("data", (c) => err.push(String(c)));
  const code = await metadataCommand(args, { cwd: repoRoot, stdout, stderr });
  return { code, out: out.join(""), err: err.join("") };
}

describe("conforme metadata", () => {
  it("prints both scores as JSON", async () => {
    const { code, out } = await run(["examples/metadata/excellent/conforme.dataset.yml", "--format", "json", "--now", "2025-01-10"]);
    const result = JSON.parse(out);
    expect([code, result.datagouv.verified, result.mqa.verified, result.mqa.rating]).toEqual([0, 8, 325, "good"]);
  });

  it("renders the descriptor's findings in the report formats too (github annotations on their line)", async () => {
    const { code, out } = await run(["examples/metadata/pauvre/datagouv-dataset.json", "--now", "2025-01-10", "--format", "github"]);
    expect(code).toBe(0);
    expect(out).toMatch(/^::warning file=examples\/metadata\/pauvre\/datagouv-dataset\.json,line=\d+,col=\d+,title=metadata-mqa-keyword::/m);
    const sarif = JSON.parse((await run(["examples/metadata/pauvre/datagouv-dataset.json", "--now", "2025-01-10", "--format", "sarif"])).out);
    expect(sarif.runs[0].results.some((result: { ruleId: string }) => result.ruleId === "metadata-mqa-keyword")).toBe(true);
  });

  it("prints stylish text with each missing point's code and line", async () => {
    const { code, out } = await run(["examples/metadata/pauvre/datagouv-dataset.json", "--now", "2025-01-10"]);
    expect(code).toBe(0);
    expect(out).toMatch(/^\s+\d+:\d+\s+warning\s.*metadata-mqa-keyword$/m);
  });

  it.each([
    [["--min-score", "211"], 1],
    [["--min-score", "210"], 0],
    [["--min-rating", "good"], 1],
  ])("threshold %o exits %i", async (extra, expected) => {
    const { code, out } = await run(["examples/metadata/pauvre/datagouv-dataset.json", "--now", "2025-01-10", "--format", "json", ...extra]);
    expect(code).toBe(expected);
    expect(JSON.parse(out).findings.some((f: { severity: string }) => f.severity === "error")).toBe(expected === 1);
  });

  it.each([[[]], [["a.json", "--dataset", "x"]], [["examples/metadata/pauvre/datagouv-dataset.json", "--now", "demain"]], [["examples/metadata/absent.json"]], [["package.json"]]])(
    "usage errors exit 2: %o",
    async (args) => {
      const { code, err } = await run(args);
      expect(code).toBe(2);
      expect(err).not.toBe("");
    },
  );
});
