import { describe, expect, it } from "vitest";
import { closest, editDistance } from "./suggest.js";

describe("editDistance", () => {
  it.each([
    ["lint", "lint", 0],
    ["lnt", "lint", 1],
    ["--fromat", "--format", 1],
    ["scna", "scan", 1],
    ["", "abc", 3],
    ["kitten", "sitting", 3],
  ])("%s -> %s is %i", (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});

describe("closest", () => {
  const commands = ["lint", "scan", "schemas", "init", "explain", "report", "badge", "metadata"];
  it.each([
    ["lnit", "lint"],
    ["Scan", "scan"],
    ["shemas", "schemas"],
    ["raport", "report"],
    ["frobnicate", undefined],
  ])("%s -> %s", (word, expected) => {
    expect(closest(word, commands)).toBe(expected);
  });

  it("goes no further than the distance allowed", () => {
    expect(closest("explian-me", commands, 2)).toBeUndefined();
    expect(closest("explian-me", commands, 4)).toBe("explain");
  });
});
