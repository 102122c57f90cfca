// Runs the COMMITTED bundle (action/dist/index.js) as the runner would: a Node subprocess with the
// runner's environment set by hand, GITHUB_API_URL on a loopback server recording requests.
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const actionDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bundle = path.join(actionDir, "dist/index.js");

interface Annotation {
  level: string;
  properties: Record<string, string>;
  message: string;
}

interface RunResult {
  code: number | null;
  stdout: string;
  annotations: Annotation[];
  outputs: Record<string, string>;
  summary: string;
}

/** Input defaults as action.yml declares them: the runner fills them in, so the harness does too. */
function actionDefaults(): Record<string, string> {
  const defaults: Record<string, string> = {};
  let current: string | undefined;
  let inInputs = false;
  for (const line of readFileSync(path.join(actionDir, "action.yml"), "utf8").split("\n")) {
    if (/^\S/.test(line)) inInputs = line.startsWith("inputs:");
    if (!inInputs) continue;
    const name = /^ {2}([a-z-]+):\s*$/.exec(line);
    if (name) current = name[1];
    const value = /^ {4}default:\s*(.*)$/.exec(line);
    if (value && current) defaults[current] = value[1]!.replace(/^"(.*)"$/, "$1");
  }
  return defaults;
}

const DEFAULTS = actionDefaults();

function decode(text: string): string {
  return text.replace(/%0D/g, "\r").replace(/%0A/g, "\n").replace(/%3A/g, ":").replace(/%2C/g, ",").replace(/%25/g, "%");
}

/** `::level k=v,k=v::message` lines of stdout, properties decoded as the runner does. */
function parseAnnotations(stdout: string): Annotation[] {
  const found: Annotation[] = [];
  for (const line of stdout.split("\n")) {
    const match = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!match) continue;
    const properties: Record<string, string> = {};
    for (const pair of (match[2] ?? "").split(",").filter(Boolean)) {
      const at = pair.indexOf("=");
      properties[pair.slice(0, at)] = decode(pair.slice(at + 1));
    }
    found.push({ level: match[1]!, properties, message: decode(match[3] ?? "") });
  }
  return found;
}

/** `name<<delimiter` blocks of the GITHUB_OUTPUT file. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[i]!);
    if (!match) continue;
    const values: string[] = [];
    for (i++; i < lines.length && lines[i] !== match[2]; i++) values.push(lines[i]!);
    outputs[match[1]!] = values.join("\n");
  }
  return outputs;
}

interface RunOptions {
  workspace: string;
  inputs?: Record<string, string>;
  eventName?: string;
  payload?: Record<string, unknown>;
  apiUrl?: string;
}

async function runAction(options: RunOptions): Promise<RunResult> {
  const runner = mkdtempSync(path.join(tmpdir(), "conforme-runner-"));
  const files = { output: path.join(runner, "output"), summary: path.join(runner, "summary.md"), event: path.join(runner, "event.json") };
  writeFileSync(files.output, "");
  writeFileSync(files.summary, "");
  writeFileSync(files.event, JSON.stringify(options.payload ?? {}));
  const env: Record<string, string> = {
    PATH: process.env["PATH"] ?? "",
    HOME: runner,
    CI: "true",
    GITHUB_ACTIONS: "true",
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_EVENT_NAME: options.eventName ?? "push",
    GITHUB_EVENT_PATH: files.event,
    GITHUB_REPOSITORY: "collectivite/donnees",
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_API_URL: options.apiUrl ?? "http://127.0.0.1:9",
    RUNNER_TEMP: runner,
  };
  for (const [name, value] of Object.entries({ ...DEFAULTS, "github-token": "test-token", ...options.inputs })) {
    env[`INPUT_${name.toUpperCase()}`] = value;
  }
  const child = spawn(process.execPath, [bundle], { cwd: options.workspace, env });
  let stdout = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  const result = {
    code,
    stdout,
    annotations: parseAnnotations(stdout),
    outputs: parseOutputs(readFileSync(files.output, "utf8")),
    summary: readFileSync(files.summary, "utf8"),
  };
  rmSync(runner, { recursive: true, force: true });
  return result;
}

const SCHEMA = {
  fields: [
    { name: "id", type: "integer", constraints: { required: true } },
    { name: "nom", type: "string" },
    { name: "courriel", type: "string", format: "email" },
    { name: "montant", type: "number", constraints: { minimum: 0 } },
  ],
};

const HEADER = "id,nom,courriel,montant";
const GOOD_ROWS = ["1,Alpha,,10", "2,Beta,,12"];

/** Writes a workspace: `data/schema.json` and the given CSVs (name -> lines). */
function workspace(tables: Record<string, string[]>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "conforme-ws-"));
  mkdirSync(path.join(dir, "data"));
  writeFileSync(path.join(dir, "data/schema.json"), JSON.stringify(SCHEMA));
  for (const [name, lines] of Object.entries(tables)) writeFileSync(path.join(dir, "data", name), `${lines.join("\n")}\n`);
  return dir;
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false", ...args], { cwd, encoding: "utf8" }).trim();
}

