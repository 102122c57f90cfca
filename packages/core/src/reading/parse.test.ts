import { describe, expect, it } from "vitest";
import { createCsvParser, DEFAULT_MAX_CELL_LENGTH, DEFAULT_MAX_ROW_LENGTH, type Oversize, type ParseLimits } from "./parse.js";

interface Parsed {
  records: Array<[string[], number]>;
  errors: Array<{ line: number; before: number }>;
}

function parse(chunks: string[], delimiter = ","): Parsed {
  const out: Parsed = { records: [], errors: [] };
  const parser = createCsvParser(
    { delimiter, quoteChar: '"' },
    {
      record: (cells, line) => {
        out.records.push([cells, line]);
      },
      error: ({ line }) => {
        out.errors.push({ line, before: out.records.length });
      },
    },
  );
  for (const chunk of chunks) parser.push(chunk);
  parser.end();
  return out;
}

// Deterministic pseudo-random chunk sizes (mulberry32), so a failure can be replayed.
function randomChunks(text: string, seed: number): string[] {
  let state = seed;
  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const chunks: string[] = [];
  for (let i = 0; i < text.length; ) {
    const size = 1 + Math.floor(next() * 7);
    chunks.push(text.slice(i, i + size));
    i += size;
  }
  return chunks;
}

const splits: Array<[string, (text: string) => string[]]> = [
  ["whole", (text) => [text]],
  ["1-char chunks", (text) => [...text].map((c) => c)],
  ["1-unit chunks", (text) => Array.from({ length: text.length }, (_, i) => text[i] as string)],
  ["random chunks (seed 1)", (text) => randomChunks(text, 1)],
  ["random chunks (seed 7)", (text) => randomChunks(text, 7)],
  ["with empty chunks", (text) => ["", ...randomChunks(text, 3).flatMap((c) => [c, ""])]],
];

// Expected records as Python's csv.reader(io.StringIO(text, newline=""), strict=False) gives
// them (checked against CPython 3.11), with the physical line each record starts on.
const cases: Array<{ name: string; text: string; records: Array<[string[], number]>; errorLines?: number[] }> = [
  {
    name: "simple, trailing newline",
    text: "a,b\n1,2\n",
    records: [
      [["a", "b"], 1],
      [["1", "2"], 2],
    ],
  },
  {
    name: "no trailing newline",
    text: "a,b\n1,2",
    records: [
      [["a", "b"], 1],
      [["1", "2"], 2],
    ],
  },
  {
    name: "CRLF",
    text: "a,b\r\n1,2\r\n",
    records: [
      [["a", "b"], 1],
      [["1", "2"], 2],
    ],
  },
  {
    name: "lone CR ends a line",
    text: "a,b\r1,2\r",
    records: [
      [["a", "b"], 1],
      [["1", "2"], 2],
    ],
  },
  { name: "quoted comma", text: 'a,"b,c",d\n', records: [[["a", "b,c", "d"], 1]] },
  {
    name: "quoted LF counts as a line",
    text: 'h\n"x\ny",z\nlast\n',
    records: [
      [["h"], 1],
      [["x\ny", "z"], 2],
      [["last"], 4],
    ],
  },
  {
    name: "quoted CRLF kept, one line break",
    text: 'h\r\n"x\r\ny"\r\nlast\r\n',
    records: [
      [["h"], 1],
      [["x\r\ny"], 2],
      [["last"], 4],
    ],
  },
  {
    name: "quoted lone CR counts as a line",
    text: '"x\ry"\nlast',
    records: [
      [["x\ry"], 1],
      [["last"], 3],
    ],
  },
  { name: "escaped quotes", text: '"say ""hi""",b\n', records: [[['say "hi"', "b"], 1]] },
  { name: "empty quoted field", text: '"",x\n', records: [[["", "x"], 1]] },
  {
    name: "empty fields",
    text: ",,\na,,b\n",
    records: [
      [["", "", ""], 1],
      [["a", "", "b"], 2],
    ],
  },
  { name: "trailing delimiter without newline", text: "a,", records: [[["a", ""], 1]] },
  {
    name: "empty line is a record with no cells",
    text: "a\n\nb\n",
    records: [
      [["a"], 1],
      [[], 2],
      [["b"], 3],
    ],
  },
  {
    name: "empty CRLF line",
    text: "a\r\n\r\nb",
    records: [
      [["a"], 1],
      [[], 2],
      [["b"], 3],
    ],
  },
  {
    name: "trailing empty line",
    text: "a\n\n",
    records: [
      [["a"], 1],
      [[], 2],
    ],
  },
  {
    name: "line of bare delimiters",
    text: "a,b\n,\n",
    records: [
      [["a", "b"], 1],
      [["", ""], 2],
    ],
  },
  { name: "quote inside an unquoted field is literal", text: 'ab"c,d"\n', records: [[['ab"c', 'd"'], 1]] },
  { name: "text after a closing quote continues the field", text: '"ab"c,d\n', records: [[["abc", "d"], 1]] },
  { name: "quote after a closing quote's text is literal", text: '"a"b"c,d\n', records: [[['ab"c', "d"], 1]] },
  { name: "space before a quote makes it literal", text: 'a, "b,c"\n', records: [[["a", ' "b', 'c"'], 1]] },
  {
    name: "unicode, astral",
    text: "é,😀\nœ,€\n",
    records: [
      [["é", "😀"], 1],
      [["œ", "€"], 2],
    ],
  },
  { name: "NUL accepted", text: "a\u0000b,c\n", records: [[["a\u0000b", "c"], 1]] },
  { name: "zero bytes, no record", text: "", records: [] },
  { name: "only a newline", text: "\n", records: [[[], 1]] },
  {
    name: "unterminated quote swallows the rest (Quirk 15)",
    text: 'h1,h2\n1,"open\n2,b\n3,c\n',
    records: [
      [["h1", "h2"], 1],
      [["1", "open\n2,b\n3,c\n"], 2],
    ],
    errorLines: [2],
  },
  { name: "unterminated empty quote at the end", text: 'a,"', records: [[["a", ""], 1]], errorLines: [1] },
  { name: "quote closed at the very end", text: 'a,"b"', records: [[["a", "b"], 1]] },
];

