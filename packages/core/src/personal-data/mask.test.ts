import { describe, expect, it } from "vitest";
import { mask } from "./mask.js";
import type { PersonalDataKind } from "./types.js";

describe("mask", () => {
  const cases: [PersonalDataKind | "text", string, string][] = [
    ["email", "jean.dupont@example.fr", "j***@e***.fr"],
    ["phone", "06 12 34 56 78", "06 ** ** ** 78"],
    ["phone", "+33 6 12 34 56 78", "+33 6 ** ** ** 78"],
    ["nir", "1 84 03 75 112 005 95", "1 ** ** ** *** *** **"],
    ["nir", "2 69 05 2A 004 012 28", "2 ** ** ** *** *** **"],
    ["iban", "FR76 3000 6000 0112 3456 7890 189", "FR76 **** **** **** **** **** *89"],
    ["card", "4970 1012 3456 7893", "**** **** **** 7893"],
    ["person-name", "Jean-Pierre DUPONT", "J***-P*** D***"],
    ["person-name", "M. Jean Dupont", "M. J*** D***"],
    ["address", "12 rue des Lilas", "** rue des L***"],
    ["birth-date", "12/03/1984", "**/**/****"],
    ["plate", "AB-123-CD", "A*-***-**"],
    ["id-document", "12AB34567", "1********"],
    ["ip", "82.64.125.3", "82.*.*.*"],
    ["coordinates", "48.856613", "48.8***"],
  ];

  it.each(cases)("%s: %s → %s", (kind, value, expected) => {
    expect(mask(kind, value)).toBe(expected);
  });
});
