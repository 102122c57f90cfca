export type PatternTree = unknown;
/** A seeded generator of numbers in [0, 1) (mulberry32). */
export function random(seed: number): () => number;
/** Parses the Python `re` subset national schemas use; throws on what it cannot sample. */
export function parsePattern(source: string): PatternTree;
/** One string drawn from the pattern's language (most of the time: callers check it). */
export function sample(tree: PatternTree, next: () => number): string;
