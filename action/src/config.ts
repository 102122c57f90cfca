import * as coreNode from "@conforme/core/node";
import type { LintOptions } from "@conforme/core/node";
import { InputError } from "./inputs.js";

type ConfigLoader = (options: { cwd: string; configPath?: string }) => Promise<LintOptions> | LintOptions;

/**
 * Lint options from the repository's conforme configuration, through the CLI's loader so that the
 * Action and `conforme lint` read a config file the same way. Looked up by name: the loader lands in
 * `@conforme/core/node` in parallel with this Action; once it is there this becomes a plain import.
 */
export async function loadLintOptions(cwd: string, configPath: string | undefined): Promise<LintOptions> {
  const loadConfig = (coreNode as unknown as Record<string, ConfigLoader | undefined>)["loadConfig"];
  if (loadConfig === undefined) {
    if (configPath !== undefined) throw new InputError("entrée « config » : cette version de conforme ne lit pas encore de fichier de configuration.");
    return {};
  }
  return loadConfig({ cwd, ...(configPath !== undefined && { configPath }) });
}
