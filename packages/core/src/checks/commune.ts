import { columnCheck, columnOptionsSchema, type ColumnOptions } from "./helpers.js";
import { cogSets, loadCog } from "./reference-data.js";

export const commune = columnCheck<ColumnOptions>({
  id: "commune",
  meta: {
    category: "french",
    description: {
      fr: "Vérifie que la valeur est le nom officiel d'une commune du Code officiel géographique (avec majuscules et accents).",
      en: "Checks that the value is the official name of a commune of the Code officiel géographique (with capitals and accents).",
    },
    severity: "error",
    messages: {
      unknown: {
        fr: "La valeur de la colonne {column} n'est pas un nom de commune du Code officiel géographique.",
        en: "The value of column {column} is not a commune name of the Code officiel géographique.",
      },
    },
    options: columnOptionsSchema(),
  },
  prepare: async () => {
    await loadCog();
  },
  compile: () => {
    const known = cogSets().communeNames;
    return (raw) => (known.has(raw) ? undefined : { messageId: "unknown" });
  },
});
