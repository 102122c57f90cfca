import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkUrl, checkUrls, evaluateDatagouvDataset, evaluateMetadataFile, fileFacts } from "./metadata.node.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
const examples = path.join(repoRoot, "examples/metadata");
const NOW = new Date("2025-01-10T12:00:00Z");

let server: Server;
let base = "";
const hits: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    if (req.url === "/ok") return res.writeHead(200).end();
    if (req.url === "/redirect") return res.writeHead(302, { location: "ftp://elsewhere/" }).end();
    if (req.url === "/no-head") return res.writeHead(req.method === "HEAD" ? 405 : req.headers.range === "bytes=0-0" ? 206 : 500).end("x");
    if (req.url === "/slow") return void setTimeout(() => res.writeHead(200).end(), 2000);
    if (req.url === "/api/1/datasets/subventions-2019/") {
      return res.writeHead(200, { "content-type": "application/json" }).end(readFileSync(path.join(examples, "pauvre/datagouv-dataset.json")));
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("URL checks", () => {
  it.each([
    ["/ok", true, 200, "HEAD"],
    ["/redirect", true, 302, "HEAD"],
    ["/no-head", true, 206, "GET"],
    ["/missing", false, 404, "HEAD"],
  ] as const)("%s", async (route, ok, status, method) => {
    const check = await checkUrl(base + route);
    expect([check.ok, check.status, check.method]).toEqual([ok, status, method]);
  });

  it("times out", async () => {
    const check = await checkUrl(`${base}/slow`, { timeoutMs: 100 });
    expect([check.ok, check.error]).toEqual([false, "timeout"]);
  });

  it("checks each URL once, through the cache", async () => {
    hits.length = 0;
    const cache = new Map();
    await checkUrls([`${base}/ok`, `${base}/ok`, `${base}/missing`], { cache, concurrency: 2 });
    await checkUrls([`${base}/ok`], { cache });
    expect(hits.sort()).toEqual(["HEAD /missing", "HEAD /ok"]);
  });
});

describe("files and data.gouv.fr", () => {
  it("computes size and digests of a local file", async () => {
    const facts = await fileFacts(path.join(examples, "moyen/budget.csv"), "budget.csv");
    expect([facts?.path, facts?.bytes, facts?.sha256?.length, facts?.md5?.length]).toEqual(["budget.csv", 86, 64, 32]);
    expect(await fileFacts(path.join(examples, "moyen/absent.csv"))).toBeUndefined();
  });

  it("scores a datapackage with its local file found on disk", async () => {
    const result = await evaluateMetadataFile(path.join(examples, "moyen/datapackage.json"), { now: NOW });
    expect([result.mqa.verified, result.mqa.local]).toEqual([185, 130]);
    expect(result.findings.filter((f) => f.code === "metadata-byte-size-mismatch")).toEqual([]);
  });

  it("fetches a dataset by slug from a configurable base URL", async () => {
    const result = await evaluateDatagouvDataset("subventions-2019", { baseUrl: base, now: NOW });
    expect([result.source, result.datagouv.verified, result.mqa.verified]).toEqual(["datagouv", 3, 130]);
  });

  it("turns provisional points into verified ones with checkUrls", async () => {
    const file = path.join(examples, "pauvre/datagouv-dataset.json");
    const text = readFileSync(file, "utf8").replace("https://static.data.gouv.fr/resources/subventions-2019/subventions.pdf", `${base}/ok`);
    server.removeAllListeners("request");
    server.on("request", (req, res) => res.writeHead(200).end(req.url === "/api/1/datasets/x/" ? text : ""));
    const result = await evaluateDatagouvDataset("x", { baseUrl: base, now: NOW, checkUrls: true });
    expect([result.mqa.verified, result.mqa.provisional]).toEqual([210, 0]);
  });
});
