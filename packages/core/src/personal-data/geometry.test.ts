import { describe, expect, it } from "vitest";
import { isGeometry } from "./geometry.js";

describe("isGeometry", () => {
  it.each([
    ['{"coordinates": [5.0412345678912, 47.32154321234], "type": "Point"}', true],
    ['{"type": "Polygon", "coordinates": [[[5.04, 47.32], [5.05, 47.33], [5.04, 47.32]]]}', true],
    ["47.32154397765443, 5.041231233812345", true],
    ["[5.04123456, 47.32154321]", true],
    ["853214.37 6694512.81", true],
    ["POINT (5.0412 47.3215)", true],
    ["SRID=2154;LINESTRING(853214.3 6694512.8, 853300.1 6694600.2)", true],
    ["MULTIPOLYGON (((1 2, 3 4, 1 2)))", true],
    ["47.3215", true],
    ["06 12 34 56 78", false],
    ["06.12.34.56.78", false],
    ["4970 1012 3456 7893", false],
    ["1 84 03 75 112 005 95", false],
    ["1.2.3.4", false],
    ["FR76 3000 6000 0112 3456 7890 189", false],
    ["Rue du Docteur Roux", false],
    ["{ pas du json", false],
  ])("%s → %s", (value, expected) => {
    expect(isGeometry(value)).toBe(expected);
  });
});
