/**
 * French reference lists, imported lazily: a file that uses none of the reference checks never
 * loads them. Only Sets of codes and names are derived and kept; the packages' JSON modules stay
 * in the module cache once imported (about 9 MB for communes, 4 MB for postal codes).
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

interface Area {
  code: string;
  nom: string;
  zone?: string;
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
 * which the COG lists apart.
 */
export function loadCog(): Promise<CogSets> {
  cog ??= Promise.all([
    import("@etalab/decoupage-administratif/data/communes.json", { with: { type: "json" } }),
    import("@etalab/decoupage-administratif/data/departements.json", { with: { type: "json" } }),
    import("@etalab/decoupage-administratif/data/regions.json", { with: { type: "json" } }),
  ]).then(([communesModule, departementsModule, regionsModule]) => {
    const communes = jsonOf<Area[]>(communesModule);
    const departements = jsonOf<Area[]>(departementsModule).filter((area) => area.zone !== "com");
    const regions = jsonOf<Area[]>(regionsModule).filter((area) => area.zone !== "com");
    cogLoaded = {
      communeCodes: new Set(communes.map((area) => area.code)),
      communeNames: new Set(communes.map((area) => area.nom)),
      departementCodes: new Set(departements.map((area) => area.code)),
      departementNames: new Set(departements.map((area) => area.nom)),
      regionCodes: new Set(regions.map((area) => area.code)),
      regionNames: new Set(regions.map((area) => area.nom)),
    };
    return cogLoaded;
  });
  return cog;
}

/** Postal codes in use (La Poste's base of postal codes, as packaged by codes-postaux). */
export function loadPostalCodes(): Promise<ReadonlySet<string>> {
  postalCodes ??= import("codes-postaux/codes-postaux.json", { with: { type: "json" } }).then((module) => {
    postalLoaded = new Set(jsonOf<{ codePostal: string }[]>(module).map((entry) => entry.codePostal));
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
export const countryCodeSets = (): { alpha2: ReadonlySet<string>; alpha3: ReadonlySet<string> } =>
  loaded(countriesLoaded, "Country codes");
