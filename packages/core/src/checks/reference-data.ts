/**
 * French reference lists, imported lazily: a file that uses none of the reference checks never
 * loads them. The lists are trimmed at generation time to the codes and names compared here
 * (packages/core/data, about 1.2 MB), so the packages' other data is neither installed nor loaded.
 *
 * Vintages (see docs/checks/*.md): @etalab/decoupage-administratif 6.0.0 = Code officiel
 * géographique (COG) INSEE 2026; codes-postaux 4.1.2 (published 2025-10) = La Poste / COG;
 * i18n-iso-countries 7.14.0 (published 2025-07) = ISO 3166-1.
 */

export interface CogSets {
  communeCodes: ReadonlySet<string>;
  communeNames: ReadonlySet<string>;
  departementCodes: ReadonlySet<string>;
  departementNames: ReadonlySet<string>;
  regionCodes: ReadonlySet<string>;
  regionNames: ReadonlySet<string>;
}

let cog: Promise<CogSets> | undefined;
let cogLoaded: CogSets | undefined;
let postalCodes: Promise<ReadonlySet<string>> | undefined;
let postalLoaded: ReadonlySet<string> | undefined;
let countries: Promise<{ alpha2: ReadonlySet<string>; alpha3: ReadonlySet<string> }> | undefined;
let countriesLoaded: { alpha2: ReadonlySet<string>; alpha3: ReadonlySet<string> } | undefined;

/** Default export of a JSON module, whatever the loader's interop does with it. */
function jsonOf<T>(module: unknown): T {
  const value = (module as { default?: unknown }).default ?? module;
  return value as T;
}

/**
 * Communes (current communes, delegated and associated communes, municipal arrondissements of
 * Paris, Lyon, Marseille, and the communes of the overseas collectivities), departments and
 * regions of the COG. Departments and regions exclude the overseas collectivities (zone `com`),
 * which the COG lists apart. `data/cog.json` is trimmed from the npm package by
 * `scripts/reference-data.mjs` (codes and names only).
 */
export function loadCog(): Promise<CogSets> {
  cog ??= import("../../data/cog.json", { with: { type: "json" } }).then((module) => {
    const lists = jsonOf<Record<keyof CogSets, string[]>>(module);
    cogLoaded = {
      communeCodes: new Set(lists.communeCodes),
      communeNames: new Set(lists.communeNames),
      departementCodes: new Set(lists.departementCodes),
      departementNames: new Set(lists.departementNames),
      regionCodes: new Set(lists.regionCodes),
      regionNames: new Set(lists.regionNames),
    };
    return cogLoaded;
  });
  return cog;
}

/** Postal codes in use (La Poste's base of postal codes, as packaged by codes-postaux, trimmed to the codes). */
export function loadPostalCodes(): Promise<ReadonlySet<string>> {
  postalCodes ??= import("../../data/postal-codes.json", { with: { type: "json" } }).then((module) => {
    postalLoaded = new Set(jsonOf<{ codes: string[] }>(module).codes);
    return postalLoaded;
  });
  return postalCodes;
}

/** ISO 3166-1 alpha-2 and alpha-3 codes (officially assigned ones), from i18n-iso-countries. */
export function loadCountryCodes(): Promise<{ alpha2: ReadonlySet<string>; alpha3: ReadonlySet<string> }> {
  countries ??= import("i18n-iso-countries/codes.json", { with: { type: "json" } }).then((module) => {
    const rows = jsonOf<string[][]>(module);
    countriesLoaded = {
      alpha2: new Set(rows.map((row) => row[0] ?? "")),
      alpha3: new Set(rows.map((row) => row[1] ?? "")),
    };
    return countriesLoaded;
  });
  return countries;
}

function loaded<T>(value: T | undefined, what: string): T {
  // The engine awaits `prepare` before `create`: reaching this without data is a programming error.
  if (value === undefined) throw new Error(`${what} not loaded: await the check's prepare() first`);
  return value;
}

export const cogSets = (): CogSets => loaded(cogLoaded, "COG lists");
export const postalCodeSet = (): ReadonlySet<string> => loaded(postalLoaded, "Postal codes");
export const countryCodeSets = (): { alpha2: ReadonlySet<string>; alpha3: ReadonlySet<string> } => loaded(countriesLoaded, "Country codes");
