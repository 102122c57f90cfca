import type { CheckMeta, MessageTemplate } from "../check.js";
import type { Category, Finding, FindingDraft, Lang, Severity } from "../findings.js";
import { engineCodes, type EngineCode } from "../messages/table-schema.js";
import { quote, quoteValue } from "../messages/quote.js";
import { renderMessage } from "../messages/render.js";

/** A severity as configured: `off` silences a code or a whole category. */
export type SeverityLevel = Severity | "off";

/** Severities set by the user, per code or check id first, then per category. */
export interface SeverityOverrides {
  codes?: Record<string, SeverityLevel>;
  categories?: Partial<Record<Category, SeverityLevel>>;
}

/** What the factory needs of a code: where it belongs, how grave it is by default, its messages. */
export interface CodeDefinition {
  category: Category;
  severity: Severity;
  messages: Record<string, MessageTemplate>;
}

function engineInfo(code: string): CodeDefinition | undefined {
  const entry = (engineCodes as Record<string, EngineCode>)[code];
  if (!entry) return undefined;
  return { category: entry.category, severity: entry.severity, messages: entry.messages };
}

/**
 * Turns drafts into findings: severity from the overrides or the code's default, category, and
 * the message rendered from the draft's values. One instance per run, shared by every file.
 */
export class FindingFactory {
  readonly #lang: Lang;
  readonly #overrides: SeverityOverrides;
  readonly #checks = new Map<string, CodeDefinition>();

  constructor(lang: Lang, overrides: SeverityOverrides = {}) {
    this.#lang = lang;
    this.#overrides = overrides;
  }

  get lang(): Lang {
    return this.#lang;
  }

  /** Makes a row check's codes known; its id is its code. */
  register(id: string, meta: CheckMeta): void {
    this.define(id, { category: meta.category, severity: meta.severity, messages: meta.messages });
  }

  /**
   * Makes a code known that no row check owns (metadata criteria and cross-checks), so that its
   * findings get the same severity overrides and rendering as the data's.
   */
  define(code: string, definition: CodeDefinition): void {
    this.#checks.set(code, definition);
  }

  /** Whether the code's templates are known (defined, registered or the engine's). */
  knows(code: string): boolean {
    return this.#info(code) !== undefined;
  }

  /**
   * Builds the finding, or returns undefined when its code is switched off. `owner` is the check
   * that reported it: a code it reports besides its id takes its category and templates.
   */
  make(code: string, draft: FindingDraft, file: string | undefined, owner?: string): Finding | undefined {
    if (owner !== undefined && owner !== code && !this.#checks.has(code)) {
      const ownerInfo = this.#checks.get(owner);
      if (ownerInfo) this.#checks.set(code, ownerInfo);
    }
    const info = this.#info(code);
    const configured = this.#overrides.codes?.[code] ?? (info ? this.#overrides.categories?.[info.category] : undefined) ?? draft.severity ?? info?.severity ?? "error";
    if (configured === "off") return undefined;
    // An accepted finding stays visible but no longer fails the run.
    const severity = draft.accepted ? "info" : configured;
    const messageId = draft.messageId ?? "default";
    const data = quoteData(draft.data ?? {});
    const finding: Finding = {
      code,
      messageId,
      severity,
      category: info?.category ?? "custom",
      message: "",
      data,
    };
    if (file !== undefined) finding.file = file;
    for (const key of ["file", "rowNumber", "fieldNumber", "fieldName", "cell", "line", "cellRef", "pointer", "column", "accepted"] as const) {
      const value = draft[key];
      if (value !== undefined) (finding as unknown as Record<string, unknown>)[key] = value;
    }
    // Cells and names come from the file (without a schema, field names are its header): they
    // are quoted like every value a message shows, masked where personal and bounded.
    if (finding.fieldName !== undefined) finding.fieldName = quoteValue(finding.fieldName);
    if (finding.cell !== undefined) {
      const quoted = quote(finding.cell);
      finding.cell = quoted.text;
      // A hint rewrites the raw value ("write 1984-03-12"): it goes with it.
      if (quoted.masked && "hint" in finding.data) {
        const { hint: _hint, ...rest } = finding.data;
        finding.data = rest;
      }
    }
    finding.message = this.render(finding);
    return finding;
  }

  /** Renders the finding's message in the factory's language (again, after masking for instance). */
  render(finding: Finding, lang: Lang = this.#lang): string {
    const info = this.#info(finding.code);
    const template = info?.messages[finding.messageId] ?? info?.messages.default ?? info?.messages[Object.keys(info.messages)[0] ?? ""];
    if (!template) return finding.code;
    const values: Record<string, unknown> = { ...finding.data, ...finding };
    if (typeof finding.data.type === "string") values.typeLabel = typeLabel(finding.data.type, finding.data.format, lang);
    const message = renderMessage(template, lang, values);
    const hint = finding.data.hint as MessageTemplate | undefined;
    return hint && typeof hint[lang] === "string" ? `${message} ${hint[lang]}` : message;
  }

  #info(code: string): CodeDefinition | undefined {
    return this.#checks.get(code) ?? engineInfo(code);
  }
}

/**
 * Keys of `data` holding values read from the file; the other strings (pattern, detail...) come
 * from the schema, the configuration or conforme and get a longer bound.
 */
const VALUE_KEYS = new Set(["cell", "label", "column", "value", "values", "suggestion", "previous"]);
const MAX_OTHER_LENGTH = 1000;

/** `data` with every string quoted (see messages/quote.ts); other values as they are. */
function quoteData(data: Record<string, unknown>): Record<string, unknown> {
  let out: Record<string, unknown> | undefined;
  for (const key of Object.keys(data)) {
    const value = data[key];
    if (typeof value !== "string") continue;
    const quoted = quoteValue(value, VALUE_KEYS.has(key) ? undefined : MAX_OTHER_LENGTH);
    if (quoted === value) continue;
    out ??= { ...data };
    out[key] = quoted;
  }
  return out ?? data;
}

const TYPE_LABELS: Record<string, MessageTemplate> = {
  string: { fr: "texte", en: "text" },
  integer: { fr: "nombre entier", en: "integer" },
  number: { fr: "nombre", en: "number" },
  boolean: { fr: "booléen", en: "boolean" },
  date: { fr: "date AAAA-MM-JJ", en: "date YYYY-MM-DD" },
  datetime: { fr: "date et heure ISO 8601", en: "ISO 8601 date and time" },
  time: { fr: "heure hh:mm:ss", en: "time hh:mm:ss" },
  year: { fr: "année AAAA", en: "year YYYY" },
  yearmonth: { fr: "année et mois AAAA-MM", en: "year and month YYYY-MM" },
  duration: { fr: "durée ISO 8601", en: "ISO 8601 duration" },
  geopoint: { fr: "point géographique", en: "geographic point" },
  geojson: { fr: "objet GeoJSON", en: "GeoJSON object" },
  object: { fr: "objet JSON", en: "JSON object" },
  array: { fr: "liste JSON", en: "JSON array" },
  any: { fr: "valeur quelconque", en: "any value" },
};

/** The expected type in words: "date AAAA-MM-JJ", or "date au format %d/%m/%Y" for a custom one. */
function typeLabel(type: string, format: unknown, lang: Lang): string {
  const label = TYPE_LABELS[type]?.[lang] ?? type;
  if (typeof format !== "string" || format === "default" || format === "") return label;
  const base = TYPE_LABELS[type] && ["date", "datetime", "time", "year", "yearmonth"].includes(type) ? type : label;
  return lang === "fr" ? `${base} au format ${format}` : `${base} in format ${format}`;
}
