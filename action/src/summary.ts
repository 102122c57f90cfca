/**
 * GitHub rejects a step summary above 1 MiB (docs, "Adding a job summary"); the budget leaves
 * room for other steps of the job that append to the same file.
 */
export const SUMMARY_BUDGET = 1_000_000;
/** Issue comments take at most 65,536 characters; bytes never undercount characters. */
export const COMMENT_BUDGET = 60_000;
