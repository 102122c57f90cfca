import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { findingCodes } from "./catalog.js";

const pages = readdirSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../docs/checks"))
  .filter((name) => name.endsWith(".md"))
  .map((name) => name.slice(0, -3));

describe("findingCodes (what severity.codes accepts)", () => {
  // A documented code refused in the configuration would leave its reader no way to set it.
  it("holds every code documented in docs/checks, metadata criteria apart", () => {
    const known = new Set(findingCodes());
    expect(pages.filter((code) => !code.startsWith("metadata-") && !known.has(code))).toEqual([]);
  });

  it("holds no code without a page", () => {
    expect(findingCodes().filter((code) => !pages.includes(code))).toEqual([]);
  });
});
