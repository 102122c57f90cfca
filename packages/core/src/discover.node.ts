import type { Dirent } from "node:fs";
import { readdir, readFile, realpath, stat } from "node:fs/promises";
import path from "node:path";
import type { Ignore } from "ignore";

/** What a walk over the paths given found: tables to validate and data packages. */
export interface Discovered {
  tables: string[];
  packages: string[];
  /** Paths given that do not exist. */
  missing: string[];
  /** Tables found but not read, and why: each becomes a `source-error` finding of its own. */
  refused: RefusedFile[];
  /**
   * Paths given that yielded no data file: a folder without CSV, TSV or `datapackage.json`, or a
   * glob the shell left as written because nothing matched it (`donnees/*.csv`). Judged before
   * `changedSince`: a folder of data files none of which changed is not unmatched.
   */
  unmatched: string[];
}

/**
 * Why a file is not read: `not-regular` (a FIFO would block forever, `/dev/zero` never ends),
 * `outside` (a symbolic link out of the folder walked, which could expose `.git/config` or a CI
 * token file in findings and previews), `broken` (a dangling or looping link).
 */
export type RefusalReason = "not-regular" | "outside" | "broken";

export interface RefusedFile {
  file: string;
  reason: RefusalReason;
}

/** How directories are walked. Files named explicitly are always taken, unless changedSince drops them. */
export interface DiscoverOptions {
  /** Skips what the repository's `.gitignore` files exclude, nested ones included (default false). */
  gitignore?: boolean;
  /** Extra exclusions in .gitignore syntax, relative to `ignoreRoot`. */
  ignore?: string[];
  /** Directory the `ignore` patterns are relative to (default: cwd). */
  ignoreRoot?: string;
  /**
   * Keeps only what changed since this git ref: `git diff --name-only <ref>` (commits since the ref
   * and uncommitted edits) plus untracked files not ignored. A data package is kept when its
   * descriptor or any file under its directory changed.
   */
  changedSince?: string;
  /** Further filter on absolute paths (directories end with the path separator). */
  filter?: (absolute: string) => boolean;
  /**
   * Follows symbolic links that lead out of the folder walked (default false: they are refused).
   * Named after frictionless-py's `--trusted`.
   */
  trusted?: boolean;
}

/** A failure of discovery itself (git not available, unknown ref), reported as a run error. */
export class DiscoveryError extends Error {
  override name = "DiscoveryError";
}

const TABLE_EXTENSIONS = new Set([".csv", ".tsv", ".xlsx", ".xlsm", ".ods"]);
const GLOB_CHARACTERS = /[*?[\]{}]/;
const SKIPPED_DIRECTORIES = new Set(["node_modules", ".git", ".cache"]);
/** The `ignore` package, loaded when ignore rules are read (files named one by one need none). */
const loadIgnore = async () => (await import("ignore")).default;

/** Runs git; node:child_process is loaded on first use (a few ms of every start-up otherwise). */
async function run(command: string, args: string[], options: { cwd: string; maxBuffer: number }): Promise<{ stdout: string }> {
  const { execFile } = await import("node:child_process");
  const { promisify } = await import("node:util");
  return promisify(execFile)(command, args, { ...options, encoding: "utf8" });
}

export function isTablePath(file: string): boolean {
  // `~$classeur.xlsx` is the lock file Excel leaves beside a workbook it has open: no workbook.
  return TABLE_EXTENSIONS.has(path.extname(file).toLowerCase()) && !path.basename(file).startsWith("~$");
}

export function isPackagePath(file: string): boolean {
  return path.basename(file).toLowerCase() === "datapackage.json";
}

/**
 * Walks files and directories in a stable order. Files named on the command line are taken
 * whatever their extension; inside directories only CSV/TSV files, workbooks (xlsx, xlsm, ods) and
 * `datapackage.json` are.
 */
