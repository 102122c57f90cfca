import { defineCheck, optionsSchema } from "../check.js";
import { cellDraft, isEmpty } from "./helpers.js";

export const OPERATORS = [">", ">=", "==", "<=", "<"] as const;
export type Operator = (typeof OPERATORS)[number];
export type CompareColumnsOptions = { column: string; column2: string; op: Operator };

/** A value reduced to what can be compared: its kind, and a number or a string. */
type Operand = { kind: string; key: number | string };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Numbers (and numeric strings) compare as numbers, other strings lexicographically, as in
 * Validata's `compute_comparison_str`. Dates compare in time whether the engine hands a Date or the
 * raw ISO string (Validata compares two dates through their ISO text, which orders the same way).
 * Any other pair of different kinds is not comparable.
 */
export function operand(value: unknown): Operand {
  if (typeof value === "number" || typeof value === "bigint") return { kind: "number", key: Number(value) };
  if (value instanceof Date) return { kind: "date", key: value.getTime() };
  if (typeof value === "string") {
    const text = value.trim();
    if (text !== "" && Number.isFinite(Number(text))) return { kind: "number", key: Number(text) };
    if (ISO_DATE.test(text)) {
      const time = Date.parse(text.length === 10 ? `${text}T00:00:00Z` : text);
      if (Number.isFinite(time)) return { kind: "date", key: time };
    }
    return { kind: "string", key: value };
  }
  const kind = value !== null && typeof value === "object" ? (value.constructor?.name ?? "object") : typeof value;
  return { kind, key: String(value) };
}

/** The comparison's result, or undefined when the two values are not comparable. */
export function compare(a: unknown, op: Operator, b: unknown): boolean | undefined {
  const left = operand(a);
  const right = operand(b);
  if (left.kind !== right.kind) return undefined;
  const x = left.key;
  const y = right.key;
  switch (op) {
    case ">":
      return x > y;
    case ">=":
      return x >= y;
    case "==":
      return x === y;
    case "<=":
      return x <= y;
    case "<":
      return x < y;
  }
}

const OP_LABELS: Record<Operator, { fr: string; en: string }> = {
  ">": { fr: "supérieure", en: "greater than" },
  ">=": { fr: "supérieure ou égale", en: "greater than or equal to" },
  "==": { fr: "égale", en: "equal to" },
  "<=": { fr: "inférieure ou égale", en: "less than or equal to" },
  "<": { fr: "inférieure", en: "less than" },
};

export const compareColumnsValue = defineCheck({
  id: "compare-columns-value",
  meta: {
    title: {
      fr: "Comparaison de colonnes",
      en: "Column comparison",
    },
    fix: {
      fr: "Corrigez l'une des deux valeurs de la ligne pour que la comparaison attendue soit vraie (une date de fin après la date de début, par exemple).",
      en: "Correct one of the row's two values so that the expected comparison holds (an end date after the start date, for instance).",
    },
    category: "custom",
    description: {
      fr: "Compare, sur chaque ligne, la valeur d'une colonne à celle d'une autre (>, >=, ==, <=, <) : nombres, dates ou textes.",
      en: "Compares, on each row, the value of one column with another's (>, >=, ==, <=, <): numbers, dates or text.",
    },
    severity: "error",
    messages: {
      comparison: {
        fr: "Erreur de comparaison : la valeur de la colonne {column} ({value}) devrait être {opFr} à la valeur de la colonne {column2} ({value2}).",
        en: "Comparison error: the value of column {column} ({value}) should be {opEn} the value of column {column2} ({value2}).",
      },
      notComparable: {
        fr: "Valeurs non comparables : la valeur de la colonne {column} ({value}) n'est pas comparable avec la valeur de la colonne {column2} ({value2}).",
        en: "Values not comparable: the value of column {column} ({value}) cannot be compared with the value of column {column2} ({value2}).",
      },
    },
    options: optionsSchema<CompareColumnsOptions>({
      type: "object",
      required: ["column", "column2", "op"],
      properties: {
        column: { type: "string", minLength: 1 },
        column2: { type: "string", minLength: 1 },
        op: { enum: [...OPERATORS] },
      },
    }),
  },
  create(context) {
    const { column, column2, op } = context.options;
    let table = context.table;
    return {
      header(read) {
        table = read;
      },
      row(row) {
        if (isEmpty(row, column) || isEmpty(row, column2)) return;
        const result = compare(row.value(column), op, row.value(column2));
        if (result === true) return;
        const data = { column, column2, op, opFr: OP_LABELS[op].fr, opEn: OP_LABELS[op].en, value: row.get(column), value2: row.get(column2) };
        context.report(cellDraft(table, row, column, "compare-columns-value", result === undefined ? "notComparable" : "comparison", data));
      },
    };
  },
});
