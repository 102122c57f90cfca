import type { Lang } from "../findings.js";
import type { MessageTemplate } from "../check.js";

/**
 * What `fixTable` changes, one id per kind, in the order a change list shows them: the file as a
 * whole, its header, then cell values. The value repairs keep the ids of the hints that suggest
 * the same value (`excelScientific`, `leadingZeros`, `frenchDate`, `decimalComma`,
 * `integerDecimals`, `booleanValues`, `enumCase`), so that a finding's `data.hint.id` names the
 * fix that repairs it.
 */
export const FIX_KINDS = {
  workbook: { fr: "feuille de classeur écrite en CSV", en: "workbook sheet written as CSV" },
  encoding: { fr: "encodage converti en UTF-8", en: "encoding converted to UTF-8" },
  bom: { fr: "marque d'ordre des octets (BOM) retirée", en: "byte order mark (BOM) removed" },
  delimiter: { fr: "séparateur remplacé par la virgule", en: "delimiter replaced by a comma" },
  lineEnding: { fr: "fins de ligne uniformisées", en: "line endings made uniform" },
  header: { fr: "nom de colonne aligné sur le schéma", en: "column name matched to the schema" },
  columnOrder: { fr: "colonnes remises dans l'ordre du schéma", en: "columns put in schema order" },
  missingCell: { fr: "cellule absente ajoutée, vide (colonnes réordonnées)", en: "missing cell added, empty (columns reordered)" },
  trim: { fr: "espaces retirés en début ou fin de valeur", en: "spaces removed around a value" },
  excelScientific: { fr: "notation scientifique remise en chiffres (valeur exacte)", en: "scientific notation written back as digits (exact value)" },
  leadingZeros: { fr: "zéros du début restitués", en: "leading zeros restored" },
  frenchDate: { fr: "date française mise au format ISO", en: "French date put in ISO format" },
  decimalComma: { fr: "virgule décimale remplacée par un point", en: "decimal comma replaced by a point" },
  integerDecimals: { fr: "décimales nulles retirées d'un entier", en: "zero decimals removed from an integer" },
  booleanValues: { fr: "booléen écrit avec les valeurs du schéma", en: "boolean written with the schema's values" },
  enumCase: { fr: "valeur de liste écrite comme dans le schéma (casse, accents, espaces)", en: "list value written as in the schema (case, accents, spaces)" },
  maskPersonal: { fr: "donnée personnelle masquée (--mask-personal)", en: "personal data masked (--mask-personal)" },
  removePersonalColumn: { fr: "colonne de données personnelles retirée (--mask-personal=column)", en: "personal-data column removed (--mask-personal=column)" },
} as const satisfies Record<string, MessageTemplate>;

export type FixKind = keyof typeof FIX_KINDS;

/** What `fixTable` saw and left alone, and why (docs/fix.md lists every refusal). */
export const FIX_NOTES = {
  headerNotRecognised: {
    fr: "en-tête non reconnu (moins de la moitié des colonnes portent un nom du schéma) : ni les noms, ni l'ordre, ni les valeurs ne sont corrigés",
    en: "header not recognised (fewer than half the columns bear a schema name): names, order and values are left as they are",
  },
  monthFirstDates: {
    fr: "colonne {fieldName} : {cells} date(s) laissées telles quelles, la colonne en écrit au format mois/jour (une date comme 12/31/2024), l'ordre jour/mois n'est pas sûr",
    en: "column {fieldName}: {cells} date(s) left as they are, the column writes some month first (a date like 12/31/2024), so day/month order is not certain",
  },
} as const satisfies Record<string, MessageTemplate>;

export type FixNoteId = keyof typeof FIX_NOTES;

/** The sentence of a kind of fix, in the given language. */
export function fixKindText(kind: FixKind, lang: Lang = "fr"): string {
  return FIX_KINDS[kind][lang];
}
