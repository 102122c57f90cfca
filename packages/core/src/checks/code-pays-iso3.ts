import { columnCheck, columnOptionsSchema, type ColumnOptions } from "./helpers.js";
import { countryCodeSets, loadCountryCodes } from "./reference-data.js";

export const codePaysIso3 = columnCheck<ColumnOptions>({
  id: "code-pays-iso3",
  meta: {
    category: "french",
    description: {
      fr: "Vérifie que la valeur est un code pays ISO 3166-1 alpha-3 (trois lettres majuscules, par exemple FRA).",
      en: "Checks that the value is an ISO 3166-1 alpha-3 country code (three capital letters, e.g. FRA).",
    },
    severity: "error",
    messages: {
      unknown: {
        fr: "La valeur de la colonne {column} n'est pas un code pays ISO 3166-1 alpha-3.",
        en: "The value of column {column} is not an ISO 3166-1 alpha-3 country code.",
      },
    },
    options: columnOptionsSchema(),
  },
  prepare: async () => {
    await loadCountryCodes();
  },
  compile: () => {
    const known = countryCodeSets().alpha3;
    return (raw) => (known.has(raw) ? undefined : { messageId: "unknown" });
  },
});
