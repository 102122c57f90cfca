import type { MessageTemplate } from "../check.js";
import type { FieldDescriptor } from "../table-schema/descriptor.js";
import {
  booleanSpelling,
  DECIMAL_COMMA,
  digitsFromScientific,
  enumMatch,
  isoFromFrench,
  leadingZerosCandidates,
  pointForComma,
  SCIENTIFIC,
  wholeFromDecimals,
} from "../fix/repairs.js";

/**
 * How to fix a value, as data: what the value shows (`id`), the corrected value when it is
 * certain (`suggestion`), and the sentence added after the finding's message in each language.
 * Kept whole in the finding's `data.hint`, so that a masked cell drops it at once.
 */
export interface Hint extends MessageTemplate {
  /** Stable name of the diagnosis (`frenchDate`, `excelScientific`, `leadingZeros`...). */
  id: string;
  /** The value to write instead, given only when it passes the field's type and constraints. */
  suggestion?: string;
}

/** Whether a candidate value passes the field's type and constraints (the validator knows how). */
export type Accepts = (value: string) => boolean;

/**
 * A sentence to add after a type-error or constraint-error message, telling how to fix the value,
 * in the spirit of Validata's French messages (validata_core `fr_locale`): a French date gets its
 * ISO form, a decimal comma its point, a pattern the field's description and example. Damage
 * done by spreadsheets and hand entry is named first, with the corrected value when `accepts`
 * confirms it: scientific notation, lost leading zeros, French dates and decimal commas in
 * pattern fields, enum values differing only by case or accents.
 *
 * `data` is the finding's data with its `cell` (the raw value) merged in. Returns undefined when
 * there is nothing useful to add. The hint quotes the cell, so callers must not use it for cells
 * that are masked as personal data.
 */
export function hintFor(code: string, data: Readonly<Record<string, unknown>>, field: FieldDescriptor | undefined, accepts?: Accepts): Hint | undefined {
  const cell = typeof data.cell === "string" ? data.cell.trim() : undefined;
  if (code !== "type-error" && code !== "constraint-error") return undefined;
  const constraint = code === "constraint-error" ? String(data.constraint ?? "") : undefined;
  const damage = cell === undefined || !field ? undefined : damageHint(cell, String(data.cell), field, constraint, accepts, data.storedAs === "number");
  if (damage) return damage;
  if (code === "type-error") return typeHint(cell, field);
  return constraintHint(constraint ?? "", field);
}

const hint = (id: string, fr: string, en: string, suggestion?: string): Hint => (suggestion === undefined ? { id, fr, en } : { id, fr, en, suggestion });

/**
 * The hint for an identifier a spreadsheet wrote in scientific notation (`2,43E+13`), whose last
 * digits are lost; for the checks of identifiers (SIRET, SIREN) as well as pattern errors.
 */
export function scientificNotationHint(value: string): Hint | undefined {
  const cell = value.trim();
  if (!SCIENTIFIC.test(cell)) return undefined;
  return hint(
    "excelScientific",
    `« ${cell} » est un nombre en notation scientifique : un tableur a arrondi ce numéro et remplacé ses derniers chiffres par des zéros, qui sont perdus. Reprenez les valeurs à la source et formatez la colonne en texte avant d'enregistrer.`,
    `"${cell}" is a number in scientific notation: a spreadsheet rounded it and replaced its last digits with zeros, which are lost. Take the values again from the source and format the column as text before saving.`,
  );
}

/**
 * A workbook cell stored as a number with more than 15 significant digits: Excel keeps 15 and
 * turns the rest into zeros as the number is typed or pasted (the same Microsoft page), so a
 * 16-digit identifier is already wrong in the file. Same diagnosis as scientific notation.
 */
function precisionHint(value: string): Hint | undefined {
  const digits = /^-?(\d+)$/.exec(value)?.[1]?.replace(/^0+/, "");
  if (digits === undefined || digits.length <= 15) return undefined;
  return hint(
    "excelScientific",
    `« ${value} » est enregistré comme un nombre dans le classeur, qui ne garde que 15 chiffres significatifs : les chiffres suivants ont été remplacés par des zéros et sont perdus. Reprenez les valeurs à la source et formatez la colonne en texte avant de les saisir.`,
    `"${value}" is stored as a number in the workbook, which keeps only 15 significant digits: the following digits were replaced with zeros and are lost. Take the values again from the source and format the column as text before entering them.`,
  );
}

/**
 * Damage that spreadsheets and hand entry do to values, named when the cell shows it. A
 * corrected value is offered only when `accepts` says it would pass; without `accepts` only
 * the diagnoses that need no candidate are made.
 */
