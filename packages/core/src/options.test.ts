import { describe, expect, it } from "vitest";
import { auditOptions } from "./options.js";

describe("auditOptions", () => {
  it.each([
    ["keeps plain values and drops undefined ones", { schema: "scdl/subventions", maxErrors: 1000, offline: undefined }, { schema: "scdl/subventions", maxErrors: 1000 }],
    ["keeps a path", { cacheDir: "./cache" }, { cacheDir: "./cache" }],
    ["strips credentials from a URL", { catalogUrl: "https://user:secret@example.org/schemas.json" }, { catalogUrl: "https://example.org/schemas.json" }],
    ["strips a token in the query", { schema: "https://example.org/schema.json?token=abc#x" }, { schema: "https://example.org/schema.json" }],
  ])("%s", (_, given, expected) => {
    expect(auditOptions(given)).toEqual(expected);
  });
});
