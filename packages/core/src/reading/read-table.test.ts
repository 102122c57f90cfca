import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { describeShared, sharedDir } from "../../../../test/shared.js";
import { readTable, SNIFF_BYTES, type ByteSource, type ReadOptions, type ReadProblem, type ReadResult } from "./read-table.js";

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

interface Read {
  records: Array<[string[], number, number]>;
  problems: ReadProblem[];
  result: ReadResult;
}

async function read(source: ByteSource, options: ReadOptions = {}, stopAfter = Infinity): Promise<Read> {
  const records: Read["records"] = [];
  const problems: ReadProblem[] = [];
  const result = await readTable(source, options, {
    record: (cells, rowNumber, line) => {
      records.push([cells, rowNumber, line]);
      return records.length < stopAfter;
    },
    problem: (p) => {
      problems.push(p);
    },
  });
  return { records, problems, result };
}

describe("readTable", () => {
  it("numbers records logically and lines physically, whatever the chunking", async () => {
    const text = 'id;label\n1;"deux\nlignes"\n2;x\n\n3;"a;b"\n';
    for (const size of [1, 2, 3, 7, 1024]) {
      const { records, problems, result } = await read(chunked(utf8(text), size));
      expect(records).toEqual([
        [["id", "label"], 1, 1],
        [["1", "deux\nlignes"], 2, 2],
        [["2", "x"], 3, 4],
        [[], 4, 5],
        [["3", "a;b"], 5, 6],
      ]);
      expect(problems).toEqual([]);
      expect(result).toEqual({
        encoding: "utf-8",
        dialect: { delimiter: ";", quoteChar: '"', lineTerminator: "\n" },
        bytes: utf8(text).length,
        records: 5,
        stopped: false,
        bom: false,
      });
    }
  });

  it("reads bytes given all at once, as a web page gets a dropped file", async () => {
    const { records, result } = await read(utf8("id;nom\n1;Stade\n"));
    expect(records).toEqual([
      [["id", "nom"], 1, 1],
      [["1", "Stade"], 2, 2],
    ]);
    expect(result.dialect.delimiter).toBe(";");
  });

  it("sniffs on the first 64 KiB even when the source yields tiny chunks", async () => {
    // The first line alone would sniff as one column (comma); the sample must span many lines.
    const text = "nom\n" + "a;b\n".repeat(20_000);
    const { result } = await read(chunked(utf8(text), 5));
    expect(result.dialect.delimiter).toBe(";");
    expect(SNIFF_BYTES).toBe(65_536);
  });

  it("reports an undecodable byte with the row it lies in", async () => {
    const rows = ["id,ville", ...Array.from({ length: 5000 }, (_, i) => `${i + 1},Orléans`)];
    const bytes = utf8(rows.join("\n") + "\n");
    // Replace the "é" (0xC3 0xA9) of data row 3000 (record 3001) by a lone latin-1 0xE9 and 'x'.
    const offset = utf8(rows.slice(0, 3000).join("\n") + "\n3000,Orl").length;
    expect([bytes[offset], bytes[offset + 1]]).toEqual([0xc3, 0xa9]);
    bytes[offset] = 0xe9;
    bytes[offset + 1] = 0x78;
    for (const size of [1000, 65_536, 333]) {
      const { records, problems, result } = await read(chunked(bytes, size));
      expect(problems).toEqual([{ code: "encoding-error", messageId: "default", rowNumber: 3001, line: 3001, data: { byte: "0xE9", offset, encoding: "utf-8" } }]);
      expect(records[3000]).toEqual([["3000", "Orl\uFFFDxans"], 3001, 3001]);
      expect(result.records).toBe(5001);
      expect(result.encoding).toBe("utf-8");
    }
  });

  it("detects windows-1252 when the first accent is beyond 300 KB", async () => {
    const prefix = "commune;code\n" + "Paris;75056\n".repeat(26_000);
    const latin = Uint8Array.from([...prefix, ..."Orl", 0xe9, ..."ans;45234\n"].map((c) => (typeof c === "string" ? c.charCodeAt(0) : c)));
    expect(prefix.length).toBeGreaterThan(300_000);
    const { records, problems, result } = await read(chunked(latin, 65_536));
    expect(problems).toEqual([]);
    expect(result.encoding).toBe("windows-1252");
    expect(records.at(-1)).toEqual([["Orléans", "45234"], 26_002, 26_002]);
  });

  it("strips a UTF-8 BOM from the first label", async () => {
    const { records, result } = await read(chunked(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8("nom,code\nx,1\n")]), 2));
    expect(records[0]?.[0]).toEqual(["nom", "code"]);
    expect(result.encoding).toBe("utf-8");
  });

  // As Excel and some exporters write it: a UTF-8 BOM, then a windows-1252 body (é is 0xE9), `;`.
  const bomThen1252 = Uint8Array.from([0xef, 0xbb, 0xbf, ...[..."ville;code\r\nOrl"].map((c) => c.charCodeAt(0)), 0xe9, ...[..."ans;45234\r\n"].map((c) => c.charCodeAt(0))]);

  it("reads a BOM followed by a windows-1252 body as windows-1252, without encoding errors", async () => {
    const { records, problems, result } = await read(chunked(bomThen1252, 5));
    expect(problems).toEqual([]);
    expect(result.encoding).toBe("windows-1252");
    expect(result.dialect.delimiter).toBe(";");
    expect(records.map(([cells]) => cells)).toEqual([
      ["ville", "code"],
      ["Orléans", "45234"],
    ]);
  });

  it.each(["windows-1252", "latin1", "utf-8"])("strips a BOM from the first label with --encoding %s", async (encoding) => {
    const { records } = await read(chunked(bomThen1252, 2), { encoding });
    expect(records[0]?.[0]).toEqual(["ville", "code"]);
  });

  it("reports an unterminated quote as a source-error on the record it opens (Quirk 15)", async () => {
    const text = 'a,b\n1,2\n3,"open\n4,5\n6,7\n';
    const { records, problems } = await read(chunked(utf8(text), 4));
    expect(records.map(([, rowNumber]) => rowNumber)).toEqual([1, 2, 3]);
    expect(records[2]?.[0]).toEqual(["3", "open\n4,5\n6,7\n"]);
    expect(problems).toEqual([{ code: "source-error", messageId: "unterminatedQuote", rowNumber: 3, line: 3, data: { line: 3 } }]);
  });

  it.each([
    { name: "zero bytes", bytes: new Uint8Array(0) },
    { name: "a BOM and nothing else", bytes: Uint8Array.from([0xef, 0xbb, 0xbf]) },
  ])("reports an empty source: $name", async ({ bytes }) => {
    const { records, problems, result } = await read(chunked(bytes, 10));
    expect(records).toEqual([]);
    expect(problems).toEqual([{ code: "source-error", messageId: "empty", data: { reason: "empty" } }]);
    expect(result.records).toBe(0);
  });

  // Signatures: PNG (RFC 2083), gzip (RFC 1952), zip local header (xlsx, ods), PDF, xls (OLE2).
  const gzipOf = (text: string) => new Uint8Array(gzipSync(Buffer.from(text)));
  it.each([
    { name: "PNG", bytes: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]), format: "PNG" },
    { name: "gzip of a CSV", bytes: gzipOf("id,nom\n1,a\n"), format: "gzip" },
    { name: "zip (xlsx)", bytes: utf8("PK\u0003\u0004\u0014\u0000\u0006\u0000[Content_Types].xml"), format: "zip (xlsx, ods…)" },
    { name: "PDF", bytes: utf8("%PDF-1.7\n%âãÏÓ\n1 0 obj"), format: "PDF" },
    { name: "xls", bytes: Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), format: "xls (OLE2)" },
  ])("refuses a binary file by its signature: $name", async ({ bytes, format }) => {
    for (const size of [1, 3, 4096]) {
      const { records, problems } = await read(chunked(bytes, size));
      expect(records).toEqual([]);
      expect(problems).toEqual([{ code: "source-error", messageId: "binary", data: { format, reason: "binary" } }]);
    }
  });

  it("stops pulling a binary source after its signature", async () => {
    let pulled = 0;
    async function* source(): AsyncGenerator<Uint8Array> {
      for (let k = 0; k < 1000; k++) {
        pulled++;
        yield k === 0 ? gzipOf("a,b\n") : new Uint8Array(1024);
      }
    }
    await read(source());
    expect(pulled).toBe(1);
  });

  it("reads a short text file that no signature matches", async () => {
    const { records, problems } = await read(chunked(utf8("a\n1\n"), 1));
    expect(records.map(([cells]) => cells)).toEqual([["a"], ["1"]]);
    expect(problems).toEqual([]);
  });

  it("reports the first NUL byte once, with its row and line, and reads on", async () => {
    const text = "id,nom\n1,a\n2,b\u0000c\n3,d\u0000\n";
    for (const size of [1, 5, 1000]) {
      const { records, problems } = await read(chunked(utf8(text), size));
      expect(records).toHaveLength(4);
      expect(records[2]?.[0]).toEqual(["2", "b\u0000c"]);
      expect(problems).toEqual([{ code: "source-error", messageId: "nulByte", rowNumber: 3, line: 3, data: { line: 3 } }]);
    }
  });

  it("reports UTF-16 without a BOM as NUL bytes", async () => {
    const bytes = new Uint8Array(Buffer.from("id;nom\r\n1;Dupont\r\n", "utf16le"));
    const { problems } = await read(chunked(bytes, 7));
    expect(problems.map((p) => `${p.code}/${p.messageId}`)).toEqual(["source-error/nulByte"]);
  });

  it("reads UTF-16 with its BOM without any problem", async () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from("id;nom\r\n1;Dupont\r\n", "utf16le")]);
    const { records, problems } = await read(chunked(bytes, 7));
    expect(problems).toEqual([]);
    expect(records.map(([cells]) => cells)).toEqual([
      ["id", "nom"],
      ["1", "Dupont"],
    ]);
  });

  it("cuts cells and rows at the given limits and reports them with their row", async () => {
    const text = `id,texte\n1,${"x".repeat(5000)}\n2,ok\n${"a,".repeat(3000)}b\n`;
    const { records, problems } = await read(chunked(utf8(text), 777), { maxCellLength: 100, maxRowLength: 1000 });
    expect(records.map(([cells]) => Math.max(...cells.map((cell) => cell.length)))).toEqual([5, 100, 2, 1]);
    expect(records[3]![0].join(",").length).toBeLessThanOrEqual(1000);
    expect(problems).toEqual([
      { code: "oversized-cell", messageId: "default", rowNumber: 2, line: 2, fieldNumber: 2, data: { length: 5000, limit: 100 } },
      { code: "oversized-row", messageId: "default", rowNumber: 4, line: 4, data: { length: 6001, limit: 1000 } },
    ]);
  });

  it("turns an I/O failure into a source-error instead of throwing", async () => {
    async function* failing(): AsyncGenerator<Uint8Array> {
      yield utf8("a,b\n1,2\n3,");
      throw new Error("EIO: disk gone");
    }
    const { records, problems } = await read(failing());
    expect(problems).toEqual([{ code: "source-error", messageId: "default", rowNumber: undefined, data: { detail: "EIO: disk gone", reason: "read" } }]);
    expect(records).toEqual([]);
  });

  it("reports an unknown encoding without throwing", async () => {
    const { problems, result } = await read(chunked(utf8("a\n"), 10), { encoding: "klingon" });
    expect(problems.map((p) => p.code)).toEqual(["source-error"]);
    expect(result.records).toBe(0);
  });

  it.each([{ delimiter: ";;" }, { quoteChar: "" }, { delimiter: "'", quoteChar: "'" }])("reports an unusable dialect %o without throwing", async (dialect) => {
    const { records, problems } = await read(chunked(utf8("a\n"), 10), { dialect });
    expect(problems.map((p) => [p.code, p.data.reason])).toEqual([["source-error", "dialect"]]);
    expect(records).toEqual([]);
  });

  it("lets an exception thrown by the sink propagate, after closing the source", async () => {
    let closed = false;
    async function* source(): AsyncGenerator<Uint8Array> {
      try {
        yield utf8("a\n");
        yield utf8("b\n");
      } finally {
        closed = true;
      }
    }
    const sink = {
      record: () => {
        throw new Error("bug in a check");
      },
      problem: () => {},
    };
    await expect(readTable(source(), { dialect: { delimiter: ",", quoteChar: '"', lineTerminator: "\n" } }, sink)).rejects.toThrow("bug in a check");
    expect(closed).toBe(true);
  });

  it("stops pulling from the source when the sink says so", async () => {
    let pulled = 0;
    let closed = false;
    async function* source(): AsyncGenerator<Uint8Array> {
      try {
        for (let i = 0; i < 1000; i++) {
          pulled++;
          yield utf8(`${i},x\n`.repeat(1000));
        }
      } finally {
        closed = true;
      }
    }
    const { records, result } = await read(source(), { dialect: { delimiter: ",", quoteChar: '"', lineTerminator: "\n" } }, 1500);
    expect(records).toHaveLength(1500);
    expect(result.stopped).toBe(true);
    expect(result.records).toBe(1500);
    expect(pulled).toBe(2);
    expect(closed).toBe(true);
  });

  it("reads a web ReadableStream and cancels it when stopped", async () => {
    let cancelled = false;
    let started = false;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(utf8(started ? "3|4\n".repeat(1000) : "a|b\n1|2\n"));
        started = true;
      },
      cancel() {
        cancelled = true;
      },
    });
    const { records, result } = await read(stream, {}, 2);
    expect(records).toEqual([
      [["a", "b"], 1, 1],
      [["1", "2"], 2, 2],
    ]);
    expect(result.dialect.delimiter).toBe("|");
    expect(cancelled).toBe(true);
  });

  it("uses the given dialect members and sniffs the others", async () => {
    const text = "a;b,c\r\n1;2,3\r\n";
    const given = await read(chunked(utf8(text), 100), { dialect: { delimiter: "," } });
    expect(given.records.map(([cells]) => cells)).toEqual([
      ["a;b", "c"],
      ["1;2", "3"],
    ]);
    expect(given.result.dialect).toEqual({ delimiter: ",", quoteChar: '"', lineTerminator: "\r\n" });
  });

  it("honours an explicit latin-1 encoding", async () => {
    const { records, result } = await read(chunked(Uint8Array.from([0x63, 0x0a, 0xe9, 0x0a]), 1), { encoding: "latin1" });
    expect(records.map(([cells]) => cells)).toEqual([["c"], ["é"]]);
    expect(result.encoding).toBe("iso-8859-1");
  });
});

