import { defineCheck, optionsSchema } from "../check.js";
import { cellDraft, isEmpty } from "./helpers.js";

export type CohesiveColumnsOptions = { column: string; othercolumns: string[] };

export const cohesiveColumnsValue = defineCheck({
  id: "cohesive-columns-value",
  meta: {
    title: {
      fr: "Colonnes solidaires",
      en: "Cohesive columns",
    },
    fix: {
      fr: "Renseignez toutes les colonnes liées de la ligne, ou laissez-les toutes vides.",
      en: "Fill in all the linked columns of the row, or leave them all empty.",
    },
    category: "custom",
    description: {
      fr: "Vérifie que, sur chaque ligne, les colonnes liées sont toutes renseignées ou toutes vides.",
      en: "Checks that, on each row, the linked columns are either all filled in or all empty.",
    },
    severity: "error",
    messages: {
      notCohesive: {
        fr: "Colonnes non solidaires : les colonnes {columns} doivent toutes comporter une valeur ou toutes être vides.",
        en: "Columns not cohesive: columns {columns} must all hold a value or all be empty.",
      },
      missingColumns: {
        fr: "Colonnes non solidaires : parmi {columns}, les colonnes {missing} sont absentes du fichier alors que les autres sont présentes.",
        en: "Columns not cohesive: among {columns}, columns {missing} are absent from the file while the others are present.",
      },
    },
    options: optionsSchema<CohesiveColumnsOptions>({
      type: "object",
      required: ["column", "othercolumns"],
      properties: {
        column: { type: "string", minLength: 1 },
        othercolumns: { type: "array", minItems: 1, items: { type: "string", minLength: 1 } },
      },
    }),
  },
  create(context) {
    const { column, othercolumns } = context.options;
    const columns = [column, ...othercolumns];
    let table = context.table;
    // Validata stops the check after reporting columns partly absent (validata_core.domain.check).
    let stopped = false;
    return {
      header(read) {
        table = read;
        const missing = columns.filter((name) => read.fieldIndex(name) < 0);
        if (missing.length > 0 && missing.length < columns.length) {
          stopped = true;
          context.report({ code: "cohesive-columns-value", messageId: "missingColumns", data: { columns, missing }, fieldName: column });
        }
      },
      row(row) {
        if (stopped) return;
        // Not skipped on empty values: emptiness is what this check is about.
        const firstEmpty = isEmpty(row, column);
        if (othercolumns.some((name) => isEmpty(row, name) !== firstEmpty)) {
          context.report(cellDraft(table, row, column, "cohesive-columns-value", "notCohesive", { column, columns }));
        }
      },
    };
  },
});