describe("createCsvParser", () => {
  for (const [splitName, split] of splits) {
    describe(splitName, () => {
      it.each(cases)("$name", ({ text, records, errorLines }) => {
        const parsed = parse(split(text));
        expect(parsed.records).toEqual(records);
        expect(parsed.errors.map((e) => e.line)).toEqual(errorLines ?? []);
      });
    });
  }

  it("reports the unterminated quote before the record it swallows", () => {
    const parsed = parse(['a\n"b\nc\n']);
    expect(parsed.errors).toEqual([{ line: 2, before: 1 }]);
  });

  it("parses other delimiters", () => {
    expect(parse(['a;"b;1,5";c\n'], ";").records).toEqual([[["a", "b;1,5", "c"], 1]]);
    expect(parse(["a\tb|c\n"], "\t").records).toEqual([[["a", "b|c"], 1]]);
  });

  it("keeps row numbers exact when quoted newlines span chunk boundaries", () => {
    // 200 records, every third one holding a quoted CRLF, so lines and records diverge.
    let text = "id,label\r\n";
    const expected: Array<[string[], number]> = [[["id", "label"], 1]];
    let line = 2;
    for (let i = 1; i <= 200; i++) {
      const label = i % 3 === 0 ? `two\r\nlines ${i}` : `one ""${i}""`;
      text += `${i},"${label}"\r\n`;
      expected.push([[String(i), label.replace(/""/g, '"')], line]);
      line += i % 3 === 0 ? 2 : 1;
    }
    for (const seed of [1, 2, 3, 4, 5]) expect(parse(randomChunks(text, seed)).records).toEqual(expected);
    expect(parse([...text]).records).toEqual(expected);
  });

  it("stops emitting once the sink returns false", () => {
    const seen: string[][] = [];
    const parser = createCsvParser(
      { delimiter: ",", quoteChar: '"' },
      {
        record: (cells) => {
          seen.push(cells);
          return seen.length < 2;
        },
        error: () => {
          throw new Error("no error expected");
        },
      },
    );
    parser.push("a\nb\nc\n");
    parser.push("d\n");
    parser.end();
    expect(seen).toEqual([["a"], ["b"]]);
    expect(parser.records).toBe(2);
  });

  it("rejects a dialect it cannot parse", () => {
    expect(() => createCsvParser({ delimiter: ";;", quoteChar: '"' }, { record: () => {}, error: () => {} })).toThrow(RangeError);
    expect(() => createCsvParser({ delimiter: '"', quoteChar: '"' }, { record: () => {}, error: () => {} })).toThrow(RangeError);
  });
});

function parseLimited(chunks: Iterable<string>, limits: ParseLimits): { records: Array<[string[], number]>; oversizes: Oversize[] } {
  const out = { records: [] as Array<[string[], number]>, oversizes: [] as Oversize[] };
  const parser = createCsvParser(
    { delimiter: ",", quoteChar: '"' },
    {
      record: (cells, line) => {
        out.records.push([cells, line]);
      },
      error: () => {},
      oversize: (oversize) => {
        out.oversizes.push(oversize);
      },
    },
    limits,
  );
  for (const chunk of chunks) parser.push(chunk);
  parser.end();
  return out;
}

