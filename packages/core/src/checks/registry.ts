import type { RowCheck } from "../check.js";
import { checks } from "./registry.generated.js";

export { checks };

/** The check selected by an id or one of its aliases. */
export function findCheck(name: string): RowCheck | undefined {
  return checks.find((check) => check.id === name || check.aliases?.includes(name));
}