const cleanup: string[] = [];
const ws = (tables: Record<string, string[]>) => {
  const dir = workspace(tables);
  cleanup.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of cleanup) rmSync(dir, { recursive: true, force: true });
});

describe("annotations, outputs and summary", () => {
  it("annotates the physical line and column of each bad cell, and the header on line 1", async () => {
    const dir = ws({
      // Line 4 holds a quoted line break: the next record starts on line 6, not 5.
      "a.csv": ["id,nom,courriel,montant,extra", "1,Alpha,,10,", "x,Beta,,12,", '3,"Gam\nma",,-5,', "4,Delta,,abc,"],
    });
    const result = await runAction({ workspace: dir, inputs: { paths: "data/a.csv", schema: "data/schema.json" } });
    expect(result.code).toBe(1);
    const errors = result.annotations.filter((a) => a.level === "error" && a.properties["file"] === "data/a.csv");
    const at = errors.map((a) => [a.properties["title"]!.split(" ")[0], a.properties["line"], a.properties["col"]]);
    expect(at).toEqual(
      expect.arrayContaining([
        ["type-error", "3", "1"],
        ["constraint-error", "4", undefined],
        ["type-error", "6", "10"],
      ]),
    );
    // The header mode auto matches the columns by name, as Validata: the column the schema does not
    // know is a warning on the header line, not an error on every row.
    const warnings = result.annotations.filter((a) => a.level === "warning" && a.properties["file"] === "data/a.csv");
    expect(warnings.map((a) => [a.properties["title"]!.split(" ")[0], a.properties["line"]])).toContainEqual(["extra-header-warn", "1"]);
    expect(result.outputs).toMatchObject({ valid: "false", "warning-count": "1", "sarif-path": "", "report-path": "" });
    const counted = errors.reduce((n, a) => n + Number(/×(\d+)/.exec(a.properties["title"] ?? "")?.[1] ?? 1), 0);
    expect(Number(result.outputs["error-count"])).toBe(counted);
    expect(result.summary).toContain("| data/a.csv |");
    expect(result.summary).toMatch(/\| `type-error` Type ou format incorrect \| erreur \| 2 \|/);
  });

  const failOnCases = [
    { name: "errors", rows: ["x,Alpha,,10"], expected: { error: 1, warning: 1, never: 0 } },
    {
      name: "warnings only",
      rows: ["1,Alpha,jean.dupont@example.org,10", "2,Beta,marie.curie@example.com,12", "3,Gamma,paul.martin@example.net,5"],
      expected: { error: 0, warning: 1, never: 0 },
    },
    { name: "clean", rows: GOOD_ROWS, expected: { error: 0, warning: 0, never: 0 } },
  ];
  for (const { name, rows, expected } of failOnCases) {
    it(`exit code for each fail-on on a file with ${name}`, async () => {
      const dir = ws({ "t.csv": [HEADER, ...rows] });
      for (const [failOn, code] of Object.entries(expected)) {
        const result = await runAction({ workspace: dir, inputs: { paths: "data/t.csv", schema: "data/schema.json", "fail-on": failOn } });
        expect({ failOn, code: result.code }).toEqual({ failOn, code });
      }
    });
  }

  it("masks personal values in annotations, summary and outputs, and counts them", async () => {
    const dir = ws({
      "p.csv": [HEADER, "1,Alpha,jean.dupont@example.org,10", "2,Beta,marie.curie@example.com,12", "3,Gamma,paul.martin@example.net,5", "4,Delta,pierre.durand@example,8"],
    });
    const result = await runAction({ workspace: dir, inputs: { paths: "data", schema: "data/schema.json", "fail-on": "never" } });
    expect(result.code).toBe(0);
    expect(Number(result.outputs["personal-data-count"])).toBeGreaterThan(0);
    const personal = result.annotations.find((a) => a.properties["title"]?.startsWith("personal-data-email"));
    expect(personal?.properties).toMatchObject({ file: "data/p.csv", line: "1" });
    for (const raw of ["jean.dupont", "marie.curie", "paul.martin", "pierre.durand"]) {
      expect(result.stdout).not.toContain(raw);
      expect(result.summary).not.toContain(raw);
    }
    expect(result.summary).toMatch(/\| data\/p\.csv \| .* \| 🟠 risque modéré/);
  });

  it("caps annotations at 10 per level, keeping one error slot for its failure and one notice for the count", async () => {
    // Two bad rows per file, below the threshold at which a column's findings are folded.
    const files = Object.fromEntries(Array.from({ length: 13 }, (_, i) => [`f${String(i).padStart(2, "0")}.csv`, [HEADER, `x${i},Nom,,1`, `y${i},Nom,,2`]]));
    const dir = ws(files);
    const result = await runAction({ workspace: dir, inputs: { paths: "data", schema: "data/schema.json" } });
    expect(result.code).toBe(1);
    const errors = result.annotations.filter((a) => a.level === "error");
    expect(errors).toHaveLength(10);
    // Nine findings, then the failure of the step, which has no file: it is never the one dropped.
    expect(errors.filter((a) => a.properties["file"])).toHaveLength(9);
    expect(errors.findIndex((a) => !a.properties["file"])).toBe(9);
    expect(errors[9]!.message).toContain("fail-on");
    const notices = result.annotations.filter((a) => a.level === "notice");
    expect(notices).toHaveLength(1);
    expect(notices[0]!.properties["title"]).toBe("conforme : annotations limitées");
    expect(notices[0]!.message).toMatch(/^17 constats .* sur 26 /);
    expect(result.outputs["error-count"]).toBe("26");
  });

  it("with fail-on never, the ten error slots all go to findings", async () => {
    const files = Object.fromEntries(Array.from({ length: 13 }, (_, i) => [`f${String(i).padStart(2, "0")}.csv`, [HEADER, `x${i},Nom,,1`, `y${i},Nom,,2`]]));
    const result = await runAction({ workspace: ws(files), inputs: { paths: "data", schema: "data/schema.json", "fail-on": "never" } });
    expect(result.code).toBe(0);
    expect(result.annotations.filter((a) => a.level === "error" && a.properties["file"])).toHaveLength(10);
    expect(result.annotations.filter((a) => a.level === "error" && !a.properties["file"])).toEqual([]);
  });

  it("annotates a column failing on many rows once, at its first row, with the count", async () => {
    const rows = Array.from({ length: 25 }, (_, i) => `x${i},Nom,,1`);
    const dir = ws({ "many.csv": [HEADER, ...rows] });
    const result = await runAction({ workspace: dir, inputs: { paths: "data", schema: "data/schema.json" } });
    const errors = result.annotations.filter((a) => a.level === "error" && a.properties["file"]);
    expect(errors.map((a) => [a.properties["title"], a.properties["line"]])).toEqual([["type-error · id · ×25", "2"]]);
    expect(errors[0]!.message).toContain("25 lignes");
    expect(result.annotations.filter((a) => a.level === "notice")).toHaveLength(0);
    expect(result.outputs["error-count"]).toBe("25");
  });

  it("writes the HTML report and the SARIF file and says where", async () => {
    const dir = ws({ "t.csv": [HEADER, "x,Alpha,,10"] });
    const inputs = { paths: "data", schema: "data/schema.json", report: "out/rapport.html", sarif: "out/conforme.sarif", lang: "en", "fail-on": "never" };
    const result = await runAction({ workspace: dir, inputs });
    expect(result.code).toBe(0);
    expect(result.outputs).toMatchObject({ valid: "false", "error-count": "1", "report-path": "out/rapport.html", "sarif-path": "out/conforme.sarif" });
    expect(readFileSync(path.join(dir, "out/rapport.html"), "utf8")).toMatch(/^<!doctype html>/);
    const sarif = JSON.parse(readFileSync(path.join(dir, "out/conforme.sarif"), "utf8")) as { version: string; runs: { results: { ruleId: string }[] }[] };
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.runs[0]!.results.map((r) => r.ruleId)).toEqual(["type-error"]);
    expect(result.summary).toContain("❌ Invalid");
  });

  it("scores the data package's metadata", async () => {
    const dir = ws({ "t.csv": [HEADER, ...GOOD_ROWS] });
    const descriptor = { name: "subventions", title: "Subventions", licenses: [{ name: "etalab-2.0" }], resources: [{ name: "t", path: "t.csv", schema: "schema.json" }] };
    writeFileSync(path.join(dir, "data/datapackage.json"), JSON.stringify(descriptor, null, 2));
    const result = await runAction({ workspace: dir, inputs: { paths: "data", "fail-on": "never" } });
    expect(result.outputs["metadata-score"]).toMatch(/^\d$/);
    expect(result.summary).toMatch(new RegExp(`\\| data/t\\.csv \\| .* \\| ${result.outputs["metadata-score"]}/9 \\(data\\.gouv\\.fr\\) \\|`));
    expect(result.summary).toContain("| data/datapackage.json |");
  });

  it("reads the configuration given in the config input", async () => {
    const dir = ws({ "t.csv": [HEADER, "x,Alpha,,10"] });
    writeFileSync(path.join(dir, "conforme.config.json"), JSON.stringify({ schema: "data/schema.json", files: ["data"] }));
    const result = await runAction({ workspace: dir, inputs: { config: "conforme.config.json" } });
    expect(result.code).toBe(1);
    expect(result.annotations.map((a) => [a.properties["title"]?.split(" ")[0], a.properties["line"]])).toContainEqual(["type-error", "2"]);

    writeFileSync(path.join(dir, "conforme.config.json"), JSON.stringify({ schema: 12 }));
    const broken = await runAction({ workspace: dir, inputs: { config: "conforme.config.json", "fail-on": "never" } });
    expect(broken.code).toBe(1);
    expect(broken.annotations).toHaveLength(1);
    expect(broken.annotations[0]!.message).toContain("conforme.config.json");
  });

  it("fails before reading data on a wrong input", async () => {
    const dir = ws({ "t.csv": [HEADER, ...GOOD_ROWS] });
    const result = await runAction({ workspace: dir, inputs: { paths: "data", "fail-on": "sometimes" } });
    expect(result.code).toBe(1);
    expect(result.annotations.map((a) => a.level)).toEqual(["error"]);
    expect(result.annotations[0]!.message).toContain("fail-on");
  });
});

