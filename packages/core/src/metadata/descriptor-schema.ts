/**
 * JSON Schema of conforme's dataset descriptor (`conforme.dataset.yml` or `.json`): DCAT-AP
 * properties under plain keys. `schemas/dataset.schema.json` is this object, written out and
 * proven fresh by a test.
 */
const text = { type: "string", minLength: 1 } as const;
const date = { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}", description: "Date ISO 8601." } as const;

export const DATASET_SCHEMA_ID = "https://github.com/conforme-fr/conforme/blob/main/schemas/dataset.schema.json";

export const DATASET_SCHEMA = {
  $schema: "http://json-schema.org/draft-07/schema#",
  $id: DATASET_SCHEMA_ID,
  title: "Descripteur de jeu de données conforme",
  description: "Métadonnées d'un jeu de données en clés DCAT-AP simples (dcat:Dataset et dcat:Distribution).",
  type: "object",
  required: ["title", "description", "distributions"],
  additionalProperties: false,
  properties: {
    $schema: { type: "string" },
    title: { ...text, description: "dct:title" },
    description: { ...text, description: "dct:description (Markdown)" },
    keywords: { type: "array", items: text, description: "dcat:keyword" },
    themes: { type: "array", items: text, description: "dcat:theme : codes du vocabulaire européen data-theme (GOVE, ECON...)" },
    spatial: {
      description: "dct:spatial : codes INSEE (communes, départements), identifiants de zones data.gouv.fr, ou « fr ».",
      oneOf: [
        text,
        { type: "array", items: text, minItems: 1 },
        {
          type: "object",
          additionalProperties: false,
          properties: { zones: { type: "array", items: text }, granularity: text, geometry: { type: "object" } },
        },
      ],
    },
    temporal: {
      type: "object",
      description: "dct:temporal",
      additionalProperties: false,
      properties: { start: date, end: date },
      anyOf: [{ required: ["start"] }, { required: ["end"] }],
    },
    accrualPeriodicity: { ...text, description: "dct:accrualPeriodicity : identifiant data.gouv.fr (annual, monthly...) ou code/URI européen." },
    publisher: {
      description: "dct:publisher",
      oneOf: [text, { type: "object", required: ["name"], properties: { name: text, url: text } }],
    },
    contactPoint: {
      description: "dcat:contactPoint",
      oneOf: [text, { $ref: "#/definitions/contact" }, { type: "array", items: { $ref: "#/definitions/contact" } }],
    },
    accessRights: { ...text, description: "dct:accessRights : PUBLIC, RESTRICTED, NON_PUBLIC" },
    license: { ...text, description: "dct:license : etalab-2.0, ODbL-1.0, ou URI" },
    rights: { ...text, description: "dct:rights" },
    issued: { ...date, description: "dct:issued" },
    modified: { ...date, description: "dct:modified" },
    conformsTo: { ...text, description: "dct:conformsTo : schéma (identifiant schema.data.gouv.fr ou URL)" },
    distributions: { type: "array", items: { $ref: "#/definitions/distribution" } },
  },
  definitions: {
    contact: {
      type: "object",
      additionalProperties: false,
      properties: { name: text, email: text, url: text },
      anyOf: [{ required: ["email"] }, { required: ["url"] }],
    },
    distribution: {
      type: "object",
      additionalProperties: false,
      anyOf: [{ required: ["accessURL"] }, { required: ["downloadURL"] }, { required: ["path"] }],
      properties: {
        title: text,
        description: text,
        type: { enum: ["main", "documentation", "update", "api", "code", "other"] },
        accessURL: { ...text, description: "dcat:accessURL" },
        downloadURL: { ...text, description: "dcat:downloadURL" },
        path: { ...text, description: "Chemin local du fichier, relatif au descripteur (avant publication)." },
        format: { ...text, description: "dct:format : CSV, JSON... (table européenne file-type)" },
        mediaType: { ...text, description: "dcat:mediaType : type IANA (text/csv)" },
        byteSize: { type: "integer", minimum: 0, description: "dcat:byteSize" },
        checksum: {
          description: "spdx:checksum : « sha256:… » ou {algorithm, value}",
          oneOf: [
            { type: "string", pattern: "^(sha256|sha1|md5):[0-9a-fA-F]+$" },
            { type: "object", required: ["algorithm", "value"], properties: { algorithm: text, value: text } },
          ],
        },
        license: text,
        rights: text,
        modified: date,
        conformsTo: text,
      },
    },
  },
} as const;
