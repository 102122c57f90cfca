import path from "node:path";
import type { Discovered } from "@conforme/core/internal/node";

/**
 * The paths to lint when only changed files count. A data package is re-checked when anything in
 * its folder changed (data, descriptor or schema: a changed schema can break unchanged rows); a
 * table outside any package when it changed itself. `changed` holds paths relative to `cwd`
 * with `/` separators, as git prints them.
 */
export function selectChanged(found: Discovered, changed: ReadonlySet<string>, cwd: string): string[] {
  const relative = (absolute: string) => path.relative(cwd, absolute).split(path.sep).join("/");
  const changedList = [...changed];
  const packageDirs = found.packages.map((descriptor) => relative(path.dirname(descriptor)));
  const inside = (file: string, dir: string) => dir === "" || file.startsWith(`${dir}/`);
  const selected: string[] = [];
  found.packages.forEach((descriptor, index) => {
    const dir = packageDirs[index] ?? "";
    if (changedList.some((file) => inside(file, dir))) selected.push(descriptor);
  });
  for (const table of found.tables) {
    const name = relative(table);
    if (packageDirs.some((dir) => inside(name, dir))) continue;
    if (changed.has(name)) selected.push(table);
  }
  return selected;
}
