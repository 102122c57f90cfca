import type { MessageTemplate } from "../check.js";
import type { FieldDescriptor } from "../table-schema/descriptor.js";

/**
 * A sentence to add after a type-error or constraint-error message, telling how to fix the value,
 * in the spirit of Validata's French messages (validata_core `fr_locale`): a French date gets its
 * ISO form, a decimal comma its point, a pattern the field's description and example.
 *
 * `data` is the finding's data with its `cell` (the raw value) merged in. Returns undefined when
 * there is nothing useful to add. The hint quotes the cell, so callers must not use it for cells
 * that are masked as personal data.
 */
export function hintFor(code: string, data: Readonly<Record<string, unknown>>, field: FieldDescriptor | undefined): MessageTemplate | undefined {
  const cell = typeof data.cell === "string" ? data.cell.trim() : undefined;
  if (code === "type-error") return typeHint(cell, field);
  if (code === "constraint-error") return constraintHint(String(data.constraint ?? ""), field, data.expected);
  return undefined;
}

const FRENCH_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const ISO_DATETIME = /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}/;
const DECIMAL_COMMA = /^[+-]?\d[\d\s\u00a0\u202f.]*,\d+$|^[+-]?\d+,\d*$/;

function isoFromFrench(cell: string): string | undefined {
  const match = FRENCH_DATE.exec(cell);
  if (!match) return undefined;
  const [, day = "", month = "", year = ""] = match;
  const d = Number(day);
  const m = Number(month);
  if (m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  return `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
}

function isDefaultFormat(field: FieldDescriptor): boolean {
  return field.format === undefined || field.format === "default" || field.format === "%Y-%m-%d";
}

function typeHint(cell: string | undefined, field: FieldDescriptor | undefined): MessageTemplate | undefined {
  if (!field) return undefined;
  const type = field.type ?? "string";
  if (type === "date" && isDefaultFormat(field)) {
    const iso = cell ? (isoFromFrench(cell) ?? ISO_DATETIME.exec(cell)?.[1]) : undefined;
    if (iso) {
      return {
        fr: `Les dates s'écrivent au format ISO aaaa-mm-jj : écrire « ${iso} ».`,
        en: `Dates are written in ISO format yyyy-mm-dd: write "${iso}".`,
      };
    }
    return { fr: "Les dates s'écrivent au format ISO aaaa-mm-jj (par exemple 2024-12-31).", en: "Dates are written in ISO format yyyy-mm-dd (e.g. 2024-12-31)." };
  }
  if (type === "datetime" && (field.format === undefined || field.format === "default")) {
    return {
      fr: "Les dates-heures s'écrivent au format ISO aaaa-mm-jjThh:mm:ss (par exemple 2024-12-31T23:59:00).",
      en: "Datetimes are written in ISO format yyyy-mm-ddThh:mm:ss (e.g. 2024-12-31T23:59:00).",
    };
  }
  if (type === "year") return { fr: "Une année s'écrit avec 4 chiffres (par exemple 2024).", en: "A year is written with 4 digits (e.g. 2024)." };
  if (type === "number" || type === "integer") {
    const decimalChar = typeof field.decimalChar === "string" ? field.decimalChar : ".";
    if (cell && decimalChar === "." && DECIMAL_COMMA.test(cell)) {
      const fixed = cell.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
      if (type === "number") {
        return {
          fr: `Le séparateur décimal est le point, pas la virgule : écrire « ${fixed} ».`,
          en: `The decimal separator is a point, not a comma: write "${fixed}".`,
        };
      }
    }
    if (type === "integer") {
      const whole = cell && /^[+-]?\d+\.0+$/.test(cell) ? cell.replace(/\.0+$/, "") : undefined;
      if (whole) return { fr: `Un nombre entier s'écrit sans décimales : écrire « ${whole} ».`, en: `An integer is written without decimals: write "${whole}".` };
      return { fr: "Un nombre entier est attendu, sans décimales ni espaces (par exemple 1250).", en: "An integer is expected, without decimals or spaces (e.g. 1250)." };
    }
    return {
      fr: "Un nombre s'écrit avec des chiffres et un point décimal, sans espaces ni unités (par exemple 1250.5).",
      en: "A number is written with digits and a decimal point, without spaces or units (e.g. 1250.5).",
    };
  }
  if (type === "boolean") {
    const trues = field.trueValues ?? ["true", "True", "TRUE", "1"];
    const falses = field.falseValues ?? ["false", "False", "FALSE", "0"];
    return {
      fr: `Valeurs acceptées : ${trues.join(", ")} pour vrai ; ${falses.join(", ")} pour faux.`,
      en: `Accepted values: ${trues.join(", ")} for true; ${falses.join(", ")} for false.`,
    };
  }
  if (type === "string") {
    const byFormat: Record<string, MessageTemplate> = {
      email: { fr: "Une adresse électronique est attendue (par exemple nom@exemple.fr).", en: "An email address is expected (e.g. name@example.org)." },
      uri: { fr: "Une adresse web complète est attendue, commençant par http:// ou https://.", en: "A full web address is expected, starting with http:// or https://." },
      uuid: { fr: "Un identifiant UUID est attendu (par exemple 123e4567-e89b-12d3-a456-426614174000).", en: "A UUID is expected (e.g. 123e4567-e89b-12d3-a456-426614174000)." },
      binary: { fr: "Une valeur encodée en base64 est attendue.", en: "A base64-encoded value is expected." },
    };
    return field.format ? byFormat[field.format] : undefined;
  }
  return undefined;
}

function constraintHint(constraint: string, field: FieldDescriptor | undefined, expected: unknown): MessageTemplate | undefined {
  if (constraint === "pattern") {
    // Validata shows the field's description and example under a pattern error: the regex alone
    // rarely tells a producer what to write.
    const parts: { fr: string[]; en: string[] } = { fr: [], en: [] };
    if (field?.description) {
      const description = /[.!?]$/.test(field.description.trim()) ? field.description.trim() : `${field.description.trim()}.`;
      parts.fr.push(`Description du champ : ${description}`);
      parts.en.push(`Field description: ${description}`);
    }
    if (field?.example !== undefined && field.example !== null && field.example !== "") {
      const example = typeof field.example === "string" ? field.example : JSON.stringify(field.example);
      parts.fr.push(`Exemple de valeur attendue : « ${example} ».`);
      parts.en.push(`Example of an expected value: "${example}".`);
    }
    return parts.fr.length > 0 ? { fr: parts.fr.join(" "), en: parts.en.join(" ") } : undefined;
  }
  // enum: the message already lists the allowed values.
  return undefined;
}
