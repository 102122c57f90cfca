import type { Lang } from "@conforme/core";

export type FailOn = "error" | "warning" | "never";

/** The Action's inputs, validated. Names and defaults mirror `action.yml`. */
export interface ActionInputs {
  paths: string[];
  config?: string;
  schema?: string;
  failOn: FailOn;
  changedOnly: boolean;
  sarif?: string;
  report?: string;
  comment: boolean;
  /** Loads a `.mjs`/`.js` configuration even on a pull request from a fork (input `config-code`). */
  configCode: boolean;
  githubToken?: string;
  lang: Lang;
}

/** A wrong input: reported before any file is read, as the house rule for misconfiguration. */
export class InputError extends Error {}

/**
 * Reads `INPUT_<NAME>` as the runner sets it: the name upper-cased, spaces turned to `_`, dashes
 * kept (`INPUT_FAIL-ON`). The runner fills in defaults from action.yml, so an unset variable means
 * the Action runs outside a runner: the same defaults apply here.
 */
export function readInputs(env: NodeJS.ProcessEnv): ActionInputs {
  const get = (name: string) => (env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] ?? "").trim();
  const optional = (name: string) => get(name) || undefined;
  const paths = get("paths")
    .split(/\r?\n|,/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "" && !entry.startsWith("#"));
  return {
    // Empty: the configuration's `files`, else the whole workspace (LoadedConfig.paths).
    paths,
    config: optional("config"),
    schema: optional("schema"),
    failOn: choice("fail-on", get("fail-on") || "error", ["error", "warning", "never"] as const),
    changedOnly: boolean("changed-only", get("changed-only") || "false"),
    sarif: optional("sarif"),
    report: optional("report"),
    comment: boolean("comment", get("comment") || "false"),
    configCode: boolean("config-code", get("config-code") || "false"),
    githubToken: optional("github-token"),
    lang: choice("lang", get("lang") || "fr", ["fr", "en"] as const),
  };
}

function choice<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new InputError(`entrée « ${name} » : ${allowed.map((a) => `« ${a} »`).join(", ")} attendu, pas « ${value} ».`);
}

/** YAML 1.2 core schema booleans, as @actions/core's getBooleanInput accepts them. */
function boolean(name: string, value: string): boolean {
  if (["true", "True", "TRUE"].includes(value)) return true;
  if (["false", "False", "FALSE"].includes(value)) return false;
  throw new InputError(`entrée « ${name} » : « true » ou « false » attendu, pas « ${value} ».`);
}
