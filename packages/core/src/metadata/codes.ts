import type { Lang, Severity } from "../findings.js";
import { FindingFactory, type CodeDefinition } from "../validate/findings-factory.js";
import { DATAGOUV_CRITERIA } from "./datagouv-criteria.js";
import { criterionMessages, METADATA_MESSAGES } from "./messages.js";
import { MQA_CRITERIA } from "./mqa-criteria.js";

/**
 * Default severity of the metadata codes that are not criteria. A criterion's finding is a
 * warning when it fails and an info otherwise (score.ts), which its draft says.
 */
const SEVERITIES: Readonly<Record<string, Severity>> = {
  "metadata-descriptor-invalid": "warning",
  "metadata-datagouv-divergence": "info",
  "metadata-schema-mismatch": "warning",
  "metadata-temporal-mismatch": "warning",
  "metadata-spatial-mismatch": "warning",
  "metadata-byte-size-mismatch": "warning",
  "metadata-hash-mismatch": "warning",
  "metadata-frequency-not-met": "warning",
  "metadata-modified-outdated": "info",
  "metadata-license-not-allowed": "warning",
  "metadata-license-superseded": "warning",
  "metadata-min-score": "error",
  "metadata-min-datagouv-score": "error",
  "metadata-min-rating": "error",
};

let definitions: ReadonlyMap<string, CodeDefinition> | undefined;

/**
 * Every metadata finding code with its definition: one per criterion (`metadata-<id>`, messages
 * keyed pass, fail, provisional, local), and the cross-checks, thresholds and descriptor problems,
 * whose one message is keyed by the code itself.
 */
export function metadataCodeDefinitions(): ReadonlyMap<string, CodeDefinition> {
  if (definitions) return definitions;
  const map = new Map<string, CodeDefinition>();
  for (const criterion of [...DATAGOUV_CRITERIA, ...MQA_CRITERIA]) {
    map.set(`metadata-${criterion.id}`, { category: "metadata", severity: "warning", messages: criterionMessages(criterion) });
  }
  for (const [code, template] of Object.entries(METADATA_MESSAGES)) {
    map.set(code, { category: "metadata", severity: SEVERITIES[code] ?? "warning", messages: { [code]: template } });
  }
  definitions = map;
  return map;
}

/** The metadata codes `severity.codes` may set. */
export function metadataCodes(): string[] {
  return [...metadataCodeDefinitions().keys()];
}

const defined = new WeakSet<FindingFactory>();

/** Makes the metadata codes known to a run's factory (once per factory). */
export function withMetadataCodes(factory: FindingFactory): FindingFactory {
  if (defined.has(factory)) return factory;
  for (const [code, definition] of metadataCodeDefinitions()) factory.define(code, definition);
  defined.add(factory);
  return factory;
}

const plain = new Map<Lang, FindingFactory>();

/**
 * The factory metadata findings are made with when the caller gives none (`conforme metadata`,
 * the library's scoring functions): no severity overrides, only the code's defaults.
 */
export function metadataFactory(factory: FindingFactory | undefined, lang: Lang = "fr"): FindingFactory {
  if (factory) return withMetadataCodes(factory);
  let made = plain.get(lang);
  if (!made) {
    made = withMetadataCodes(new FindingFactory(lang));
    plain.set(lang, made);
  }
  return made;
}
