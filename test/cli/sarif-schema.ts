import { readFileSync } from "node:fs";
import path from "node:path";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import { expect } from "vitest";
import { sharedDir } from "../shared.js";

let validate: ReturnType<Ajv["compile"]> | undefined;

/**
 * Fails the test when a SARIF log does not match the official SARIF 2.1.0 JSON Schema (OASIS,
 * errata01, in ../shared/vendor-schemas). The schema is draft-04; the only keyword it uses that
 * draft-07 spells differently is the top-level `id`, renamed `$id` so that Ajv 8 compiles it.
 */
export function validateSarif(log: unknown): void {
  if (!validate) {
    const schema = JSON.parse(readFileSync(path.join(sharedDir, "vendor-schemas/sarif-schema-2.1.0.json"), "utf8")) as Record<string, unknown>;
    const { id, $schema: _draft, ...rest } = schema;
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats.default(ajv);
    validate = ajv.compile({ $id: id as string, ...rest });
  }
  const ok = validate(log);
  expect(validate.errors ?? [], "SARIF log matches the SARIF 2.1.0 schema").toEqual([]);
  expect(ok).toBe(true);
}
