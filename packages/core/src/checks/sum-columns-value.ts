import { defineCheck, optionsSchema } from "../check.js";
import { cellDraft, isEmpty } from "./helpers.js";

export type SumColumnsOptions = { column: string; columns: string[] };

/** An integer from the engine's cast value or a raw cell of digits (Validata: `^\d+$` or int). */
function integerOf(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isInteger(value) ? value : undefined;
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "string" && /^\d+$/.test(value.trim())) return Number(value.trim());
  return undefined;
}

export const sumColumnsValue = defineCheck({
  id: "sum-columns-value",
  meta: {
    title: {
      fr: "Somme de colonnes",
      en: "Column sum",
    },
    fix: {
      fr: "Corrigez le total ou l'une des valeurs additionnées de la ligne.",
      en: "Correct the total or one of the row's added values.",
    },
    category: "custom",
    description: {
      fr: "Vérifie que, sur chaque ligne, la valeur d'une colonne est la somme des valeurs entières d'autres colonnes.",
      en: "Checks that, on each row, the value of one column is the sum of the integer values of other columns.",
    },
    severity: "error",
    messages: {
      notInteger: {
        fr: "Somme de colonnes incorrecte : les valeurs des colonnes {column} et {columns} doivent être des entiers pour vérifier la somme.",
        en: "Incorrect column sum: the values of columns {column} and {columns} must be integers to check the sum.",
      },
      mismatch: {
        fr: "Somme de colonnes incorrecte : la somme des colonnes {columns} vaut {sum}, différente de la valeur de la colonne {column} ({value}).",
        en: "Incorrect column sum: columns {columns} add up to {sum}, not the value of column {column} ({value}).",
      },
    },
    options: optionsSchema<SumColumnsOptions>({
      type: "object",
      required: ["column", "columns"],
      properties: {
        column: { type: "string", minLength: 1 },
        // Validata refuses fewer than two columns to add ("nombre de colonnes insuffisant").
        columns: { type: "array", minItems: 2, items: { type: "string", minLength: 1 } },
      },
    }),
  },
  create(context) {
    const { column, columns } = context.options;
    let table = context.table;
    return {
      header(read) {
        table = read;
      },
      row(row) {
        if (isEmpty(row, column) || columns.some((name) => isEmpty(row, name))) return;
        const total = integerOf(row.value(column));
        const parts = columns.map((name) => integerOf(row.value(name)));
        if (total === undefined || parts.some((part) => part === undefined)) {
          context.report(cellDraft(table, row, column, "sum-columns-value", "notInteger", { column, columns }));
          return;
        }
        const sum = parts.reduce<number>((acc, part) => acc + (part ?? 0), 0);
        if (sum !== total) {
          context.report(cellDraft(table, row, column, "sum-columns-value", "mismatch", { column, columns, sum, value: total }));
        }
      },
    };
  },
});
