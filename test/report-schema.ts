import { readFileSync } from "node:fs";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { expect } from "vitest";
import { repoRoot } from "./shared.js";

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(path.join(repoRoot, "schemas/report.schema.json"), "utf8")));

/** Fails the test when a JSON report does not match schemas/report.schema.json. */
export function validateReport(report: unknown): void {
  const json = JSON.parse(JSON.stringify(report)) as unknown;
  const ok = validate(json);
  expect(validate.errors ?? [], "report matches schemas/report.schema.json").toEqual([]);
  expect(ok).toBe(true);
}
