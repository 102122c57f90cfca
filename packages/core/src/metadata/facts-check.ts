import type { RowCheck, RowView } from "../check.js";
import type { FieldDescriptor, TableSchema } from "../table-schema/descriptor.js";
import type { CompiledField } from "../table-schema/field.js";
import { dateToIso } from "../table-schema/types/temporal.js";
import type { DataFacts } from "./model.js";

/** What the facts collector learns from the rows of one file, for the metadata cross-checks. */
export type CollectedFacts = Pick<DataFacts, "dateRanges" | "communeCodes" | "departmentCodes">;

export type CodeKind = "commune" | "department";

/**
 * Distinct codes kept per kind and file. A national file holds up to ~35,000 communes; the first
 * thousand are enough to show that a file spills over a local coverage, and the bound keeps the
 * memory of a run flat whatever the file size.
 */
export const MAX_CODES = 1000;

/** INSEE commune code (COG): five digits, or 2A/2B and three digits in Corsica. */
const COMMUNE_CODE = /^(\d{5}|2[AB]\d{3})$/;
/** Department code (COG): two digits, 2A/2B, or three digits overseas (971…978). */
const DEPARTMENT_CODE = /^(\d{2}|2[AB]|97\d)$/;

/** Words that make a column something else than a commune or department code (postal code, SIREN, names...). */
const NOT_CODES = new Set(["postal", "cp", "postcode", "zip", "siren", "siret", "region", "reg", "epci", "iris", "canton", "arrondissement", "nom", "name", "libelle", "lib"]);
const DEPARTMENT_WORDS = new Set(["dep", "dept", "departement", "department", "depcode", "coddep", "codedep", "numdep", "codedepartement"]);
/** Column names that say "department" alone; `dep` is not one (departure times in transport data). */
const DEPARTMENT_ALONE = new Set(["departement", "department", "dept", "depcode", "coddep", "codedep", "numdep", "codedepartement"]);
const CODE_WORDS = new Set(["code", "cod", "num", "numero", "no", "insee", "cog"]);
const COMMUNE_ALONE = new Set(["insee", "codgeo", "depcom", "cog", "citycode", "inseecode", "codeinsee", "codecommune"]);
const COMMUNE_WORDS = new Set(["commune", "com", "comm", "city"]);

function words(name: string): string[] {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/**
 * Whether a column holds INSEE commune or department codes, from its name (`code_insee`,
 * `com_insee`, `codeDepartement`, `dep_code`...) or its descriptor (`rdfType` of the INSEE
 * geographic ontology, `http://rdf.insee.fr/def/geo#codeCommune`). Values are still tested one
 * by one against the code shapes, so a wrong guess only costs a regular expression per cell.
 */
export function codeColumnKind(name: string, descriptor?: FieldDescriptor): CodeKind | undefined {
  const rdfType = typeof descriptor?.["rdfType"] === "string" ? descriptor["rdfType"] : "";
  if (/codeDepartement|#Departement$/i.test(rdfType)) return "department";
  if (/codeCommune|#Commune$/i.test(rdfType)) return "commune";
  const tokens = words(name);
  if (tokens.length === 0 || tokens.some((t) => NOT_CODES.has(t))) return undefined;
  const has = (set: ReadonlySet<string>) => tokens.some((t) => set.has(t));
  if (has(DEPARTMENT_WORDS) && ((tokens.length === 1 && DEPARTMENT_ALONE.has(tokens[0]!)) || has(CODE_WORDS))) return "department";
  if (has(COMMUNE_ALONE) || (has(COMMUNE_WORDS) && has(CODE_WORDS))) return "commune";
  return undefined;
}

/** Columns the schema's Validata custom checks declare as commune or department codes. */
function customCheckColumns(schema: TableSchema): Map<string, CodeKind> {
  const columns = new Map<string, CodeKind>();
  for (const check of schema.custom_checks ?? []) {
    const column = check.params?.["column"];
    if (typeof column !== "string") continue;
    if (check.name === "code-commune-insee") columns.set(column, "commune");
    else if (check.name === "code-departement") columns.set(column, "department");
  }
  return columns;
}

interface DateColumn {
  name: string;
  type: "date" | "datetime";
  min: number;
  max: number;
}

/**
 * A row check that reports nothing and collects, in the validation's single pass, the facts the
 * metadata cross-checks compare with the descriptor: min and max of each date and datetime
 * column (cast values, so the schema's formats apply), and the distinct commune and department
 * codes of the columns that hold them (bounded by `MAX_CODES`). One collector per file.
 */
export function createFactsCollector(table: { schema: TableSchema; fields: readonly CompiledField[] }): {
  check: RowCheck<Record<string, never>>;
  facts(): CollectedFacts;
} {
  const declared = customCheckColumns(table.schema);
  let dates: DateColumn[] = [];
  let codes: { name: string; kind: CodeKind }[] = [];
  const communes = new Set<string>();
  const departments = new Set<string>();

  const row = (view: RowView) => {
    for (const column of dates) {
      const value = view.value(column.name);
      if (typeof value !== "number" || !Number.isFinite(value)) continue;
      if (value < column.min) column.min = value;
      if (value > column.max) column.max = value;
    }
    for (const { name, kind } of codes) {
      const raw = view.get(name)?.trim().toUpperCase();
      if (raw === undefined || raw === "") continue;
      if (kind === "commune") {
        if (communes.size < MAX_CODES && COMMUNE_CODE.test(raw)) communes.add(raw);
      } else if (departments.size < MAX_CODES && DEPARTMENT_CODE.test(raw)) departments.add(raw);
    }
  };

  const check: RowCheck<Record<string, never>> = {
    id: "metadata-facts",
    meta: {
      category: "metadata",
      description: {
        fr: "Relève les dates extrêmes et les codes géographiques des données pour les comparer aux métadonnées (ne signale rien).",
        en: "Collects the data's date range and geographic codes to compare them with the metadata (reports nothing).",
      },
      severity: "info",
      messages: {},
    },
    create(context) {
      dates = [];
      codes = [];
      communes.clear();
      departments.clear();
      return {
        header() {
          // The table's fields as this file has them: a validator without a schema (the header
          // is the schema) knows them only now, untyped.
          const byName = new Map(table.fields.map((field) => [field.name, field]));
          for (const name of context.table.fieldNames) {
            if (context.table.fieldIndex(name) < 0) continue;
            const field = byName.get(name);
            if (field && (field.type === "date" || field.type === "datetime")) dates.push({ name, type: field.type, min: Infinity, max: -Infinity });
            const kind = declared.get(name) ?? codeColumnKind(name, field?.descriptor);
            if (kind) codes.push({ name, kind });
          }
        },
        row,
      };
    },
  };

  const iso = (column: DateColumn, value: number) => (column.type === "date" ? dateToIso(value) : new Date(value).toISOString());
  return {
    check,
    facts() {
      const dateRanges = dates.filter((c) => c.min <= c.max).map((c) => ({ field: c.name, min: iso(c, c.min), max: iso(c, c.max) }));
      return {
        ...(dateRanges.length > 0 && { dateRanges }),
        ...(communes.size > 0 && { communeCodes: [...communes].sort() }),
        ...(departments.size > 0 && { departmentCodes: [...departments].sort() }),
      };
    },
  };
}
