import { describe, expect, it } from "vitest";
import { canonicalNumber, columnName, columnNumber, formatDateKind, odfTime, plainDecimal, unescapeXstring, zeroPaddingWidth } from "./values.js";

describe("canonicalNumber", () => {
  it.each([
    ["12", "12"],
    ["-0", "0"],
    ["0.5", "0.5"],
    ["1250.50", "1250.5"],
    ["0.30000000000000004", "0.3"],
    ["1.5E-7", "0.00000015"],
    ["1.2E+20", "120000000000000000000"],
    ["12345678901234567890", "12345678901234600000"],
    ["-3.14159265358979311", "-3.14159265358979"],
    ["NaN", "NaN"],
    ["", ""],
  ])("%s is %s", (raw, text) => {
    expect(canonicalNumber(raw)).toBe(text);
  });

  it.each([
    ["1e3", "1000"],
    ["1.000e-2", "0.01"],
    ["-00012.500", "-12.5"],
  ])("plainDecimal(%s) is %s", (raw, text) => {
    expect(plainDecimal(raw)).toBe(text);
  });
});

describe("formatDateKind", () => {
  it.each([
    ["dd/mm/yyyy", "date"],
    ["[$-40C]d mmmm yyyy;@", "date"],
    ["mmm-yy", "date"],
    ["h:mm AM/PM", "time"],
    ["[h]:mm:ss", "time"],
    ["mm:ss", "time"],
    ["dd/mm/yyyy hh:mm", "datetime"],
    ["General", undefined],
    ["0.00%", undefined],
    ['#,##0.00\\ "€"', undefined],
    ['0" jours"', undefined],
    ["[Red]0.00;[Blue]-0.00", undefined],
    ["0.00E+00", undefined],
    ["@", undefined],
  ])("%s shows %s", (code, kind) => {
    expect(formatDateKind(code)).toBe(kind);
  });

  it.each([
    ["00000", 5],
    ["000", 3],
    ["0", undefined],
    ["0.00", undefined],
    ["00000;-00000", 5],
  ])("zero padding of %s is %s", (code, width) => {
    expect(zeroPaddingWidth(code)).toBe(width);
  });
});

describe("cell references and text", () => {
  it.each([
    [1, "A"],
    [26, "Z"],
    [27, "AA"],
    [702, "ZZ"],
    [703, "AAA"],
    [16384, "XFD"],
  ])("column %d is %s, and back", (column, name) => {
    expect(columnName(column)).toBe(name);
    expect(columnNumber(`${name}12`)).toBe(column);
    expect(columnNumber(`${name.toLowerCase()}1`)).toBe(column);
  });

  it("a reference without letters has no column", () => {
    expect(columnNumber("12")).toBeUndefined();
  });

  it.each([
    ["ligne_x000D_", "ligne\r"],
    ["_x005F_x0041_", "_x0041_"],
    ["sans échappement", "sans échappement"],
  ])("unescapes %s", (raw, text) => {
    expect(unescapeXstring(raw)).toBe(text);
  });

  it.each([
    ["PT10H30M00S", "10:30:00"],
    ["PT36H00M00S", "36:00:00"],
    ["PT00H00M59.6S", "00:01:00"],
    ["P1DT2H", "26:00:00"],
    ["demain", undefined],
  ])("ODF duration %s is %s", (duration, time) => {
    expect(odfTime(duration)).toBe(time);
  });
});
