import type { FieldDescriptor } from "./descriptor.js";

/** Returned by `cast` when the cell does not hold a value of the field's type. */
export const INVALID: unique symbol = Symbol("invalid");
export type Invalid = typeof INVALID;

/** A constraint a value failed: its name as in the spec, and the value the schema set. */
export interface ConstraintFailure {
  constraint: string;
  expected: unknown;
  /**
   * Set when an item of an array failed its `arrayItem` constraint: frictionless's note is then
   * `array item constraint "{constraint}" is "{expected}"`.
   */
  arrayItem?: boolean;
}

/**
 * A field compiled once from its descriptor, then applied to every cell of its column.
 * Kept allocation-free on the happy path: the hot loop calls these millions of times.
 */
export interface CompiledField {
  name: string;
  type: string;
  format: string;
  descriptor: FieldDescriptor;
  required: boolean;
  unique: boolean;
  /** True when the raw cell is one of the field's missing values (compared before casting). */
  isMissing(raw: string): boolean;
  /** The typed value, or INVALID. Never throws. */
  cast(raw: string): unknown;
  /** Constraint failures of a cast, non-missing value (required and unique excluded), or null. */
  check(value: unknown, raw: string): ConstraintFailure[] | null;
  /** A string identifying the value for unique and key comparisons (equal values, equal keys). */
  key(value: unknown): string;
}
