import type { Category, Lang } from "../findings.js";
import type { MqaRating } from "../metadata/mqa-criteria.js";
import type { PersonalDataKind } from "../personal-data/types.js";
import { personalDataOptionsSchema, reidentificationOptionsSchema, smallCountsOptionsSchema } from "../personal-data/options.js";
import type { SeverityLevel } from "../validate/findings-factory.js";
import { VERSION } from "../version.js";

/** Name of the configuration file, looked up from the working directory upwards, in this order. */
export const CONFIG_FILE_NAMES = ["conforme.config.yaml", "conforme.config.yml", "conforme.config.json", "conforme.config.mjs"] as const;

/** A personal-data finding the publisher accepted, with why (it stays visible, marked accepted). */
export interface AcceptedPersonalData {
  /** Header label of the column. */
  column: string;
  kind: PersonalDataKind;
  reason: string;
}

/** Metadata sources and the scores they must reach (see docs/metadata.md, « Seuils »). */
export interface MetadataConfig {
  /** Descriptors to score: paths (datapackage.json, conforme.dataset.yml, DCAT-AP) or data.gouv.fr ids. */
  sources?: string[];
  /** Minimum MQA points (0 to 405). */
  minScore?: number;
  /** Minimum MQA rating. */
  minRating?: MqaRating;
  /** Minimum data.gouv.fr score (0 to 1). */
  minDatagouvScore?: number;
  basis?: "confirmed" | "verified";
  /** Checks that the distributions' URLs answer (network). */
  checkUrls?: boolean;
  /** Scores the descriptors found next to the data (default true). */
  auto?: boolean;
}

/**
 * The configuration file's content, as written by the user (paths relative to the file).
 * `schemas/config.schema.json` is generated from {@link configJsonSchema}.
 */
export interface ConformeConfig {
  $schema?: string;
  /** Shared configurations this one builds on: relative paths or package names. */
  extends?: string | string[];
  lang?: Lang;
  /** Files and directories linted when the command line names none. */
  files?: string[];
  /** Extra patterns excluded from discovery, in .gitignore syntax. */
  ignore?: string[];
  /** Whether discovery skips what `.gitignore` files exclude (default true). */
  gitignore?: boolean;
  /** Schema of the tables no `schemas` glob matches. */
  schema?: string;
  /** Glob (relative to the config file) to schema (id, path or URL); the first matching glob wins. */
  schemas?: Record<string, string>;
  /**
   * Glob to Validata custom checks (`{name, params}`) run on the matching tables as if their
   * schema declared them under `custom_checks`: every matching glob adds its checks.
   */
  checks?: Record<string, { name: string; params?: Record<string, unknown> }[]>;
  severity?: {
    codes?: Record<string, SeverityLevel>;
    categories?: Partial<Record<Category, SeverityLevel>>;
  };
  /** `false` turns the personal-data checks off. */
  personalData?:
    | boolean
    | {
        accept?: AcceptedPersonalData[];
        /** Options by check id: `personal-data`, `reidentification-risk`, `small-counts`. */
        checks?: Record<string, Record<string, unknown>>;
      };
  /** `false` turns metadata scoring off. */
  metadata?: false | MetadataConfig;
  maxErrors?: number;
  maxCellLength?: number;
  maxRowLength?: number;
  /** How header labels meet schema fields; `auto` (default) picks per file. */
  headerMode?: "auto" | "position" | "name" | "validata";
  encoding?: string;
  /** Sheet read in workbooks (xlsx, ods): name or 1-based position; default the first. */
  sheet?: string | number;
  customChecks?: boolean;
  concurrency?: number;
  offline?: boolean;
  cacheDir?: string;
  catalogUrl?: string;
  /** Reads data-package paths and symbolic links leading out of the folder (frictionless-py's `--trusted`). */
  trusted?: boolean;
  /** Lets schema and catalogue downloads reach loopback, link-local and private addresses. */
  allowPrivateNetwork?: boolean;
  /** Warnings fail the run too. */
  strict?: boolean;
  /** The run fails when there are more warnings than this. */
  maxWarnings?: number;
}

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
      oneOf: [{ type: "string", minLength: 1 }, { type: "array", items: { type: "string", minLength: 1 } }],
    },
    lang: { enum: ["fr", "en"], description: "Langue des messages." },
    files: { type: "array", items: { type: "string", minLength: 1 }, description: "Fichiers et dossiers validés quand la ligne de commande n'en nomme aucun." },
    ignore: { type: "array", items: { type: "string" }, description: "Motifs exclus de la recherche des fichiers (syntaxe .gitignore)." },
    gitignore: { type: "boolean", default: true, description: "Respecte les fichiers .gitignore." },
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
    maxErrors: { type: "integer", minimum: 0, default: 1000 },
    maxCellLength: { type: "integer", minimum: 1, default: 1048576, description: "Longueur maximale d'une cellule lue, en caractères ; au-delà elle est coupée (oversized-cell)." },
    maxRowLength: { type: "integer", minimum: 1, default: 16777216, description: "Longueur maximale d'une ligne lue, en caractères ; au-delà ses cellules sont ignorées (oversized-row)." },
    headerMode: {
      enum: ["auto", "position", "name", "validata"],
      default: "auto",
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
    customChecks: { type: "boolean", default: true },
    concurrency: { type: "integer", minimum: 1, maximum: 64, default: 2 },
    offline: { type: "boolean", default: false },
    cacheDir: { type: "string", minLength: 1 },
    catalogUrl: { type: "string", pattern: "^https?://" },
    trusted: {
      type: "boolean",
      default: false,
      description: "Lit aussi les chemins de data package et les liens symboliques qui sortent du dossier (chemins absolus, « ../ », file:).",
    },
    allowPrivateNetwork: {
      type: "boolean",
      default: false,
      description: "Permet de télécharger schémas et catalogue depuis une adresse locale ou privée (127.0.0.1, 10.0.0.0/8, 192.168.0.0/16...).",
    },
    strict: { type: "boolean", default: false, description: "Les avertissements font aussi échouer l'exécution." },
    maxWarnings: { type: "integer", minimum: 0, description: "Échec au-delà de ce nombre d'avertissements." },
  },
} as const;
