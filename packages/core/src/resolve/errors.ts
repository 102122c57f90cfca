import type { MessageTemplate } from "../check.js";
import { renderTemplate } from "../messages/render.js";

export type ResolveErrorCode =
  | "unknown-schema-id"
  | "unknown-version"
  | "invalid-catalog"
  | "http-error"
  | "network-error"
  | "fetch-refused"
  | "too-large"
  | "invalid-json"
  | "offline-cache-miss"
  | "file-not-found"
  | "file-refused";

const TEMPLATES: Record<ResolveErrorCode, MessageTemplate> = {
  "unknown-schema-id": {
    fr: "Schéma « {id} » absent du catalogue {catalogUrl}.{hint}",
    en: "Schema `{id}` is not in the catalogue {catalogUrl}.{hint}",
  },
  "unknown-version": {
    fr: "Version « {version} » inconnue pour le schéma {id} (versions publiées : {versions}).",
    en: "Version `{version}` is unknown for schema {id} (published versions: {versions}).",
  },
  "invalid-catalog": {
    fr: "{url} n'est pas un catalogue de schémas (liste « schemas » attendue).",
    en: "{url} is not a schema catalogue (a `schemas` list was expected).",
  },
  "http-error": {
    fr: "Le téléchargement de {url} a échoué : HTTP {status}.",
    en: "Downloading {url} failed: HTTP {status}.",
  },
  "network-error": {
    fr: "{url} est injoignable ({cause}). Hors connexion, utilisez --offline avec un cache rempli par `conforme schemas pull`.",
    en: "{url} cannot be reached ({cause}). Offline, use --offline with a cache filled by `conforme schemas pull`.",
  },
  "file-refused": {
    fr: "{path} n'est pas lu : {reason}.",
    en: "{path} is not read: {reasonEn}.",
  },
  "fetch-refused": {
    fr: "Téléchargement de {url} refusé : {reason}.",
    en: "Download of {url} refused: {reasonEn}.",
  },
  "too-large": {
    fr: "Téléchargement de {url} arrêté : plus de {limit} une fois décompressé.",
    en: "Download of {url} stopped: more than {limit} once decompressed.",
  },
  "invalid-json": {
    fr: "{url} n'est pas un document JSON ou YAML valide, ligne {line}, colonne {column} ({cause}).",
    en: "{url} is not a valid JSON or YAML document, line {line}, column {column} ({cause}).",
  },
  "offline-cache-miss": {
    fr: "Mode hors ligne : {url} n'est pas dans le cache ({cacheDir}). Lancez `conforme schemas pull{ids}` une fois connecté pour le télécharger.",
    en: "Offline mode: {url} is not in the cache ({cacheDir}). Run `conforme schemas pull{ids}` while online to download it.",
  },
  "file-not-found": {
    fr: "Fichier introuvable : {path}.",
    en: "File not found: {path}.",
  },
};

/** A schema reference that could not be resolved. `message` is French, `messages.en` English. */
export class ResolveError extends Error {
  readonly code: ResolveErrorCode;
  readonly data: Record<string, unknown>;
  readonly messages: MessageTemplate;
  /** The URL or path involved, when there is one. */
  readonly url?: string;
  /** Close catalogue ids, for `unknown-schema-id`. */
  readonly suggestions: string[];

  constructor(code: ResolveErrorCode, data: Record<string, unknown>, options: { cause?: unknown; suggestions?: string[] } = {}) {
    const template = TEMPLATES[code];
    const values = { hint: "", ids: "", ...data };
    const messages = { fr: renderTemplate(template.fr, values), en: renderTemplate(template.en, values) };
    super(messages.fr, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "ResolveError";
    this.code = code;
    this.data = data;
    this.messages = messages;
    if (typeof data.url === "string") this.url = data.url;
    else if (typeof data.path === "string") this.url = data.path;
    this.suggestions = options.suggestions ?? [];
  }
}
