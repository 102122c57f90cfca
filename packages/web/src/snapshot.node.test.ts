import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildSnapshot } from "./snapshot.node.js";

const dir = mkdtempSync(path.join(tmpdir(), "conforme-web-snapshot-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const schema = (name: string) => ({ fields: [{ name, type: "string" }] });
function write(relative: string, value: unknown): string {
  const file = path.join(dir, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, typeof value === "string" ? value : JSON.stringify(value));
  return file;
}

const catalogue = {
  schemas: [
    { name: "org/relative", title: "Relatif", schema_type: "tableschema", versions: [{ version_name: "1.0.0", schema_url: "relative/schema.json" }] },
    {
      name: "org/versioned",
      title: "Versionné",
      schema_type: "tableschema",
      versions: [
        { version_name: "1.0.0", schema_url: "https://schema.example/org/versioned/1.0.0/schema.json" },
        { version_name: "1.2.0", schema_url: "https://schema.example/org/versioned/1.2.0/schema.json" },
      ],
    },
    { name: "org/flat", title: "À plat", schema_type: "tableschema", versions: [{ version_name: "2.0.0", schema_url: "https://schema.example/org/flat/2.0.0/schema.yml" }] },
    { name: "org/remote", title: "Distant", schema_type: "tableschema", versions: [{ version_name: "0.1.0", schema_url: "https://schema.example/org/remote/0.1.0/schema.json" }] },
    { name: "org/package", schema_type: "datapackage", versions: [{ version_name: "1.0.0", schema_url: "https://schema.example/org/package/datapackage.json" }] },
    { name: "org/broken", schema_type: "tableschema", versions: [{ version_name: "1.0.0", schema_url: "broken.json" }] },
  ],
};
write("catalogue.json", catalogue);
write("relative/schema.json", schema("relatif"));
write("broken.json", { fields: "not a list" });
write("local/org/versioned/1.2.0/schema.json", schema("v120"));
write("local/org/versioned/1.0.0/schema.json", schema("v100"));
write("local/org/flat/schema.json", schema("plat"));

describe("buildSnapshot", () => {
  it("a local catalogue is read offline: relative bodies and the schemas folder, never a URL", async () => {
    const fetched: string[] = [];
    const { snapshot, skipped } = await buildSnapshot({
      catalog: "catalogue.json",
      schemas: "local",
      cwd: dir,
      fetch: async (url) => {
        fetched.push(String(url));
        return new Response("{}");
      },
      now: new Date("2026-02-03T00:00:00Z"),
    });
    expect(fetched).toEqual([]);
    expect(snapshot.createdAt).toBe("2026-02-03T00:00:00.000Z");
    expect(snapshot.schemas.map((entry) => [entry.id, entry.version, (entry.schema as { fields: { name: string }[] }).fields[0]!.name])).toEqual([
      ["org/flat", "2.0.0", "plat"],
      ["org/relative", "1.0.0", "relatif"],
      ["org/versioned", "1.2.0", "v120"],
    ]);
    expect(snapshot.schemas.find((entry) => entry.id === "org/versioned")!.url).toBe("https://schema.example/org/versioned/1.2.0/schema.json");
    expect(skipped.map((entry) => entry.id).sort()).toEqual(["org/broken", "org/remote"]);
  });

  it("a catalogue given by URL fetches the bodies it cannot find locally", async () => {
    const served: Record<string, unknown> = {
      "https://schema.example/schemas.json": { schemas: catalogue.schemas.slice(1, 4) },
      "https://schema.example/org/versioned/1.2.0/schema.json": schema("distant-v120"),
      "https://schema.example/org/flat/2.0.0/schema.yml": "fields:\n  - name: yaml\n    type: string\n",
      "https://schema.example/org/remote/0.1.0/schema.json": schema("distant"),
    };
    const fetched: string[] = [];
    const { snapshot, skipped } = await buildSnapshot({
      catalog: "https://schema.example/schemas.json",
      cwd: dir,
      fetch: async (url) => {
        fetched.push(String(url));
        const body = served[String(url)];
        return body === undefined ? new Response("", { status: 404 }) : new Response(typeof body === "string" ? body : JSON.stringify(body));
      },
    });
    expect(skipped).toEqual([]);
    expect(fetched).toHaveLength(4);
    expect(snapshot.schemas.map((entry) => (entry.schema as { fields: { name: string }[] }).fields[0]!.name).sort()).toEqual(["distant", "distant-v120", "yaml"]);
  });
});
