import { columnCheck, columnOptionsSchema, type ColumnOptions } from "./helpers.js";
import { cogSets, loadCog } from "./reference-data.js";

export const codeDepartement = columnCheck<ColumnOptions>({
  id: "code-departement",
  meta: {
    category: "french",
    description: {
      fr: "Vérifie que la valeur est un code de département du Code officiel géographique (01 à 95, 2A, 2B, 971 à 976).",
      en: "Checks that the value is a department code of the Code officiel géographique (01 to 95, 2A, 2B, 971 to 976).",
    },
    severity: "error",
    messages: {
      unknown: {
        fr: "La valeur de la colonne {column} n'est pas un code de département du Code officiel géographique.",
        en: "The value of column {column} is not a department code of the Code officiel géographique.",
      },
    },
    options: columnOptionsSchema(),
  },
  prepare: async () => {
    await loadCog();
  },
  compile: () => {
    const known = cogSets().departementCodes;
    return (raw) => (known.has(raw) ? undefined : { messageId: "unknown" });
  },
});
