import type { CheckMeta, MessageTemplate } from "../check.js";
import { docsUrl } from "../check.js";
import { checks } from "../checks/registry.js";
import type { Category, Lang, Severity } from "../findings.js";
import { renderTemplate } from "../messages/render.js";
import { engineCodes, type EngineCode } from "../messages/table-schema.js";
import { DATAGOUV_CRITERIA } from "../metadata/datagouv-criteria.js";
import { keyName } from "../metadata/keys.js";
import { METADATA_CODES } from "../metadata/codes.js";
import { MQA_CRITERIA } from "../metadata/mqa-criteria.js";
import { DETECTORS } from "../personal-data/detectors/index.js";
import { personalDataChecks, personalDataCode } from "../personal-data/index.js";
import { personalDataCheck } from "../personal-data/personal-data-check.js";

/**
 * What conforme knows of a finding code, in one place: the engine's validation, the messages,
 * `conforme explain`, the SARIF rules, the HTML report's advice and the GitHub Action all read it.
 */
export interface CodeInfo {
  code: string;
  /** The check reporting it: the code itself, or the check that reports it under another name (`small-counts` for `small-count`). */
  check: string;
  category?: Category;
  /** Severity of its findings unless the configuration sets another. */
  severity?: Severity;
  /** A short name, as the documentation page's title (French) says it. */
  title?: MessageTemplate;
  /** One line on what is checked (a check's `meta.description`), or the title. */
  description?: MessageTemplate;
  /** How to fix what the code reports, whatever the value (the finding's message may add a hint for its value). */
  fixAdvice?: MessageTemplate;
  /** A failure of the run (exit code 2), not a finding: metadata that cannot be read. */
  runError?: boolean;
  /** Documentation page (docs/checks/<code>.md). */
  helpUri: string;
}

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** The catalogue entry of every code with a fixed name, in the order `conforme explain --list` prints. */
function buildCatalog(): CodeInfo[] {
  const entries: CodeInfo[] = [];
  for (const [code, entry] of Object.entries(engineCodes as Record<string, EngineCode>)) {
    entries.push({
      code,
      check: code,
      category: entry.category,
      severity: entry.severity,
      title: entry.title,
      description: entry.title,
      fixAdvice: entry.fix,
      helpUri: docsUrl(code),
    });
  }
  for (const check of [...checks, ...personalDataChecks]) {
    const { meta } = check as { meta: CheckMeta };
    const base = { check: check.id, category: meta.category, severity: meta.severity, description: meta.description };
    entries.push({ code: check.id, ...base, title: meta.title, fixAdvice: meta.fix, helpUri: docsUrl(check.id) });
    for (const [code, emitted] of Object.entries(meta.emits ?? {})) {
      entries.push({ code, ...base, title: emitted.title, fixAdvice: emitted.fix, helpUri: docsUrl(code) });
    }
  }
  // The personal-data check reports each kind under its own code (`personal-data-email`).
  const advice = personalDataCheck.meta.fix;
  for (const detector of DETECTORS) {
    const title = { fr: capitalised(detector.label.fr), en: capitalised(detector.label.en) };
    entries.push({
      code: personalDataCode(detector.kind),
      check: "personal-data",
      category: "personal-data",
      severity: detector.severity,
      title,
      description: title,
      fixAdvice: advice,
      helpUri: docsUrl(personalDataCode(detector.kind)),
    });
  }
  // A criterion not fully met is a warning (metadata/score.ts); its advice says what to add,
  // naming the key as conforme.dataset.yml writes it (a finding names its own descriptor's).
  for (const criterion of [...DATAGOUV_CRITERIA, ...MQA_CRITERIA]) {
    const code = `metadata-${criterion.id}`;
    const values = { key: keyName("conforme", criterion.property) };
    const fixAdvice = { fr: renderTemplate(criterion.advice.fr, values), en: renderTemplate(criterion.advice.en, values) };
    entries.push({ code, check: code, category: "metadata", severity: "warning", title: criterion.label, description: criterion.label, fixAdvice, helpUri: docsUrl(code) });
  }
  for (const [code, entry] of Object.entries(METADATA_CODES)) {
    const info: CodeInfo = {
      code,
      check: code,
      category: "metadata",
      severity: entry.severity,
      title: entry.title,
      description: entry.title,
      fixAdvice: entry.fix,
      helpUri: docsUrl(code),
    };
    if (entry.runError) info.runError = true;
    entries.push(info);
  }
  return entries;
}

let catalog: readonly CodeInfo[] | undefined;
let byCode: Map<string, CodeInfo> | undefined;

/** Every finding code conforme reports, with what formatters, `explain` and the Action say of it. */
export function codeCatalog(): readonly CodeInfo[] {
  catalog ??= buildCatalog();
  return catalog;
}

/**
 * Every code a finding of the data can carry, so every code `severity.codes` can set: the
 * catalogue's, metadata apart (their severity comes from the score).
 */
export function findingCodes(): string[] {
  return codeCatalog()
    .filter((entry) => entry.category !== "metadata")
    .map((entry) => entry.code);
}

/** The catalogue entry of a code; an unknown code gets its would-be page and nothing else. */
export function describeCode(code: string): CodeInfo {
  byCode ??= new Map(codeCatalog().map((entry) => [entry.code, entry]));
  return byCode.get(code) ?? { code, check: code, helpUri: docsUrl(code) };
}

/** The code's short title in `lang`, when the catalogue knows it. */
export function codeTitle(code: string, lang: Lang): string | undefined {
  return describeCode(code).title?.[lang];
}
