import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchBody, isPrivateAddress } from "../../packages/core/src/node/fetch.js";
import { lint } from "../../packages/core/src/node.js";
import { ResolveError } from "../../packages/core/src/resolve/errors.js";

const schema = JSON.stringify({ fields: [{ name: "code", type: "integer" }] });
// 64 MiB of zeros gzip to ~64 KB: the body must be cut at the cap, counted after inflating.
const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024));

const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
  "/schema.json": (_req, res) => res.end(schema),
  "/to-file": (_req, res) => res.writeHead(302, { location: "file:///etc/passwd" }).end(),
  "/to-localhost": (_req, res) => res.writeHead(302, { location: `http://localhost:${port()}/schema.json` }).end(),
  "/loop": (_req, res) => res.writeHead(302, { location: "/loop" }).end(),
  "/endless": (_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const pump = () => {
      while (res.write(chunk));
      if (!res.destroyed) res.once("drain", pump);
    };
    pump();
  },
  "/bomb": (_req, res) => res.writeHead(200, { "content-encoding": "gzip", "content-type": "application/json" }).end(bomb),
  // Headers, then a byte now and then, forever: only a time-out over the whole body ends it.
  "/drip": (_req, res) => {
    res.writeHead(200);
    const timer = setInterval(() => res.write(" "), 50);
    res.on("close", () => clearInterval(timer));
  },
  "/silent": () => undefined,
};

let server: Server;
const port = () => (server.address() as AddressInfo).port;
const url = (route: string) => `http://127.0.0.1:${port()}${route}`;
const allowed = { allowPrivateNetwork: true, timeoutMs: 2000 };

async function failure(promise: Promise<unknown>): Promise<ResolveError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ResolveError);
  return error as ResolveError;
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const route = routes[req.url ?? ""];
    if (route) route(req, res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe("fetch rules", () => {
  it("reads a schema from 127.0.0.1 only when private addresses are allowed", async () => {
    expect(JSON.parse((await fetchBody(url("/schema.json"), allowed)).toString())).toEqual(JSON.parse(schema));
    expect((await failure(fetchBody(url("/schema.json")))).code).toBe("fetch-refused");
    expect((await failure(fetchBody(`http://localhost:${port()}/schema.json`))).code).toBe("fetch-refused");
    expect((await failure(fetchBody(`http://[::1]:${port()}/schema.json`))).code).toBe("fetch-refused");
  });

  it.each([
    ["a redirect to file:", "/to-file"],
    ["more than 5 redirects", "/loop"],
  ])("refuses %s", async (_name, route) => {
    expect((await failure(fetchBody(url(route), allowed))).code).toBe("fetch-refused");
  });

  it("checks the address again on every redirect", async () => {
    // Allowed: the hop to localhost is followed; not allowed: refused at the first hop already,
    // so the hop itself is checked through a name that resolves to loopback.
    expect((await fetchBody(url("/to-localhost"), allowed)).toString()).toBe(schema);
    expect((await failure(fetchBody(`http://localhost:${port()}/to-localhost`))).data.reason).toMatch(/127\.0\.0\.1|::1/);
  });

  it.each([
    ["an endless body", "/endless"],
    ["a gzip bomb", "/bomb"],
  ])("stops %s at the size cap", async (_name, route) => {
    const error = await failure(fetchBody(url(route), { ...allowed, maxDownloadBytes: 4 * 1024 * 1024 }));
    expect(error.code).toBe("too-large");
  });

  it.each([
    ["a server that never answers", "/silent"],
    ["a body that drips forever", "/drip"],
  ])("ends %s within the time-out", async (_name, route) => {
    const started = Date.now();
    const error = await failure(fetchBody(url(route), { allowPrivateNetwork: true, timeoutMs: 400 }));
    expect(error.code).toBe("network-error");
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("refuses schemes other than http(s)", async () => {
    for (const target of ["file:///etc/passwd", "ftp://example.org/x.json", "data:application/json,{}"]) {
      expect((await failure(fetchBody(target, allowed))).code).toBe("fetch-refused");
    }
  });

  it.each([
    ["127.0.0.1", true],
    ["10.1.2.3", true],
    ["172.16.0.1", true],
    ["192.168.1.1", true],
    ["169.254.169.254", true],
    ["100.64.0.1", true],
    ["0.0.0.0", true],
    ["::1", true],
    ["fe80::1", true],
    ["fd00::1", true],
    ["::ffff:127.0.0.1", true],
    ["::ffff:7f00:1", true],
    ["193.17.173.1", false],
    ["2001:4860:4860::8888", false],
  ])("%s is private: %s", (address, expected) => {
    expect(isPrivateAddress(address)).toBe(expected);
  });

  it("a refused schema URL is a run failure of lint, not a crash", async () => {
    const directory = mkdtempSync(path.join(tmpdir(), "conforme-fetch-"));
    writeFileSync(path.join(directory, "a.csv"), "code\n1\n");
    const cacheDir = path.join(directory, ".cache");
    const refused = await lint(["a.csv"], { cwd: directory, cacheDir, schema: url("/schema.json"), metadata: false });
    expect(refused.runErrors.map((error) => error.code)).toEqual(["run-error"]);
    expect(refused.valid).toBe(false);
    const bombed = await lint(["a.csv"], { cwd: directory, cacheDir, schema: url("/bomb"), allowPrivateNetwork: true, maxDownloadBytes: 1 << 20, metadata: false });
    expect(bombed.runErrors).toHaveLength(1);
    const read = await lint(["a.csv"], { cwd: directory, cacheDir, schema: url("/schema.json"), allowPrivateNetwork: true, metadata: false });
    expect(read.runErrors).toEqual([]);
    expect(read.files.map((file) => file.valid)).toEqual([true]);
  });
});
