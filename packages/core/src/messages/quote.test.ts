import { describe, expect, it } from "vitest";
import { MAX_QUOTED_LENGTH, quote, quoteValue } from "./quote.js";

// Valid values (NIR key, IBAN mod 97, Luhn with a Visa prefix, a mobile number), each written
// with and without spaces: none may survive quoting, in any writing.
const personal: Array<[string, string]> = [
  ["NIR", "1 84 03 75 112 005 95"],
  ["NIR", "184037511200595"],
  ["NIR (Corsica)", "2 69 05 2A 004 012 28"],
  ["IBAN", "FR76 3000 6000 0112 3456 7890 189"],
  ["IBAN", "FR7630006000011234567890189"],
  ["card", "4970 1012 3456 7893"],
  ["card", "4970101234567893"],
  ["e-mail", "jeanne.dupontel@gmail.com"],
  ["mobile", "06 12 34 56 78"],
  ["mobile", "0612345678"],
  ["mobile", "+33 6 12 34 56 78"],
];

/** Digits and letters of the value, as a search would compact them. */
const compact = (value: string) => value.replace(/[\s.\-()]/g, "");

describe("quote", () => {
  it.each(personal)("masks a %s alone: %s", (_, value) => {
    const quoted = quote(value);
    expect(quoted.masked).toBe(true);
    expect(quoted.text).not.toContain(value);
    expect(compact(quoted.text)).not.toContain(compact(value));
    expect(quoted.text).toContain("*");
  });

  it.each(personal)("masks a %s inside text: %s", (_, value) => {
    const text = `Remboursement à verser, référence ${value}, avant fin de mois`;
    const quoted = quoteValue(text);
    expect(compact(quoted)).not.toContain(compact(value));
    // The words around stay readable.
    expect(quoted).toContain("Remboursement à verser, référence");
    expect(quoted).toContain("avant fin de mois");
  });

  it("masks a name after a civility in text", () => {
    const quoted = quoteValue("Rappeler Mme Odile Vasseur au 06 98 76 54 32 avant le versement");
    expect(quoted).not.toMatch(/Odile|Vasseur|98 76 54/);
    expect(quoted).toContain("Rappeler Mme");
  });

  it.each(["12k€", "Saint-Aubin-sur-Loire", "2024-13-45", "mairie@ville-exemple.fr", "35600000012345", "", "  "])("keeps a public value as it is: %j", (value) => {
    expect(quote(value)).toEqual({ text: value, masked: false, cut: false });
  });

  it("cuts a long value to the bound with an ellipsis", () => {
    const quoted = quote("x".repeat(1024 * 1024));
    expect(quoted.cut).toBe(true);
    expect(quoted.text).toBe(`${"x".repeat(MAX_QUOTED_LENGTH)}…`);
  });

  it("masks a personal value straddling the cut", () => {
    const value = `${"a ".repeat(95)}tél. 06 12 34 56 78 ${"b".repeat(500)}`;
    const quoted = quoteValue(value);
    expect(quoted.length).toBe(MAX_QUOTED_LENGTH + 1);
    expect(compact(quoted)).not.toMatch(/0612|1234|3456/);
  });

  it("never leaves half a surrogate pair at the cut", () => {
    const quoted = quoteValue(`${"a".repeat(MAX_QUOTED_LENGTH - 1)}😀😀`);
    expect(quoted).toBe(`${"a".repeat(MAX_QUOTED_LENGTH - 1)}…`);
  });

  it("is stable: quoting a quoted value changes nothing", () => {
    for (const [, value] of personal) expect(quoteValue(quoteValue(value))).toBe(quoteValue(value));
  });
});
