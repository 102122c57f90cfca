import { PERSONAL_DATA_KINDS, type PersonalDataKind } from "./types.js";

/** A finding the publisher accepted in configuration: it stays in the report, marked accepted. */
export interface AcceptedFinding {
  /** Header label of the column. */
  column: string;
  kind: PersonalDataKind;
  reason: string;
}

export interface PersonalDataOptions {
  /** Detectors to run; all by default. */
  detectors?: PersonalDataKind[];
  accept?: AcceptedFinding[];
  /** Non-empty values examined per column before the verdict is taken (default 500). */
  sampleSize?: number;
  /** Scan long text cells for embedded personal data (default true). */
  freeText?: boolean;
  /** Cell-level findings kept per column and kind (default 50); the total is still counted. */
  maxCellFindings?: number;
}

const acceptSchema = {
  type: "array",
  description: "Constats acceptés : ils restent visibles, marqués acceptés.",
  items: {
    type: "object",
    required: ["column", "kind", "reason"],
    additionalProperties: false,
    properties: {
      column: { type: "string", minLength: 1 },
      kind: { enum: [...PERSONAL_DATA_KINDS] },
      reason: { type: "string", minLength: 1 },
    },
  },
} as const;

export const personalDataOptionsSchema = {
  type: "object",
  additionalProperties: false,
  properties: {
    detectors: { type: "array", items: { enum: [...PERSONAL_DATA_KINDS] }, uniqueItems: true },
    accept: acceptSchema,
    sampleSize: { type: "integer", minimum: 50, default: 500 },
    freeText: { type: "boolean", default: true },
    maxCellFindings: { type: "integer", minimum: 1, default: 50 },
  },
} as const;

export interface ReidentificationOptions {
  /** Smallest acceptable group size on the quasi-identifier combination (default 5). */
  k?: number;
  /** Header labels to treat as quasi-identifiers, instead of detecting them. */
  quasiIdentifiers?: string[];
}

export const reidentificationOptionsSchema = {
  type: "object",
  additionalProperties: false,
  properties: {
    k: { type: "integer", minimum: 2, default: 5 },
    quasiIdentifiers: { type: "array", items: { type: "string" }, minItems: 2 },
  },
} as const;

export interface SmallCountsOptions {
  /** Counts from 1 to threshold − 1 are flagged (default 11: statistical secrecy). */
  threshold?: number;
  /** Header labels of the count columns, instead of detecting them. */
  countColumns?: string[];
  maxFindings?: number;
}

export const smallCountsOptionsSchema = {
  type: "object",
  additionalProperties: false,
  properties: {
    threshold: { type: "integer", minimum: 2, default: 11 },
    countColumns: { type: "array", items: { type: "string" } },
    maxFindings: { type: "integer", minimum: 1, default: 200 },
  },
} as const;
