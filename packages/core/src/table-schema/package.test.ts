import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { describeShared, sharedDir } from "../../../../test/shared.js";
import { loadDataPackage, resolveAgainst, type ReadJson } from "./package.js";
import { SchemaLoadError } from "./problems.js";

const readFromDisk: ReadJson = async (file) => JSON.parse(readFileSync(file, "utf8"));

/** A readJson over an in-memory set of files, recording what was read. */
function memory(files: Record<string, unknown>) {
  const read: string[] = [];
  const readJson: ReadJson = async (ref) => {
    read.push(ref);
    if (!(ref in files)) throw new Error(`absent: ${ref}`);
    return files[ref];
  };
  return { readJson, read };
}

const schemaA = { fields: [{ name: "id" }, { name: "b_id" }], primaryKey: "id", foreignKeys: [{ fields: "b_id", reference: { resource: "b", fields: "id" } }] };
const schemaB = { fields: [{ name: "id" }] };

async function fatalOf(json: unknown, files: Record<string, unknown> = {}) {
  try {
    await loadDataPackage(json, "pkg", memory(files).readJson);
  } catch (error) {
    expect(error).toBeInstanceOf(SchemaLoadError);
    return (error as SchemaLoadError).problems;
  }
  throw new Error("expected a SchemaLoadError");
}

describe("resolveAgainst", () => {
  it.each([
    ["pkg", "a/b.csv", "pkg/a/b.csv"],
    ["pkg/", "./a.csv", "pkg/a.csv"],
    ["/data/pkg", "schema/s.json", "/data/pkg/schema/s.json"],
    [".", "a.csv", "./a.csv"],
    ["pkg/sub", "../x.json", "pkg/x.json"],
    ["https://h.test/p/1.0", "schema.json", "https://h.test/p/1.0/schema.json"],
    ["https://h.test/p/", "a/../b.json", "https://h.test/p/b.json"],
    ["pkg", "https://h.test/s.json", "https://h.test/s.json"],
  ])("%s + %s -> %s", (base, ref, expected) => expect(resolveAgainst(base, ref)).toBe(expected));
});

describe("loadDataPackage", () => {
  it("reads schemas and dialects by reference, resolves paths, checks cross-resource keys", async () => {
    const { readJson, read } = memory({ "pkg/schemas/a.json": schemaA, "pkg/dialect.json": { delimiter: ";" } });
    const pkg = await loadDataPackage(
      {
        name: "p",
        resources: [
          { name: "a", path: ["data/a1.csv", "data/a2.csv"], schema: "schemas/a.json", dialect: "dialect.json", encoding: "latin1" },
          { name: "b", path: "data/b.csv", schema: schemaB },
        ],
      },
      "pkg",
      readJson,
    );
    expect(read).toEqual(["pkg/schemas/a.json", "pkg/dialect.json"]);
    expect(pkg.name).toBe("p");
    expect(pkg.resources.map((r) => [r.name, r.paths, r.schemaSource])).toEqual([
      ["a", ["pkg/data/a1.csv", "pkg/data/a2.csv"], "pkg/schemas/a.json"],
      ["b", ["pkg/data/b.csv"], "pkg/datapackage.json#/resources/1/schema"],
    ]);
    expect(pkg.resources[0]).toMatchObject({ dialect: { delimiter: ";" }, encoding: "latin1" });
    expect(pkg.resources[0]?.schema.foreignKeys).toEqual([{ fields: ["b_id"], reference: { resource: "b", fields: ["id"] } }]);
  });

  const cases: { name: string; json: unknown; files?: Record<string, unknown>; property: string; messageId: string; source?: string }[] = [
    { name: "not an object", json: "x", property: "(racine)", messageId: "notAnObject" },
    { name: "no resources", json: { resources: [] }, property: "resources", messageId: "noResources" },
    { name: "resource not an object", json: { resources: [1] }, property: "resources[0]", messageId: "resourceNotObject" },
    { name: "inline data", json: { resources: [{ name: "a", data: [[1]], schema: schemaB }] }, property: "resources[0].path", messageId: "resourceWithoutPath" },
    { name: "absolute path", json: { resources: [{ name: "a", path: "/etc/passwd", schema: schemaB }] }, property: "resources[0].path", messageId: "unsafePath" },
    { name: "parent path", json: { resources: [{ name: "a", path: ["ok.csv", "../x.csv"], schema: schemaB }] }, property: "resources[0].path[1]", messageId: "unsafePath" },
    { name: "unsafe schema path", json: { resources: [{ name: "a", path: "a.csv", schema: "../s.json" }] }, property: "resources[0].schema", messageId: "unsafePath" },
    { name: "schema a number", json: { resources: [{ name: "a", path: "a.csv", schema: 3 }] }, property: "resources[0].schema", messageId: "notAReference" },
    {
      name: "duplicate resource names",
      json: {
        resources: [
          { name: "a", path: "a.csv", schema: schemaB },
          { name: "a", path: "b.csv", schema: schemaB },
        ],
      },
      property: "resources[1].name",
      messageId: "duplicateResourceName",
    },
    {
      name: "inline schema error keeps its place in the descriptor",
      json: { resources: [{ name: "a", path: "a.csv", schema: { fields: [{ name: "x", type: "texte" }] } }] },
      property: "resources[0].schema.fields[0].type",
      messageId: "unknownType",
    },
    {
      name: "referenced schema error names the schema file",
      json: { resources: [{ name: "a", path: "a.csv", schema: "s.json" }] },
      files: { "pkg/s.json": { fields: [{ type: "string" }] } },
      property: "fields[0].name",
      messageId: "fieldNameMissing",
      source: "pkg/s.json",
    },
    {
      name: "foreign key to an absent resource",
      json: { resources: [{ name: "a", path: "a.csv", schema: "a.json" }] },
      files: { "pkg/a.json": schemaA },
      property: "foreignKeys[0].reference.resource",
      messageId: "unknownResource",
      source: "pkg/a.json",
    },
    {
      name: "foreign key to an absent field of another resource",
      json: {
        resources: [
          { name: "a", path: "a.csv", schema: schemaA },
          { name: "b", path: "b.csv", schema: { fields: [{ name: "code" }] } },
        ],
      },
      property: "resources[0].schema.foreignKeys[0].reference.fields[0]",
      messageId: "unknownReferencedField",
    },
    {
      name: "dialect file not an object",
      json: { resources: [{ name: "b", path: "b.csv", schema: schemaB, dialect: "d.json" }] },
      files: { "pkg/d.json": [";"] },
      property: "resources[0].dialect",
      messageId: "notAReference",
    },
  ];
  it.each(cases)("refuses: $name", async ({ json, files, property, messageId, source }) => {
    const problems = await fatalOf(json, files);
    expect(problems).toContainEqual(expect.objectContaining({ code: "schema-error", property, messageId, source: source ?? "pkg/datapackage.json" }));
  });

  it("names a nameless resource after its file and skips a schemaless one, with warnings", async () => {
    const pkg = await loadDataPackage(
      {
        resources: [
          { path: "data/Ventes.csv", schema: schemaB },
          { name: "doc", path: "README.pdf" },
        ],
      },
      "pkg",
      memory({}).readJson,
    );
    expect(pkg.resources.map((r) => r.name)).toEqual(["ventes"]);
    expect(pkg.warnings.map((w) => [w.property, w.messageId])).toEqual([
      ["resources[0].name", "resourceWithoutName"],
      ["resources[1].schema", "resourceWithoutSchema"],
    ]);
  });

  it("lets readJson errors through", async () => {
    await expect(loadDataPackage({ resources: [{ name: "a", path: "a.csv", schema: "none.json" }] }, "pkg", memory({}).readJson)).rejects.toThrow("absent: pkg/none.json");
  });
});

