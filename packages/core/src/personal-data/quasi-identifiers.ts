import { headerHas } from "./normalize.js";

/** Dimensions of quasi-identifiers (Etalab anonymisation guide; Sweeney 2000, k-anonymity). */
export type QuasiIdentifierKind = "birth" | "age" | "sex" | "place" | "profession" | "nationality" | "family";

/** Header words per dimension; a value test keeps headers like `age` honest. */
const QI_HEADERS: Record<QuasiIdentifierKind, readonly string[]> = {
  birth: ["date naissance", "date de naissance", "naissance", "ddn", "annee naissance", "annee de naissance", "mois naissance", "ne le", "dob", "birth"],
  age: ["age", "tranche age", "classe age", "tranche d age", "age revolu"],
  sex: ["sexe", "genre", "sex", "gender", "civilite"],
  place: [
    "code postal",
    "cp",
    "commune",
    "ville",
    "localite",
    "code commune",
    "code insee",
    "commune residence",
    "commune naissance",
    "lieu naissance",
    "iris",
    "quartier",
    "postcode",
  ],
  profession: ["profession", "metier", "emploi", "csp", "pcs", "categorie socioprofessionnelle", "categorie socio professionnelle", "activite professionnelle", "employeur"],
  nationality: ["nationalite", "pays naissance"],
  family: ["situation familiale", "situation matrimoniale", "nombre enfants", "nb enfants"],
};

/** Dimensions describing the person (not where they live): at least one is needed to single out. */
const PERSONAL_DIMENSIONS: ReadonlySet<QuasiIdentifierKind> = new Set(["birth", "age", "sex", "profession", "nationality", "family"]);

export function quasiIdentifierKind(label: string): QuasiIdentifierKind | undefined {
  for (const [kind, words] of Object.entries(QI_HEADERS) as [QuasiIdentifierKind, readonly string[]][]) {
    if (headerHas(label, words)) return kind;
  }
  return undefined;
}

export function singlesOut(kinds: readonly QuasiIdentifierKind[]): boolean {
  return kinds.length >= 2 && kinds.some((k) => PERSONAL_DIMENSIONS.has(k));
}

/**
 * 53-bit hash of a combination (two 32-bit FNV-1a with different offsets), so memory grows with
 * the number of distinct combinations, not with their text. A collision merges two groups, which
 * can only under-report risk by a negligible amount at open-data file sizes.
 */
export function hashCombination(values: readonly string[]): number {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (const value of values) {
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x01000193);
    }
    a = Math.imul(a ^ 0x1f, 0x01000193);
    b = Math.imul(b ^ 0x1e, 0x01000193);
  }
  return (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff);
}
