import type { MessageTemplate } from "../check.js";
import { renderTemplate } from "../messages/render.js";

/**
 * Something wrong in a descriptor (Table Schema, Data Package). `schema-error` problems stop the
 * run before any row is read; `schema-warning` ones are reported and the run goes on.
 */
export interface SchemaProblem {
  code: "schema-error" | "schema-warning";
  /** Names the kind of problem: `unknownType`, `profileViolation`, `enumOutsideConstraints`... */
  messageId: string;
  /** The offending property as people write it: `fields[2].type`; `(racine)` for the root. */
  property: string;
  /** The same as a JSON Pointer into the descriptor: `/fields/2/type`. */
  pointer: string;
  /** The file or URL holding the descriptor. */
  source: string;
  /** Structured values the message is rendered from. */
  data: Record<string, unknown>;
  /** The detail, rendered in each language (the property is not repeated in it). */
  detail: MessageTemplate;
}

export type SchemaWarning = SchemaProblem;

/** Thrown when a descriptor cannot drive validation. `message` is French; `messages.en` English. */
export class SchemaLoadError extends Error {
  readonly source: string;
  /** Every fatal problem found (at least one), in descriptor order. */
  readonly problems: SchemaProblem[];
  /** The first offending property, e.g. `fields[2].type`. */
  readonly property: string;
  readonly messages: MessageTemplate;

  constructor(source: string, problems: SchemaProblem[]) {
    const messages = describeProblems(source, problems);
    super(messages.fr);
    this.name = "SchemaLoadError";
    this.source = source;
    this.problems = problems;
    this.property = problems[0]?.property ?? "";
    this.messages = messages;
  }
}

function describeProblems(source: string, problems: SchemaProblem[]): MessageTemplate {
  const line = (lang: "fr" | "en") => problems.map((p) => `${p.property} : ${p.detail[lang]}`).join(" ; ");
  return {
    fr: `Schéma inutilisable pour valider (${source}) : ${line("fr")}`,
    en: `The schema cannot drive validation (${source}): ${line("en")}`,
  };
}

/** Turns a JSON Pointer into the `fields[2].type` notation. */
export function pointerToProperty(pointer: string): string {
  if (pointer === "") return "(racine)";
  let out = "";
  for (const raw of pointer.slice(1).split("/")) {
    const token = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (/^\d+$/.test(token)) out += `[${token}]`;
    else out += out === "" ? token : `.${token}`;
  }
  return out;
}

/** Builds problems for one descriptor, rendering its templates once. */
export function problemFactory(source: string, basePointer = "") {
  return (code: SchemaProblem["code"], messageId: string, pointer: string, template: MessageTemplate, data: Record<string, unknown> = {}): SchemaProblem => {
    const full = basePointer + pointer;
    return {
      code,
      messageId,
      property: pointerToProperty(full),
      pointer: full,
      source,
      data,
      detail: { fr: renderTemplate(template.fr, data), en: renderTemplate(template.en, data) },
    };
  };
}