describeShared("loadDataPackage on the national packages", () => {
  const packages: { dir: string; resources: [string, string, number][]; foreignKeys: number }[] = [
    {
      dir: "schemas/etalab/schema-irve",
      resources: [
        ["irve-statique", "statique/exemple-valide-statique.csv", 0],
        ["irve-dynamique", "dynamique/exemple-valide-dynamique.csv", 0],
      ],
      foreignKeys: 0,
    },
    {
      dir: "schemas/cnigfr/schema-operations-amenagement",
      resources: [
        ["operation-amenagement", "schema/operation-amenagement/exemple-valide.csv", 0],
        ["secteur", "schema/secteur/exemple-valide.csv", 1],
        ["programme", "schema/programme/exemple-valide.csv", 2],
      ],
      foreignKeys: 3,
    },
    ...["package-irve", "package-irve-errors"].map((c) => ({
      dir: `reference/cases/${c}`,
      resources: [
        ["irve-statique", "statique/exemple-valide-statique.csv", 0] as [string, string, number],
        ["irve-dynamique", "dynamique/exemple-valide-dynamique.csv", 0] as [string, string, number],
      ],
      foreignKeys: 0,
    })),
    ...["package-operations-amenagement", "package-operations-amenagement-foreign-key"].map((c) => ({
      dir: `reference/cases/${c}`,
      resources: [
        ["operation-amenagement", "schema/operation-amenagement/exemple-valide.csv", 0] as [string, string, number],
        ["secteur", "schema/secteur/exemple-valide.csv", 1] as [string, string, number],
        ["programme", "schema/programme/exemple-valide.csv", 2] as [string, string, number],
      ],
      foreignKeys: 3,
    })),
  ];

  it.each(packages)("$dir loads", async ({ dir, resources, foreignKeys }) => {
    const base = path.join(sharedDir, dir);
    const pkg = await loadDataPackage(await readFromDisk(path.join(base, "datapackage.json")), base, readFromDisk);
    expect(pkg.resources.map((r) => [r.name, r.paths, r.schema.foreignKeys?.length ?? 0])).toEqual(resources.map(([name, file, fks]) => [name, [path.join(base, file)], fks]));
    expect(pkg.resources.reduce((n, r) => n + (r.schema.foreignKeys?.length ?? 0), 0)).toBe(foreignKeys);
    expect(pkg.resources.every((r) => r.encoding === "utf-8")).toBe(true);
    // Non-string examples of the statique / cnigfr schemas come back as warnings naming their file.
    expect(pkg.warnings.some((w) => w.property.endsWith(".example") && w.source.endsWith(".json"))).toBe(true);
  });
});
