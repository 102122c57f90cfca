import type { CheckMeta, MessageTemplate } from "../check.js";
import type { Category, Finding, FindingDraft, Lang, Severity } from "../findings.js";
import { engineCodes } from "../messages/table-schema.js";
import { renderMessage } from "../messages/render.js";

/** A severity as configured: `off` silences a code or a whole category. */
export type SeverityLevel = Severity | "off";

/** Severities set by the user, per code or check id first, then per category. */
export interface SeverityOverrides {
  codes?: Record<string, SeverityLevel>;
  categories?: Partial<Record<Category, SeverityLevel>>;
}

interface CodeInfo {
  category: Category;
  severity: Severity;
  messages: Record<string, MessageTemplate>;
}

const engineSeverity: Record<string, Severity> = {
  "schema-warning": "info",
  "resource-error": "warning",
  "missing-header-warn": "warning",
  "extra-header-warn": "warning",
  "disordered-header-warn": "warning",
};

function engineInfo(code: string): CodeInfo | undefined {
  const entry = (engineCodes as Record<string, { category: Category; messages: Record<string, MessageTemplate> }>)[code];
  if (!entry) return undefined;
  return { category: entry.category, severity: engineSeverity[code] ?? "error", messages: entry.messages };
}

/**
 * Turns drafts into findings: severity from the overrides or the code's default, category, and
 * the message rendered from the draft's values. One instance per run, shared by every file.
 */
export class FindingFactory {
  readonly #lang: Lang;
  readonly #overrides: SeverityOverrides;
  readonly #checks = new Map<string, CodeInfo>();

  constructor(lang: Lang, overrides: SeverityOverrides = {}) {
    this.#lang = lang;
    this.#overrides = overrides;
  }

  get lang(): Lang {
    return this.#lang;
  }

  /** Makes a row check's codes known; its id is its code. */
  register(id: string, meta: CheckMeta): void {
    this.#checks.set(id, { category: meta.category, severity: meta.severity, messages: meta.messages });
  }

  /** The severity a finding of this code gets, or `off` when it must not be reported. */
  severityOf(code: string, fallback?: Severity): SeverityLevel {
    const info = this.#info(code);
    return (
      this.#overrides.codes?.[code] ??
      (info ? this.#overrides.categories?.[info.category] : undefined) ??
      fallback ??
      info?.severity ??
      "error"
    );
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
    const severity = this.#overrides.codes?.[code] ?? (info ? this.#overrides.categories?.[info.category] : undefined) ?? draft.severity ?? info?.severity ?? "error";
    if (severity === "off") return undefined;
    const messageId = draft.messageId ?? "default";
    const data = draft.data ?? {};
    const finding: Finding = {
      code,
      messageId,
      severity,
      category: info?.category ?? "custom",
      message: "",
      data,
    };
    if (file !== undefined) finding.file = file;
    for (const key of ["file", "rowNumber", "fieldNumber", "fieldName", "cell", "line", "pointer", "column", "accepted"] as const) {
      const value = draft[key];
      if (value !== undefined) (finding as unknown as Record<string, unknown>)[key] = value;
    }
    finding.message = this.render(finding);
    return finding;
  }

  /** Renders the finding's message in the factory's language (again, after masking for instance). */
  render(finding: Finding, lang: Lang = this.#lang): string {
    const info = this.#info(finding.code);
    const template = info?.messages[finding.messageId] ?? info?.messages.default ?? info?.messages[Object.keys(info.messages)[0] ?? ""];
    if (!template) return finding.code;
    return renderMessage(template, lang, { ...finding.data, ...finding });
  }

  #info(code: string): CodeInfo | undefined {
    return this.#checks.get(code) ?? engineInfo(code);
  }
}
