import { describe, expect, it } from "vitest";
import { codeCatalog } from "./catalog.js";
import { findCode, OTHER_CODE_NAMES } from "./code-names.js";

// Codes with a page but outside the catalogue, as `conforme explain` passes them.
const pages = ["personal-data-email", "personal-data-phone", "metadata-datagouv-license", "metadata-mqa-license", "metadata-mqa-keyword"];

describe("findCode", () => {
  it.each([
    ["type-error", "type-error", false],
    ["personal-data-email", "personal-data-email", false],
    // Validata's recent names (check aliases) and its error codes.
    ["siret", "french-siret-value", true],
    ["siren", "french-siren-value", true],
    ["nomenclature-acte", "nomenclature-actes-value", true],
    // Validata's error codes conforme reports verbatim are codes of their own, with a page.
    ["nomenclature-actes", "nomenclature-actes", false],
    ["reversed-french-gps-coordinates", "reversed-french-gps-coordinates", false],
    ["missing-required-header", "missing-label", true],
    // frictionless v4 and goodtables.
    ["extra-header", "extra-label", true],
    ["non-matching-header", "incorrect-label", true],
    ["primary-key-error", "primary-key", true],
    ["type-or-format-error", "type-error", true],
    ["pattern-constraint", "constraint-error", true],
    ["blank-row-error", "blank-row", true],
    // Spelt otherwise.
    ["French_SIRET_Value", "french-siret-value", true],
    ["ForeignKeyError", "foreign-key", true],
    [" blank row ", "blank-row", true],
    // Without the family's prefix or suffix.
    ["email", "personal-data-email", true],
    ["keyword", "metadata-mqa-keyword", true],
    ["opening-hours", "opening-hours-value", true],
    ["phone-number", "phone-number-value", true],
  ])("%s -> %s", (name, code, isAlias) => {
    const found = findCode(name, pages);
    expect(found.code).toBe(code);
    expect("alias" in found && found.alias === name).toBe(isAlias);
  });

  it.each([
    ["license", ["metadata-datagouv-license", "metadata-mqa-license"]],
    ["no-such-code", []],
  ])("%s -> candidates %j", (name, candidates) => {
    expect(findCode(name, pages)).toEqual({ candidates });
  });

  it("never shadows a catalogued code with another name", () => {
    for (const { code } of codeCatalog()) expect(findCode(code)).toEqual({ code });
  });

  it("names only codes conforme reports", () => {
    const codes = new Set(codeCatalog().map((entry) => entry.code));
    for (const [name, code] of Object.entries(OTHER_CODE_NAMES)) expect(codes.has(code), `${name} -> ${code}`).toBe(true);
  });
});
