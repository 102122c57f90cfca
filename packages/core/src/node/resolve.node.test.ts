import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeShared, sharedDir } from "../../../../test/shared.js";
import { ResolveError } from "../resolve/errors.js";
import { loadDataPackage } from "../table-schema/package.js";
import { defaultCacheDir } from "./cache.js";
import { createJsonReader, isLocalPath, listCatalog, pullSchemas, resolveSchemaRef, type ResolveOptions } from "./resolve.node.js";

const schemasDir = path.join(sharedDir, "schemas");
const PUBLIC = "https://schema.data.gouv.fr/";

interface Fixture {
  id: string;
  schema: string;
  schema_url: string;
}

/**
 * A stand-in for schema.data.gouv.fr on 127.0.0.1: the real catalogue with its URLs pointed at
 * this server, and each fixture served for every version of its id.
 */
async function startServer(): Promise<{ origin: string; requests: string[]; close: () => Promise<void> }> {
  const fixtures = (JSON.parse(readFileSync(path.join(schemasDir, "fixtures.json"), "utf8")) as { fixtures: Fixture[] }).fixtures;
  const requests: string[] = [];
  let origin = "";
  const server: Server = createServer((req, res) => {
    const url = req.url ?? "/";
    requests.push(url);
    const send = (status: number, body: string) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(body);
    };
    if (url === "/schemas.json") {
      return send(200, readFileSync(path.join(schemasDir, "catalog", "schemas.json"), "utf8").replaceAll(PUBLIC, `${origin}/sdg/`));
    }
    if (url === "/broken.json") return send(200, '{"fields": [');
    if (url === "/hang.json") return; // never answers: the client's timeout must fire
    const match = /^\/sdg\/schemas\/([^/]+\/[^/]+)\/([^/]+)\/(.+)$/.exec(url);
    const fixture = match && fixtures.find((f) => f.id === match[1]);
    if (!match || !fixture) return send(404, "{}");
    const rest = match[3] as string;
    const file = rest === path.posix.basename(fixture.schema_url) ? fixture.schema : path.posix.join(path.posix.dirname(fixture.schema), rest);
    try {
      send(200, readFileSync(path.join(schemasDir, file), "utf8"));
    } catch {
      send(404, "{}");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const tempDir = () => mkdtempSync(path.join(os.tmpdir(), "conforme-resolve-"));

async function rejection(promise: Promise<unknown>): Promise<ResolveError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ResolveError);
    return error as ResolveError;
  }
  throw new Error("expected a ResolveError");
}

describe("isLocalPath", () => {
  const cwd = tempDir();
  mkdirSync(path.join(cwd, "scdl"));
  writeFileSync(path.join(cwd, "scdl", "budget"), "{}");
  it.each([
    ["./schema.json", true],
    ["../x", true],
    ["/abs/schema.json", true],
    ["schema.json", true],
    ["dir/schema.yaml", true],
    ["scdl/budget", true], // exists on disk: the file wins over the id
    ["scdl/subventions", false],
    ["scdl/subventions@2.1.0", false],
    ["https://example.test/s.json", false],
  ])("%s -> %s", (ref, expected) => expect(isLocalPath(ref, cwd)).toBe(expected));
});

describe("a local catalogue (--catalog-url <file>)", () => {
  // Relative schema_urls are read beside the catalogue; an absolute one still goes to the network.
  const dir = tempDir();
  mkdirSync(path.join(dir, "ville", "v2"), { recursive: true });
  writeFileSync(path.join(dir, "ville", "v2", "schema.json"), JSON.stringify({ fields: [{ name: "id", type: "integer" }] }));
  const catalogue = {
    schemas: [
      {
        name: "ville/equipements",
        title: "Équipements",
        schema_type: "tableschema",
        versions: [
          { version_name: "1.0.0", schema_url: "ville/v2/missing.json" },
          { version_name: "2.0.0", schema_url: "ville/v2/schema.json" },
        ],
      },
      { name: "scdl/budget", schema_type: "tableschema", versions: [{ version_name: "0.8.3", schema_url: "https://schema.data.gouv.fr/schemas/scdl/budget/0.8.3/schema.json" }] },
    ],
  };
  writeFileSync(path.join(dir, "catalogue.json"), JSON.stringify(catalogue));
  const cwd = tempDir();
  const cacheDir = tempDir();

  it.each([
    ["a path against cwd", path.relative(cwd, path.join(dir, "catalogue.json"))],
    ["an absolute path", path.join(dir, "catalogue.json")],
    ["a file: URL", pathToFileURL(path.join(dir, "catalogue.json")).href],
  ])("resolves ids through %s, offline", async (_how, catalogUrl) => {
    const options: ResolveOptions = { catalogUrl, cwd, cacheDir, offline: true };
    const resolved = await resolveSchemaRef("ville/equipements", options);
    expect(resolved).toMatchObject({ id: "ville/equipements", version: "2.0.0", source: path.join(dir, "ville", "v2", "schema.json"), base: path.join(dir, "ville", "v2") });
    expect(resolved.json).toEqual({ fields: [{ name: "id", type: "integer" }] });
    expect((await listCatalog(options)).map((entry) => entry.id)).toEqual(["ville/equipements", "scdl/budget"]);
  });

  it.each([
    ["ville/equipements@1.0.0", "file-not-found"],
    ["ville/equipement", "unknown-schema-id"],
    ["scdl/budget", "offline-cache-miss"],
  ])("%s -> %s", async (ref, code) => {
    const error = await rejection(resolveSchemaRef(ref, { catalogUrl: path.join(dir, "catalogue.json"), cwd, cacheDir, offline: true }));
    expect(error.code).toBe(code);
  });

  it("names the missing catalogue file", async () => {
    const error = await rejection(listCatalog({ catalogUrl: "nowhere/catalogue.json", cwd, cacheDir }));
    expect(error.code).toBe("file-not-found");
    expect(error.url).toBe(path.join(cwd, "nowhere", "catalogue.json"));
  });
});

