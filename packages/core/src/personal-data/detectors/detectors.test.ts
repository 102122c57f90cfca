import { describe, expect, it } from "vitest";
import { testDetector } from "../../checks/check-tester.js";
import { PERSONAL_DATA_KINDS } from "../types.js";
import { DETECTORS } from "./index.js";

describe("detectors", () => {
  it("cover every kind once, in order", () => {
    expect(DETECTORS.map((d) => d.kind)).toEqual([...PERSONAL_DATA_KINDS]);
  });
});

// Each detector against the examples it declares (the docs show them).
for (const detector of DETECTORS) testDetector(detector);
