import type { Lang } from "../../findings.js";

interface CodeHint {
  title: Record<Lang, string>;
  fix: Record<Lang, string>;
}

// Titles follow frictionless-py's error titles (frictionless/errors/*.py) and Validata's custom
// checks; fixes are ours. Codes not listed fall back to the finding's own message and the docs link.
const HINTS: Record<string, CodeHint> = {
  "type-error": {
    title: { fr: "Type ou format incorrect", en: "Type error" },
    fix: {
      fr: "Écrivez la valeur dans le type et le format attendus par le schéma (date AAAA-MM-JJ, nombre avec un point décimal, booléen true/false…).",
      en: "Write the value in the type and format the schema expects (date YYYY-MM-DD, number with a decimal point, boolean true/false…).",
    },
  },
  "constraint-error": {
    title: { fr: "Contrainte non respectée", en: "Constraint error" },
    fix: {
      fr: "Corrigez la valeur pour respecter la contrainte du champ : valeur obligatoire, liste de valeurs autorisées, motif, bornes ou longueur.",
      en: "Correct the value to meet the field's constraint: required value, allowed values, pattern, bounds or length.",
    },
  },
  "missing-cell": {
    title: { fr: "Cellule manquante", en: "Missing cell" },
    fix: {
      fr: "Ajoutez les séparateurs manquants : chaque ligne doit avoir autant de cellules que l'en-tête.",
      en: "Add the missing delimiters: every row must have as many cells as the header.",
    },
  },
  "extra-cell": {
    title: { fr: "Cellule en trop", en: "Extra cell" },
    fix: {
      fr: "Supprimez la cellule en trop ou entourez de guillemets la valeur qui contient le séparateur.",
      en: "Remove the extra cell or quote the value that contains the delimiter.",
    },
  },
  "blank-row": {
    title: { fr: "Ligne vide", en: "Blank row" },
    fix: { fr: "Supprimez la ligne vide.", en: "Remove the blank row." },
  },
  "missing-label": {
    title: { fr: "Colonne manquante", en: "Missing label" },
    fix: {
      fr: "Ajoutez la colonne attendue par le schéma, avec exactement le nom indiqué.",
      en: "Add the column the schema expects, with exactly the name it gives.",
    },
  },
  "extra-label": {
    title: { fr: "Colonne inconnue du schéma", en: "Extra label" },
    fix: {
      fr: "Supprimez la colonne ou renommez-la comme un champ du schéma.",
      en: "Remove the column or rename it after a schema field.",
    },
  },
  "incorrect-label": {
    title: { fr: "Nom de colonne incorrect", en: "Incorrect label" },
    fix: {
      fr: "Renommez la colonne exactement comme le champ du schéma (casse et accents compris) et respectez l'ordre des champs.",
      en: "Rename the column exactly as the schema field (case and accents included) and keep the field order.",
    },
  },
  "duplicate-label": {
    title: { fr: "Colonne en double", en: "Duplicate label" },
    fix: { fr: "Supprimez ou renommez la colonne en double.", en: "Remove or rename the duplicate column." },
  },
  "blank-header": {
    title: { fr: "En-tête vide", en: "Blank header" },
    fix: { fr: "La première ligne doit contenir les noms des colonnes.", en: "The first row must hold the column names." },
  },
  "unique-error": {
    title: { fr: "Valeur en double", en: "Unique error" },
    fix: { fr: "Chaque valeur de cette colonne doit être unique : corrigez le doublon.", en: "Every value of this column must be unique: fix the duplicate." },
  },
  "primary-key": {
    title: { fr: "Clé primaire en double", en: "Primary key error" },
    fix: { fr: "La combinaison des colonnes de la clé doit être unique : corrigez le doublon.", en: "The key columns together must be unique: fix the duplicate." },
  },
  "foreign-key": {
    title: { fr: "Référence introuvable", en: "Foreign key error" },
    fix: { fr: "La valeur doit exister dans la table référencée.", en: "The value must exist in the referenced table." },
  },
  "encoding-error": {
    title: { fr: "Encodage incorrect", en: "Encoding error" },
    fix: { fr: "Enregistrez le fichier en UTF-8.", en: "Save the file as UTF-8." },
  },
  "source-error": {
    title: { fr: "Fichier illisible", en: "Source error" },
    fix: { fr: "Vérifiez que le fichier existe et qu'il s'agit bien d'un CSV.", en: "Check that the file exists and is a CSV." },
  },
  "french-siret-value": {
    title: { fr: "Numéro SIRET invalide", en: "Invalid SIRET number" },
    fix: {
      fr: "Saisissez les 14 chiffres du SIRET sans espace ; la clé de Luhn doit être juste (vérifiable sur annuaire-entreprises.data.gouv.fr).",
      en: "Enter the 14 digits of the SIRET without spaces; the Luhn check digit must be right.",
    },
  },
};

export function codeTitle(code: string, lang: Lang): string | undefined {
  return HINTS[code]?.title[lang];
}

export function codeFix(code: string, lang: Lang): string | undefined {
  return HINTS[code]?.fix[lang];
}
