import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fuzzParameters } from "../../../../test/fuzz/options.js";
import { pythonCsv } from "../../../../test/fuzz/python-csv.js";
import { readTable, type ReadProblem } from "./read-table.js";

// Property tests: readTable (decoder, parser) against the reference model of Python's csv
// module, on generated files of the shapes real exports take and on arbitrary text.

const DELIMITERS = [",", ";", "\t", "|"] as const;
const LINE_ENDS = ["\n", "\r\n", "\r"] as const;

// Characters that drive the parser's states, plus text of one, two, three and four UTF-8 bytes
// (a chunk boundary may fall inside them) and a NUL, which Python 3.11+ reads as text.
const SPECIAL = [",", ";", "\t", "|", '"', "\n", "\r", " ", "a", "Z", "0", "é", "€", "😀", "\u0000"];
const cellText = fc.string({ unit: fc.constantFrom(...SPECIAL), maxLength: 12 });

interface Written {
  text: string;
  delimiter: string;
}

/** A CSV file written from generated records: each cell quoted or not, lines ended at random. */
const writtenFile: fc.Arbitrary<Written> = fc
  .record({
    delimiter: fc.constantFrom(...DELIMITERS),
    rows: fc.array(fc.array(fc.record({ value: cellText, quoted: fc.boolean() }), { minLength: 1, maxLength: 6 }), { maxLength: 8 }),
    ends: fc.array(fc.constantFrom(...LINE_ENDS), { minLength: 8, maxLength: 8 }),
    lastEnd: fc.boolean(),
  })
  .map(({ delimiter, rows, ends, lastEnd }) => {
    const lines = rows.map((row) => row.map(({ value, quoted }) => (quoted ? `"${value.replaceAll('"', '""')}"` : value)).join(delimiter));
    const text = lines.map((line, k) => line + (k < lines.length - 1 || lastEnd ? ends[k]! : "")).join("");
    return { text, delimiter };
  });

/** Any text over the parser's special characters: stray quotes, quotes left open, lone CRs. */
const arbitraryFile: fc.Arbitrary<Written> = fc.record({
  delimiter: fc.constantFrom(...DELIMITERS),
  text: fc.string({ unit: fc.constantFrom(...SPECIAL), maxLength: 80 }),
});

const encoder = new TextEncoder();

/** The bytes cut at the given offsets (sorted, deduplicated), as a stream of chunks. */
async function* split(bytes: Uint8Array, cuts: readonly number[]): AsyncGenerator<Uint8Array> {
  let at = 0;
  for (const cut of [...new Set(cuts)].sort((a, b) => a - b)) {
    if (cut <= at || cut >= bytes.length) continue;
    yield bytes.slice(at, cut);
    at = cut;
  }
  if (at < bytes.length) yield bytes.slice(at);
}

async function readAll(bytes: Uint8Array, delimiter: string, cuts: readonly number[]) {
  const records: string[][] = [];
  const problems: ReadProblem[] = [];
  await readTable(
    split(bytes, cuts),
    { dialect: { delimiter, quoteChar: '"', lineTerminator: "\n" } },
    {
      record: (cells) => {
        records.push([...cells]);
      },
      problem: (problem) => {
        problems.push(problem);
      },
    },
  );
  return { records, problems };
}

const cutsOf = (maxLength: number) => fc.array(fc.nat({ max: maxLength }), { maxLength: 12 });

async function matchesPython({ text, delimiter }: Written, bom: boolean, cuts: readonly number[]): Promise<void> {
  const bytes = encoder.encode((bom ? "\uFEFF" : "") + text);
  const { records, problems } = await readAll(bytes, delimiter, cuts);
  const python = pythonCsv(text, { delimiter, quotechar: '"' });
  expect(records).toEqual(python.records);
  const codes = problems.map((problem) => problem.messageId).sort();
  const expected = [...(text.includes("\u0000") ? ["nulByte"] : []), ...(python.unterminated ? ["unterminatedQuote"] : []), ...(text === "" ? ["empty"] : [])].sort();
  expect(codes).toEqual(expected);
}

describe("readTable against Python's csv module", () => {
  it("reads written files as Python does, whatever the BOM and the chunks", async () => {
    await fc.assert(
      fc.asyncProperty(writtenFile, fc.boolean(), cutsOf(400), (file, bom, cuts) => matchesPython(file, bom, cuts)),
      fuzzParameters(),
    );
  });

  it("reads arbitrary text as Python does, stray and open quotes included", async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryFile, fc.boolean(), cutsOf(400), (file, bom, cuts) => matchesPython(file, bom, cuts)),
      fuzzParameters(),
    );
  });

  it("gives the same records and problems for any split of the same bytes", async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryFile, cutsOf(400), async ({ text, delimiter }, cuts) => {
        const bytes = encoder.encode(text);
        expect(await readAll(bytes, delimiter, cuts)).toEqual(await readAll(bytes, delimiter, []));
      }),
      fuzzParameters(),
    );
  });
});
