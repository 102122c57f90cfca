import { readFileSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runMain } from "../run-main.testing.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
const cacheDir = mkdtempSync(path.join(tmpdir(), "conforme-schemas-cache-"));
let server: Server;
let origin: string;

beforeAll(async () => {
  const catalogue = readFileSync(path.join(repoRoot, "examples/catalogue.json"));
  server = createServer((_request, response) => response.writeHead(200, { "content-type": "application/json" }).end(catalogue));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(cacheDir, { recursive: true, force: true });
});

const run = (argv: string[]) => runMain(argv, repoRoot);

describe("conforme schemas --allow-private-network", () => {
  it("refuses a catalogue on 127.0.0.1 by default, and lists it with the flag", async () => {
    const args = ["schemas", "list", "--catalog-url", `${origin}/schemas.json`, "--cache-dir", cacheDir];
    const refused = await run(args);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain("--allow-private-network");
    const allowed = await run([...args, "--allow-private-network"]);
    expect(allowed.code).toBe(0);
    expect(allowed.out).toContain("exemples/equipements");
  });
});
