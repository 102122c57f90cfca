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

describe("a header longer than the sniffed sample", () => {
  // Found while testing 10,000-field schemas: a `;` header of 60 KB and the start of the next row
  // filled the 64 KiB sample; the cut row counted fewer `;` and the sniffer fell back to `,`.
  it("10,000 `;` columns: the delimiter is still found", async () => {
    const labels = Array.from({ length: 10_000 }, (_, k) => `c${k}`);
    const row = labels.map((_, k) => String(k));
    const report = await lint(["large.csv"], { cwd: folder({ "large.csv": `${labels.join(";")}\n${row.join(";")}\n${row.join(";")}\n` }), personalData: false });
    expect(report.files[0]!.dialect?.delimiter).toBe(";");
    expect(report.files[0]!.labels).toHaveLength(10_000);
    expect(report.files[0]!.findings).toEqual([]);
  });
});
