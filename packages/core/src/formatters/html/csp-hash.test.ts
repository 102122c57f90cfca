import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { cspHash } from "./csp-hash.js";

describe("cspHash", () => {
  // Lengths around SHA-256's 55/56/64-byte padding edges, and text beyond Latin-1 (UTF-8 bytes are hashed).
  it.each([0, 1, 55, 56, 63, 64, 65, 1000])("matches node:crypto for %i characters of UTF-8 text", (length) => {
    const text = "é€𝄞x".repeat(length).slice(0, length);
    expect(cspHash(text)).toBe(`'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`);
  });

  it("hashes the FIPS 180-4 example", () => {
    // SHA-256("abc") = ba7816bf…f20015ad (NIST CSRC "SHA256.pdf").
    expect(cspHash("abc")).toBe(`'sha256-${Buffer.from("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", "hex").toString("base64")}'`);
  });
});
