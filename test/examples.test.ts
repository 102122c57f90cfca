import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lint } from "../packages/core/src/node.js";
import { repoRoot } from "./shared.js";
import { validateReport } from "./report-schema.js";

interface Expected {
  files: Record<string, { code: string; severity: string; rowNumber?: number; fieldNumber?: number }[]>;
}

const examples = readdirSync(path.join(repoRoot, "examples")).filter((name) => existsSync(path.join(repoRoot, "examples", name, "expected.json")));

const located = (f: { code: string; severity: string; rowNumber?: number; fieldNumber?: number }) => `${f.code}/${f.severity}@${f.rowNumber ?? "-"}:${f.fieldNumber ?? "-"}`;

describe("examples lint with their expected findings", () => {
  it("has examples", () => {
    expect(examples.length).toBeGreaterThanOrEqual(4);
  });

  it.each(examples)("examples/%s", async (name) => {
    const expected = JSON.parse(readFileSync(path.join(repoRoot, "examples", name, "expected.json"), "utf8")) as Expected;
    const report = await lint([`examples/${name}`], { cwd: repoRoot });
    expect(report.runErrors).toEqual([]);
    validateReport(report);
    expect(report.files.map((file) => file.file).sort()).toEqual(Object.keys(expected.files).sort());
    for (const file of report.files) {
      expect(file.findings.map(located).sort(), file.file).toEqual(expected.files[file.file]!.map(located).sort());
    }
  });

  it("detects Windows-1252 and ';' in the equipments file and reads its accents", async () => {
    const report = await lint(["examples/equipements"], { cwd: repoRoot });
    const file = report.files[0]!;
    expect(file.encoding).toBe("windows-1252");
    expect(file.dialect?.delimiter).toBe(";");
    expect(file.stats.rows).toBe(6);
    expect(file.valid).toBe(true);
  });

  it("never shows a raw personal value of the decrees register", async () => {
    const report = await lint(["examples/arretes"], { cwd: repoRoot });
    const text = JSON.stringify(report);
    for (const raw of ["Jean Dupont", "Claire Martin", "Pierre Lefèvre", "06 12 34 56 78", "07 81 22 43 65", "7 rue du Moulin"]) {
      expect(text).not.toContain(raw);
    }
  });
});