interface Recorded {
  method: string;
  url: string;
  body: string;
}

/** A loopback GitHub REST API for issue comments; `forbid` answers 403 like a fork's token. */
class FakeGitHub {
  server: Server;
  requests: Recorded[] = [];
  comments: { id: number; body: string }[] = [];
  forbid = false;
  url = "";

  constructor() {
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body = "";
    for await (const chunk of req) body += String(chunk);
    this.requests.push({ method: req.method ?? "", url: req.url ?? "", body });
    const send = (status: number, value: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(value));
    };
    if (this.forbid) return send(403, { message: "Resource not accessible by integration" });
    const url = new URL(req.url ?? "/", this.url);
    if (req.method === "GET" && /^\/repos\/collectivite\/donnees\/issues\/7\/comments$/.test(url.pathname)) return send(200, this.comments);
    if (req.method === "POST" && /^\/repos\/collectivite\/donnees\/issues\/7\/comments$/.test(url.pathname)) {
      const comment = { id: 100 + this.comments.length, body: (JSON.parse(body) as { body: string }).body };
      this.comments.push(comment);
      return send(201, comment);
    }
    const update = /^\/repos\/collectivite\/donnees\/issues\/comments\/(\d+)$/.exec(url.pathname);
    if (req.method === "PATCH" && update) {
      const comment = this.comments.find((c) => c.id === Number(update[1]));
      if (!comment) return send(404, { message: "Not Found" });
      comment.body = (JSON.parse(body) as { body: string }).body;
      return send(200, comment);
    }
    send(404, { message: "Not Found" });
  }
}

