import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** A temp folder holding `files`: text by relative path, or `{ link }` for a symbolic link. */
export function folder(files: Record<string, string | { link: string }> = {}, prefix = "conforme-hostile-"): string {
  const directory = mkdtempSync(path.join(tmpdir(), prefix));
  for (const [name, content] of Object.entries(files)) {
    const target = path.join(directory, name);
    mkdirSync(path.dirname(target), { recursive: true });
    if (typeof content === "string") writeFileSync(target, content);
    else symlinkSync(content.link, target);
  }
  return directory;
}
