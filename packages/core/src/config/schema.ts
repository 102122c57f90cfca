import type { FromSchema } from "json-schema-to-ts";
import type { Category } from "../findings.js";
import { personalDataOptionsSchema, reidentificationOptionsSchema, smallCountsOptionsSchema } from "../personal-data/options.js";
import { DEFAULT_OPTIONS } from "../options.js";
import { VERSION } from "../version.js";

/** Name of the configuration file, looked up from the working directory upwards, in this order. */
export const CONFIG_FILE_NAMES = ["conforme.config.yaml", "conforme.config.yml", "conforme.config.json", "conforme.config.mjs"] as const;

const LEVELS = ["off", "info", "warning", "error"] as const;
const CATEGORIES: readonly Category[] = ["source", "structure", "schema", "french", "custom", "personal-data", "metadata"];

const { accept: acceptSchema, ...personalDataCheckOptions } = personalDataOptionsSchema.properties;

/**
 * URL of this version's config schema: the copy shipped in the npm package
 * (`@conforme/core/config.schema.json`, written by the build), served by jsDelivr's npm mirror.
 * Versioned, so an editor validates a config against the conforme that reads it.
 */
export const CONFIG_SCHEMA_URL = `https://cdn.jsdelivr.net/npm/@conforme/core@${VERSION}/dist/config.schema.json`;

