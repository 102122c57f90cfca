import { REPORT_VERSION } from "./report.js";

/**
 * JSON Schema (draft 2020-12) of the JSON report. `pnpm generate` writes it to
 * `schemas/report.schema.json`; tests validate every JSON report they produce against it.
 * Kept beside `report.ts`: a change to one without the other fails those tests.
 */
export const reportJsonSchema = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://github.com/conforme-fr/conforme/blob/main/schemas/report.schema.json",
  title: "Rapport conforme",
  description: "Rapport JSON de conforme (`conforme lint --format json`).",
  type: "object",
  required: ["reportVersion", "tool", "lang", "createdAt", "durationMs", "valid", "stats", "files", "runErrors"],
  additionalProperties: false,
  properties: {
    reportVersion: { const: REPORT_VERSION },
    tool: {
      type: "object",
      required: ["name", "version"],
      additionalProperties: false,
      properties: { name: { const: "conforme" }, version: { type: "string" } },
    },
    lang: { enum: ["fr", "en"] },
    createdAt: { type: "string", format: "date-time" },
    durationMs: { type: "number", minimum: 0 },
    valid: { type: "boolean" },
    stats: {
      type: "object",
      required: ["files", "errors", "warnings", "infos"],
      additionalProperties: false,
      properties: {
        files: { type: "integer", minimum: 0 },
        errors: { type: "integer", minimum: 0 },
        warnings: { type: "integer", minimum: 0 },
        infos: { type: "integer", minimum: 0 },
      },
    },
    files: { type: "array", items: { $ref: "#/$defs/fileReport" } },
    runErrors: {
      type: "array",
      items: {
        type: "object",
        required: ["code", "message"],
        additionalProperties: false,
        properties: { code: { type: "string" }, message: { type: "string" }, file: { type: "string" } },
      },
    },
    options: { type: "object" },
    metadata: { type: "array", items: { type: "object" } },
  },
  $defs: {
    severity: { enum: ["error", "warning", "info"] },
    finding: {
      type: "object",
      required: ["code", "messageId", "severity", "category", "message", "data"],
      additionalProperties: false,
      properties: {
        code: { type: "string", pattern: "^[a-z0-9]+(-[a-z0-9]+)*$" },
        messageId: { type: "string" },
        severity: { $ref: "#/$defs/severity" },
        category: { enum: ["source", "structure", "schema", "french", "custom", "personal-data", "metadata"] },
        message: { type: "string" },
        data: { type: "object" },
        file: { type: "string" },
        rowNumber: { type: "integer", minimum: 1 },
        fieldNumber: { type: "integer", minimum: 1 },
        fieldName: { type: "string" },
        cell: { type: "string" },
        line: { type: "integer", minimum: 1 },
        pointer: { type: "string" },
        column: { type: "integer", minimum: 1 },
        accepted: {
          type: "object",
          required: ["reason"],
          additionalProperties: false,
          properties: { reason: { type: "string" } },
        },
      },
    },
    fileReport: {
      type: "object",
      required: ["file", "valid", "partial", "labels", "stats", "findings", "durationMs"],
      additionalProperties: false,
      properties: {
        file: { type: "string" },
        valid: { type: "boolean" },
        partial: { type: "boolean" },
        schema: {
          type: "object",
          required: ["source"],
          additionalProperties: false,
          properties: { id: { type: "string" }, version: { type: "string" }, source: { type: "string" } },
        },
        encoding: { type: "string" },
        dialect: {
          type: "object",
          required: ["delimiter", "quoteChar", "lineTerminator"],
          additionalProperties: false,
          properties: { delimiter: { type: "string" }, quoteChar: { type: "string" }, lineTerminator: { type: "string" } },
        },
        labels: { type: "array", items: { type: "string" } },
        stats: {
          type: "object",
          required: ["rows", "fields", "bytes", "errors", "warnings", "infos"],
          additionalProperties: false,
          properties: {
            rows: { type: "integer", minimum: 0 },
            fields: { type: "integer", minimum: 0 },
            bytes: { type: "integer", minimum: 0 },
            sha256: { type: "string", pattern: "^[0-9a-f]{64}$" },
            errors: { type: "integer", minimum: 0 },
            warnings: { type: "integer", minimum: 0 },
            infos: { type: "integer", minimum: 0 },
            validCellsPercent: { type: "number", minimum: 0, maximum: 100 },
            countsByCode: { type: "object", additionalProperties: { type: "integer", minimum: 0 } },
          },
        },
        findings: { type: "array", items: { $ref: "#/$defs/finding" } },
        durationMs: { type: "number", minimum: 0 },
      },
    },
  },
} as const;
