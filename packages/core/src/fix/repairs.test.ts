import { describe, expect, it } from "vitest";
import type { FieldDescriptor } from "../table-schema/descriptor.js";
import {
  booleanSpelling,
  certainPointForComma,
  digitsFromScientific,
  enumMatch,
  isMonthFirst,
  isoDatetimeFromFrench,
  isoFromFrench,
  leadingZerosCandidates,
  wholeFromDecimals,
} from "./repairs.js";

const ouiNon: FieldDescriptor = { name: "b", type: "boolean", trueValues: ["oui", "Oui"], falseValues: ["non"] };
const defaults: FieldDescriptor = { name: "b", type: "boolean" };
const digits: FieldDescriptor = { name: "b", type: "boolean", trueValues: ["1"], falseValues: ["0"] };

describe("repairs", () => {
  it.each([
    ["1,2345E+4", "12345"],
    ["1.2345E+04", "12345"],
    ["3E+0", "3"],
    // The exponent asks for more digits than shown: Excel's zeros stand for lost digits.
    ["2,43E+13", undefined],
    ["1,2E+5", undefined],
    // A fraction left after the point is no identifier.
    ["1,2345E+2", undefined],
    ["1,2E-3", undefined],
    // Past Excel's 15-digit precision.
    ["1,2345678901234567E+16", undefined],
    ["12345", undefined],
  ])("digitsFromScientific(%s) = %s", (cell, expected) => {
    expect(digitsFromScientific(cell)).toBe(expected);
  });

  it.each([
    ["1000", ["01000", "001000"]],
    ["0", ["00", "000"]],
    ["A100", []],
    ["1 000", []],
  ])("leadingZerosCandidates(%s)", (cell, expected) => {
    expect(leadingZerosCandidates(cell)).toEqual(expected);
  });

  it.each([
    ["31/12/2024", "2024-12-31"],
    ["5/1/2016", "2016-01-05"],
    ["31.12.2024", "2024-12-31"],
    ["31-12-2024", "2024-12-31"],
    ["31/13/2024", undefined],
    ["31/12/24", undefined],
    ["2024-12-31", undefined],
  ])("isoFromFrench(%s) = %s", (cell, expected) => {
    expect(isoFromFrench(cell)).toBe(expected);
  });

  it.each([
    ["31/12/2024 14:30", "2024-12-31T14:30:00"],
    ["31/12/2024 9:05:07", "2024-12-31T09:05:07"],
    ["31/12/2024 24:00", undefined],
    ["31/12/2024", undefined],
  ])("isoDatetimeFromFrench(%s) = %s", (cell, expected) => {
    expect(isoDatetimeFromFrench(cell)).toBe(expected);
  });

  it.each([
    ["12/31/2024", true],
    ["12/31/2024 10:00", true],
    ["31/12/2024", false],
    ["01/02/2024", false],
    ["x", false],
  ])("isMonthFirst(%s) = %s", (cell, expected) => {
    expect(isMonthFirst(cell)).toBe(expected);
  });

  it.each([
    ["12,5", false, "12.5"],
    ["-0,25", false, "-0.25"],
    ["1 250,50", false, "1250.50"],
    ["1\u00a0250\u202f000,5", false, "1250000.5"],
    ["1,234", false, "1.234"],
    // With decimal points elsewhere in the column, a lone 1,234 may be a thousands separator.
    ["1,234", true, undefined],
    ["12,5", true, "12.5"],
    ["1.234,5", false, undefined],
    ["1,234,5", false, undefined],
    ["12 50,5", false, undefined],
    ["12,", false, undefined],
  ])("certainPointForComma(%s, points elsewhere: %s) = %s", (cell, points, expected) => {
    expect(certainPointForComma(cell, points)).toBe(expected);
  });

  it.each([
    ["12.0", "12"],
    ["-3.00", "-3"],
    ["12.5", undefined],
  ])("wholeFromDecimals(%s) = %s", (cell, expected) => {
    expect(wholeFromDecimals(cell)).toBe(expected);
  });

  it.each([
    ["OUI", ouiNon, "oui"],
    ["Oui", ouiNon, "Oui"],
    ["vrai", ouiNon, "oui"],
    ["Non", ouiNon, "non"],
    ["faux", defaults, "false"],
    ["Oui", defaults, "true"],
    ["oui", digits, "1"],
    ["non", digits, "0"],
    ["peut-être", ouiNon, undefined],
    ["x", ouiNon, undefined],
  ])("booleanSpelling(%s)", (cell, field, expected) => {
    expect(booleanSpelling(cell, field)).toBe(expected);
  });

  it.each([
    ["AIDE EN NATURE", "aide en nature"],
    ["aide  en numeraire", "aide en numéraire"],
    ["prêt", undefined],
  ])("enumMatch(%s) = %s", (cell, expected) => {
    expect(enumMatch(cell, { name: "nature", constraints: { enum: ["aide en numéraire", "aide en nature"] } })).toBe(expected);
  });

  it("enumMatch finds nothing when two allowed values differ only by case", () => {
    expect(enumMatch("abc", { name: "x", constraints: { enum: ["ABC", "Abc"] } })).toBeUndefined();
  });
});
