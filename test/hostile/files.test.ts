import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lint, lintWithPreview, type LintOptions } from "../../packages/core/src/node.js";
import { exitCodeOf, type Report } from "../../packages/core/src/internal.js";
import { folder } from "./folder.js";

// An Opendatasoft-style export: `;`, a geo_point_2d column.
const EXPORT = "code_insee;nom;geo_point_2d\n75056;Paris;48.8566,2.3522\n69123;Lyon;45.7640,4.8357\n";
const SECRET = "ghp_secretTokenOfTheJob0123456789";
const options: LintOptions = { metadata: false, personalData: false };

/** A file outside every folder under test, as `.git/config` is outside the data folder. */
function secretFile(): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "conforme-secret-")), "config");
  writeFileSync(file, `code_insee;nom\n[remote];url = https://x-access-token:${SECRET}@github.com/o/r\n`);
  return file;
}

const dataPackage = (resources: Array<Record<string, unknown>>) =>
  JSON.stringify({
    name: "communes",
    resources: resources.map((resource) => ({
      dialect: { delimiter: ";" },
      schema: {
        fields: [
          { name: "code_insee", type: "string" },
          { name: "nom", type: "string" },
          { name: "geo_point_2d", type: "geopoint" },
        ],
      },
      ...resource,
    })),
  });

/** `file: code/reason` for every finding, and the run errors' codes. */
function outcome(report: Report): { findings: string[]; runErrors: string[] } {
  return {
    findings: report.files.flatMap((file) => file.findings.map((finding) => `${file.file}: ${finding.code}/${String(finding.data.reason ?? finding.messageId)}`)),
    runErrors: report.runErrors.map((error) => error.code),
  };
}

