import type { Lang } from "@conforme/core";
import { ConfigError, loadConfig, type LoadedConfig } from "@conforme/core/internal/node";
import { InputError } from "./inputs.js";

/**
 * The repository's conforme configuration, read by the same loader as `conforme lint`: the file
 * given in the `config` input, else the nearest `conforme.config.*` from the workspace up. A
 * configuration mistake is an input error, reported with its file, line and key.
 */
export async function loadConfiguration(cwd: string, configPath: string | undefined, lang: Lang, allowCode = true): Promise<LoadedConfig> {
  try {
    return await loadConfig({ cwd, allowCode, ...(configPath !== undefined && { configPath }) });
  } catch (error) {
    if (error instanceof ConfigError) throw new InputError(error.format(lang, cwd));
    throw error;
  }
}

/**
 * Whether the event is a pull request whose head lives in another repository (GitHub webhook
 * payload, `pull_request`): its configuration is written by whoever opened it. A deleted fork has
 * no head repository: untrusted as well.
 */
export function fromFork(eventName: string, payload: Record<string, unknown>): boolean {
  if (!eventName.startsWith("pull_request")) return false;
  const pr = payload["pull_request"] as { head?: { repo?: { full_name?: unknown } | null } } | undefined;
  const repository = payload["repository"] as { full_name?: unknown } | undefined;
  const head = pr?.head?.repo?.full_name;
  return head === undefined || head === null || head !== repository?.full_name;
}
