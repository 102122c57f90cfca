import type { Finding } from "../findings.js";

/** Findings that count against the cells, with their location kept. */
export type CellFinding = Pick<Finding, "code" | "severity"> & Partial<Pick<Finding, "rowNumber" | "pointer">>;

/**
 * Percentage of valid cells of one file, as Validata's badge computes it
 * (validata_core `compute_badge_metrics`): the content errors are counted per code, each count is
 * multiplied by the code's weight (1 unless `weights` says otherwise, Validata's
 * `body.errors-weight`), the sum is divided by the number of cells (data rows x fields), and the
 * result is (1 - ratio) x 100, floored at 0. Only errors on rows count (warnings and file-level
 * findings are structure or metadata, which Validata's badge reports apart).
 */
export function validCellsPercent(findings: readonly CellFinding[], rows: number, fields: number, weights: Readonly<Record<string, number>> = {}): number {
  const cells = rows * fields;
  if (cells <= 0) return 100;
  let weighted = 0;
  for (const finding of findings) {
    if (finding.severity !== "error" || finding.rowNumber === undefined) continue;
    weighted += weights[finding.code] ?? 1;
  }
  return Math.max(0, (1 - weighted / cells) * 100);
}
