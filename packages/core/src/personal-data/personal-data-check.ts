import { defineCheck, optionsSchema, type FieldDeclaration, type MessageTemplate } from "../check.js";
import type { Severity } from "../findings.js";
import { columnVerdict, examine, maxPersonal, newColumn, type ColumnTally, type ColumnVerdict, type FileContext } from "./column-analysis.js";
import { loadPhoneNumbers } from "../phone-numbers.js";
import { DETECTORS } from "./detectors/index.js";
import { MIN_TEXT_LENGTH, scanText, type TextHit } from "./free-text.js";
import { GEOMETRY_HEADER_WORDS, isGeometry } from "./geometry.js";
import { LEGAL } from "./legal.js";
import { mask } from "./mask.js";
import { headerHas, headerScore, headerWords } from "./normalize.js";
import { personalDataOptionsSchema, type PersonalDataOptions } from "./options.js";
import type { CodedDraft, Detector, PersonalDataKind } from "./types.js";

/** Finding code of a kind: stable public ids, `personal-data-<kind>`. */
export function personalDataCode(kind: PersonalDataKind): string {
  return `personal-data-${kind}`;
}

function camel(kind: string): string {
  return kind.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
}

function messagesFor(d: Detector): Record<string, MessageTemplate> {
  const k = camel(d.kind);
  return {
    [`${k}Column`]: {
      fr: `La colonne « {column} » semble contenir des ${d.label.fr} ({sharePercent} % des valeurs examinées, confiance {confidencePercent} %). Exemples masqués : {examples}.`,
      en: `Column "{column}" seems to hold ${d.label.en} ({sharePercent}% of examined values, confidence {confidencePercent}%). Masked examples: {examples}.`,
    },
    [`${k}ColumnDeclared`]: {
      fr: `La colonne « {column} » semble contenir des ${d.label.fr} ({sharePercent} % des valeurs examinées, confiance {confidencePercent} %) ; le schéma la déclare (champ « {declaredBy} ») : vérifiez que ses valeurs sont bien celles qu'il prévoit. Exemples masqués : {examples}.`,
      en: `Column "{column}" seems to hold ${d.label.en} ({sharePercent}% of examined values, confidence {confidencePercent}%); the schema declares it (field "{declaredBy}"): check that its values are the ones the schema expects. Masked examples: {examples}.`,
    },
    [`${k}ColumnExempt`]: {
      fr: `La colonne « {column} » contient des ${d.label.fr}, publiables sans anonymisation dans ce contexte ({exemption}) ; vérifiez qu'il ne s'agit que de données prévues par cette exception.`,
      en: `Column "{column}" holds ${d.label.en}, publishable without anonymisation in this context ({exemption}); check that only data covered by that exception is published.`,
    },
    [`${k}Cell`]: {
      fr: `Cette cellule de texte contient des ${d.label.fr} : {masked}.`,
      en: `This text cell holds ${d.label.en}: {masked}.`,
    },
    [`${k}CellExempt`]: {
      fr: `Cette cellule de texte nomme des personnes dans l'exercice de leurs fonctions ({exemption}) : {masked}.`,
      en: `This text cell names persons acting in office ({exemption}): {masked}.`,
    },
  };
}

type Exemption = "elected-officials" | "public-directory";

/** Kinds a CRPA D312-1-3 context lets through: names, functions and institutional contacts only. */
function exemptionApplies(exemption: Exemption | undefined, verdict: ColumnVerdict): boolean {
  if (!exemption) return false;
  const { kind, column } = verdict;
  if (kind === "person-name") return true;
  // Institutional addresses (nominative at the organisation's domain, 0.9) but never free mail.
  if (kind === "email") return maxPersonal(column, "email") < 1;
  if (kind === "phone") return exemption === "public-directory" && maxPersonal(column, "phone") < 1;
  return false;
}

