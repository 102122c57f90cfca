import path from "node:path";
import { describe, expect, it } from "vitest";
import { selectChanged } from "./discover.node.js";

describe("selectChanged (changed-only)", () => {
  const cwd = path.resolve("/depot");
  const at = (file: string) => path.join(cwd, ...file.split("/"));
  const found = {
    packages: [at("budget/datapackage.json")],
    tables: [at("budget/2024.csv"), at("equipements.csv"), at("ecoles/ecoles.csv")],
  };

  it.each([
    // The schema of a package changed: unchanged rows may now fail, so the package is re-checked.
    ["a package's schema", ["budget/schema.json"], [at("budget/datapackage.json")]],
    // A table inside a package is checked through its package, never twice.
    ["a table inside a package", ["budget/2024.csv"], [at("budget/datapackage.json")]],
    ["a table outside any package", ["ecoles/ecoles.csv"], [at("ecoles/ecoles.csv")]],
    ["an unrelated file", ["README.md", "ecoles/notes.txt"], []],
    // `budget-2` starts like `budget` but is another folder.
    ["a file of a folder with a longer name", ["budget-2/x.csv"], []],
  ])("%s", (_, changed, expected) => {
    expect(selectChanged(found, new Set(changed), cwd)).toEqual(expected);
  });

  it("re-checks a package at the root when anything changed", () => {
    const root = { packages: [at("datapackage.json")], tables: [at("data.csv"), at("autre/x.csv")] };
    expect(selectChanged(root, new Set(["autre/x.csv"]), cwd)).toEqual([at("datapackage.json")]);
  });
});
