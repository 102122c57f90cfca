import type { MessageTemplate, RowCheck } from "../check.js";
import type { Severity } from "../findings.js";
import { columnVerdict, examine, maxPersonal, newColumn, type ColumnTally, type ColumnVerdict } from "./column-analysis.js";
import { DETECTORS } from "./detectors/index.js";
import { MIN_TEXT_LENGTH, scanText, type TextHit } from "./free-text.js";
import { LEGAL } from "./legal.js";
import { mask } from "./mask.js";
import { headerHas } from "./normalize.js";
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

export const personalDataCheck: RowCheck<PersonalDataOptions> = {
  id: "personal-data",
  meta: {
    category: "personal-data",
    description: {
      fr: "Repère les données personnelles (courriels, téléphones, NIR, IBAN, noms, adresses…) par colonne et dans les textes libres.",
      en: "Finds personal data (e-mails, phones, NIR, IBAN, names, addresses…) per column and inside free text.",
    },
    severity: "warning",
    messages: Object.assign({}, ...DETECTORS.map(messagesFor)) as Record<string, MessageTemplate>,
    options: personalDataOptionsSchema,
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
    /** Per column, per kind: kept cell hits and their total. */
    const cells = new Map<string, { hits: { row: number; line: number; hit: TextHit }[]; total: number }>();

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
      },
      row(row) {
        const values = row.cells;
        // Only the columns still sampled, and the text columns, are visited (throughput).
        for (let i = 0; i < columns.length; i++) {
          const column = columns[i]!;
          const scan = scanFreeText && (!column.settled || column.texts > 0);
          if (column.settled && !scan) continue;
          const raw = values[i];
          if (raw === undefined) continue;
          const value = raw.trim();
          if (value === "") continue;
          if (!column.settled) examine(column, value, row.rowNumber, sampleSize);
          if (scan && value.length >= MIN_TEXT_LENGTH && value.includes(" ")) {
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
        // Pass 1 without person context finds what the values alone say; pass 2 re-decides the
        // context-dependent kinds (addresses, coordinates, fixed phones, bare surnames).
        const first = columns.map((c) => columnVerdict(c, false));
        const personContext = first.some((v) => v !== null && PERSON_KINDS.has(v.kind));
        const verdicts = personContext ? columns.map((c) => columnVerdict(c, true)) : first;
        const exemption: Exemption | undefined =
          officialSeen > 0 && officialHits / officialSeen >= 0.5 ? "elected-officials" : directory ? "public-directory" : undefined;

        const flagged = new Set<string>();
        for (const verdict of verdicts) {
          if (!verdict) continue;
          const { column, detector: d } = verdict;
          flagged.add(`${column.index}\u0000${verdict.kind}`);
          const exempt = exemptionApplies(exemption, verdict);
          const legal = exempt ? [...d.legal, LEGAL.exemptions] : d.legal;
          const draft: CodedDraft = {
            code: personalDataCode(verdict.kind),
            messageId: `${camel(verdict.kind)}${exempt ? "ColumnExempt" : "Column"}`,
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
            },
          };
          context.markSensitiveColumn(column.index + 1, (value) => mask(verdict.kind, value));
          if (exempt) draft.severity = "info";
          else if (d.severity !== "warning") draft.severity = d.severity;
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
};
