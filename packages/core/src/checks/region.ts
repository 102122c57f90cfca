import { columnCheck, columnOptionsSchema, type ColumnOptions } from "./helpers.js";
import { cogSets, loadCog } from "./reference-data.js";

export const region = columnCheck<ColumnOptions>({
  id: "region",
  meta: {
    category: "french",
    description: {
      fr: "Vérifie que la valeur est le nom officiel d'une région du Code officiel géographique.",
      en: "Checks that the value is the official name of a region of the Code officiel géographique.",
    },
    severity: "error",
    messages: {
      unknown: {
        fr: "La valeur de la colonne {column} n'est pas un nom de région du Code officiel géographique.",
        en: "The value of column {column} is not a region name of the Code officiel géographique.",
      },
    },
    options: columnOptionsSchema(),
  },
  prepare: async () => {
    await loadCog();
  },
  compile: () => {
    const known = cogSets().regionNames;
    return (raw) => (known.has(raw) ? undefined : { messageId: "unknown" });
  },
});
