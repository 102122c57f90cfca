import { describe, expect, it } from "vitest";
import { pythonCsv, pythonLines } from "./python-csv.js";

// Each expected value is what CPython 3.11 printed for
// list(csv.reader(io.StringIO(text, newline=""))) with the default comma dialect.
const CASES: [string, string[][]][] = [
  ["a,b\n", [["a", "b"]]],
  ['a,"b\nc",d\r\ne', [["a", "b\nc", "d"], ["e"]]],
  ['"ab"c,"x""y"', [["abc", 'x"y']]],
  ["a\r\rb\n\n", [["a"], [], ["b"], []]],
  ['"open', [["open"]]],
  ['a,"', [["a", ""]]],
  ['x"y",z', [['x"y"', "z"]]],
  [
    ",\r\n,",
    [
      ["", ""],
      ["", ""],
    ],
  ],
  ['"a""', [['a"']]],
  ['"""', [['"']]],
  ["", []],
];

describe("the reference model of Python's csv.reader", () => {
  it.each(CASES)("reads %j as Python does", (text, records) => {
    expect(pythonCsv(text, { delimiter: ",", quotechar: '"' }).records).toEqual(records);
  });

  it("says when a quoted field is left open", () => {
    expect(pythonCsv('a,"b\nc', { delimiter: ",", quotechar: '"' }).unterminated).toBe(true);
    expect(pythonCsv('a,"b"\nc', { delimiter: ",", quotechar: '"' }).unterminated).toBe(false);
  });

  it("splits lines as a newline='' file does", () => {
    expect(pythonLines("a\r\nb\rc\n\nd")).toEqual(["a\r\n", "b\r", "c\n", "\n", "d"]);
  });
});
