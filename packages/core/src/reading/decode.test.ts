import { describe, expect, it } from "vitest";
import { createDecoder, type DecodeError } from "./decode.js";

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const bytes = (...parts: Array<string | number[]>): Uint8Array => {
  const arrays = parts.map((p) => (typeof p === "string" ? utf8(p) : Uint8Array.from(p)));
  const out = new Uint8Array(arrays.reduce((n, a) => n + a.length, 0));
  let at = 0;
  for (const a of arrays) {
    out.set(a, at);
    at += a.length;
  }
  return out;
};

function decodeAll(input: Uint8Array, chunkSize: number, encoding?: string): { text: string; errors: DecodeError[]; encoding: string; bom: boolean } {
  const decoder = createDecoder({ encoding });
  let text = "";
  const errors: DecodeError[] = [];
  for (let i = 0; i < input.length; i += chunkSize) {
    const r = decoder.write(input.subarray(i, i + chunkSize));
    text += r.text;
    errors.push(...r.errors);
  }
  const r = decoder.end();
  text += r.text;
  errors.push(...r.errors);
  return { text, errors, encoding: decoder.encoding, bom: decoder.bom };
}

const chunkSizes = [1, 2, 3, 5, 64 * 1024];

// "Orléans" in windows-1252: é is 0xE9.
const ORLEANS_1252 = [0x4f, 0x72, 0x6c, 0xe9, 0x61, 0x6e, 0x73];

const cases: Array<{
  name: string;
  input: Uint8Array;
  encoding?: string;
  text: string;
  detected: string;
  bom?: boolean;
  errors?: Array<Pick<DecodeError, "byte" | "byteOffset" | "textOffset">>;
}> = [
  { name: "ASCII", input: bytes("a;b\n1;2\n"), text: "a;b\n1;2\n", detected: "utf-8" },
  { name: "UTF-8 multibyte and astral", input: bytes("é;€;😀\n"), text: "é;€;😀\n", detected: "utf-8" },
  { name: "UTF-8 BOM stripped", input: bytes([0xef, 0xbb, 0xbf], "nom\n"), text: "nom\n", detected: "utf-8", bom: true },
  { name: "only one BOM stripped", input: bytes([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], "x"), text: "\uFEFFx", detected: "utf-8", bom: true },
  { name: "windows-1252 detected", input: bytes("ville\n", ORLEANS_1252, [0x80], "\n"), text: "ville\nOrléans€\n", detected: "windows-1252" },
  {
    name: "stray byte after valid UTF-8 is an error",
    input: bytes("é\nab", [0xe9], "c\n"),
    text: "é\nab\uFFFDc\n",
    detected: "utf-8",
    errors: [{ byte: 0xe9, byteOffset: 5, textOffset: 4 }],
  },
  // Excel's "CSV UTF-8" mistakes and some exporters write a BOM before a windows-1252 body.
  { name: "BOM then windows-1252 body", input: bytes([0xef, 0xbb, 0xbf], "ville;n\n", ORLEANS_1252, ";1\n"), text: "ville;n\nOrléans;1\n", detected: "windows-1252", bom: true },
  {
    name: "BOM, UTF-8 text, then a stray byte: an error",
    input: bytes([0xef, 0xbb, 0xbf], "é", ORLEANS_1252),
    text: "éOrl\uFFFDans",
    detected: "utf-8",
    bom: true,
    errors: [{ byte: 0xe9, byteOffset: 8, textOffset: 4 }],
  },
  {
    name: "truncated sequence at the end",
    input: bytes("é", [0xe2, 0x82]),
    text: "é\uFFFD",
    detected: "utf-8",
    errors: [{ byte: 0xe2, byteOffset: 2, textOffset: 1 }],
  },
  {
    name: "one U+FFFD per maximal subpart (WHATWG)",
    input: bytes("é", [0xe2, 0x82, 0x41, 0xc0, 0xaf]),
    text: "é\uFFFDA\uFFFD\uFFFD",
    detected: "utf-8",
    errors: [
      { byte: 0xe2, byteOffset: 2, textOffset: 1 },
      { byte: 0xc0, byteOffset: 5, textOffset: 3 },
      { byte: 0xaf, byteOffset: 6, textOffset: 4 },
    ],
  },
  { name: "explicit windows-1252", input: bytes(ORLEANS_1252, [0x9c]), encoding: "cp1252", text: "Orléansœ", detected: "windows-1252" },
  // Python's latin-1 maps 0x80-0x9F to C1 controls, unlike WHATWG's "latin1" label.
  { name: "explicit latin1 is ISO-8859-1", input: bytes(ORLEANS_1252, [0x80, 0x9c]), encoding: "latin1", text: "Orléans\u0080\u009c", detected: "iso-8859-1" },
  {
    name: "explicit utf-8: invalid byte is an error even in an ASCII prefix",
    input: bytes("ab", [0xe9]),
    encoding: "utf-8",
    text: "ab\uFFFD",
    detected: "utf-8",
    errors: [{ byte: 0xe9, byteOffset: 2, textOffset: 2 }],
  },
  { name: "explicit utf-8 strips a BOM", input: bytes([0xef, 0xbb, 0xbf], "a"), encoding: "UTF-8", text: "a", detected: "utf-8", bom: true },
  {
    name: "explicit windows-1252 strips a UTF-8 BOM",
    input: bytes([0xef, 0xbb, 0xbf], "a;", ORLEANS_1252),
    encoding: "windows-1252",
    text: "a;Orléans",
    detected: "windows-1252",
    bom: true,
  },
  { name: "explicit latin1 strips a UTF-8 BOM", input: bytes([0xef, 0xbb, 0xbf], "a"), encoding: "ISO-8859-1", text: "a", detected: "iso-8859-1", bom: true },
  { name: "UTF-16LE BOM", input: bytes([0xff, 0xfe, 0x61, 0x00, 0xe9, 0x00]), text: "aé", detected: "utf-16le", bom: true },
  { name: "empty", input: bytes(), text: "", detected: "utf-8" },
  { name: "two bytes only", input: bytes("ab"), text: "ab", detected: "utf-8" },
];

