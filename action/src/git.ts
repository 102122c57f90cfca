import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

/** Commits to compare, read from the event payload. */
export type DiffRange =
  | { kind: "range"; base: string; head: string /** PRs compare from the merge base, as GitHub's diff view does. */; threeDot: boolean }
  | { kind: "none"; reason: "event" | "newBranch" };

const ZERO_SHA = /^0+$/;

/**
 * `push`: `before`..`after` (an all-zero `before` is a new branch); `pull_request`:
 * `pull_request.base.sha`...`pull_request.head.sha`. Any other event has nothing to compare.
 * (GitHub docs, "Webhook events and payloads": push and pull_request.)
 */
export function diffRange(eventName: string, payload: Record<string, unknown>): DiffRange {
  if (eventName === "push") {
    const before = typeof payload["before"] === "string" ? payload["before"] : "";
    const after = typeof payload["after"] === "string" ? payload["after"] : "";
    if (after === "") return { kind: "none", reason: "event" };
    if (before === "" || ZERO_SHA.test(before)) return { kind: "none", reason: "newBranch" };
    return { kind: "range", base: before, head: after, threeDot: false };
  }
  if (eventName === "pull_request" || eventName === "pull_request_target") {
    const pr = payload["pull_request"] as { base?: { sha?: unknown }; head?: { sha?: unknown } } | undefined;
    const base = pr?.base?.sha;
    const head = pr?.head?.sha;
    if (typeof base === "string" && typeof head === "string") return { kind: "range", base, head, threeDot: true };
  }
  return { kind: "none", reason: "event" };
}

/** What changed between two commits: files (added, copied, modified, renamed: not deleted) and their added lines. */
export interface Changes {
  files: Set<string>;
  /** Added or modified line numbers in the head version, per file. */
  lines: Map<string, Set<number>>;
}

/**
 * Runs `git diff -U0` once in the checkout. Returns undefined when git cannot compare (shallow
 * clone without the base commit, not a repository): the caller then checks everything.
 */
export async function changesBetween(cwd: string, range: Extract<DiffRange, { kind: "range" }>): Promise<Changes | undefined> {
  const specs = range.threeDot ? [`${range.base}...${range.head}`, `${range.base}..${range.head}`] : [`${range.base}..${range.head}`];
  for (const spec of specs) {
    try {
      const { stdout } = await run("git", ["-c", "core.quotePath=false", "diff", "--no-color", "--no-ext-diff", "-U0", "--diff-filter=d", spec], {
        cwd,
        maxBuffer: 512 * 1024 * 1024,
      });
      return parseUnifiedDiff(stdout);
    } catch {
      // Try the next form (a missing merge base), then give up.
    }
  }
  return undefined;
}

/** Reads file names from `+++ b/...` and added line numbers from `@@ -a,b +c,d @@` hunk headers. */
export function parseUnifiedDiff(diff: string): Changes {
  const changes: Changes = { files: new Set(), lines: new Map() };
  let current: Set<number> | undefined;
  for (const line of diff.split("\n")) {
    if (line.startsWith("diff --git ")) {
      current = undefined;
      // Files without a content hunk (mode change, pure rename, binary) still count as changed.
      const match = / b\/(.*)$/.exec(line);
      if (match?.[1] !== undefined) changes.files.add(unquote(match[1]));
    } else if (line.startsWith("+++ ")) {
      const name = line.slice(4);
      if (name === "/dev/null") continue;
      const file = unquote(name).replace(/^b\//, "");
      changes.files.add(file);
      current = changes.lines.get(file) ?? new Set();
      changes.lines.set(file, current);
    } else if (line.startsWith("@@") && current !== undefined) {
      const match = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
      if (!match) continue;
      const start = Number(match[1]);
      const count = match[2] === undefined ? 1 : Number(match[2]);
      for (let n = start; n < start + count; n++) current.add(n);
    }
  }
  return changes;
}

/** git quotes names with unusual characters as C strings; core.quotePath=false keeps UTF-8 as is. */
function unquote(name: string): string {
  if (!name.startsWith('"')) return name;
  return name
    .slice(1, -1)
    .replace(/\\(["\\])/g, "$1")
    .replace(/\\t/g, "\t")
    .replace(/\\n/g, "\n");
}
