// Issue 12, broken CSV: duplicate and empty header names, in an Opendatasoft-shaped export.
import { describe, expect, it } from "vitest";
import { lint } from "../../packages/core/src/node.js";
import { folder } from "./folder.js";

const EXPORT = "id;nom;nom;;geo_point_2d\n1;a;b;c;48.85, 2.35\n";

describe("duplicate and empty header names", () => {
  it("without a schema: duplicate-label and blank-label where they are", async () => {
    const report = await lint(["export.csv"], { cwd: folder({ "export.csv": EXPORT }), personalData: false });
    expect(report.files[0]!.findings.map((finding) => `${finding.code}@${finding.rowNumber}:${finding.fieldNumber}`)).toEqual(["duplicate-label@1:3", "blank-label@1:4"]);
  });

  it("with a schema matched by position: the same findings, the row still validated", async () => {
    const schema = JSON.stringify({ fields: ["id", "nom", "prenom", "commune", "geo_point_2d"].map((name) => ({ name })) });
    const report = await lint(["export.csv"], { cwd: folder({ "export.csv": EXPORT, "schema.json": schema }), schema: "schema.json", headerMode: "position", personalData: false });
    const file = report.files[0]!;
    expect(file.stats.rows).toBe(1);
    expect(file.findings.map((finding) => `${finding.code}@${finding.rowNumber}:${finding.fieldNumber}`)).toEqual(["duplicate-label@1:3", "blank-label@1:4"]);
  });
});
