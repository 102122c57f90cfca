import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { runMain } from "../run-main.testing.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
const work = mkdtempSync(path.join(tmpdir(), "conforme-fix-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const run = (argv: string[]) => runMain(argv, work);

/** A fresh copy of an example file in the working folder, with its schema. */
function copyOf(example: string, name: string): string {
  copyFileSync(path.join(repoRoot, "examples", example), path.join(work, name));
  return name;
}
const subventionsSchema = path.join(repoRoot, "examples/subventions/schema.json");
const equipementsSchema = path.join(repoRoot, "examples/equipements/schema.json");

describe("conforme fix", () => {
  it("writes a copy with -o; exit 1 while errors are left to fix by hand", async () => {
    const input = copyOf("subventions/subventions-2024.csv", "subventions.csv");
    const before = readFileSync(path.join(work, input), "utf8");
    const { code, out } = await run(["fix", input, "--schema", subventionsSchema, "-o", "corrige.csv"]);
    expect(code).toBe(1);
    expect(readFileSync(path.join(work, input), "utf8")).toBe(before);
    const fixed = readFileSync(path.join(work, "corrige.csv"), "utf8");
    expect(fixed).toContain(",2024-03-31,");
    expect(fixed).toContain(",9350.50,");
    expect(out).toContain("ligne 4, colonne 3 (dateConvention)");
    expect(out).toContain("conforme lint corrige.csv");
  });

  it("exits 0 when the copy is left without error", async () => {
    const input = copyOf("equipements/equipements.csv", "equipements.csv");
    const { code, out } = await run(["fix", input, "--schema", equipementsSchema, "-o", "equipements-utf8.csv", "--lang", "en"]);
    expect(code).toBe(0);
    expect(out).toMatch(/file: encoding converted to UTF-8 \(windows-1252 → utf-8\)/);
    expect(readFileSync(path.join(work, "equipements-utf8.csv"), "utf8")).toContain("é");
  });

  it("--dry-run writes nothing and exits 1 when something would change, 0 when nothing would", async () => {
    const input = copyOf("subventions/subventions-2024.csv", "essai.csv");
    const before = readFileSync(path.join(work, input));
    const first = await run(["fix", input, "--schema", subventionsSchema, "--dry-run", "--format", "json"]);
    expect(first.code).toBe(1);
    expect(readFileSync(path.join(work, input))).toEqual(before);
    expect(existsSync(path.join(work, `${input}.bak`))).toBe(false);
    const report = JSON.parse(first.out) as {
      dryRun: boolean;
      files: { file: string; changes: { kind: string; rowNumber: number; fieldNumber: number }[]; remainingErrors: number }[];
    };
    expect(report.dryRun).toBe(true);
    expect(report.files[0]!.changes.map(({ kind, rowNumber, fieldNumber }) => [kind, rowNumber, fieldNumber])).toEqual([
      ["frenchDate", 4, 3],
      ["decimalComma", 5, 5],
      ["leadingZeros", 6, 7],
    ]);
    expect(report.files[0]!.remainingErrors).toBeGreaterThan(0);
    await run(["fix", input, "--schema", subventionsSchema, "-o", "essai-corrige.csv"]);
    const second = await run(["fix", "essai-corrige.csv", "--schema", subventionsSchema, "--dry-run"]);
    expect(second.code).toBe(0);
    expect(second.out).toContain("rien à corriger");
  });

  it("--write fixes in place and keeps the original; a second --write changes nothing", async () => {
    const input = copyOf("subventions/subventions-2024.csv", "en-place.csv");
    const original = readFileSync(path.join(work, input));
    const first = await run(["fix", input, "--schema", subventionsSchema, "--write"]);
    expect(first.code).toBe(1);
    expect(readFileSync(path.join(work, `${input}.bak`))).toEqual(original);
    const fixed = readFileSync(path.join(work, input), "utf8");
    expect(fixed).toContain(",2024-03-31,");
    const second = await run(["fix", input, "--schema", subventionsSchema, "--write"]);
    // Nothing left to change, but errors left to fix by hand all the same.
    expect(second.code).toBe(1);
    expect(readFileSync(path.join(work, input), "utf8")).toBe(fixed);
    expect(existsSync(path.join(work, `${input}.bak.2`))).toBe(false);
    expect(second.out).toContain("rien à corriger");
  });

  it("--mask-personal masks the personal values it detects, and lists each one masked", async () => {
    const input = copyOf("arretes/arretes-2024.csv", "arretes.csv");
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, "examples/arretes/datapackage.json"), "utf8")) as { resources: { schema: unknown }[] };
    writeFileSync(path.join(work, "arretes-schema.json"), JSON.stringify(pkg.resources[0]!.schema));
    const plain = await run([
      "fix",
      path.join(repoRoot, "examples/arretes/arretes-2024.csv"),
      "--schema",
      path.join(repoRoot, "examples/arretes/datapackage.json"),
      "-o",
      "arretes-copie.csv",
      "--format",
      "json",
    ]);
    expect(plain.code).not.toBe(2);
    expect(readFileSync(path.join(work, "arretes-copie.csv"), "utf8")).toContain("06 12 34 56 78");
    const masked = await run(["fix", input, "--schema", "arretes-schema.json", "-o", "arretes-masque.csv", "--mask-personal", "--format", "json"]);
    expect(masked.code).not.toBe(2);
    const text = readFileSync(path.join(work, "arretes-masque.csv"), "utf8");
    for (const raw of ["Jean Dupont", "06 12 34 56 78", "07 81 22 43 65"]) {
      expect(text).not.toContain(raw);
      expect(masked.out).not.toContain(raw);
    }
    const kinds = (JSON.parse(masked.out) as { files: { changes: { kind: string }[] }[] }).files[0]!.changes.map((change) => change.kind);
    expect(kinds).toContain("maskPersonal");
    const column = await run(["fix", input, "--schema", "arretes-schema.json", "-o", "arretes-sans.csv", "--mask-personal=column"]);
    expect(column.code).not.toBe(2);
    expect(readFileSync(path.join(work, "arretes-sans.csv"), "utf8").split("\n")[0]).not.toContain("telephone_demandeur");
  });

  it("is listed by conforme --help and has its own --help", async () => {
    expect((await run(["--help"])).out).toMatch(/^ {2}fix {8}/m);
    const help = await run(["fix", "--help"]);
    expect(help.code).toBe(0);
    expect(help.out).toContain("--mask-personal");
  });

  it("takes each file's schema from a data package, and refuses a file that is none of its resources", async () => {
    const pkg = path.join(repoRoot, "examples/deliberations/datapackage.json");
    const { code, out } = await run([
      "fix",
      path.join(repoRoot, "examples/deliberations/deliberations.csv"),
      path.join(repoRoot, "examples/deliberations/seances.csv"),
      "--schema",
      pkg,
      "--dry-run",
      "--format",
      "json",
    ]);
    expect(code).not.toBe(2);
    expect((JSON.parse(out) as { files: { file: string }[] }).files).toHaveLength(2);
    const other = copyOf("subventions/subventions-2024.csv", "autre.csv");
    const refused = await run(["fix", other, "--schema", pkg, "--dry-run"]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain("aucune ressource");
  });

  it.each([
    { name: "no output chosen", argv: ["fix", "x.csv", "--schema", subventionsSchema] },
    { name: "two outputs chosen", argv: ["fix", "x.csv", "--schema", subventionsSchema, "--write", "--dry-run"] },
    { name: "-o with two files", argv: ["fix", "a.csv", "b.csv", "--schema", subventionsSchema, "-o", "c.csv"] },
    { name: "no schema", argv: ["fix", "x.csv", "--dry-run"] },
    { name: "an unknown --mask-personal mode", argv: ["fix", "x.csv", "--schema", subventionsSchema, "--dry-run", "--mask-personal=tout"] },
    { name: "a schema that does not exist", argv: ["fix", "x.csv", "--schema", "./absent.json", "--dry-run"] },
    { name: "a file that does not exist", argv: ["fix", "absent.csv", "--schema", subventionsSchema, "--dry-run"] },
  ])("exit 2: $name", async ({ argv }) => {
    const { code, err } = await run(argv);
    expect(code).toBe(2);
    expect(err).toMatch(/^conforme fix : /);
  });

  it("writes no copy of a file it cannot read faithfully", async () => {
    writeFileSync(path.join(work, "casse.csv"), Buffer.concat([Buffer.from("idAttribution,montant\nSUB-1,1é\n", "utf8"), Buffer.from([0xff, 0x0a])]));
    const { code, err } = await run(["fix", "casse.csv", "--schema", subventionsSchema, "-o", "casse-corrige.csv"]);
    expect(code).toBe(2);
    expect(existsSync(path.join(work, "casse-corrige.csv"))).toBe(false);
    expect(err).toContain("aucune copie écrite");
  });
});
