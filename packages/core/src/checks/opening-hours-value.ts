import type OpeningHours from "opening_hours";
import { columnCheck, columnOptionsSchema } from "./helpers.js";

/**
 * Warnings of opening_hours.js that say nothing about the syntax: dates already past, advice on
 * public holidays, rules that could be written otherwise. Every other warning means the library
 * only understood the value by correcting it (French words, `8-18` without minutes, a stray `;`...):
 * Validata's strict parser (Python `opening_hours`) rejects such values, so they are invalid here too.
 */
const HARMLESS_WARNINGS: ReadonlySet<string> = new Set([
  "date_past",
  "date_range_past",
  "year_past",
  "public_holiday",
  "additional_rule_which_evaluates_to_closed",
  "strange_24_7",
]);

// mode 0 (time ranges), as the OSM `opening_hours` key; warnings up to "warning" severity (4).
const CONFIG = { mode: 0, tag_key: "opening_hours", map_value: false, warnings_severity: 4, locale: "fr" } as const;

// opening_hours.js costs about 0.17 s to import: only schemas that use the check load it.
let parser: typeof OpeningHours | undefined;

/** Loads opening_hours.js; the engine awaits it through the check's `prepare`. */
export async function loadOpeningHours(): Promise<void> {
  parser ??= (await import("opening_hours")).default;
}

/**
 * Undefined when `value` is a valid OSM opening_hours expression, else the reason. Needs
 * `loadOpeningHours()` first.
 */
export function openingHoursProblem(value: string): { messageId: "syntax" | "corrected"; data?: Record<string, unknown> } | undefined {
  if (parser === undefined) throw new Error("opening_hours not loaded: await the check's prepare() first");
  let parsed: OpeningHours;
  try {
    parsed = new parser(value, null, CONFIG);
  } catch {
    return { messageId: "syntax" };
  }
  const corrections = parsed.getStructuredWarnings().filter((warning) => !HARMLESS_WARNINGS.has(warning.type));
  if (corrections.length === 0) return undefined;
  return { messageId: "corrected", data: { suggestion: parsed.prettifyValue(), warning: corrections[0]?.type } };
}

export const openingHoursValue = columnCheck({
  id: "opening-hours-value",
  meta: {
    title: {
      fr: "Horaires d'ouverture OpenStreetMap",
      en: "OpenStreetMap opening hours",
    },
    fix: {
      fr: "Écrivez les horaires dans la syntaxe opening_hours d'OpenStreetMap (Mo-Fr 08:30-12:00,14:00-17:30).",
      en: "Write the hours in OpenStreetMap's opening_hours syntax (Mo-Fr 08:30-12:00,14:00-17:30).",
    },
    category: "custom",
    description: {
      fr: "Vérifie que la valeur est une expression d'horaires d'ouverture valide au sens d'OpenStreetMap (clé opening_hours).",
      en: "Checks that the value is a valid OpenStreetMap opening_hours expression.",
    },
    severity: "error",
    messages: {
      syntax: {
        fr: "Horaires d'ouverture incorrects dans la colonne {column} : la valeur doit respecter la syntaxe OpenStreetMap opening_hours (par exemple « Mo-Fr 08:00-18:00 »).",
        en: 'Incorrect opening hours in column {column}: the value must follow the OpenStreetMap opening_hours syntax (for example "Mo-Fr 08:00-18:00").',
      },
      corrected: {
        fr: "Horaires d'ouverture incorrects dans la colonne {column} : la valeur n'est comprise qu'après correction ; écrire « {suggestion} ».",
        en: 'Incorrect opening hours in column {column}: the value is only understood once corrected; write "{suggestion}".',
      },
    },
    options: columnOptionsSchema(),
  },
  prepare: loadOpeningHours,
  compile: () => (raw) => openingHoursProblem(raw),
});
