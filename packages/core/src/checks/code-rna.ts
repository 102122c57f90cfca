import { columnCheck, columnOptionsSchema } from "./helpers.js";

/**
 * Number of the Répertoire national des associations: "W" and 9 digits (format published with the
 * RNA and used by fr-format's `CodeRNA` and the SCDL subventions schema). Associations registered
 * before the RNA (2010) keep a Waldec number of this form; older prefecture numbers are out of scope.
 */
const RNA = /^W\d{9}$/;

export const codeRna = columnCheck({
  id: "code-rna",
  meta: {
    title: {
      fr: "Numéro RNA d'association",
      en: "RNA association number",
    },
    fix: {
      fr: "Écrivez le numéro RNA de l'association : W suivi de 9 chiffres (W751234567).",
      en: "Write the association's RNA number: W followed by 9 digits (W751234567).",
    },
    category: "french",
    description: {
      fr: "Vérifie que la valeur est un numéro RNA d'association (W suivi de 9 chiffres, par exemple W751234567).",
      en: "Checks that the value is an RNA association number (W followed by 9 digits, e.g. W751234567).",
    },
    severity: "error",
    messages: {
      format: {
        fr: "La valeur de la colonne {column} n'est pas un numéro RNA : attendu W suivi de 9 chiffres (par exemple W751234567).",
        en: "The value of column {column} is not an RNA number: expected W followed by 9 digits (e.g. W751234567).",
      },
    },
    options: columnOptionsSchema(),
  },
  compile: () => (raw) => (RNA.test(raw) ? undefined : { messageId: "format" }),
});