export async function discover(paths: string[], cwd: string, options: DiscoverOptions = {}): Promise<Discovered> {
  const filter = options.filter;
  const found: Discovered = { tables: [], packages: [], missing: [], refused: [], unmatched: [] };
  const gitignored = options.gitignore ? await gitignoreMatcher(cwd) : undefined;
  const extra = options.ignore?.length ? rootedMatcher((await loadIgnore())().add(options.ignore), options.ignoreRoot ?? cwd) : undefined;
  const excluded = async (absolute: string, directory: boolean) => (extra?.(absolute, directory) ?? false) || ((await gitignored?.(absolute, directory)) ?? false);

  const seen = new Set<string>();
  // Whether the path being walked led to a data file, even one an earlier path already found.
  let matched = false;
  const add = (absolute: string, explicit: boolean) => {
    if (!explicit && filter && !filter(absolute)) return;
    matched = true;
    if (seen.has(absolute)) return;
    seen.add(absolute);
    if (isPackagePath(absolute)) found.packages.push(absolute);
    else if (explicit || isTablePath(absolute)) found.tables.push(absolute);
  };
  const refuse = (absolute: string, reason: RefusalReason) => {
    if (filter && !filter(absolute)) return;
    matched = true;
    if (seen.has(absolute)) return;
    seen.add(absolute);
    found.refused.push({ file: absolute, reason });
  };
  // Real paths of the directories entered: a link back up (a -> ..) is walked once, not forever.
  const entered = new Set<string>();
  // Directories under which a data file was found: a path that reaches one again matched too.
  const fruitful = new Set<string>();
  const walk = async (directory: string, root: string): Promise<void> => {
    const real = await realpath(directory).catch(() => directory);
    if (entered.has(real)) {
      if (fruitful.has(real)) matched = true;
      return;
    }
    entered.add(real);
    const outer = matched;
    matched = false;
    await walkEntries(directory, root);
    if (matched) fruitful.add(real);
    matched ||= outer;
  };
  const walkEntries = async (directory: string, root: string): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await readdir(directory, { withFileTypes: true });
    } catch {
      // A folder removed or made unreadable during the walk: its files are simply not there.
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const absolute = path.join(directory, entry.name);
      const wanted = isTablePath(absolute) || isPackagePath(absolute);
      let kind: "directory" | "file" | "other" = entry.isDirectory() ? "directory" : entry.isFile() ? "file" : "other";
      if (entry.isSymbolicLink()) {
        const target = await realpath(absolute).catch(() => undefined);
        const info = target === undefined ? undefined : await stat(target).catch(() => undefined);
        if (!target || !info) {
          if (wanted) refuse(absolute, "broken");
          continue;
        }
        if (!options.trusted && !isInside(target, root)) {
          if (wanted) refuse(absolute, "outside");
          continue;
        }
        kind = info.isDirectory() ? "directory" : info.isFile() ? "file" : "other";
      }
      if (kind === "directory") {
        if (SKIPPED_DIRECTORIES.has(entry.name) || (filter && !filter(`${absolute}${path.sep}`))) continue;
        if (!(await excluded(absolute, true))) await walk(absolute, root);
      } else if (wanted && !(await excluded(absolute, false))) {
        if (kind === "file") add(absolute, false);
        else refuse(absolute, "not-regular");
      }
    }
  };
  for (const item of paths) {
    const absolute = path.resolve(cwd, item);
    const info = await stat(absolute).catch(() => undefined);
    matched = false;
    if (!info) {
      // A shell leaves a glob that matches nothing as it was typed (bash without nullglob).
      if (GLOB_CHARACTERS.test(item)) found.unmatched.push(item);
      else found.missing.push(item);
      continue;
    }
    if (info.isDirectory()) await walk(absolute, await realpath(absolute).catch(() => absolute));
    else if (info.isFile()) add(absolute, true);
    else refuse(absolute, "not-regular");
    if (!matched) found.unmatched.push(item);
  }
  if (options.changedSince !== undefined) await keepChanged(found, options.changedSince, cwd);
  return found;
}

/** Whether a real path is the directory `root` or lies under it. */
export function isInside(real: string, root: string): boolean {
  const relative = path.relative(root, real);
  return relative === "" || (!relative.startsWith(`..${path.sep}`) && relative !== ".." && !path.isAbsolute(relative));
}

/** A matcher of one set of patterns rooted at a directory; paths outside it never match. */
function rootedMatcher(rules: Ignore, root: string): (absolute: string, directory: boolean) => boolean {
  return (absolute, directory) => {
    const relative = path.relative(root, absolute);
    if (relative === "" || relative.startsWith("..") || path.isAbsolute(relative)) return false;
    const posix = relative.split(path.sep).join("/");
    return rules.ignores(directory ? `${posix}/` : posix);
  };
}

/**
 * Git's rules: every `.gitignore` from the repository root down to the file's directory, deeper
 * files overriding shallower ones (a `!pattern` re-includes). Without a repository, the
 * `.gitignore` files from the working directory down are read.
 */
