import type { Finding, Lang } from "../findings.js";
import type { FindingFactory } from "../validate/findings-factory.js";
import { detectFormat, fromConformeDescriptor, fromDatagouv, fromDataPackage } from "./adapters.js";
import { metadataFactory } from "./codes.js";
import { validateDatasetDescriptor } from "../schema-validators.js";
import type { DatasetModel } from "./model.js";
import { fromDcatGraph, parseJsonLd, parseTurtle, RdfInputError } from "./rdf.js";
import { opaqueSource, parseSourceText, type SourceText } from "./source.js";
import { loadYaml } from "../yaml-module.js";
import { loadMediaTypes } from "./vocabularies/formats.js";

/** A descriptor that cannot be read at all: a run error, not a finding. */
export class MetadataInputError extends Error {
  constructor(
    readonly code: "metadata-unreadable" | "metadata-unknown-format",
    message: string,
  ) {
    super(message);
  }
}

export interface ParsedDescriptor {
  model: DatasetModel;
  source: SourceText;
  /** Problems in the descriptor itself (schema violations). */
  findings: Finding[];
  file?: string;
}

/**
 * Reads a descriptor (datapackage.json v1/v2, conforme.dataset.yml|json, data.gouv.fr dataset
 * JSON, DCAT-AP in JSON-LD or Turtle) into the dataset model. `file` picks the format when the
 * content alone cannot (Turtle, conforme descriptor named by its file).
 */
export async function readDescriptor(text: string, options: { file?: string; lang?: Lang; factory?: FindingFactory } = {}): Promise<ParsedDescriptor> {
  const file = options.file;
  const withFile = <T extends object>(value: T) => (file === undefined ? value : { ...value, file });
  const looksTurtle = /\.ttl$/i.test(file ?? "") || /^\s*(@prefix|@base|PREFIX|BASE)\b/i.test(text);
  // Scoring reads the IANA media types: loaded here, once, as the descriptor is.
  await loadMediaTypes();
  try {
    if (looksTurtle) {
      return withFile({ model: fromDcatGraph(await parseTurtle(text), "dcat-turtle"), source: opaqueSource(text, undefined), findings: [] });
    }
    await loadYaml();
    const source = parseSourceText(text);
    const [error] = source.errors;
    if (error) throw new MetadataInputError("metadata-unreadable", `${error.message} (${error.line}:${error.column})`);
    const format = detectFormat(source.value, file);
    const value = source.value as Record<string, unknown>;
    switch (format) {
      case "dcat-jsonld":
        return withFile({ model: fromDcatGraph(await parseJsonLd(value), "dcat-jsonld"), source, findings: [] });
      case "datagouv":
        return withFile({ model: fromDatagouv(value), source, findings: [] });
      case "datapackage-v1":
      case "datapackage-v2":
        return withFile({ model: fromDataPackage(value, format), source, findings: [] });
      case "conforme": {
        const validateDescriptor = validateDatasetDescriptor;
        validateDescriptor(value);
        const factory = metadataFactory(options.factory, options.lang);
        const findings: Finding[] = (validateDescriptor.errors ?? []).flatMap((e) => {
          const data = { error: `${e.instancePath || "/"} ${e.message ?? ""}`.trim(), keyword: e.keyword };
          const position = source.locate(e.instancePath);
          const code = "metadata-descriptor-invalid";
          const made = factory.make(code, { messageId: code, data, pointer: e.instancePath, ...(position && { line: position.line, column: position.column }) }, file);
          return made ? [made] : [];
        });
        return withFile({ model: fromConformeDescriptor(value), source, findings });
      }
      default:
        throw new MetadataInputError(
          "metadata-unknown-format",
          "format de descripteur inconnu : attendu datapackage.json, conforme.dataset.yml, jeu data.gouv.fr ou DCAT-AP (JSON-LD, Turtle)",
        );
    }
  } catch (error) {
    if (error instanceof RdfInputError) throw new MetadataInputError("metadata-unreadable", error.message);
    throw error;
  }
}
