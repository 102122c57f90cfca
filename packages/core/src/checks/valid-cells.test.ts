import { describe, expect, it } from "vitest";
import { validCellsPercent, type CellFinding } from "./valid-cells.js";

const error = (code: string, rowNumber?: number): CellFinding => (rowNumber === undefined ? { code, severity: "error" } : { code, severity: "error", rowNumber });

describe("validCellsPercent", () => {
  const cases: { name: string; findings: CellFinding[]; rows: number; fields: number; weights?: Record<string, number>; expected: number }[] = [
    { name: "no finding", findings: [], rows: 10, fields: 5, expected: 100 },
    { name: "2 errors over 50 cells", findings: [error("type-error", 2), error("french-siret-value", 3)], rows: 10, fields: 5, expected: 96 },
    { name: "weights per code", findings: [error("type-error", 2), error("unique-error", 3)], rows: 10, fields: 5, weights: { "unique-error": 3 }, expected: 92 },
    { name: "warnings do not count", findings: [{ code: "type-error", severity: "warning", rowNumber: 2 }], rows: 10, fields: 5, expected: 100 },
    { name: "file-level errors do not count", findings: [error("check-error")], rows: 10, fields: 5, expected: 100 },
    { name: "never below 0", findings: [error("a", 2), error("a", 2), error("a", 2)], rows: 1, fields: 2, expected: 0 },
    { name: "no cell", findings: [], rows: 0, fields: 5, expected: 100 },
  ];

  it.each(cases)("$name -> $expected", ({ findings, rows, fields, weights, expected }) => {
    expect(validCellsPercent(findings, rows, fields, weights)).toBeCloseTo(expected, 10);
  });
});