// frictionless-py's own reports: record counts, sniffed delimiters and the empty-file error.
describeShared("readTable on the reference cases", () => {
  const casesDir = path.join(sharedDir, "reference", "cases");
  const ids = readdirSync(casesDir).sort();
  const tables = ids
    .map((id) => ({
      id,
      meta: JSON.parse(readFileSync(path.join(casesDir, id, "case.json"), "utf8")),
      expected: JSON.parse(readFileSync(path.join(casesDir, id, "expected.json"), "utf8")),
    }))
    .filter(({ meta }) => meta.kind === "table");

  it("has the table cases", () => {
    expect(tables.length).toBeGreaterThan(80);
  });

  for (const { id, meta, expected } of tables) {
    for (const encoding of [meta.cli.encoding as string, undefined]) {
      it(`${id} (${encoding ?? "detected encoding"})`, async () => {
        const bytes = readFileSync(path.join(casesDir, id, meta.data));
        const { records, problems, result } = await read(chunked(bytes, 4096), { encoding });
        const sourceErrors = expected.errors.filter((e: { type: string }) => e.type === "source-error" || e.type === "encoding-error");
        if (sourceErrors.length > 0) {
          expect(problems.map((p) => p.code)).toEqual(sourceErrors.map((e: { type: string }) => e.type));
          return;
        }
        // frictionless counts data rows; a case it did not read (resource-error) reports 0.
        if (expected.rows > 0) expect(result.records - 1).toBe(expected.rows);
        if (meta.dialect.delimiter) expect(result.dialect.delimiter).toBe(meta.dialect.delimiter);
        const blankRows = expected.errors.filter((e: { type: string }) => e.type === "blank-row").map((e: { rowNumber: number }) => e.rowNumber);
        const blank = records.filter(([cells]) => cells.every((c) => c === "")).map(([, rowNumber]) => rowNumber);
        expect(blank).toEqual(blankRows);
        if (meta.dialect.bom) expect(records[0]?.[0][0]?.charCodeAt(0)).not.toBe(0xfeff);
        expect(problems.filter((p) => p.code === "encoding-error")).toEqual([]);
      });
    }
  }
});
