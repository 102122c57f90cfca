import { describe, expect, it } from "vitest";
import type { Finding } from "../findings.js";
import { groupByCode, personalRisk } from "./views.js";

function finding(code: string, overrides: Partial<Finding> = {}): Finding {
  return { code, messageId: "default", severity: "error", category: "schema", message: code, data: {}, ...overrides };
}

describe("groupByCode", () => {
  it("puts the worst first: severity, then count, then code", () => {
    const groups = groupByCode([
      finding("b-warn", { severity: "warning" }),
      finding("z-error"),
      finding("a-error"),
      finding("z-error"),
      finding("info", { severity: "info" }),
      // One error among warnings makes the group an error group.
      finding("mixed", { severity: "warning" }),
      finding("mixed"),
    ]);
    expect(groups.map((group) => `${group.code}:${group.severity}:${group.count}`)).toEqual([
      "mixed:error:2",
      "z-error:error:2",
      "a-error:error:1",
      "b-warn:warning:1",
      "info:info:1",
    ]);
  });

  it("counts the findings the engine stopped keeping, and keeps at most maxEntries", () => {
    const findings = Array.from({ length: 4 }, (_, i) => finding("type-error", { rowNumber: i + 2, fieldNumber: i + 1 }));
    const [group] = groupByCode(findings, { maxEntries: 2, countsByCode: { "type-error": 500 } });
    expect(group).toMatchObject({ code: "type-error", count: 500 });
    expect(group!.entries).toHaveLength(2);
  });

  it("folds a column failing on many rows into one entry unless told not to", () => {
    const findings = Array.from({ length: 5 }, (_, i) => finding("type-error", { rowNumber: i + 2, fieldNumber: 1, fieldName: "date" }));
    expect(groupByCode(findings)[0]!.entries.map((entry) => entry.kind)).toEqual(["aggregate"]);
    expect(groupByCode(findings, { aggregate: false })[0]!.entries).toHaveLength(5);
  });
});

describe("personalRisk", () => {
  const personal = (severity: Finding["severity"], accepted?: string) =>
    finding("personal-data-email", { category: "personal-data", severity, ...(accepted !== undefined && { accepted: { reason: accepted } }) });

  it.each([
    ["no personal data", [finding("type-error")], { risk: "none", count: 0 }],
    ["an info", [personal("info")], { risk: "low", count: 1 }],
    ["a warning and an info", [personal("info"), personal("warning")], { risk: "medium", count: 2 }],
    ["an error", [personal("warning"), personal("error")], { risk: "high", count: 2 }],
    // Accepted in the configuration: a decision, no longer a risk.
    ["an accepted error", [personal("error", "annuaire des élus"), personal("info")], { risk: "low", count: 1 }],
  ] as const)("%s", (_, findings, expected) => {
    expect(personalRisk({ findings: [...findings] })).toEqual(expected);
  });
});