describe("defaultCacheDir", () => {
  it("follows XDG_CACHE_HOME, else ~/.cache", () => {
    expect(defaultCacheDir({ XDG_CACHE_HOME: "/var/cache/u" })).toBe(path.join("/var/cache/u", "conforme"));
    expect(defaultCacheDir({})).toBe(path.join(os.homedir(), ".cache", "conforme"));
  });
});

describeShared("resolveSchemaRef through a loopback catalogue", () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let options: ResolveOptions;
  beforeAll(async () => {
    server = await startServer();
    options = { catalogUrl: `${server.origin}/schemas.json`, cacheDir: tempDir(), timeoutMs: 2000, allowPrivateNetwork: true };
  });
  afterAll(() => server.close());

  const fixtureJson = (file: string) => JSON.parse(readFileSync(path.join(schemasDir, file), "utf8"));

  it.each([
    ["scdl/subventions", "2.1.1", "scdl/subventions/2.1.1/schema.json"],
    ["scdl/subventions@latest", "2.1.1", "scdl/subventions/2.1.1/schema.json"],
    ["scdl/subventions@2.0.1", "2.0.1", "scdl/subventions/2.0.1/schema.json"],
    ["scdl/subventions@v2.0", "2.0.0", "scdl/subventions/2.0.0/schema.json"],
    ["scdl/deliberations@latest", "2.1.5", "scdl/deliberations/2.1.5/schema.json"],
    ["etalab/schema-irve", "2.3.1", "etalab/schema-irve/2.3.1/datapackage.json"],
  ])("%s resolves to version %s via the catalogue's schema_url", async (ref, version, urlPath) => {
    const resolved = await resolveSchemaRef(ref, options);
    expect(resolved).toMatchObject({ id: ref.split("@")[0], version, source: `${server.origin}/sdg/schemas/${urlPath}` });
  });

  it("returns the published descriptor", async () => {
    const resolved = await resolveSchemaRef("scdl/prenoms", options);
    expect(resolved.json).toEqual(fixtureJson("scdl/prenoms/schema.json"));
    expect(resolved.type).toBe("tableschema");
  });

  it("resolves a data package and its referenced schemas over HTTP", async () => {
    const resolved = await resolveSchemaRef("cnigfr/schema-operations-amenagement", options);
    expect(resolved.type).toBe("datapackage");
    const pkg = await loadDataPackage(resolved.json, resolved.base, createJsonReader(options), { source: resolved.source });
    expect(pkg.resources.map((r) => r.schemaSource)).toEqual(
      ["operation-amenagement/schema_operation-amenagement.json", "secteur/schema_secteur.json", "programme/schema_programme.json"].map(
        (f) => `${server.origin}/sdg/schemas/cnigfr/schema-operations-amenagement/1.0.0/schema/${f}`,
      ),
    );
  });

  it("refuses an unknown id, listing close matches", async () => {
    const error = await rejection(resolveSchemaRef("scdl/subvention", options));
    expect(error.code).toBe("unknown-schema-id");
    expect(error.suggestions).toContain("scdl/subventions");
    expect(error.messages.en).toContain("scdl/subventions");
  });

  it("refuses an unknown version, listing the published ones", async () => {
    const error = await rejection(resolveSchemaRef("scdl/subventions@9.9.9", options));
    expect(error.code).toBe("unknown-version");
    expect(error.data.versions).toContain("2.1.1");
  });

  it("reads a URL, naming it on HTTP 404 and invalid JSON", async () => {
    const url = `${server.origin}/sdg/schemas/scdl/budget/0.8.3/schema.json`;
    expect((await resolveSchemaRef(url, options)).source).toBe(url);
    const missing = await rejection(resolveSchemaRef(`${server.origin}/sdg/schemas/nobody/none/1.0.0/schema.json`, options));
    expect(missing).toMatchObject({ code: "http-error", url: `${server.origin}/sdg/schemas/nobody/none/1.0.0/schema.json` });
    expect(missing.data.status).toBe(404);
    const broken = await rejection(resolveSchemaRef(`${server.origin}/broken.json`, options));
    expect(broken).toMatchObject({ code: "invalid-json", url: `${server.origin}/broken.json` });
    expect(broken.message).toContain(`${server.origin}/broken.json`);
  });

  it("gives up on a silent server after the timeout", async () => {
    const error = await rejection(resolveSchemaRef(`${server.origin}/hang.json`, { ...options, timeoutMs: 200 }));
    expect(error).toMatchObject({ code: "network-error", url: `${server.origin}/hang.json` });
  });

  it("reads local paths: absolute, relative to cwd, and a file named like an id", async () => {
    const absolute = path.join(schemasDir, "scdl/budget/schema.json");
    expect(await resolveSchemaRef(absolute, options)).toMatchObject({ source: absolute, base: path.dirname(absolute) });
    expect((await resolveSchemaRef("./scdl/budget/schema.json", { ...options, cwd: schemasDir })).source).toBe(absolute);
    const cwd = tempDir();
    mkdirSync(path.join(cwd, "scdl"));
    writeFileSync(path.join(cwd, "scdl", "subventions"), '{"fields": [{"name": "local"}]}');
    const local = await resolveSchemaRef("scdl/subventions", { ...options, cwd });
    expect(local).toMatchObject({ source: path.join(cwd, "scdl", "subventions"), json: { fields: [{ name: "local" }] } });
    expect(local.id).toBeUndefined();
    expect((await rejection(resolveSchemaRef("./absent.json", { ...options, cwd }))).code).toBe("file-not-found");
  });

  it("lists the catalogue", async () => {
    const entries = await listCatalog(options);
    expect(entries).toHaveLength(95);
    const subventions = entries.find((e) => e.id === "scdl/subventions");
    expect(subventions).toMatchObject({ title: "Subventions", type: "tableschema", latest: "2.1.1" });
    expect(subventions?.versions.map((v) => v.version)).toEqual(["1.1.0", "2.0.0", "2.0.1", "2.0.2", "2.1.0", "2.1.1"]);
  });
});

