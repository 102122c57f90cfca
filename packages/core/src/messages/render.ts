import type { MessageTemplate } from "../check.js";
import type { Lang } from "../findings.js";

const PLACEHOLDER = /\{(\w+)\}/g;

/** Fills `{name}` placeholders from `values`; unknown names are left as written. */
export function renderTemplate(template: string, values: Record<string, unknown>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values[name];
    if (value === undefined || value === null) return whole;
    return Array.isArray(value) ? value.join(", ") : String(value);
  });
}

export function renderMessage(template: MessageTemplate, lang: Lang, values: Record<string, unknown>): string {
  return renderTemplate(template[lang], values);
}