/** JSON Schema (draft-07, the one editors' YAML plugins support best) of `conforme.config.*`. */
export const configJsonSchema = {
  $schema: "http://json-schema.org/draft-07/schema#",
  $id: CONFIG_SCHEMA_URL,
  title: "Configuration de conforme (conforme.config.yaml)",
  description: "Schémas par fichier, sévérités, données personnelles acceptées, seuils de métadonnées. Voir docs/configuration.md.",
  type: "object",
  additionalProperties: false,
  properties: {
    $schema: { type: "string" },
    extends: {
      description: "Configuration(s) partagée(s) étendue(s) : chemin relatif ou nom de paquet npm.",
      oneOf: [
        { type: "string", minLength: 1 },
        { type: "array", items: { type: "string", minLength: 1 } },
      ],
    },
    lang: { enum: ["fr", "en"], description: "Langue des messages." },
    files: { type: "array", items: { type: "string", minLength: 1 }, description: "Fichiers et dossiers validés quand la ligne de commande n'en nomme aucun." },
    ignore: { type: "array", items: { type: "string" }, description: "Motifs exclus de la recherche des fichiers (syntaxe .gitignore)." },
    gitignore: { type: "boolean", default: DEFAULT_OPTIONS.gitignore, description: "Respecte les fichiers .gitignore." },
    schema: { type: "string", minLength: 1, description: "Schéma des tableaux qu'aucun motif de `schemas` ne couvre." },
    schemas: {
      type: "object",
      description: "Motif de fichiers (relatif au fichier de configuration) → schéma (identifiant schema.data.gouv.fr, chemin, URL). Le premier motif qui correspond l'emporte.",
      additionalProperties: { type: "string", minLength: 1 },
    },
    checks: {
      type: "object",
      description:
        "Motif de fichiers → contrôles de Validata (custom checks) à exécuter sur les tables correspondantes, comme si leur schéma les déclarait sous « custom_checks ». Chaque motif qui correspond ajoute ses contrôles.",
      additionalProperties: {
        type: "array",
        items: {
          type: "object",
          required: ["name"],
          additionalProperties: false,
          properties: {
            name: { type: "string", minLength: 1, description: "Nom du contrôle (french-siret-value, one-of-required...)." },
            params: { type: "object", description: "Paramètres du contrôle, comme dans « custom_checks »." },
          },
        },
      },
    },
    severity: {
      type: "object",
      additionalProperties: false,
      properties: {
        codes: {
          type: "object",
          description: "Sévérité par code de constat ou identifiant de contrôle.",
          propertyNames: { pattern: "^[a-z0-9]+(-[a-z0-9]+)*$" },
          additionalProperties: { enum: [...LEVELS] },
        },
        categories: {
          type: "object",
          description: "Sévérité par catégorie de contrôles.",
          propertyNames: { enum: [...CATEGORIES] },
          additionalProperties: { enum: [...LEVELS] },
        },
      },
    },
    personalData: {
      description: "Contrôles de données personnelles : `false` les désactive.",
      oneOf: [
        { type: "boolean" },
        {
          type: "object",
          additionalProperties: false,
          properties: {
            accept: acceptSchema,
            checks: {
              type: "object",
              additionalProperties: false,
              properties: {
                "personal-data": { type: "object", additionalProperties: false, properties: personalDataCheckOptions },
                "reidentification-risk": reidentificationOptionsSchema,
                "small-counts": smallCountsOptionsSchema,
              },
            },
          },
        },
      ],
    },
    metadata: {
      description: "Notation des métadonnées (data.gouv.fr, MQA) et seuils : `false` la désactive.",
      oneOf: [
        { const: false },
        {
          type: "object",
          additionalProperties: false,
          properties: {
            sources: { type: "array", items: { type: "string", minLength: 1 }, description: "Descripteurs notés : chemins ou identifiants data.gouv.fr." },
            minScore: { type: "integer", minimum: 0, maximum: 405, description: "Score MQA minimal (sur 405)." },
            minRating: { enum: ["excellent", "good", "sufficient", "bad"], description: "Note MQA minimale." },
            minDatagouvScore: { type: "number", minimum: 0, maximum: 1, description: "Score data.gouv.fr minimal (0 à 1)." },
            basis: { enum: ["confirmed", "verified"], default: "confirmed" },
            checkUrls: { type: "boolean", default: false },
            auto: { type: "boolean", default: true, description: "Note les descripteurs trouvés à côté des données." },
          },
        },
      ],
    },
    maxErrors: { type: "integer", minimum: 0, default: DEFAULT_OPTIONS.maxErrors },
    maxCellLength: {
      type: "integer",
      minimum: 1,
      default: DEFAULT_OPTIONS.maxCellLength,
      description: "Longueur maximale d'une cellule lue, en caractères ; au-delà elle est coupée (oversized-cell).",
    },
    maxRowLength: {
      type: "integer",
      minimum: 1,
      default: DEFAULT_OPTIONS.maxRowLength,
      description: "Longueur maximale d'une ligne lue, en caractères ; au-delà ses cellules sont ignorées (oversized-row).",
    },
    headerMode: {
      enum: ["auto", "position", "name", "validata"],
      default: DEFAULT_OPTIONS.headerMode,
      description:
        "Comparaison de l'en-tête au schéma. auto : par nom (comme Validata) quand les noms de colonnes sont ceux du schéma à la casse, aux accents, aux séparateurs et à l'ordre près, sinon par position ; position : comme frictionless ; name, validata : toujours par nom.",
    },
    encoding: { type: "string", minLength: 1 },
    sheet: {
      // minLength bounds a name, minimum a position: each keyword applies to its own type.
      type: ["string", "integer"],
      minLength: 1,
      minimum: 1,
      description: "Feuille lue dans les classeurs XLSX et ODS : son nom, ou son numéro à partir de 1 (défaut : la première).",
    },
    customChecks: { type: "boolean", default: DEFAULT_OPTIONS.customChecks },
    concurrency: { type: "integer", minimum: 1, maximum: 64, default: DEFAULT_OPTIONS.concurrency },
    offline: { type: "boolean", default: DEFAULT_OPTIONS.offline },
    cacheDir: { type: "string", minLength: 1 },
    catalogUrl: { type: "string", pattern: "^https?://" },
    trusted: {
      type: "boolean",
      default: DEFAULT_OPTIONS.trusted,
      description: "Lit aussi les chemins de data package et les liens symboliques qui sortent du dossier (chemins absolus, « ../ », file:).",
    },
    allowPrivateNetwork: {
      type: "boolean",
      default: DEFAULT_OPTIONS.allowPrivateNetwork,
      description: "Permet de télécharger schémas et catalogue depuis une adresse locale ou privée (127.0.0.1, 10.0.0.0/8, 192.168.0.0/16...).",
    },
    strict: { type: "boolean", default: DEFAULT_OPTIONS.strict, description: "Les avertissements font aussi échouer l'exécution." },
    maxWarnings: { type: "integer", minimum: 0, description: "Échec au-delà de ce nombre d'avertissements." },
  },
} as const;

/**
 * The configuration file's content, as written by the user (paths relative to the file):
 * derived from {@link configJsonSchema}, which validates it, so that the two never drift. A
 * defaulted key stays optional: the file may leave it out. (`json-schema-to-ts` is a
 * development dependency: types only, nothing at run time.)
 */
export type ConformeConfig = FromSchema<typeof configJsonSchema, { keepDefaultedPropertiesOptional: true }>;

/** Metadata sources and the scores they must reach (see docs/metadata.md, « Seuils »). */
export type MetadataConfig = Exclude<NonNullable<ConformeConfig["metadata"]>, false>;

/** A personal-data finding the publisher accepted, with why (it stays visible, marked accepted). */
export type AcceptedPersonalData = NonNullable<Exclude<NonNullable<ConformeConfig["personalData"]>, boolean>["accept"]>[number];