describeShared("the download cache", () => {
  it("serves a cached resolution with the server stopped, online or offline", async () => {
    const server = await startServer();
    const options = { catalogUrl: `${server.origin}/schemas.json`, cacheDir: tempDir(), timeoutMs: 2000, allowPrivateNetwork: true };
    const first = await resolveSchemaRef("scdl/catalogue@0.1.3", options);
    const again = await resolveSchemaRef("scdl/catalogue@0.1.3", options);
    expect(server.requests).toEqual(["/schemas.json", "/sdg/schemas/scdl/catalogue/0.1.3/schema.json"]);
    await server.close();
    expect(await resolveSchemaRef("scdl/catalogue@0.1.3", options)).toEqual(first);
    expect(await resolveSchemaRef("scdl/catalogue@0.1.3", { ...options, offline: true })).toEqual(again);
  });

  it("offline without cache names the missing URL and suggests `conforme schemas pull`", async () => {
    const server = await startServer();
    const options = { catalogUrl: `${server.origin}/schemas.json`, cacheDir: tempDir(), allowPrivateNetwork: true };
    const noCatalog = await rejection(resolveSchemaRef("scdl/budget", { ...options, offline: true }));
    expect(noCatalog).toMatchObject({ code: "offline-cache-miss", url: options.catalogUrl });
    expect(noCatalog.message).toContain("conforme schemas pull");
    await listCatalog(options);
    const noSchema = await rejection(resolveSchemaRef("scdl/budget", { ...options, offline: true }));
    expect(noSchema).toMatchObject({ code: "offline-cache-miss", url: `${server.origin}/sdg/schemas/scdl/budget/0.8.3/schema.json` });
    expect(noSchema.messages.en).toContain("conforme schemas pull scdl/budget@0.8.3");
    expect(server.requests).toEqual(["/schemas.json"]);
    await server.close();
  });

  it("pullSchemas prefills the cache, data package files included", async () => {
    const server = await startServer();
    const options = { catalogUrl: `${server.origin}/schemas.json`, cacheDir: tempDir(), allowPrivateNetwork: true };
    const pulled = await pullSchemas(["etalab/schema-irve", "scdl/prenoms@1.1.5"], options);
    expect(pulled.map((p) => [p.id, p.version, p.urls.length])).toEqual([
      ["etalab/schema-irve", "2.3.1", 3],
      ["scdl/prenoms", "1.1.5", 1],
    ]);
    await server.close();
    const offline = { ...options, offline: true };
    const resolved = await resolveSchemaRef("etalab/schema-irve", offline);
    const pkg = await loadDataPackage(resolved.json, resolved.base, createJsonReader(offline));
    expect(pkg.resources.map((r) => r.name)).toEqual(["irve-statique", "irve-dynamique"]);
    expect((await resolveSchemaRef("scdl/prenoms@1.1.5", offline)).version).toBe("1.1.5");
  });
});
