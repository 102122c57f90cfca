import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** `../shared` beside the clone: national schemas, frictionless reference reports, vendor schemas. */
export const sharedDir = path.resolve(repoRoot, "../shared");

/**
 * Whether the suites that read `../shared` run. A user's clone has no `../shared`: those suites
 * then announce they did not run. CI sets CONFORME_REQUIRE_SHARED=1, so its absence fails there.
 */
export function sharedAvailable(suite: string): boolean {
  if (existsSync(path.join(sharedDir, "schemas"))) return true;
  if (process.env.CONFORME_REQUIRE_SHARED === "1") {
    throw new Error(`${suite}: ../shared is required (CONFORME_REQUIRE_SHARED=1) but ${sharedDir} is missing`);
  }
  console.warn(`${suite}: not run, ${sharedDir} is absent (these suites need the national-schema fixtures).`);
  return false;
}