const OFFICIAL_VALUE = /\b(?:maire|adjoint|adjointe|conseill[eè]re?|[ée]lue?|d[ée]l[ée]gu[ée]e?|s[ée]nat|d[ée]put[ée]e?)\b/i;
const CONTEXT_HEADERS = ["fonction", "fonctions", "mandat", "qualite", "fonction elective", "libelle fonction"];
const DIRECTORY_HEADERS = ["service", "direction", "pole", "poste", "intitule poste", "service municipal"];

/** Person context: the file is about natural persons, so homes and fixed lines become personal. */
const PERSON_KINDS: ReadonlySet<PersonalDataKind> = new Set(["person-name", "nir", "birth-date", "id-document"]);

/**
 * Severity of a column verdict. Precision comes first for errors: a detector whose kind is an
 * error (NIR, IBAN, card, identity document) reports one only when its evidence cannot be a look-
 * alike: most matching values carry a verified checksum (NIR key, IBAN mod 97, card Luhn with an
 * issuer prefix; geometry columns never reach these detectors), or the header names the kind. Any
 * other verdict of such a kind is a warning.
 */
export function verdictSeverity(verdict: ColumnVerdict): Severity {
  const d = verdict.detector;
  if (d.severity !== "error") return d.severity;
  return verdict.checksumShare >= 0.8 || verdict.headerScore >= 0.75 ? "error" : "warning";
}

/**
 * Header words of count columns. A table with one is aggregated (a statistics table): its rows are
 * categories, not persons.
 */
const COUNT_WORDS = ["nombre", "nb", "nbre", "effectif", "effectifs", "occurrences", "occurences", "count", "total", "frequence"];

/** The schema field that a declaration names as holding the detector's kind, if any. */
function declares(field: FieldDeclaration | undefined, d: Detector): boolean {
  if (!field) return false;
  if (headerScore(field.name, d.headerHints).score >= 0.5) return true;
  if (field.title && headerScore(field.title, d.headerHints).score >= 0.5) return true;
  // A description is prose: only a strong hint (`prenom`, `courriel`, not the bare `nom`) counts.
  if (field.description) {
    const words = ` ${headerWords(field.description)} `;
    return d.headerHints.some((h) => h.weight >= 0.9 && words.includes(` ${h.words} `));
  }
  return false;
}