describe("createDecoder", () => {
  for (const size of chunkSizes) {
    describe(`chunks of ${size} bytes`, () => {
      it.each(cases)("$name", ({ input, encoding, text, detected, bom, errors }) => {
        const result = decodeAll(input, size, encoding);
        expect(result.text).toBe(text);
        expect(result.encoding).toBe(detected);
        expect(result.bom).toBe(bom ?? false);
        expect(result.errors).toEqual(errors ?? []);
      });
    });
  }

  it("detects windows-1252 when the first non-ASCII byte lies beyond 300 KB", () => {
    const line = "commune;code\n";
    const prefix = line.repeat(Math.ceil(310_000 / line.length));
    const input = bytes(prefix, ORLEANS_1252, ";45234\n");
    for (const size of [65_536, 4_096, 7_777]) {
      const result = decodeAll(input, size);
      expect(result.encoding).toBe("windows-1252");
      expect(result.errors).toEqual([]);
      expect(result.text).toBe(`${prefix}Orléans;45234\n`);
    }
  });

  it("decodes a multibyte character split across every possible boundary", () => {
    const input = bytes("a€b😀c");
    for (let cut = 0; cut <= input.length; cut++) {
      for (let cut2 = cut; cut2 <= input.length; cut2++) {
        const decoder = createDecoder();
        const text = [input.subarray(0, cut), input.subarray(cut, cut2), input.subarray(cut2)].map((c) => decoder.write(c).text).join("") + decoder.end().text;
        expect(text).toBe("a€b😀c");
        expect(decoder.encoding).toBe("utf-8");
      }
    }
  });

  it("rejects an unknown encoding label", () => {
    expect(() => createDecoder({ encoding: "klingon" })).toThrow(RangeError);
  });
});
