import { defineCheck, optionsSchema } from "../check.js";
import { LEGAL } from "./legal.js";
import { coded } from "./types.js";
import { reidentificationOptionsSchema, type ReidentificationOptions } from "./options.js";
import { hashCombination, quasiIdentifierKind, singlesOut, type QuasiIdentifierKind } from "./quasi-identifiers.js";
import { isCountColumn } from "./small-counts.js";

/**
 * Re-identification risk of record-level tables: the quasi-identifier columns (birth date or
 * year, age, sex, place, profession…) together single people out when few records share a
 * combination (k-anonymity; G29 opinion 05/2014 "individualisation").
 */
export const reidentificationRiskCheck = defineCheck({
  id: "reidentification-risk",
  meta: {
    title: {
      fr: "Risque de réidentification",
      en: "Re-identification risk",
    },
    fix: {
      fr: "Généralisez les quasi-identifiants (âge en tranches, commune en département) ou retirez-en un, jusqu'à ce que chaque combinaison compte au moins k lignes.",
      en: "Generalise the quasi-identifiers (age in bands, commune to department) or drop one, until each combination has at least k rows.",
    },
    category: "personal-data",
    description: {
      fr: "Mesure le risque de réidentification : enregistrements uniques ou en groupes de moins de k sur la combinaison des quasi-identifiants.",
      en: "Measures re-identification risk: records unique or in groups smaller than k on the combination of quasi-identifiers.",
    },
    severity: "warning",
    messages: {
      smallGroups: {
        fr: "{recordsBelowK} enregistrements sur {records} ({sharePercent} %) partagent leur combinaison de quasi-identifiants ({columns}) avec moins de {k} enregistrements, dont {uniqueRecords} uniques : ces personnes peuvent être réidentifiées. Généralisez (tranche d'âge, département) ou supprimez une colonne.",
        en: "{recordsBelowK} of {records} records ({sharePercent}%) share their quasi-identifier combination ({columns}) with fewer than {k} records, {uniqueRecords} of them unique: these persons can be re-identified. Generalise (age bands, département) or drop a column.",
      },
    },
    options: optionsSchema<ReidentificationOptions>(reidentificationOptionsSchema),
  },
  create(context) {
    const k = context.options.k ?? 5;
    let indexes: number[] = [];
    let names: string[] = [];
    const kinds: QuasiIdentifierKind[] = [];
    const groups = new Map<number, number>();
    let records = 0;
    let active = false;
    const parts: string[] = [];
    return {
      header(table) {
        const labels = table.labels;
        const explicit = context.options.quasiIdentifiers;
        if (explicit) {
          indexes = explicit.map((l) => labels.indexOf(l)).filter((i) => i >= 0);
          active = indexes.length >= 2;
        } else {
          // A table with count columns is aggregated: small-counts covers it.
          if (labels.some((l) => isCountColumn(l))) return;
          labels.forEach((label, i) => {
            const kind = quasiIdentifierKind(label);
            if (kind) {
              indexes.push(i);
              kinds.push(kind);
            }
          });
          active = singlesOut(kinds);
        }
        names = indexes.map((i) => labels[i] ?? "");
      },
      row(row) {
        if (!active) return;
        parts.length = 0;
        for (const i of indexes) parts.push(row.cells[i] ?? "");
        const h = hashCombination(parts);
        groups.set(h, (groups.get(h) ?? 0) + 1);
        records++;
      },
      end() {
        if (!active || records === 0) return;
        let unique = 0;
        let below = 0;
        for (const size of groups.values()) {
          if (size === 1) unique++;
          if (size < k) below += size;
        }
        if (below === 0) return;
        context.report(
          coded({
            code: "reidentification-risk",
            messageId: "smallGroups",
            data: {
              columns: names,
              quasiIdentifiers: kinds.length > 0 ? kinds : undefined,
              k,
              records,
              groups: groups.size,
              uniqueRecords: unique,
              recordsBelowK: below,
              sharePercent: Math.round((below / records) * 1000) / 10,
              legal: [LEGAL.recital26, LEGAL.openDataAnonymisation, LEGAL.anonymisationCriteria],
            },
          }),
        );
      },
    };
  },
});