export const personalDataCheck = defineCheck({
  id: "personal-data",
  meta: {
    title: {
      fr: "Données personnelles",
      en: "Personal data",
    },
    fix: {
      fr: "Retirez la colonne, ou anonymisez-la avant publication (généralisation, agrégation) ; si sa publication est prévue par un texte, acceptez le constat dans la configuration en citant ce texte.",
      en: "Remove the column, or anonymise it before publication (generalisation, aggregation); if a text provides for its publication, accept the finding in the configuration and cite that text.",
    },
    category: "personal-data",
    description: {
      fr: "Repère les données personnelles (courriels, téléphones, NIR, IBAN, noms, adresses…) par colonne et dans les textes libres.",
      en: "Finds personal data (e-mails, phones, NIR, IBAN, names, addresses…) per column and inside free text.",
    },
    severity: "warning",
    messages: Object.assign({}, ...DETECTORS.map(messagesFor)) as Record<string, MessageTemplate>,
    options: optionsSchema<PersonalDataOptions>(personalDataOptionsSchema),
  },
  // The phone detector parses numbers with libphonenumber-js, imported lazily (phone-numbers.ts).
  async prepare() {
    await loadPhoneNumbers();
  },
  create(context) {
    const options = context.options;
    const enabled = options.detectors ? DETECTORS.filter((d) => options.detectors?.includes(d.kind)) : DETECTORS;
    const textDetectors = enabled.filter((d) => d.freeText);
    const sampleSize = options.sampleSize ?? 500;
    const maxCells = options.maxCellFindings ?? 50;
    const scanFreeText = options.freeText !== false;
    let labels: readonly string[] = [];
    let columns: ColumnTally[] = [];
    let officialColumns: number[] = [];
    let officialSeen = 0;
    let officialHits = 0;
    let directory = false;
    /** Per column position, the schema field declared there (only with a real schema). */
    let declared: (FieldDeclaration | undefined)[] = [];
    let aggregated = false;
    /** Columns holding geometries by their header: never scanned as free text. */
    let geometryColumns = new Set<number>();
    /** Per column, per kind: kept cell hits and their total. */
    const cells = new Map<string, { hits: { row: number; line: number; hit: TextHit }[]; total: number }>();

    /**
     * First names alone in an aggregated table (`prenom`, `sexe`, `nombre`, `annee`) are categories
     * counted, not persons: no verdict, when no other column of the file says it is about persons
     * (a surname, a NIR, a birth date). Statistical secrecy on the counts is `small-counts`' job.
     */
    function withoutAggregatedFirstNames(verdicts: (ColumnVerdict | null)[]): (ColumnVerdict | null)[] {
      if (!aggregated) return verdicts;
      const persons = verdicts.filter((v) => v !== null && PERSON_KINDS.has(v.kind));
      if (persons.length !== 1) return verdicts;
      const only = persons[0]!;
      const column = only.column;
      if (only.kind !== "person-name" || column.multiWord > column.examined * 0.05) return verdicts;
      // A surname column is only decided once the file is known to be about persons: its header
      // (`nom`) is what says it is there.
      const surnames = columns.some((c) => c !== column && c.tallies.some((t) => t.detector.kind === "person-name" && t.header.score > 0 && t.matches > 0));
      if (surnames) return verdicts;
      return verdicts.map((v) => (v === only ? null : v));
    }

    function acceptedFor(column: string, kind: PersonalDataKind): { reason: string } | undefined {
      const a = options.accept?.find((x) => x.column === column && x.kind === kind);
      return a ? { reason: a.reason } : undefined;
    }

    return {
      header(table) {
        labels = table.labels;
        columns = labels.map((label, i) => newColumn(i, label, enabled));
        officialColumns = labels.flatMap((l, i) => (headerHas(l, CONTEXT_HEADERS) ? [i] : []));
        directory = labels.some((l) => headerHas(l, DIRECTORY_HEADERS));
        declared = labels.map(() => undefined);
        for (const field of table.declaredFields ?? []) {
          const at = table.fieldIndex(field.name);
          if (at >= 0) declared[at] = field;
        }
        aggregated = labels.some((l) => headerHas(l, COUNT_WORDS)) || (table.declaredFields ?? []).some((f) => headerHas(f.title ?? f.name, COUNT_WORDS));
        geometryColumns = new Set(labels.flatMap((l, i) => (headerHas(l, GEOMETRY_HEADER_WORDS) ? [i] : [])));
      },
      row(row) {
        const values = row.cells;
        // Only the columns still sampled, and the text columns, are visited (throughput).
        for (let i = 0; i < columns.length; i++) {
          const column = columns[i]!;
          const scan = scanFreeText && !geometryColumns.has(i) && (!column.settled || column.texts > 0);
          if (column.settled && !scan) continue;
          const raw = values[i];
          if (raw === undefined) continue;
          const value = raw.trim();
          if (value === "") continue;
          if (!column.settled) examine(column, value, row.rowNumber, sampleSize);
          if (scan && value.length >= MIN_TEXT_LENGTH && value.includes(" ") && !isGeometry(value)) {
            for (const hit of scanText(value, textDetectors)) {
              const key = `${i}\u0000${hit.kind}`;
              let entry = cells.get(key);
              if (!entry) cells.set(key, (entry = { hits: [], total: 0 }));
              entry.total++;
              if (entry.hits.length < maxCells) entry.hits.push({ row: row.rowNumber, line: row.line, hit });
            }
          }
        }
        if (officialSeen < 200) {
          for (const i of officialColumns) {
            const v = values[i];
            if (!v) continue;
            officialSeen++;
            if (OFFICIAL_VALUE.test(v)) officialHits++;
          }
        }
      },
      end() {
        // Pass 1 without context finds what the values alone say; pass 2 re-decides the kinds
        // that depend on the file being about persons (addresses, fixed phones, bare surnames);
        // pass 3 the coordinates, personal only where a personal address column says they
        // geocode homes.
        const decideAll = (context: FileContext) => columns.map((c) => columnVerdict(c, context));
        const first = withoutAggregatedFirstNames(decideAll({ person: false, home: false }));
        const personContext = first.some((v) => v !== null && PERSON_KINDS.has(v.kind));
        let verdicts = personContext ? withoutAggregatedFirstNames(decideAll({ person: true, home: false })) : first;
        if (verdicts.some((v) => v?.kind === "address")) verdicts = withoutAggregatedFirstNames(decideAll({ person: personContext, home: true }));
        const exemption: Exemption | undefined = officialSeen > 0 && officialHits / officialSeen >= 0.5 ? "elected-officials" : directory ? "public-directory" : undefined;

        const flagged = new Set<string>();
        for (const verdict of verdicts) {
          if (!verdict) continue;
          const { column, detector: d } = verdict;
          flagged.add(`${column.index}\u0000${verdict.kind}`);
          const exempt = exemptionApplies(exemption, verdict);
          // A column the Table Schema in use declares for this kind is expected to hold it: the
          // finding stays (the values may still be private ones) but never as an error.
          const declaredBy = exempt || !declares(declared[column.index], d) ? undefined : declared[column.index]!.name;
          const legal = exempt ? [...d.legal, LEGAL.exemptions] : d.legal;
          const draft: CodedDraft = {
            code: personalDataCode(verdict.kind),
            messageId: `${camel(verdict.kind)}${exempt ? "ColumnExempt" : declaredBy !== undefined ? "ColumnDeclared" : "Column"}`,
            fieldName: column.label,
            fieldNumber: column.index + 1,
            data: {
              kind: verdict.kind,
              column: column.label,
              confidence: verdict.confidence,
              confidencePercent: Math.round(verdict.confidence * 100),
              sharePercent: Math.round(verdict.share * 100),
              evidence: {
                headerHint: verdict.headerHint ?? null,
                share: verdict.share,
                examined: column.examined,
                meanPersonal: verdict.meanPersonal,
                checksum: verdict.checksumShare,
                personContext,
              },
              examples: verdict.examples,
              rows: verdict.rows,
              legal,
              ...(exempt ? { exemption: LEGAL.exemptions, context: exemption } : {}),
              ...(declaredBy !== undefined ? { declaredBy } : {}),
            },
          };
          context.markSensitiveColumn(column.index + 1, (value) => mask(verdict.kind, value));
          const severity = exempt ? "info" : verdictSeverity(verdict);
          if (severity !== "warning") draft.severity = declaredBy !== undefined && severity === "error" ? "warning" : severity;
          const accepted = acceptedFor(column.label, verdict.kind);
          if (accepted) draft.accepted = accepted;
          context.report(draft);
        }

        for (const [key, entry] of cells) {
          const [index, kind] = key.split("\u0000") as [string, PersonalDataKind];
          if (flagged.has(key)) continue; // the column verdict already covers these cells
          const label = labels[Number(index)] ?? "";
          const d = enabled.find((x) => x.kind === kind)!;
          if (entry.hits.some((h) => !h.hit.inOffice)) context.markSensitiveColumn(Number(index) + 1, (value) => mask("text", value));
          for (const { row, line, hit } of entry.hits) {
            const exempt = hit.inOffice;
            const severity: Severity = exempt ? "info" : d.severity;
            const draft: CodedDraft = {
              code: personalDataCode(kind),
              messageId: `${camel(kind)}${exempt ? "CellExempt" : "Cell"}`,
              severity,
              rowNumber: row,
              line,
              fieldName: label,
              fieldNumber: Number(index) + 1,
              cell: hit.masked,
              data: {
                kind,
                column: label,
                masked: hit.masked,
                confidence: exempt ? 0.6 : 0.8,
                evidence: { freeText: true, cellsInColumn: entry.total },
                legal: exempt ? [...d.legal, LEGAL.exemptions] : d.legal,
                ...(exempt ? { exemption: LEGAL.exemptions, context: "in-office" } : {}),
              },
            };
            const accepted = acceptedFor(label, kind);
            if (accepted) draft.accepted = accepted;
            context.report(draft);
          }
        }
      },
    };
  },
});
