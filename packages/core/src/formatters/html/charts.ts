import { escapeHtml } from "./escape.js";

export interface Bar {
  label: string;
  value: number;
  /** Printed after the bar; defaults to the value. */
  text?: string;
  severity?: "error" | "warning" | "info";
}

const BAR_HEIGHT = 22;
const GAP = 8;
const LABEL_WIDTH = 210;
const BAR_AREA = 330;
const VALUE_WIDTH = 90;

/**
 * Horizontal bar chart. The values are also printed as text, and the element carries a title and
 * a description, so the chart is never the only place a number is given (WCAG 1.1.1).
 */
export function barChart(bars: readonly Bar[], title: string, description: string, id: string): string {
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const height = bars.length * (BAR_HEIGHT + GAP) + GAP;
  const width = LABEL_WIDTH + BAR_AREA + VALUE_WIDTH;
  const rows = bars.map((bar, index) => {
    const y = GAP + index * (BAR_HEIGHT + GAP);
    // Square-root-free linear scale, with a visible sliver for the smallest non-zero count.
    const length = bar.value > 0 ? Math.max(2, Math.round((bar.value / max) * BAR_AREA)) : 0;
    const label = bar.label.length > 30 ? `${bar.label.slice(0, 29)}…` : bar.label;
    return [
      `<text class="chart-label" x="${LABEL_WIDTH - 8}" y="${y + 15}" text-anchor="end">${escapeHtml(label)}</text>`,
      `<rect class="bar bar-${bar.severity ?? "error"}" x="${LABEL_WIDTH}" y="${y}" width="${length}" height="${BAR_HEIGHT}"/>`,
      `<text class="chart-value" x="${LABEL_WIDTH + length + 6}" y="${y + 15}">${escapeHtml(bar.text ?? String(bar.value))}</text>`,
    ].join("");
  });
  return [
    `<svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${id}-t ${id}-d">`,
    `<title id="${id}-t">${escapeHtml(title)}</title><desc id="${id}-d">${escapeHtml(description)}</desc>`,
    `<line class="axis" x1="${LABEL_WIDTH}" y1="0" x2="${LABEL_WIDTH}" y2="${height}"/>`,
    ...rows,
    `</svg>`,
  ].join("");
}

function polar(cx: number, cy: number, r: number, fraction: number): [number, number] {
  // fraction 0 is the left end of the half circle, 1 the right end.
  const angle = Math.PI * (1 - fraction);
  return [cx + r * Math.cos(angle), cy - r * Math.sin(angle)];
}

function round(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** Half-circle gauge for a score; the score is also written as text inside the gauge. */
export function gauge(points: number, max: number, title: string, caption: string, id: string): string {
  const fraction = max > 0 ? Math.min(1, Math.max(0, points / max)) : 0;
  const cx = 80,
    cy = 78,
    r = 62;
  const [sx, sy] = polar(cx, cy, r, 0);
  const [ex, ey] = polar(cx, cy, r, 1);
  const [vx, vy] = polar(cx, cy, r, fraction);
  const track = `M ${round(sx)} ${round(sy)} A ${r} ${r} 0 0 1 ${round(ex)} ${round(ey)}`;
  const value = fraction > 0 ? `<path class="gauge-value" d="M ${round(sx)} ${round(sy)} A ${r} ${r} 0 0 1 ${round(vx)} ${round(vy)}"/>` : "";
  return [
    `<svg class="gauge" viewBox="0 0 160 100" width="160" height="100" role="img" aria-labelledby="${id}-t">`,
    `<title id="${id}-t">${escapeHtml(title)}</title>`,
    `<path class="gauge-track" d="${track}"/>`,
    value,
    `<text class="gauge-text" x="${cx}" y="${cy - 6}" text-anchor="middle">${escapeHtml(caption)}</text>`,
    `</svg>`,
  ].join("");
}
