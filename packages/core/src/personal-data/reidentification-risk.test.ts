import { describe, expect, it } from "vitest";
import { reidentificationRiskCheck } from "./reidentification-risk.js";
import { runChecks } from "../checks/check-tester.js";

function run(labels: string[], rows: string[][], options: Record<string, unknown> = {}) {
  return runChecks([reidentificationRiskCheck], { labels, rows }, { options: { "reidentification-risk": options } });
}

const group = (n: number, row: string[]) => Array.from({ length: n }, () => row);

describe("reidentification-risk", () => {
  const rows = [
    ...group(6, ["34", "F", "Brest", "aide alimentaire"]),
    ...group(3, ["35", "H", "Brest", "aide au chauffage"]),
    ["91", "H", "Guilers", "secours"],
    ["19", "F", "Plouzané", "secours"],
  ];

  it("counts unique records and records in groups smaller than k", () => {
    const findings = run(["age", "sexe", "commune", "type_aide"], rows);
    expect(findings.map((f) => f.code)).toEqual(["reidentification-risk"]);
    expect(findings[0]?.data).toMatchObject({ columns: ["age", "sexe", "commune"], k: 5, records: 11, uniqueRecords: 2, recordsBelowK: 5 });
  });

  it("uses k from options", () => {
    const findings = run(["age", "sexe", "commune", "type_aide"], rows, { k: 2 });
    expect(findings[0]?.data).toMatchObject({ k: 2, uniqueRecords: 2, recordsBelowK: 2 });
  });

  it("says nothing when every group reaches k", () => {
    expect(run(["age", "sexe"], group(5, ["34", "F"]))).toEqual([]);
  });

  it("needs a personal dimension: places alone do not single anyone out", () => {
    expect(
      run(
        ["code_postal", "commune"],
        [
          ["29280", "Plouzané"],
          ["29200", "Brest"],
        ],
      ),
    ).toEqual([]);
  });

  it("leaves aggregated tables to small-counts", () => {
    expect(
      run(
        ["age", "sexe", "nombre_beneficiaires"],
        [
          ["34", "F", "3"],
          ["35", "H", "1"],
        ],
      ),
    ).toEqual([]);
  });

  it("takes explicit quasi-identifiers", () => {
    const findings = run(
      ["a", "b"],
      [
        ["1", "x"],
        ["2", "y"],
      ],
      { quasiIdentifiers: ["a", "b"] },
    );
    expect(findings[0]?.data).toMatchObject({ columns: ["a", "b"], uniqueRecords: 2 });
  });
});