// Cells and records past the limits are cut, never built whole: what a hostile file (a 600 MB
// line, an unterminated quote on line 1) costs in memory is bounded by the limits.
const limitCases: Array<{ name: string; text: string; limits: ParseLimits; records: Array<[string[], number]>; oversizes: Array<Partial<Oversize>> }> = [
  {
    name: "an unquoted cell past the cell limit",
    text: "id,text\n1,abcdefghij\n2,ok\n",
    limits: { maxCellLength: 4 },
    records: [
      [["id", "text"], 1],
      [["1", "abcd"], 2],
      [["2", "ok"], 3],
    ],
    oversizes: [{ kind: "cell", line: 2, fieldNumber: 2, length: 10, limit: 4 }],
  },
  {
    name: "a quoted cell with doubled quotes and a line break",
    text: 'a\n"x""y\nzzzz",b\nc\n',
    limits: { maxCellLength: 3 },
    records: [
      [["a"], 1],
      [['x"y', "b"], 2],
      [["c"], 4],
    ],
    oversizes: [{ kind: "cell", line: 2, fieldNumber: 1, length: 8, limit: 3 }],
  },
  {
    name: "an unterminated quote swallowing the file",
    text: 'nom,"prenom\nDupont,Jean\nMartin,Paul\n',
    limits: { maxCellLength: 8 },
    records: [[["nom", "prenom\nD"], 1]],
    oversizes: [{ kind: "cell", line: 1, fieldNumber: 2, length: 31, limit: 8 }],
  },
  {
    name: "a record past the row limit: cells cut to what is left, then dropped",
    text: "aaaa,bbbb,cccc,dddd\nx,y\n",
    limits: { maxRowLength: 7 },
    records: [
      [["aaaa", "bb"], 1],
      [["x", "y"], 2],
    ],
    oversizes: [{ kind: "row", line: 1, length: 19, limit: 7 }],
  },
  {
    name: "a record of many empty cells",
    text: ",,,,,,,,,\n",
    limits: { maxRowLength: 4 },
    records: [[["", "", "", ""], 1]],
    oversizes: [{ kind: "row", line: 1, length: 9, limit: 4 }],
  },
  {
    name: "cells exactly at the limits are kept whole and not reported",
    text: "abcd,efgh\n",
    limits: { maxCellLength: 4, maxRowLength: 9 },
    records: [[["abcd", "efgh"], 1]],
    oversizes: [],
  },
];

describe("createCsvParser limits", () => {
  for (const [splitName, split] of splits) {
    describe(splitName, () => {
      it.each(limitCases)("$name", ({ text, limits, records, oversizes }) => {
        const parsed = parseLimited(split(text), limits);
        expect(parsed.records).toEqual(records);
        expect(parsed.oversizes).toEqual(oversizes.map((o) => expect.objectContaining(o)));
      });
    });
  }

  // One cell too long is reported as a cell, not as a row as well.
  // 640 Mi characters would take seconds: 64 chunks of 1 Mi make the point, with the default
  // limits (1 Mi per cell, 16 Mi per record), as the same pushes would for any length.
  it("keeps a 64 Mi-character line without a line break to the default limits", () => {
    const chunk = "x".repeat(1024 * 1024);
    function* chunks(): Generator<string> {
      yield "id,texte\n1,";
      for (let k = 0; k < 64; k++) yield chunk;
    }
    const parsed = parseLimited(chunks(), {});
    expect(parsed.records).toHaveLength(2);
    const cells = parsed.records[1]![0];
    expect(cells.map((cell) => cell.length)).toEqual([1, DEFAULT_MAX_CELL_LENGTH]);
    expect(parsed.oversizes).toEqual([{ kind: "cell", line: 2, fieldNumber: 2, length: 64 * 1024 * 1024, limit: DEFAULT_MAX_CELL_LENGTH }]);
  });

  it("keeps a record of 20 Mi short cells under the row limit", () => {
    const chunk = "ab,".repeat(256 * 1024);
    function* chunks(): Generator<string> {
      for (let k = 0; k < 27; k++) yield chunk;
      yield "end\n";
    }
    const parsed = parseLimited(chunks(), {});
    const cells = parsed.records[0]![0];
    expect(cells.join(",").length).toBeLessThanOrEqual(DEFAULT_MAX_ROW_LENGTH);
    expect(parsed.oversizes.map((o) => o.kind)).toEqual(["row"]);
  });
});

// Parses 14 Mi characters shaped like scripts/bench.mjs's file (LF line ends, so no CR anywhere;
// one label in ten quoted), pushed in 1 Mi-character strings, and prints the time of each push.
// Run in a child process with synchronous optimization, which makes the compiled code
// deterministic.
