import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { cspHash, sha256, toBase64, toHex } from "./sha256.js";

describe("sha256", () => {
  // FIPS 180-4 examples (NIST CSRC "SHA256.pdf") and boundary lengths around the 55/56/64-byte padding edges.
  const cases: Array<[string, string]> = [
    ["", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"],
    ["abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"],
    [
      "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    ],
  ];
  it.each(cases)("hashes %j like FIPS 180-4", (input, expected) => {
    expect(toHex(sha256(input))).toBe(expected);
  });

  it.each([55, 56, 63, 64, 65, 119, 120, 1000])("matches node:crypto for %i bytes and UTF-8 text", (length) => {
    const text = "é€𝄞x".repeat(length).slice(0, length);
    expect(toHex(sha256(text))).toBe(createHash("sha256").update(text, "utf8").digest("hex"));
  });

  it("encodes base64 with padding like Buffer", () => {
    for (const bytes of [[], [1], [1, 2], [1, 2, 3], [255, 254, 253, 252]]) {
      expect(toBase64(new Uint8Array(bytes))).toBe(Buffer.from(bytes).toString("base64"));
    }
  });

  it("builds a CSP hash source", () => {
    const content = "body{color:red}";
    expect(cspHash(content)).toBe(`'sha256-${createHash("sha256").update(content).digest("base64")}'`);
  });
});
