import { readdir, stat } from "node:fs/promises";
import path from "node:path";

/** What a walk over the paths given found: tables to validate and data packages. */
export interface Discovered {
  tables: string[];
  packages: string[];
  /** Paths given that do not exist. */
  missing: string[];
}

const TABLE_EXTENSIONS = new Set([".csv", ".tsv"]);
const SKIPPED_DIRECTORIES = new Set(["node_modules", ".git", ".cache"]);

export function isTablePath(file: string): boolean {
  return TABLE_EXTENSIONS.has(path.extname(file).toLowerCase());
}

export function isPackagePath(file: string): boolean {
  return path.basename(file).toLowerCase() === "datapackage.json";
}

/**
 * Walks files and directories in a stable order. Files named on the command line are taken
 * whatever their extension; inside directories only CSV/TSV files and `datapackage.json` are.
 */
export async function discover(paths: string[], cwd: string, filter?: (absolute: string) => boolean): Promise<Discovered> {
  const found: Discovered = { tables: [], packages: [], missing: [] };
  const seen = new Set<string>();
  const add = (absolute: string, explicit: boolean) => {
    if (seen.has(absolute)) return;
    if (!explicit && filter && !filter(absolute)) return;
    seen.add(absolute);
    if (isPackagePath(absolute)) found.packages.push(absolute);
    else if (explicit || isTablePath(absolute)) found.tables.push(absolute);
  };
  const walk = async (directory: string): Promise<void> => {
    const entries = await readdir(directory, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const absolute = path.join(directory, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name) && (!filter || filter(`${absolute}${path.sep}`))) await walk(absolute);
      } else if (entry.isFile() && (isTablePath(absolute) || isPackagePath(absolute))) {
        add(absolute, false);
      }
    }
  };
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    const info = await stat(absolute).catch(() => undefined);
    if (!info) found.missing.push(given);
    else if (info.isDirectory()) await walk(absolute);
    else add(absolute, true);
  }
  return found;
}