function damageHint(cell: string, raw: string, field: FieldDescriptor, constraint: string | undefined, accepts: Accepts | undefined, storedAsNumber: boolean): Hint | undefined {
  const type = field.type ?? "string";
  const passes = (candidate: string): boolean => accepts !== undefined && candidate !== cell && accepts(candidate);
  if (type === "string" || type === "integer") {
    // Every digit written (1,2345E+4): the number is whole again, as `fixTable` writes it.
    const digits = storedAsNumber ? undefined : digitsFromScientific(cell);
    if (digits !== undefined && passes(digits)) {
      return hint(
        "excelScientific",
        `« ${cell} » est un nombre en notation scientifique, écrit par un tableur : écrire « ${digits} », et formater la colonne en texte.`,
        `"${cell}" is a number in scientific notation, written by a spreadsheet: write "${digits}", and format the column as text.`,
        digits,
      );
    }
    const scientific = storedAsNumber ? precisionHint(cell) : scientificNotationHint(cell);
    if (scientific) return scientific;
  }
  if (type === "string") {
    // A postcode or INSEE code read as a number loses its leading zeros (01000 becomes 1000);
    // suggested only when one padding passes: `fixTable` writes the same value.
    const padded = leadingZerosCandidates(cell).filter(passes);
    if (padded.length === 1) {
      return hint(
        "leadingZeros",
        `Le ou les zéros du début ont été perdus (colonne lue comme un nombre par un tableur) : écrire « ${padded[0]} », et formater la colonne en texte.`,
        `The leading zero(s) were lost (a spreadsheet read the column as numbers): write "${padded[0]}", and format the column as text.`,
        padded[0],
      );
    }
  }
  if (constraint === "enum") {
    const near = enumMatch(cell, field);
    if (near !== undefined && near !== raw) {
      return hint(
        "enumCase",
        `Seules les majuscules, les accents ou les espaces diffèrent de la valeur autorisée : écrire « ${near} ».`,
        `Only case, accents or spacing differ from the allowed value: write "${near}".`,
        near,
      );
    }
  }
  if (type === "string" && constraint !== undefined) {
    const iso = isoFromFrench(cell);
    if (iso && passes(iso)) {
      return hint("frenchDate", `Les dates s'écrivent au format ISO aaaa-mm-jj : écrire « ${iso} ».`, `Dates are written in ISO format yyyy-mm-dd: write "${iso}".`, iso);
    }
    const point = DECIMAL_COMMA.test(cell) ? pointForComma(cell) : undefined;
    if (point && passes(point)) {
      return hint(
        "decimalComma",
        `Le séparateur décimal est le point, pas la virgule : écrire « ${point} ».`,
        `The decimal separator is a point, not a comma: write "${point}".`,
        point,
      );
    }
  }
  return undefined;
}

const ISO_DATETIME = /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}/;
function isDefaultFormat(field: FieldDescriptor): boolean {
  return field.format === undefined || field.format === "default" || field.format === "%Y-%m-%d";
}

