import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { lint } from "../packages/core/src/node.js";
import { describeShared, sharedDir } from "./shared.js";

/**
 * The public schemas' example files hold no personal data that deserves an error: IRVE
 * coordinates, operators' role mailboxes and company phones, SCDL beneficiaries, parking
 * names. Every example CSV listed in fixtures.json is linted twice, under its own schema and
 * without any, and no personal-data finding may be an error ("Real municipal files, right by
 * default": no confident false errors).
 */
const schemasDir = path.join(sharedDir, "schemas");

interface Fixture {
  kind: string;
  schema: string;
  examples?: { path: string }[];
  resources?: { schema: string }[];
}

/** Each example with the schema it is published under (the resource's own, in a data package). */
function examples(): { csv: string; schema: string }[] {
  const { fixtures } = JSON.parse(readFileSync(path.join(schemasDir, "fixtures.json"), "utf8")) as { fixtures: Fixture[] };
  return fixtures.flatMap((fixture) =>
    (fixture.examples ?? []).map(({ path: csv }) => {
      const own = fixture.resources?.find((r) => path.dirname(r.schema) === path.dirname(csv));
      return { csv, schema: fixture.kind === "tableschema" ? fixture.schema : (own?.schema ?? fixture.schema) };
    }),
  );
}

describeShared("personal data on the national schemas' example files", () => {
  const cases = examples();

  it("finds the example files", () => {
    expect(cases.length).toBeGreaterThanOrEqual(18);
  });

  it.each(cases)("$csv: no error-level personal-data finding", async ({ csv, schema }) => {
    for (const withSchema of [true, false]) {
      const report = await lint([path.join(schemasDir, csv)], {
        cwd: schemasDir,
        schema: withSchema ? path.join(schemasDir, schema) : undefined,
        maxErrors: 0,
        customChecks: false,
      });
      expect(report.runErrors).toEqual([]);
      const errors = report.files
        .flatMap((file) => file.findings)
        .filter((finding) => finding.category === "personal-data" && finding.severity === "error")
        .map((finding) => `${finding.code} ${finding.fieldName ?? ""}@${finding.rowNumber ?? "-"}`);
      expect(errors).toEqual([]);
    }
  });
});
