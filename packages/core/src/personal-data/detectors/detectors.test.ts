import { describe, expect, it } from "vitest";
import { PERSONAL_DATA_KINDS } from "../types.js";
import { DETECTORS } from "./index.js";

describe("detectors", () => {
  it("cover every kind once, in order", () => {
    expect(DETECTORS.map((d) => d.kind)).toEqual([...PERSONAL_DATA_KINDS]);
  });

  const cases = DETECTORS.flatMap((d) => [
    ...d.examples.match.map((value) => ({ kind: d.kind, value, expected: true, detector: d })),
    ...d.examples.noMatch.map((value) => ({ kind: d.kind, value, expected: false, detector: d })),
  ]);

  it.each(cases)("$kind: $value → $expected", ({ detector, value, expected }) => {
    const match = detector.test(value);
    expect((match?.personal ?? 0) > 0).toBe(expected);
  });

  it.each(DETECTORS.map((d) => ({ kind: d.kind, d })))("$kind declares examples on both sides and a sane threshold", ({ d }) => {
    expect(d.examples.match.length).toBeGreaterThanOrEqual(3);
    expect(d.examples.noMatch.length).toBeGreaterThanOrEqual(3);
    expect(d.threshold).toBeGreaterThan(0);
    expect(d.threshold).toBeLessThanOrEqual(1);
    expect(d.headerHints.length).toBeGreaterThan(0);
  });
});
