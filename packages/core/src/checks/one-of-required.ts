import { defineCheck, optionsSchema } from "../check.js";
import { isEmpty } from "./helpers.js";

/** `column1` and `column2` as the SCDL schemas write them; Validata's older docs called the first one `column`. */
export type OneOfRequiredOptions = { column1?: string; column?: string; column2: string };

export const oneOfRequired = defineCheck({
  id: "one-of-required",
  meta: {
    title: {
      fr: "Une valeur requise parmi deux colonnes",
      en: "One of two columns required",
    },
    fix: {
      fr: "Renseignez au moins l'une des deux colonnes sur chaque ligne.",
      en: "Fill in at least one of the two columns on each row.",
    },
    category: "custom",
    description: {
      fr: "Vérifie que, sur chaque ligne, au moins une des deux colonnes est renseignée.",
      en: "Checks that, on each row, at least one of the two columns holds a value.",
    },
    severity: "error",
    messages: {
      bothEmpty: {
        fr: "Un élément requis : au moins l'une des colonnes {column1} ou {column2} doit comporter une valeur.",
        en: "One value required: at least one of columns {column1} or {column2} must hold a value.",
      },
      bothMissing: {
        fr: "Un élément requis : les colonnes {column1} et {column2} sont toutes deux absentes du fichier ; l'une d'elles est requise.",
        en: "One value required: columns {column1} and {column2} are both absent from the file; one of them is required.",
      },
    },
    options: optionsSchema<OneOfRequiredOptions>({
      type: "object",
      required: ["column2"],
      anyOf: [{ required: ["column1"] }, { required: ["column"] }],
      properties: {
        column1: { type: "string", minLength: 1 },
        column: { type: "string", minLength: 1 },
        column2: { type: "string", minLength: 1 },
      },
    }),
  },
  create(context) {
    const column1 = context.options.column1 ?? context.options.column ?? "";
    const { column2 } = context.options;
    const data = { column1, column2 };
    let stopped = false;
    return {
      header(table) {
        if (table.fieldIndex(column1) < 0 && table.fieldIndex(column2) < 0) {
          stopped = true;
          context.report({ code: "one-of-required", messageId: "bothMissing", data });
        }
      },
      row(row) {
        // An absent column counts as empty: with one of the two absent, the other is required.
        if (stopped || !isEmpty(row, column1) || !isEmpty(row, column2)) return;
        // No `column` parameter: Validata reports on the row, naming both columns.
        context.report({ code: "one-of-required", messageId: "bothEmpty", data, rowNumber: row.rowNumber, line: row.line });
      },
    };
  },
});
