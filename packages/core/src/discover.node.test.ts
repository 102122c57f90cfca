import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectChanged } from "./discover.node.js";

describe("selectChanged (--changed-since and the Action's changed-only)", () => {
  // A folder that does not exist: its paths are their own real paths.
  const cwd = path.resolve("/depot-inexistant");
  const at = (file: string) => path.join(cwd, ...file.split("/"));
  const found = {
    packages: [at("budget/datapackage.json")],
    tables: [at("budget/2024.csv"), at("equipements.csv"), at("ecoles/ecoles.csv")],
    refused: [{ file: at("lien.csv"), reason: "outside" as const }],
  };

  it.each([
    // The schema of a package changed: unchanged rows may now fail, so the package is re-checked.
    ["a package's schema", ["budget/schema.json"], { packages: [at("budget/datapackage.json")], tables: [], refused: [] }],
    // Kept as the CLI always kept it: lint checks a resource once, through its package.
    ["a table inside a package", ["budget/2024.csv"], { packages: [at("budget/datapackage.json")], tables: [at("budget/2024.csv")], refused: [] }],
    ["a table outside any package", ["ecoles/ecoles.csv"], { packages: [], tables: [at("ecoles/ecoles.csv")], refused: [] }],
    ["a refused link, by its own path", ["lien.csv"], { packages: [], tables: [], refused: found.refused }],
    ["an unrelated file", ["README.md", "ecoles/notes.txt"], { packages: [], tables: [], refused: [] }],
    // `budget-2` starts like `budget` but is another folder.
    ["a file of a folder with a longer name", ["budget-2/x.csv"], { packages: [], tables: [], refused: [] }],
  ])("%s", async (_, changed, expected) => {
    expect(await selectChanged(found, new Set(changed.map(at)))).toEqual(expected);
  });

  it("re-checks a package at the root when anything changed", async () => {
    const root = { packages: [at("datapackage.json")], tables: [at("data.csv"), at("autre/x.csv")], refused: [] };
    expect(await selectChanged(root, new Set([at("autre/x.csv")]))).toEqual({ packages: [at("datapackage.json")], tables: [at("autre/x.csv")], refused: [] });
  });

  describe("through a linked folder", () => {
    let dir = "";
    beforeAll(async () => {
      dir = await realpath(await mkdtemp(path.join(tmpdir(), "conforme-changed-")));
      await mkdir(path.join(dir, "vrai", "paquet"), { recursive: true });
      await writeFile(path.join(dir, "vrai", "a.csv"), "a\n1\n");
      await writeFile(path.join(dir, "vrai", "paquet", "datapackage.json"), "{}");
      await writeFile(path.join(dir, "vrai", "paquet", "schema.json"), "{}");
      await symlink(path.join(dir, "vrai"), path.join(dir, "lien"));
    });
    afterAll(() => rm(dir, { recursive: true, force: true }));

    it("matches found paths by their real path, as git names the changed files", async () => {
      const linked = { packages: [path.join(dir, "lien", "paquet", "datapackage.json")], tables: [path.join(dir, "lien", "a.csv")], refused: [] };
      const changed = new Set([path.join(dir, "vrai", "a.csv"), path.join(dir, "vrai", "paquet", "schema.json")]);
      expect(await selectChanged(linked, changed)).toEqual(linked);
    });
  });
});