function typeHint(cell: string | undefined, field: FieldDescriptor | undefined): Hint | undefined {
  if (!field) return undefined;
  const type = field.type ?? "string";
  if (type === "date" && isDefaultFormat(field)) {
    const iso = cell ? (isoFromFrench(cell) ?? ISO_DATETIME.exec(cell)?.[1]) : undefined;
    if (iso) return hint("frenchDate", `Les dates s'écrivent au format ISO aaaa-mm-jj : écrire « ${iso} ».`, `Dates are written in ISO format yyyy-mm-dd: write "${iso}".`, iso);
    return hint("dateFormat", "Les dates s'écrivent au format ISO aaaa-mm-jj (par exemple 2024-12-31).", "Dates are written in ISO format yyyy-mm-dd (e.g. 2024-12-31).");
  }
  if (type === "datetime" && (field.format === undefined || field.format === "default")) {
    return hint(
      "datetimeFormat",
      "Les dates-heures s'écrivent au format ISO aaaa-mm-jjThh:mm:ss (par exemple 2024-12-31T23:59:00).",
      "Datetimes are written in ISO format yyyy-mm-ddThh:mm:ss (e.g. 2024-12-31T23:59:00).",
    );
  }
  if (type === "year") return hint("yearFormat", "Une année s'écrit avec 4 chiffres (par exemple 2024).", "A year is written with 4 digits (e.g. 2024).");
  if (type === "number" || type === "integer") {
    const decimalChar = typeof field.decimalChar === "string" ? field.decimalChar : ".";
    if (cell && decimalChar === "." && DECIMAL_COMMA.test(cell)) {
      const fixed = pointForComma(cell);
      if (type === "number") {
        return hint(
          "decimalComma",
          `Le séparateur décimal est le point, pas la virgule : écrire « ${fixed} ».`,
          `The decimal separator is a point, not a comma: write "${fixed}".`,
          fixed,
        );
      }
    }
    if (type === "integer") {
      const whole = cell ? wholeFromDecimals(cell) : undefined;
      if (whole)
        return hint("integerDecimals", `Un nombre entier s'écrit sans décimales : écrire « ${whole} ».`, `An integer is written without decimals: write "${whole}".`, whole);
      return hint(
        "integerFormat",
        "Un nombre entier est attendu, sans décimales ni espaces (par exemple 1250).",
        "An integer is expected, without decimals or spaces (e.g. 1250).",
      );
    }
    return hint(
      "numberFormat",
      "Un nombre s'écrit avec des chiffres et un point décimal, sans espaces ni unités (par exemple 1250.5).",
      "A number is written with digits and a decimal point, without spaces or units (e.g. 1250.5).",
    );
  }
  if (type === "boolean") {
    const trues = field.trueValues ?? ["true", "True", "TRUE", "1"];
    const falses = field.falseValues ?? ["false", "False", "FALSE", "0"];
    // A yes or no in other words (Oui, VRAI, 0): the schema's spelling, as `fixTable` writes it.
    const spelled = cell ? booleanSpelling(cell, field) : undefined;
    if (spelled !== undefined && spelled !== cell) {
      return hint(
        "booleanValues",
        `Valeurs acceptées : ${trues.join(", ")} pour vrai ; ${falses.join(", ")} pour faux : écrire « ${spelled} ».`,
        `Accepted values: ${trues.join(", ")} for true; ${falses.join(", ")} for false: write "${spelled}".`,
        spelled,
      );
    }
    return hint(
      "booleanValues",
      `Valeurs acceptées : ${trues.join(", ")} pour vrai ; ${falses.join(", ")} pour faux.`,
      `Accepted values: ${trues.join(", ")} for true; ${falses.join(", ")} for false.`,
    );
  }
  if (type === "string") {
    const byFormat: Record<string, MessageTemplate> = {
      email: { fr: "Une adresse électronique est attendue (par exemple nom@exemple.fr).", en: "An email address is expected (e.g. name@example.org)." },
      uri: { fr: "Une adresse web complète est attendue, commençant par http:// ou https://.", en: "A full web address is expected, starting with http:// or https://." },
      uuid: { fr: "Un identifiant UUID est attendu (par exemple 123e4567-e89b-12d3-a456-426614174000).", en: "A UUID is expected (e.g. 123e4567-e89b-12d3-a456-426614174000)." },
      binary: { fr: "Une valeur encodée en base64 est attendue.", en: "A base64-encoded value is expected." },
    };
    const text = field.format ? byFormat[field.format] : undefined;
    return text ? { id: "stringFormat", ...text } : undefined;
  }
  return undefined;
}

/**
 * A field description as a message can carry it: its first sentence, Markdown links and emphasis
 * reduced to their text, cut to a bounded length. National schemas write whole paragraphs there
 * (the prénoms schema: about 1,500 characters with links), which no cell message should repeat.
 */
export function plainSummary(description: string, max = 200): string {
  const plain = description
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*_`]+/g, "")
    .replace(/\s+/g, " ")
    .trim();
  const sentence = /^.*?[.!?](?=\s|$)/.exec(plain)?.[0] ?? plain;
  const cut = sentence.length > max ? `${sentence.slice(0, max - 1).trimEnd()}…` : sentence;
  return cut === "" || /[.!?…]$/.test(cut) ? cut : `${cut}.`;
}

function constraintHint(constraint: string, field: FieldDescriptor | undefined): Hint | undefined {
  if (constraint === "pattern") {
    // Validata shows the field's description and example under a pattern error: the regex alone
    // rarely tells a producer what to write.
    const parts: { fr: string[]; en: string[] } = { fr: [], en: [] };
    const description = field?.description ? plainSummary(field.description) : "";
    if (description) {
      parts.fr.push(`Description du champ : ${description}`);
      parts.en.push(`Field description: ${description}`);
    }
    if (field?.example !== undefined && field.example !== null && field.example !== "") {
      const example = typeof field.example === "string" ? field.example : JSON.stringify(field.example);
      parts.fr.push(`Exemple de valeur attendue : « ${example} ».`);
      parts.en.push(`Example of an expected value: "${example}".`);
    }
    return parts.fr.length > 0 ? hint("patternDescription", parts.fr.join(" "), parts.en.join(" ")) : undefined;
  }
  // enum: the message already lists the allowed values.
  return undefined;
}
