import { columnCheck, columnOptionsSchema, type ColumnOptions } from "./helpers.js";
import { countryCodeSets, loadCountryCodes } from "./reference-data.js";

export const codePaysIso2 = columnCheck<ColumnOptions>({
  id: "code-pays-iso2",
  meta: {
    category: "french",
    description: {
      fr: "Vérifie que la valeur est un code pays ISO 3166-1 alpha-2 (deux lettres majuscules, par exemple FR).",
      en: "Checks that the value is an ISO 3166-1 alpha-2 country code (two capital letters, e.g. FR).",
    },
    severity: "error",
    messages: {
      unknown: {
        fr: "La valeur de la colonne {column} n'est pas un code pays ISO 3166-1 alpha-2.",
        en: "The value of column {column} is not an ISO 3166-1 alpha-2 country code.",
      },
    },
    options: columnOptionsSchema(),
  },
  prepare: async () => {
    await loadCountryCodes();
  },
  compile: () => {
    const known = countryCodeSets().alpha2;
    return (raw) => (known.has(raw) ? undefined : { messageId: "unknown" });
  },
});
