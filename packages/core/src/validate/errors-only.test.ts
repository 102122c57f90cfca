import { describe, expect, it } from "vitest";
import { exitCodeOf } from "../config/outcome.js";
import { sampleReport } from "../formatters/testing-report.js";
import { errorsOnly } from "./errors-only.js";

describe("errorsOnly (--quiet)", () => {
  const full = sampleReport();
  full.files[0]!.stats.countsByCode = { "type-error": 1, "french-siret-value": 1, "personal-data-email": 1, "schema-warning": 1 };
  const quiet = errorsOnly(full);

  it("keeps the error findings only, and counts no warning or info", () => {
    expect(quiet.files[0]!.findings.map((finding) => finding.code)).toEqual(["type-error", "french-siret-value"]);
    expect(quiet.files[0]!.stats).toMatchObject({ errors: 2, warnings: 0, infos: 0, countsByCode: { "type-error": 1, "french-siret-value": 1 } });
    expect(quiet.stats).toMatchObject({ errors: 2, warnings: 0, infos: 0 });
  });

  it("keeps run errors and leaves the full report untouched", () => {
    expect(quiet.runErrors).toEqual(full.runErrors);
    expect(full.files[0]!.findings).toHaveLength(4);
    expect(full.stats.warnings).toBe(1);
  });

  it("does not decide the exit code: warnings over --max-warnings still fail on the full report", () => {
    const warningsOnly = { ...full, runErrors: [], stats: { ...full.stats, errors: 0 } };
    expect(exitCodeOf(warningsOnly, { maxWarnings: 0 })).toBe(1);
    expect(exitCodeOf(errorsOnly(warningsOnly), { maxWarnings: 0 })).toBe(0);
  });
});
