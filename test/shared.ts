import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it } from "vitest";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/**
 * `../shared` beside the clone: national schemas, frictionless reference reports, vendor schemas.
 * CONFORME_SHARED_DIR points elsewhere; `test/shared.test.ts` uses it to play a clone without it.
 */
export const sharedDir = path.resolve(repoRoot, process.env.CONFORME_SHARED_DIR ?? "../shared");

const announced = new Set<string>();

/**
 * Whether the suites that read `../shared` run. A user's clone has no `../shared`: those suites
 * then announce, once each, that they did not run. CI sets CONFORME_REQUIRE_SHARED=1, so its
 * absence fails there.
 */
export function sharedAvailable(suite: string): boolean {
  if (existsSync(path.join(sharedDir, "schemas"))) return true;
  if (process.env.CONFORME_REQUIRE_SHARED === "1") {
    throw new Error(`${suite}: ../shared is required (CONFORME_REQUIRE_SHARED=1) but ${sharedDir} is missing`);
  }
  if (!announced.has(suite)) console.warn(`${suite}: not run, ${sharedDir} is absent (these suites need the national-schema fixtures).`);
  announced.add(suite);
  return false;
}

/**
 * `describe` for a suite that reads `../shared`. Vitest runs the body of a skipped `describe`
 * to collect its tests, so a body that lists fixture folders would crash the whole file when
 * they are absent, taking the file's other tests with it. Here the body runs only when
 * `../shared` is there; otherwise one skipped test, named after the reason, stands in for it.
 */
export function describeShared(suite: string, body: () => void): void {
  if (sharedAvailable(suite)) describe(suite, body);
  else describe.skip(suite, () => it(`not run: ${sharedDir} is absent`, () => {}));
}