describe("pull-request comment", () => {
  const api = new FakeGitHub();
  beforeAll(() => api.start());
  afterAll(() => new Promise<void>((resolve) => api.server.close(() => resolve())));

  const payload = { pull_request: { number: 7, base: { sha: "0".repeat(40) }, head: { sha: "1".repeat(40) } } };

  it("creates one comment, then updates it in place", async () => {
    api.requests = [];
    api.comments = [{ id: 1, body: "Merci pour la contribution" }];
    const dir = ws({ "t.csv": [HEADER, "x,Alpha,,10"] });
    const inputs = { paths: "data", schema: "data/schema.json", comment: "true", "fail-on": "never" };
    const first = await runAction({ workspace: dir, inputs, eventName: "pull_request", payload, apiUrl: api.url });
    expect(first.code).toBe(0);
    expect(api.requests.map((r) => r.method)).toEqual(["GET", "POST"]);
    expect(api.comments).toHaveLength(2);
    expect(api.comments[1]!.body).toMatch(/^<!-- conforme-action:[0-9a-f]{12} -->/);
    expect(api.comments[1]!.body).toContain("1 erreur");

    writeFileSync(path.join(dir, "data/t.csv"), `${[HEADER, ...GOOD_ROWS].join("\n")}\n`);
    api.requests = [];
    const second = await runAction({ workspace: dir, inputs, eventName: "pull_request", payload, apiUrl: api.url });
    expect(second.code).toBe(0);
    expect(api.requests.map((r) => `${r.method} ${new URL(r.url, api.url).pathname}`)).toEqual([
      "GET /repos/collectivite/donnees/issues/7/comments",
      "PATCH /repos/collectivite/donnees/issues/comments/101",
    ]);
    expect(api.comments).toHaveLength(2);
    expect(api.comments[1]!.body).toContain("✅ Conforme");
    expect(api.requests[0]!.body).toBe("");
  });

  it("falls back to annotations and summary with a notice when the token is read-only (fork)", async () => {
    api.forbid = true;
    api.requests = [];
    const dir = ws({ "t.csv": [HEADER, "x,Alpha,,10"] });
    for (const [failOn, code] of [
      ["never", 0],
      ["error", 1],
    ] as const) {
      const result = await runAction({
        workspace: dir,
        inputs: { paths: "data", schema: "data/schema.json", comment: "true", "fail-on": failOn },
        eventName: "pull_request",
        payload,
        apiUrl: api.url,
      });
      expect(result.code).toBe(code);
      expect(result.annotations.some((a) => a.level === "notice" && /lecture seule/.test(a.message))).toBe(true);
      expect(result.annotations.some((a) => a.level === "error" && a.properties["file"] === "data/t.csv")).toBe(true);
      expect(result.summary).toContain("| data/t.csv |");
    }
    expect(api.requests.length).toBeGreaterThan(0);
    api.forbid = false;
  });

  it("its fallback messages and its failure all find a slot when the findings would fill every one", async () => {
    api.forbid = true;
    // 13 files, each with a column the schema does not know (a warning) and two bad rows; the
    // pull request's base commit is missing, so changed-only warns and checks everything.
    const files = Object.fromEntries(Array.from({ length: 13 }, (_, i) => [`f${String(i).padStart(2, "0")}.csv`, [`${HEADER},extra`, `x${i},Nom,,1,`, `y${i},Nom,,2,`]]));
    const result = await runAction({
      workspace: ws(files),
      inputs: { paths: "data", schema: "data/schema.json", comment: "true", "changed-only": "true" },
      eventName: "pull_request",
      payload: { pull_request: { number: 7, base: { sha: "f".repeat(40) }, head: { sha: "e".repeat(40) } } },
      apiUrl: api.url,
    });
    api.forbid = false;
    expect(result.code).toBe(1);
    const at = (level: string) => result.annotations.filter((a) => a.level === level);
    for (const level of ["error", "warning", "notice"]) expect(at(level).length).toBeLessThanOrEqual(10);
    expect(at("error")).toHaveLength(10);
    expect(at("error").findIndex((a) => !a.properties["file"])).toBe(9);
    // The Action's own warning (history too short) is there, and nine findings' warnings.
    expect(at("warning").filter((a) => !a.properties["file"])).toHaveLength(1);
    expect(at("warning").filter((a) => a.properties["file"])).toHaveLength(9);
    // The fork's fallback notice and the count of what was left out.
    expect(at("notice").map((a) => a.properties["title"] ?? "")).toEqual(expect.arrayContaining(["conforme : annotations limitées", ""]));
    expect(at("notice")).toHaveLength(2);
  });

  it("keeps mentions, issue references, images, links, HTML and comments inert in the job summary and the comment", async () => {
    api.requests = [];
    api.comments = [];
    // In a schema's title, its fields' titles and descriptions (which messages quote), a file
    // name and the cells.
    const hostile =
      "@maire-adjoint #123 GH-45 org/depot#6 ![pixel](http://evil.example/p.png) [lien](https://evil.example) <img src=https://evil.example/i.png> <!-- caché --> www.evil.example";
    const dir = mkdtempSync(path.join(tmpdir(), "conforme-ws-"));
    cleanup.push(dir);
    mkdirSync(path.join(dir, "data"));
    const schema = {
      title: hostile,
      fields: [
        { name: "id", type: "integer", title: hostile, description: hostile },
        { name: "nom", type: "string", description: hostile, constraints: { pattern: "^[A-Z].*" } },
      ],
    };
    writeFileSync(path.join(dir, "data/schema.json"), JSON.stringify(schema));
    const name = "@tresorier #9 <img src=x> <!-- x --> ![a](b) [c](d).csv";
    const cell = '"@comptable #77 ![i](http://evil.example/c.png) <b>gras</b> <!-- c -->"';
    writeFileSync(path.join(dir, "data", name), ["id,nom", `x,${cell}`, `2,${cell}`, "3,Bon"].join("\n"));
    const result = await runAction({
      workspace: dir,
      inputs: { paths: "data", schema: "data/schema.json", comment: "true", "fail-on": "never" },
      eventName: "pull_request",
      payload,
      apiUrl: api.url,
    });
    expect(result.code).toBe(0);
    expect(api.comments).toHaveLength(1);
    const outputs = { summary: result.summary, comment: api.comments[0]!.body };
    for (const [where, markdown] of Object.entries(outputs)) {
      // The file and its findings are there, so the hostile values were printed, escaped.
      expect(markdown, where).toMatch(/type-error/);
      expect(markdown, where).toMatch(/tresorier/);
      expect(markdown, where).toMatch(/comptable/);
      expect(markdown, where).toMatch(/maire-adjoint/);
      // A code span shows its text as it is (no mention, reference or tag inside): the file name
      // keeps its characters there, to be copied. What is left is what GitHub interprets.
      const text = markdown.replace(/`[^`\n]*`/g, "`…`");
      // No mention, no issue reference: GitHub links them in the rendered text whatever the
      // backslashes, so each is broken by a zero-width joiner.
      expect(text, where).not.toMatch(/@[\w-]/);
      expect(text, where).not.toMatch(/(?<!&)#\d|\bGH-\d/i);
      // No image or link syntax left live, no autolink.
      expect(text, where).not.toMatch(/(?<!\\)!(?<!\\)\[|(?<!\\)\]\(/);
      expect(text, where).not.toMatch(/https?:\/\/|www\./);
      // Only the Action's own tags and its marker: none from the data.
      const own = new Set(["<details>", "<summary>", "</summary>", "</details>", "<br>"]);
      const foreign = (text.match(/<[^>]*>/g) ?? []).filter((tag) => !own.has(tag) && !/^<!-- conforme-action:[0-9a-f]{12} -->$/.test(tag));
      expect(foreign, where).toEqual([]);
    }
  });

  it("does not comment on a push", async () => {
    api.requests = [];
    const dir = ws({ "t.csv": [HEADER, ...GOOD_ROWS] });
    const result = await runAction({ workspace: dir, inputs: { paths: "data", schema: "data/schema.json", comment: "true" }, apiUrl: api.url });
    expect(result.code).toBe(0);
    expect(api.requests).toEqual([]);
  });
});

describe("changed-only", () => {
  /**
   * A repository with two bad tables; the second commit touches only b.csv (line 3). Two bad
   * rows in b.csv: below the threshold at which a column's findings fold into one annotation.
   */
  function repository(): { dir: string; first: string; second: string } {
    const dir = ws({
      "a.csv": [HEADER, "x,Alpha,,10", "y,Beta,,12"],
      "b.csv": [HEADER, "z,Gamma,,10", "4,Delta,,12", "3,Epsilon,,3"],
    });
    git(dir, "init", "-q", "-b", "main");
    git(dir, "add", ".");
    git(dir, "commit", "-q", "-m", "first");
    const first = git(dir, "rev-parse", "HEAD");
    writeFileSync(path.join(dir, "data/b.csv"), `${[HEADER, "z,Gamma,,10", "v,Delta,,12", "3,Epsilon,,3"].join("\n")}\n`);
    git(dir, "commit", "-q", "-am", "second");
    return { dir, first, second: git(dir, "rev-parse", "HEAD") };
  }

  const files = (result: RunResult) => [...new Set(result.annotations.map((a) => a.properties["file"]).filter(Boolean))].sort();

  it("lints only the files changed by a push, changed lines first", async () => {
    const { dir, first, second } = repository();
    const result = await runAction({
      workspace: dir,
      inputs: { paths: "data", schema: "data/schema.json", "changed-only": "true" },
      payload: { before: first, after: second },
    });
    expect(files(result)).toEqual(["data/b.csv"]);
    expect(result.annotations[0]!.properties["line"]).toBe("3");
    expect(result.outputs["error-count"]).toBe("2");
  });

  it("lints only the files changed by a pull request", async () => {
    const { dir, first, second } = repository();
    const result = await runAction({
      workspace: dir,
      inputs: { paths: "data", schema: "data/schema.json", "changed-only": "true" },
      eventName: "pull_request",
      payload: { pull_request: { number: 7, base: { sha: first }, head: { sha: second } } },
    });
    expect(files(result)).toEqual(["data/b.csv"]);
  });

  const everything = [
    { name: "changed-only is off", inputs: { "changed-only": "false" }, payload: (first: string, second: string) => ({ before: first, after: second }) },
    { name: "the push opens a branch", inputs: { "changed-only": "true" }, payload: (_: string, second: string) => ({ before: "0".repeat(40), after: second }) },
    { name: "the base commit is missing", inputs: { "changed-only": "true" }, payload: (_: string, second: string) => ({ before: "f".repeat(40), after: second }) },
  ];
  for (const { name, inputs, payload } of everything) {
    it(`lints everything when ${name}`, async () => {
      const { dir, first, second } = repository();
      const result = await runAction({ workspace: dir, inputs: { paths: "data", schema: "data/schema.json", ...inputs }, payload: payload(first, second) });
      expect(files(result)).toEqual(["data/a.csv", "data/b.csv"]);
    });
  }

  it("lints everything when the shared schema changed", async () => {
    const { dir, second } = repository();
    writeFileSync(path.join(dir, "data/schema.json"), JSON.stringify({ ...SCHEMA, missingValues: ["", "NA"] }));
    git(dir, "commit", "-q", "-am", "third");
    const third = git(dir, "rev-parse", "HEAD");
    const result = await runAction({
      workspace: dir,
      inputs: { paths: "data", schema: "data/schema.json", "changed-only": "true" },
      payload: { before: second, after: third },
    });
    expect(files(result)).toEqual(["data/a.csv", "data/b.csv"]);
  });
});