describe("data-package resources", () => {
  it("a file: URL path is refused before reading, not an ENOENT stack", async () => {
    const directory = folder({
      "ok.csv": EXPORT,
      "datapackage.json": dataPackage([
        { name: "x", path: "file:///etc/passwd" },
        { name: "ok", path: "ok.csv" },
      ]),
    });
    const report = await lint(["datapackage.json"], { ...options, cwd: directory });
    expect(outcome(report).runErrors).toEqual(["schema-error"]);
    expect(report.runErrors[0]!.message).toContain("file:///etc/passwd");
  });

  it("a package refused for its schema drops none of the other packages' results", async () => {
    const directory = folder({
      "bad/ok.csv": EXPORT,
      "bad/datapackage.json": dataPackage([
        { name: "x", path: "file:///etc/passwd" },
        { name: "ok", path: "ok.csv" },
      ]),
      "good/ok.csv": EXPORT,
      "good/datapackage.json": dataPackage([{ name: "ok", path: "ok.csv" }]),
    });
    const report = await lint(["bad/datapackage.json", "good/datapackage.json"], { ...options, cwd: directory });
    expect(outcome(report).runErrors).toEqual(["schema-error"]);
    expect(report.files.map((file) => [file.file, file.stats.rows])).toEqual([["good/ok.csv", 2]]);
    expect(exitCodeOf(report)).toBe(2);
  });

  it("an http:// resource is said unsupported for that file; the other resources are validated", async () => {
    const directory = folder({
      "ok.csv": EXPORT,
      "datapackage.json": dataPackage([
        { name: "remote", path: "http://127.0.0.1:9/communes.csv" },
        { name: "ok", path: "ok.csv" },
      ]),
    });
    const report = await lint(["datapackage.json"], { ...options, cwd: directory });
    expect(outcome(report)).toEqual({ findings: ["http://127.0.0.1:9/communes.csv: source-error/remote"], runErrors: [] });
    expect(report.files.map((file) => [file.file, file.stats.rows])).toEqual([
      ["http://127.0.0.1:9/communes.csv", 0],
      ["ok.csv", 2],
    ]);
    expect(exitCodeOf(report)).toBe(1);
  });

  it("a resource linked to /dev/zero is refused, trusted or not, without hanging", async () => {
    const directory = folder({
      "ok.csv": EXPORT,
      "zero.csv": { link: "/dev/zero" },
      "datapackage.json": dataPackage([
        { name: "zero", path: "zero.csv" },
        { name: "ok", path: "ok.csv" },
      ]),
    });
    expect(outcome(await lint(["datapackage.json"], { ...options, cwd: directory })).findings).toEqual(["zero.csv: source-error/outside"]);
    expect(outcome(await lint(["datapackage.json"], { ...options, cwd: directory, trusted: true })).findings).toEqual(["zero.csv: source-error/not-regular"]);
  });

  it("a resource linked out of the package is refused: its lines reach neither findings nor preview", async () => {
    const secret = secretFile();
    const directory = folder({
      "ok.csv": EXPORT,
      "leak.csv": { link: secret },
      "datapackage.json": dataPackage([
        { name: "leak", path: "leak.csv" },
        { name: "ok", path: "ok.csv" },
      ]),
    });
    const { report, previews } = await lintWithPreview(["."], { ...options, cwd: directory });
    expect(outcome(report).findings).toEqual(["leak.csv: source-error/outside"]);
    expect(Object.keys(previews)).toEqual(["ok.csv"]);
    expect(JSON.stringify({ report, previews })).not.toContain(SECRET);
    // Opted in, the link is followed: the user vouches for the descriptor.
    const trusted = await lintWithPreview(["."], { ...options, cwd: directory, trusted: true });
    // (The token itself is masked there like any credential-shaped value; the row is read.)
    expect(Object.keys(trusted.previews).sort()).toEqual(["leak.csv", "ok.csv"]);
    expect(JSON.stringify(trusted.previews["leak.csv"])).toContain("[remote]");
  });

  it("a schema linked out of the package is refused before it is parsed", async () => {
    // Valid JSON elsewhere on disk: read, its field names would be quoted in header findings.
    const outside = path.join(mkdtempSync(path.join(tmpdir(), "conforme-secret-")), "schema.json");
    writeFileSync(outside, JSON.stringify({ fields: [{ name: SECRET }] }));
    const directory = folder({ "ok.csv": EXPORT, "schema.json": { link: outside }, "datapackage.json": dataPackage([{ name: "ok", path: "ok.csv", schema: "schema.json" }]) });
    const report = await lint(["datapackage.json"], { ...options, cwd: directory });
    expect(outcome(report).runErrors).toEqual(["run-error"]);
    expect(JSON.stringify(report)).not.toContain(SECRET);
    const trusted = await lint(["datapackage.json"], { ...options, cwd: directory, trusted: true });
    expect(JSON.stringify(trusted)).toContain(SECRET);
  });

  it.each([["../outside.csv"], ["/etc/passwd"]])("the path %s is refused unless trusted", async (resourcePath) => {
    const directory = folder({ "pkg/ok.csv": EXPORT, "outside.csv": EXPORT, "pkg/datapackage.json": dataPackage([{ name: "x", path: resourcePath }]) });
    const report = await lint(["pkg/datapackage.json"], { ...options, cwd: directory });
    expect(outcome(report).runErrors).toEqual(["schema-error"]);
    const trusted = await lint(["pkg/datapackage.json"], { ...options, cwd: directory, trusted: true });
    expect(trusted.runErrors).toEqual([]);
    expect(trusted.files).toHaveLength(1);
  });
});

describe("files that are not files", () => {
  it("a FIFO named .csv is refused at once, given or found in a folder", async () => {
    const directory = folder({ "ok.csv": EXPORT });
    execFileSync("mkfifo", [path.join(directory, "pipe.csv")]);
    for (const paths of [["pipe.csv", "ok.csv"], ["."]]) {
      const report = await lint(paths, { ...options, cwd: directory });
      expect(outcome(report)).toEqual({ findings: ["pipe.csv: source-error/not-regular"], runErrors: [] });
      expect(report.files.find((file) => file.file === "ok.csv")?.stats.rows).toBe(2);
    }
  });

  it("/dev/zero given by name is refused", async () => {
    const directory = folder({ "ok.csv": EXPORT, "zero.csv": { link: "/dev/zero" } });
    const report = await lint(["zero.csv", "ok.csv"], { ...options, cwd: directory });
    expect(outcome(report).findings).toEqual(["zero.csv: source-error/not-regular"]);
  });

  it("a folder whose only CSV is a link: followed inside the folder, refused when it leads out", async () => {
    const inside = folder({ "data/communes.csv": EXPORT, "link.csv": { link: "data/communes.csv" } });
    const followed = await lint(["."], { ...options, cwd: inside, discovery: { ignore: ["data/"] } });
    expect(followed.files.map((file) => [file.file, file.stats.rows])).toEqual([["link.csv", 2]]);
    const out = folder({ "link.csv": { link: secretFile() } });
    const refused = await lint(["."], { ...options, cwd: out });
    expect(outcome(refused).findings).toEqual(["link.csv: source-error/outside"]);
    expect(exitCodeOf(refused)).not.toBe(0);
  });

  it("link loops and dangling links end the walk, each reported once", async () => {
    const directory = folder({ "ok.csv": EXPORT, up: { link: "." }, "self.csv": { link: "self.csv" }, "gone.csv": { link: "missing.csv" } });
    const report = await lint(["."], { ...options, cwd: directory });
    expect(outcome(report).findings.sort()).toEqual(["gone.csv: source-error/broken", "self.csv: source-error/broken"]);
    expect(report.files.filter((file) => file.stats.rows === 2).map((file) => file.file)).toEqual(["ok.csv"]);
  });
});

