import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { schemaValidatorsModule } from "../scripts/schema-validators.mjs";
import { checks } from "./checks/registry.js";
import { configJsonSchema } from "./config/schema.js";
import { DATASET_SCHEMA } from "./metadata/descriptor-schema.js";
import { checkOptionsValidators, validateConfigFile, validateDatasetDescriptor, validateTableSchemaProfile } from "./schema-validators.js";
import { TABLE_SCHEMA_PROFILE } from "./table-schema/profile.js";

describe("validators compiled ahead of time", () => {
  // A schema changed without `pnpm generate` would validate against its old version: this fails
  // first, before any behaviour test, with the command to run.
  it("are those the schemas compile to today (else run `pnpm generate`)", () => {
    const committed = readFileSync(new URL("./schema-validators.generated.ts", import.meta.url), "utf8");
    const fresh = schemaValidatorsModule({ profile: TABLE_SCHEMA_PROFILE, config: configJsonSchema, dataset: DATASET_SCHEMA, checks });
    expect(committed === fresh, "packages/core/src/schema-validators.generated.ts is stale: build, then run `pnpm generate`").toBe(true);
  });

  it("cover every registered check", () => {
    expect(checks.filter((check) => !checkOptionsValidators[check.id]).map((check) => check.id)).toEqual([]);
  });

  // The generated module imports Ajv's run-time helpers (deep equality for `uniqueItems`, code
  // points for `maxLength`) across the CommonJS boundary: a wrong interop would throw here.
  it.each([
    ["profile, duplicate enum values (equal)", () => validateTableSchemaProfile({ fields: [{ name: "a", constraints: { enum: ["x", "x"] } }] }), "uniqueItems"],
    ["profile, no fields", () => validateTableSchemaProfile({}), "required"],
    ["config, unknown key", () => validateConfigFile({ nonsense: true }), "additionalProperties"],
    ["dataset, empty title (minLength, ucs2length)", () => validateDatasetDescriptor({ title: "", description: "d", distributions: [] }), "minLength"],
  ])("report Ajv's errors: %s", (_name, run, keyword) => {
    expect(run()).toBe(false);
    const errors = [validateTableSchemaProfile, validateConfigFile, validateDatasetDescriptor].flatMap((v) => v.errors ?? []);
    expect(errors.map((e) => e.keyword)).toContain(keyword);
  });

  it("accept a valid descriptor", () => {
    expect(validateTableSchemaProfile({ fields: [{ name: "a", type: "string", constraints: { enum: ["x", "y"] } }] })).toBe(true);
  });
});
