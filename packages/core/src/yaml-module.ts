import type * as Yaml from "yaml";
import { namedExports } from "./lazy-module.js";

/**
 * The `yaml` package costs about 0.15 s to import and most runs read no YAML (a JSON schema, no
 * configuration file): it is loaded by the async steps that meet YAML (configuration, schema or
 * catalogue named `.yml`/`.yaml`, metadata descriptors) before the sync parsers below them run.
 */
let module: typeof Yaml | undefined;
let loading: Promise<typeof Yaml> | undefined;

export function loadYaml(): Promise<typeof Yaml> {
  loading ??= import("yaml").then((loaded) => (module = namedExports(loaded, "parseDocument")));
  return loading;
}

/** The loaded package; reaching this before `loadYaml()` resolved is a programming error. */
export function yaml(): typeof Yaml {
  if (module === undefined) throw new Error("yaml not loaded: await loadYaml() first");
  return module;
}