describe("one file's failure is that file's", () => {
  it("an exception while validating one file becomes its source-error; the others' results are kept", async () => {
    const directory = folder({ "a.csv": EXPORT, "b.csv": EXPORT, "c.csv": EXPORT });
    const report = await lint(["."], {
      ...options,
      cwd: directory,
      checksFor: (file) => {
        if (file.endsWith("b.csv")) throw new Error("boom");
        return undefined;
      },
    });
    expect(outcome(report)).toEqual({ findings: ["b.csv: source-error/read"], runErrors: [] });
    expect(report.files.map((file) => [file.file, file.stats.rows])).toEqual([
      ["a.csv", 2],
      ["b.csv", 0],
      ["c.csv", 2],
    ]);
    expect(exitCodeOf(report)).toBe(1);
  });

  it("2,000 files: one report each, an unreadable one among them", async () => {
    const files: Record<string, string | { link: string }> = {};
    for (let i = 0; i < 2000; i++) files[`d${i % 20}/f${i}.csv`] = EXPORT;
    files["d7/broken.csv"] = { link: "nowhere.csv" };
    const directory = folder(files);
    const report = await lint(["."], { ...options, cwd: directory, concurrency: 4 });
    expect(report.files).toHaveLength(2001);
    expect(outcome(report).findings).toEqual(["d7/broken.csv: source-error/broken"]);
    expect(report.files.filter((file) => file.stats.rows === 2)).toHaveLength(2000);
  });
});

describe("empty runs are not a success", () => {
  it.each([
    ["an empty folder", {}],
    // Workbooks (.xlsx, .ods) are read now; an old binary .xls and other formats still are not.
    ["a folder of unsupported files", { "notes.txt": "x", "export.xls": "\u00d0\u00cf\u0011\u00e0", "carte.geojson": "{}" }],
  ])("%s: a no-files run error", async (_name, files) => {
    const report = await lint(["."], { ...options, cwd: folder(files) });
    expect(outcome(report).runErrors).toEqual(["no-files"]);
    expect(exitCodeOf(report)).toBe(2);
  });

  it("nothing changed since a ref is an honest success", async () => {
    const directory = folder({ "ok.csv": EXPORT });
    const git = (...args: string[]) => execFileSync("git", args, { cwd: directory, stdio: "ignore" });
    git("init", "-q");
    git("-c", "user.name=t", "-c", "user.email=t@t", "add", ".");
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "x");
    const report = await lint(["."], { ...options, cwd: directory, discovery: { changedSince: "HEAD" } });
    expect(outcome(report)).toEqual({ findings: [], runErrors: [] });
    expect(exitCodeOf(report)).toBe(0);
  });

  it("--changed-since never reaches git as an option", async () => {
    const directory = folder({ "ok.csv": EXPORT });
    execFileSync("git", ["init", "-q"], { cwd: directory });
    const report = await lint(["."], { ...options, cwd: directory, discovery: { changedSince: "--output=x.txt" } });
    expect(outcome(report).runErrors).toEqual(["run-error"]);
    expect(() => execFileSync("test", ["-e", path.join(directory, "x.txt")])).toThrow();
  });
});
