import type * as Yaml from "yaml";
import { lazyModule } from "./lazy-module.js";

/**
 * The `yaml` package costs about 0.15 s to import and most runs read no YAML (a JSON schema, no
 * configuration file): it is loaded by the async steps that meet YAML (configuration, schema or
 * catalogue named `.yml`/`.yaml`, metadata descriptors) before the sync parsers below them run.
 */
const yamlModule = lazyModule<typeof Yaml>("yaml", () => import("yaml"), "parseDocument");

export const loadYaml = yamlModule.load;
/** The loaded package; reaching this before `loadYaml()` resolved is a programming error. */
export const yaml = yamlModule.get;
