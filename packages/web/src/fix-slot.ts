import type { ByteFile, GivenSchema } from "@conforme/core";

/** A corrected copy of one file, and how many changes it holds. */
export interface FixedFile {
  name: string;
  bytes: Uint8Array;
  changes: number;
}

export type Fixer = (file: ByteFile, schema: GivenSchema | undefined) => Promise<FixedFile | undefined>;

/**
 * The fixed-file download's one seam. Core's `fixTable` (packages/core/src/fix/, issue 15) was not
 * merged when the page was written; wiring it means setting this to a function calling it. Until
 * then the page shows no "fixed file" section at all rather than a button that does nothing.
 */
export const fixer: Fixer | undefined = undefined;
