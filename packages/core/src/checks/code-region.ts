import { columnCheck, columnOptionsSchema, type ColumnOptions } from "./helpers.js";
import { cogSets, loadCog } from "./reference-data.js";

export const codeRegion = columnCheck<ColumnOptions>({
  id: "code-region",
  meta: {
    category: "french",
    description: {
      fr: "Vérifie que la valeur est un code de région du Code officiel géographique (par exemple 11 pour l'Île-de-France).",
      en: "Checks that the value is a region code of the Code officiel géographique (e.g. 11 for Île-de-France).",
    },
    severity: "error",
    messages: {
      unknown: {
        fr: "La valeur de la colonne {column} n'est pas un code de région du Code officiel géographique.",
        en: "The value of column {column} is not a region code of the Code officiel géographique.",
      },
    },
    options: columnOptionsSchema(),
  },
  prepare: async () => {
    await loadCog();
  },
  compile: () => {
    const known = cogSets().regionCodes;
    return (raw) => (known.has(raw) ? undefined : { messageId: "unknown" });
  },
});
