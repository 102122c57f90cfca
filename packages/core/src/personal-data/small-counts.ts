import { defineCheck, optionsSchema } from "../check.js";
import { headerHas } from "./normalize.js";
import { LEGAL } from "./legal.js";
import { coded } from "./types.js";
import { smallCountsOptionsSchema, type SmallCountsOptions } from "./options.js";

const COUNT_WORDS = ["nombre", "nb", "nbre", "effectif", "effectifs", "count", "total", "denombrement"];
/**
 * What is counted must be people for statistical secrecy to apply: `nombre_places` of a car
 * park is not a small count of persons.
 */
const PERSON_WORDS = [
  "habitants",
  "personnes",
  "individus",
  "beneficiaires",
  "allocataires",
  "eleves",
  "enfants",
  "naissances",
  "deces",
  "mariages",
  "pacs",
  "patients",
  "demandeurs",
  "menages",
  "foyers",
  "familles",
  "victimes",
  "inscrits",
  "usagers",
  "agents",
  "salaries",
  "retraites",
  "chomeurs",
  "jeunes",
  "seniors",
  "residents",
  "adherents",
  "licencies",
  "hommes",
  "femmes",
  "electeurs",
  "votants",
  "contribuables",
  "foyers fiscaux",
  "beneficiaire",
  "personne",
  "patient",
  "eleve",
  "enfant",
  "habitant",
  "menage",
  "foyer",
  "famille",
  "demandeur",
  "allocataire",
  "cas",
];

/** A column counting persons, by its header (`nb_beneficiaires`, `effectif`, `nombre de naissances`). */
export function isCountColumn(label: string): boolean {
  if (!headerHas(label, COUNT_WORDS)) return false;
  return headerHas(label, ["effectif", "effectifs"]) || headerHas(label, PERSON_WORDS);
}

/**
 * Small counts in aggregated tables: a cell counting fewer than 11 persons can reveal them
 * (statistical secrecy: DGFiP and health data rule of 11). Zero is fine.
 */
export const smallCountsCheck = defineCheck({
  id: "small-counts",
  meta: {
    title: {
      fr: "Petits effectifs",
      en: "Small counts",
    },
    fix: {
      fr: "Regroupez les catégories ou les territoires jusqu'à dépasser le seuil, ou masquez les effectifs trop petits.",
      en: "Group categories or areas until the threshold is passed, or mask the counts that are too small.",
    },
    emits: {
      "small-count": {
        title: {
          fr: "Effectif sous le seuil du secret statistique",
          en: "Count below the statistical secrecy threshold",
        },
        fix: {
          fr: "Regroupez les catégories ou les territoires jusqu'à dépasser le seuil, ou masquez la cellule en vérifiant que les totaux ne permettent pas de la recalculer.",
          en: "Group categories or areas until the threshold is passed, or mask the cell, checking that totals do not give it back.",
        },
      },
    },
    category: "personal-data",
    description: {
      fr: "Signale dans les tableaux agrégés les effectifs de personnes compris entre 1 et le seuil du secret statistique (11 par défaut).",
      en: "Flags counts of persons between 1 and the statistical secrecy threshold (11 by default) in aggregated tables.",
    },
    severity: "warning",
    messages: {
      smallCount: {
        fr: "Effectif de {count} dans « {column} », sous le seuil du secret statistique ({threshold}) : les personnes comptées peuvent être reconnues. Regroupez ou masquez (et vérifiez que les totaux ne permettent pas de le recalculer).",
        en: 'Count of {count} in "{column}", below the statistical secrecy threshold ({threshold}): the persons counted may be recognised. Merge or suppress it (and check totals do not allow recomputing it).',
      },
      smallCountsTruncated: {
        fr: "{more} autres effectifs sous le seuil de {threshold} dans « {column} » ne sont pas listés.",
        en: '{more} more counts below {threshold} in "{column}" are not listed.',
      },
    },
    options: optionsSchema<SmallCountsOptions>(smallCountsOptionsSchema),
  },
  create(context) {
    const threshold = context.options.threshold ?? 11;
    const maxFindings = context.options.maxFindings ?? 200;
    let columns: { index: number; label: string; reported: number; more: number }[] = [];
    return {
      header(table) {
        const explicit = context.options.countColumns;
        columns = table.labels.flatMap((label, index) => ((explicit ? explicit.includes(label) : isCountColumn(label)) ? [{ index, label, reported: 0, more: 0 }] : []));
      },
      row(row) {
        for (const column of columns) {
          const raw = (row.cells[column.index] ?? "").trim();
          if (!/^\d{1,2}$/.test(raw)) continue;
          const count = Number(raw);
          if (count < 1 || count >= threshold) continue;
          if (column.reported >= maxFindings) {
            column.more++;
            continue;
          }
          column.reported++;
          context.report(
            coded({
              code: "small-count",
              messageId: "smallCount",
              rowNumber: row.rowNumber,
              line: row.line,
              fieldName: column.label,
              fieldNumber: column.index + 1,
              cell: raw,
              data: { count, column: column.label, threshold, legal: [LEGAL.statisticalSecrecy, LEGAL.openDataAnonymisation] },
            }),
          );
        }
      },
      end() {
        for (const column of columns) {
          if (column.more === 0) continue;
          context.report(
            coded({
              code: "small-count",
              messageId: "smallCountsTruncated",
              fieldName: column.label,
              fieldNumber: column.index + 1,
              data: { more: column.more, column: column.label, threshold },
            }),
          );
        }
      },
    };
  },
});