async function gitignoreMatcher(cwd: string): Promise<(absolute: string, directory: boolean) => Promise<boolean>> {
  const top = (await repositoryRoot(cwd)) ?? path.resolve(cwd);
  const cache = new Map<string, Promise<Ignore | undefined>>();
  const rulesOf = (directory: string) => {
    let rules = cache.get(directory);
    if (!rules) {
      rules = readFile(path.join(directory, ".gitignore"), "utf8").then(
        async (text) => (await loadIgnore())().add(text),
        () => undefined,
      );
      cache.set(directory, rules);
    }
    return rules;
  };
  return async (absolute, directory) => {
    const relative = path.relative(top, absolute);
    if (relative === "" || relative.startsWith("..")) return false;
    const parts = relative.split(path.sep);
    let ignored = false;
    for (let depth = 0; depth < parts.length; depth++) {
      const base = path.join(top, ...parts.slice(0, depth));
      const rules = await rulesOf(base);
      if (!rules) continue;
      const rest = parts.slice(depth).join("/");
      const verdict = rules.test(directory ? `${rest}/` : rest);
      if (verdict.ignored) ignored = true;
      else if (verdict.unignored) ignored = false;
    }
    return ignored;
  };
}

async function repositoryRoot(cwd: string): Promise<string | undefined> {
  let directory = path.resolve(cwd);
  for (;;) {
    if (await stat(path.join(directory, ".git")).catch(() => undefined)) return directory;
    const parent = path.dirname(directory);
    if (parent === directory) return undefined;
    directory = parent;
  }
}

/** Files changed since `ref`, as real absolute paths. */
export async function changedFiles(ref: string, cwd: string): Promise<Set<string>> {
  const git = async (...args: string[]) => {
    try {
      return (await run("git", args, { cwd, maxBuffer: 64 << 20 })).stdout;
    } catch (error) {
      const detail = (error as { stderr?: string }).stderr?.trim() || (error instanceof Error ? error.message : String(error));
      throw new DiscoveryError(`git ${args.join(" ")} : ${detail}`);
    }
  };
  // A value such as `--output=x.txt` would reach git as an option and write a file: refused
  // before git runs, and `--end-of-options` (git 2.24) keeps it a revision whatever it holds.
  if (ref === "" || ref.startsWith("-") || /[\s\x00-\x1f\x7f]/.test(ref)) {
    throw new DiscoveryError(`--changed-since : « ${ref} » n'est pas une référence git (une branche, une étiquette ou un commit, sans « - » au début ni espace).`);
  }
  const top = await realpath((await git("rev-parse", "--show-toplevel")).trim());
  // `--` ends the revisions so that a ref named like a file is never read as a path.
  const diffed = await git("diff", "--name-only", "-z", "--end-of-options", ref, "--");
  const untracked = await git("ls-files", "--others", "--exclude-standard", "-z", "--full-name");
  const names = `${diffed}${untracked}`.split("\0").filter((name) => name !== "");
  return new Set(names.map((name) => path.join(top, ...name.split("/"))));
}

/**
 * What remains of a walk when only changed files count (`--changed-since`, the Action's
 * `changed-only`). A data package is kept when anything in its folder changed (data, descriptor or
 * schema: a changed schema can break unchanged rows); a table or a refused file when it changed
 * itself, inside a package or not (lint checks a package's resource once, through its package).
 * `changed` holds real absolute paths, as `changedFiles` returns them; the found paths are
 * compared by their real path, so that a folder reached through a link still matches.
 */
export async function selectChanged(
  found: Pick<Discovered, "tables" | "packages" | "refused">,
  changed: ReadonlySet<string>,
): Promise<Pick<Discovered, "tables" | "packages" | "refused">> {
  const real = async (file: string) => realpath(file).catch(() => file);
  const tables: string[] = [];
  for (const file of found.tables) if (changed.has(await real(file))) tables.push(file);
  const packages: string[] = [];
  for (const descriptor of found.packages) {
    const directory = path.dirname(await real(descriptor)) + path.sep;
    if ([...changed].some((file) => file.startsWith(directory))) packages.push(descriptor);
  }
  // A refused link is judged by its own path: where it leads is not what git tracks.
  const refused: RefusedFile[] = [];
  for (const entry of found.refused) {
    const own = path.join(await real(path.dirname(entry.file)), path.basename(entry.file));
    if (changed.has(own)) refused.push(entry);
  }
  return { tables, packages, refused };
}

async function keepChanged(found: Discovered, ref: string, cwd: string): Promise<void> {
  Object.assign(found, await selectChanged(found, await changedFiles(ref, cwd)));
}
