import { describe, expect, it } from "vitest";
import { sniffDialect } from "./sniff.js";

const rows = (header: string, row: (i: number) => string, n = 30, eol = "\n"): string => [header, ...Array.from({ length: n }, (_, i) => row(i + 1))].join(eol) + eol;

describe("sniffDialect", () => {
  it.each([
    { name: "comma", sample: rows("a,b,c", (i) => `${i},x,y`), delimiter: "," },
    { name: "semicolon", sample: rows("a;b;c", (i) => `${i};x;y`), delimiter: ";" },
    { name: "tab", sample: rows("a\tb\tc", (i) => `${i}\tx\ty`), delimiter: "\t" },
    { name: "pipe", sample: rows("a|b|c", (i) => `${i}|x|y`), delimiter: "|" },
    { name: "semicolon with decimal commas in cells", sample: rows("nom;montant;taux", (i) => `n${i};1 234,${i};0,5`), delimiter: ";" },
    { name: "semicolon with addresses holding commas (mut-47)", sample: rows("nom;adresse", (i) => `A${i};${i}, rue X`), delimiter: ";" },
    { name: "semicolon with quoted cells holding commas", sample: rows("a;b", (i) => `${i};"x, y, z"`), delimiter: ";" },
    { name: "comma with quoted cells holding semicolons", sample: rows("a,b,c", (i) => `${i},"x;y;z",w`), delimiter: "," },
    { name: "one column gives comma", sample: rows("nom", (i) => `valeur ${i}`), delimiter: "," },
    { name: "empty sample gives comma", sample: "", delimiter: "," },
    { name: "single header line", sample: "a;b;c", delimiter: ";" },
    { name: "comma wins a tie", sample: rows("a,b;c", (i) => `${i},x;y`), delimiter: "," },
    { name: "ragged rows still sniffed", sample: rows("a;b;c", (i) => (i % 15 === 0 ? `${i};x` : `${i};x;y`), 40), delimiter: ";" },
  ])("$name -> $delimiter", ({ sample, delimiter }) => {
    const dialect = sniffDialect(sample);
    expect(dialect.delimiter).toBe(delimiter);
    expect(dialect.quoteChar).toBe('"');
  });

  it("forces a sniffed single quote to a double quote, as frictionless does", () => {
    expect(sniffDialect(rows("a;b", (i) => `${i};'x;y'`))).toEqual({ delimiter: ";", quoteChar: '"', lineTerminator: "\n" });
  });

  it.each([
    { sample: "a,b\r\n1,2\r\n", lineTerminator: "\r\n" },
    { sample: "a,b\n1,2\n", lineTerminator: "\n" },
    { sample: "a,b", lineTerminator: "\n" },
  ])("line terminator $lineTerminator", ({ sample, lineTerminator }) => {
    expect(sniffDialect(sample).lineTerminator).toBe(lineTerminator);
  });

  it("looks at the first 100 lines only", () => {
    const sample = rows("a;b", (i) => `${i};x`, 99) + rows("a,b,c", (i) => `${i},x,y`, 500);
    expect(sniffDialect(sample).delimiter).toBe(";");
  });
});
