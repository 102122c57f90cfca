import { columnCheck, columnOptionsSchema } from "./helpers.js";

const INTERVAL = /^(\d{4})\/(\d{4})$/;
const YEAR = /^\d{4}$/;

export const yearIntervalValue = columnCheck({
  id: "year-interval-value",
  meta: {
    title: {
      fr: "Intervalle d'années",
      en: "Year interval",
    },
    fix: {
      fr: "Écrivez l'intervalle sous la forme AAAA/AAAA, la première année avant la seconde (2020/2024).",
      en: "Write the interval as YYYY/YYYY, the first year before the second (2020/2024).",
    },
    category: "custom",
    description: {
      fr: "Vérifie que la valeur est un intervalle d'années AAAA/AAAA croissant (ou une année seule si « allow-year-only » vaut « yes »).",
      en: 'Checks that the value is an increasing year interval YYYY/YYYY (or a single year when "allow-year-only" is "yes").',
    },
    severity: "error",
    messages: {
      format: {
        fr: "Intervalle d'années incorrect dans la colonne {column} : format attendu AAAA/AAAA.",
        en: "Incorrect year interval in column {column}: expected format YYYY/YYYY.",
      },
      formatOrYear: {
        fr: "Intervalle d'années incorrect dans la colonne {column} : format attendu année (AAAA) ou intervalle (AAAA/AAAA).",
        en: "Incorrect year interval in column {column}: expected a year (YYYY) or an interval (YYYY/YYYY).",
      },
      sameYears: {
        fr: "Intervalle d'années incorrect dans la colonne {column} : les deux années doivent être différentes.",
        en: "Incorrect year interval in column {column}: the two years must differ.",
      },
      decreasing: {
        fr: "Intervalle d'années incorrect dans la colonne {column} : la deuxième année ({end}) doit être postérieure à la première ({start}).",
        en: "Incorrect year interval in column {column}: the second year ({end}) must come after the first ({start}).",
      },
    },
    // Validata reads the flag as a string and accepts "yes" or "true"; a JSON boolean is accepted too.
    options: columnOptionsSchema<{ "allow-year-only"?: string | boolean }>({ "allow-year-only": { type: ["string", "boolean"] } }),
  },
  compile: (options) => {
    const flag = options["allow-year-only"];
    const allowYearOnly = flag === true || flag === "yes" || flag === "true";
    return (raw) => {
      const match = INTERVAL.exec(raw);
      if (!match) {
        if (!allowYearOnly) return { messageId: "format" };
        return YEAR.test(raw) ? undefined : { messageId: "formatOrYear" };
      }
      const start = Number(match[1]);
      const end = Number(match[2]);
      if (start === end) return { messageId: "sameYears" };
      if (start > end) return { messageId: "decreasing", data: { start, end } };
      return undefined;
    };
  },
});
