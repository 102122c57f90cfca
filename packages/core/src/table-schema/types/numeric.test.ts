import { describe, expect, it } from "vitest";
import { parseNumber } from "./numeric.js";

describe("parseNumber", () => {
  it.each([
    ["0", 0],
    ["-0", -0],
    ["-0.0", -0],
    ["1.", 1],
    [".5", 0.5],
    ["+7505.05", 7505.05],
    ["0.1", 0.1],
    ["0.30000000000000004", 0.30000000000000004],
    ["123456789012345", 123456789012345],
    // eslint-disable-next-line no-loss-of-precision -- the literal rounds as the parsed value must.
    ["1234567890123456789", 1234567890123456789],
    ["9007199254740993", 9007199254740992],
    ["1e3", 1000],
    ["  2.5 ", 2.5],
  ])("%s", (text, value) => {
    expect(Object.is(parseNumber(text), value)).toBe(true);
  });

  // The fast path (at most 15 digits, no exponent) must give exactly what Number() gives.
  it("equals Number() on 300,000 generated decimals", () => {
    let state = 7;
    const next = (k: number): number => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return (state >>> 8) % k;
    };
    const mismatches: string[] = [];
    for (let n = 0; n < 300_000; n++) {
      let text = next(4) === 0 ? "-" : "";
      const whole = next(9);
      for (let k = 0; k < whole; k++) text += String(next(10));
      const fraction = next(2) === 0 ? 0 : 1 + next(18);
      if (fraction > 0 || whole === 0) text += ".";
      for (let k = 0; k < fraction; k++) text += String(next(10));
      if (whole === 0 && fraction === 0) text += "0";
      const got = parseNumber(text);
      if (!Object.is(got, Number(text))) mismatches.push(text);
    }
    expect(mismatches).toEqual([]);
  });
});
