import { columnCheck, columnOptionsSchema, type ColumnOptions } from "./helpers.js";
import { postalCodeSet, loadPostalCodes } from "./reference-data.js";

export const codePostal = columnCheck<ColumnOptions>({
  id: "code-postal",
  meta: {
    category: "french",
    description: {
      fr: "Vérifie que la valeur est un code postal en usage (base officielle des codes postaux de La Poste).",
      en: "Checks that the value is a postal code in use (La Poste's official base of postal codes).",
    },
    severity: "error",
    messages: {
      unknown: {
        fr: "La valeur de la colonne {column} n'est pas un code postal en usage.",
        en: "The value of column {column} is not a postal code in use.",
      },
    },
    options: columnOptionsSchema(),
  },
  prepare: async () => {
    await loadPostalCodes();
  },
  compile: () => {
    const known = postalCodeSet();
    return (raw) => (known.has(raw) ? undefined : { messageId: "unknown" });
  },
});
