// Issue "Hostile input", wrong "conforme": files that are not text tables must never pass, with
// or without a schema; and the broken-but-text cases (BOM, UTF-16, line ends) must read right.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lint } from "../../packages/core/src/node.js";
import { repoRoot } from "../shared.js";

const CSV = "id;nom;montant\n1;Stade;150\n2;Gymnase;90\n";

// Minimal but real headers of each format (the signature, then what follows it in such a file).
const BINARIES: Array<{ file: string; bytes: Buffer; format: string }> = [
  { file: "export.csv.gz.csv", bytes: gzipSync(Buffer.from(CSV)), format: "gzip" },
  { file: "logo.csv", bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]), format: "PNG" },
  { file: "classeur.csv", bytes: Buffer.concat([Buffer.from("PK\u0003\u0004\u0014\u0000\u0006\u0000"), Buffer.from("[Content_Types].xml")]), format: "zip (xlsx, ods…)" },
  { file: "deliberation.csv", bytes: Buffer.from("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"), format: "PDF" },
];

const SCHEMA = {
  fields: [
    { name: "id", type: "integer" },
    { name: "nom", type: "string" },
    { name: "montant", type: "integer" },
  ],
};

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "conforme-binary-"));
  for (const { file, bytes } of BINARIES) writeFileSync(path.join(dir, file), bytes);
  writeFileSync(path.join(dir, "schema.json"), JSON.stringify(SCHEMA));
  writeFileSync(path.join(dir, "nul.csv"), "id;nom;montant\n1;Sta\u0000de;150\n");
  writeFileSync(path.join(dir, "utf16.csv"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CSV, "utf16le")]));
  writeFileSync(path.join(dir, "utf16-sans-bom.csv"), Buffer.from(CSV, "utf16le"));
  writeFileSync(path.join(dir, "fins-de-ligne.csv"), "id,nom,montant\r\n1,Stade,150\n2,Gymnase,90\r3,Piscine,12\r\n");
  writeFileSync(path.join(dir, "vide.csv"), "");
  writeFileSync(path.join(dir, "bom.csv"), Buffer.from([0xef, 0xbb, 0xbf]));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const codes = (report: Awaited<ReturnType<typeof lint>>) => report.files[0]!.findings.map((f) => `${f.code}/${f.messageId}`);

describe("binary files renamed .csv", () => {
  describe.each([
    ["without a schema", {}],
    ["with a schema", { schema: "schema.json" }],
  ])("%s", (_, options) => {
    it.each(BINARIES)("$file ($format) is refused, not read", async ({ file, format }) => {
      const report = await lint([file], { cwd: dir, ...options });
      expect(report.valid).toBe(false);
      expect(codes(report)).toEqual(["source-error/binary"]);
      expect(report.files[0]!.findings[0]!.data.format).toBe(format);
    });
  });

  it("the CLI exits 1 on a gzip file renamed .csv, without a schema", () => {
    const result = spawnSync(process.execPath, [path.join(repoRoot, "packages/cli/dist/bin.js"), "lint", "export.csv.gz.csv", "--format", "json"], { cwd: dir, encoding: "utf8" });
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout).files[0].findings.map((f: { code: string }) => f.code)).toEqual(["source-error"]);
  });
});

describe("text that is not quite a table", () => {
  it("a NUL byte fails the file, without a schema", async () => {
    const report = await lint(["nul.csv"], { cwd: dir });
    expect(report.valid).toBe(false);
    expect(codes(report)).toContain("source-error/nulByte");
    expect(report.files[0]!.findings.find((f) => f.messageId === "nulByte")?.rowNumber).toBe(2);
  });

  it("UTF-16 without its BOM fails on its NUL bytes", async () => {
    const report = await lint(["utf16-sans-bom.csv"], { cwd: dir, schema: "schema.json" });
    expect(report.valid).toBe(false);
    expect(codes(report)).toContain("source-error/nulByte");
  });

  it("UTF-16 with its BOM is read as the table it is", async () => {
    const report = await lint(["utf16.csv"], { cwd: dir, schema: "schema.json" });
    expect(codes(report)).toEqual([]);
    expect(report.files[0]!.stats.rows).toBe(2);
  });

  // Comma-separated: Python's Sniffer (which conforme follows) splits its sample on LF only, so a
  // lone CR merges lines there and the delimiter guess fails back to the comma anyway.
  it("mixed CR, LF and CRLF line ends each end a row", async () => {
    const report = await lint(["fins-de-ligne.csv"], { cwd: dir, schema: "schema.json" });
    expect(codes(report)).toEqual([]);
    expect(report.files[0]!.stats.rows).toBe(3);
  });

  it.each(["vide.csv", "bom.csv"])("%s is reported empty", async (file) => {
    const report = await lint([file], { cwd: dir });
    expect(report.valid).toBe(false);
    expect(codes(report)).toEqual(["source-error/empty"]);
  });
});
