import { columnCheck, columnOptionsSchema, type ColumnOptions } from "./helpers.js";
import { cogSets, loadCog } from "./reference-data.js";

export const codeCommuneInsee = columnCheck<ColumnOptions>({
  id: "code-commune-insee",
  meta: {
    category: "french",
    description: {
      fr: "Vérifie que la valeur est un code commune INSEE du Code officiel géographique (5 caractères, par exemple 75056 ou 2A004).",
      en: "Checks that the value is an INSEE commune code of the Code officiel géographique (5 characters, e.g. 75056 or 2A004).",
    },
    severity: "error",
    messages: {
      unknown: {
        fr: "La valeur de la colonne {column} n'est pas un code commune INSEE connu du Code officiel géographique.",
        en: "The value of column {column} is not an INSEE commune code known to the Code officiel géographique.",
      },
    },
    options: columnOptionsSchema(),
  },
  prepare: async () => {
    await loadCog();
  },
  compile: () => {
    const known = cogSets().communeCodes;
    return (raw) => (known.has(raw) ? undefined : { messageId: "unknown" });
  },
});
