// Issue 4, point 5: no raw personal value ever appears in any output. A municipal file with names,
// personal phones, e-mails, NIR, IBAN and addresses — some of them malformed, so that type and
// constraint errors land in columns that hold personal data — goes through the engine, every
// formatter of the registry (so a formatter added later is covered without touching this file),
// the HTML preview, the CLI's stdout, stderr and files, and the Action's annotations and summary.
// Each output is searched for every raw value and its simple variants.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planAnnotations } from "../action/src/annotations.js";
import { renderSummary } from "../action/src/summary.js";
import { TEXTS } from "../action/src/texts.js";
import { formatHtml, formatters } from "../packages/core/src/index.js";
import { lint, lintWithPreview, type LintResult } from "../packages/core/src/node.js";
import { repoRoot } from "./shared.js";

/** Key of a NIR: 97 minus the 13 digits modulo 97 (INSEE, « clé de contrôle du NIR »). */
function nir(thirteen: string): string {
  const key = 97 - Number(BigInt(thirteen) % 97n);
  return `${thirteen}${String(key).padStart(2, "0")}`;
}

/** A French IBAN with a valid RIB key and valid ISO 13616 check digits (mod 97). */
function iban(bank: string, branch: string, account: string): string {
  const ribKey = 97 - Number((89n * BigInt(bank) + 15n * BigInt(branch) + 3n * BigInt(account)) % 97n);
  const bban = `${bank}${branch}${account}${String(ribKey).padStart(2, "0")}`;
  // FR = 15 27; check digits = 98 - (BBAN + "FR00") mod 97.
  const check = 98 - Number(BigInt(`${bban}152700`) % 97n);
  const compact = `FR${String(check).padStart(2, "0")}${bban}`;
  return compact.replace(/(.{4})/g, "$1 ").trim();
}

interface Person {
  nom: string;
  prenom: string;
  telephone: string;
  email: string;
  nir: string;
  iban: string;
  adresse: string;
}

const PEOPLE: Person[] = [
  ["Dupontel", "Jeanne", "06 12 34 56 78", "Jeanne.Dupontel@Gmail.com", nir("2840575112345"), iban("30006", "00001", "12345678901"), "12 rue des Lilas"],
  ["Lefebvre-Rigaud", "Marcel", "07 81 22 43 65", "Marcel.Lefebvre@Orange.fr", nir("1620844109876"), iban("20041", "01005", "05001234567"), "4 impasse du Verger"],
  ["Kowalczyk", "Sabine", "06 45 67 89 01", "Sabine.Kowalczyk@Free.fr", nir("2911269123456"), iban("10278", "36040", "00012345601"), "27 avenue Jean Jaurès"],
  ["Marchetti", "Hugo", "07 66 55 44 33", "Hugo.Marchetti@Laposte.net", nir("1750313055123"), iban("17515", "90000", "08000000013"), "3 chemin des Écoliers"],
  ["Bouvier", "Agnès", "06 23 45 67 89", "Agnes.Bouvier@Sfr.fr", nir("2690133077456"), iban("30004", "00823", "00011223344"), "8 allée des Tilleuls"],
  ["Nguyen-Tessier", "Paul", "07 12 98 76 54", "Paul.Nguyen@Outlook.fr", nir("1880429019012"), iban("14505", "00001", "04012345678"), "15 boulevard Voltaire"],
  ["Garnier", "Lucie", "06 77 88 99 00", "Lucie.Garnier@Yahoo.fr", nir("2950735238101"), iban("30003", "01234", "00050001234"), "6 place du Marché"],
  ["Rousselot", "Denis", "07 55 11 22 33", "Denis.Rousselot@Gmail.com", nir("1580659350042"), iban("18206", "00050", "65012345678"), "21 rue Pasteur"],
  ["Vasseur", "Odile", "06 98 76 54 32", "Odile.Vasseur@Wanadoo.fr", nir("2720162041078"), iban("16606", "10020", "00712345678"), "9 quai de la Loire"],
  ["Perrichon", "Thierry", "07 34 56 78 12", "Thierry.Perrichon@Orange.fr", nir("1820976550113"), iban("30002", "00550", "00001234567"), "2 route de Nantes"],
].map(([nom, prenom, telephone, email, nirValue, ibanValue, adresse]) => ({
  nom: nom!,
  prenom: prenom!,
  telephone: telephone!,
  email: email!,
  nir: nirValue!,
  iban: ibanValue!,
  adresse: adresse!,
}));

/** Deliberate errors in columns that also hold personal data: each cell is a raw personal value. */
const MALFORMED = {
  telephone: "06 31 42 5", // too short for the pattern
  email: "Clarisse.Moreau(at)Laposte.net", // not an e-mail address
  nir: "18505780060", // too short for the pattern
};
/** Free text naming a person and her phone, too long for the column's maxLength. */
const OBSERVATION = "Rappeler Mme Odile Vasseur au 06 98 76 54 32 avant le versement du solde de la subvention";
/** A content error outside personal columns: must stay visible, proving the search can find cells. */
const PUBLIC_ERROR = "12k€";

const LABELS = ["id", "nom", "prenom", "telephone", "email", "nir", "iban", "adresse", "commune", "montant", "observations"];

function rows(): string[][] {
  const out = PEOPLE.map((p, index) => [
    `B-${index + 1}`,
    p.nom,
    p.prenom,
    p.telephone,
    p.email,
    p.nir,
    p.iban,
    p.adresse,
    "Saint-Aubin-sur-Loire",
    String(150 * (index + 1)),
    index === 8 ? OBSERVATION : "",
  ]);
  out[1]![3] = MALFORMED.telephone;
  out[2]![4] = MALFORMED.email;
  out[3]![5] = MALFORMED.nir;
  out[4]![9] = PUBLIC_ERROR;
  return out;
}

const SCHEMA = {
  fields: [
    { name: "id", type: "string", constraints: { required: true, unique: true } },
    { name: "nom", type: "string" },
    { name: "prenom", type: "string" },
    { name: "telephone", type: "string", constraints: { pattern: "0[1-9]( [0-9]{2}){4}" } },
    { name: "email", type: "string", format: "email" },
    { name: "nir", type: "string", constraints: { pattern: "[12][0-9]{14}" } },
    { name: "iban", type: "string" },
    { name: "adresse", type: "string" },
    { name: "commune", type: "string" },
    { name: "montant", type: "integer" },
    { name: "observations", type: "string", constraints: { maxLength: 40 } },
  ],
};

/** Every raw personal value of the fixture, with the variants a careless output might print. */
function forbidden(): string[] {
  const values = new Set<string>();
  const add = (value: string) => {
    values.add(value);
    values.add(value.toLowerCase());
    const compact = value.replace(/[\s.\-()]/g, "");
    if (/\d{6,}/.test(compact)) values.add(compact);
  };
  for (const person of PEOPLE) {
    for (const value of Object.values(person)) add(value);
    add(`${person.prenom} ${person.nom}`);
    add(person.email.split("@")[0]!);
    // Digits-only and international forms of the phone.
    add(person.telephone.replace(/\s/g, ""));
    add(`+33${person.telephone.replace(/\s/g, "").slice(1)}`);
  }
  for (const value of Object.values(MALFORMED)) add(value);
  add("Clarisse.Moreau");
  add(OBSERVATION);
  // Street numbers and types alone say nothing; the street names with them do.
  return [...values].filter((value) => value.length >= 5);
}

const FORBIDDEN = forbidden();

function leaks(output: string): string[] {
  return FORBIDDEN.filter((value) => output.includes(value));
}

let dir: string;
const csv = () => path.join(dir, "beneficiaires.csv");
const schemaFile = () => path.join(dir, "schema.json");

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "conforme-masking-"));
  const text = [LABELS, ...rows()].map((cells) => cells.join(";")).join("\n");
  writeFileSync(csv(), `${text}\n`);
  writeFileSync(schemaFile(), JSON.stringify(SCHEMA));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The runs whose outputs are searched: French and English, and one stopped at the error limit. */
const RUNS: Array<[string, { lang: "fr" | "en"; maxErrors?: number }]> = [
  ["fr", { lang: "fr" }],
  ["en", { lang: "en" }],
  ["stopped at the error limit", { lang: "fr", maxErrors: 3 }],
];

async function run(options: { lang: "fr" | "en"; maxErrors?: number }): Promise<LintResult> {
  return lintWithPreview(["beneficiaires.csv"], { cwd: dir, schema: "schema.json", ...options });
}

describe("no raw personal value in any output", () => {
  it("the fixture has what the test needs: personal columns found, errors in them, a visible public error", async () => {
    const { report } = await run({ lang: "fr" });
    const file = report.files[0]!;
    const personalColumns = new Set(file.findings.filter((f) => f.category === "personal-data").map((f) => f.fieldName));
    for (const column of ["nom", "telephone", "email", "nir", "iban", "observations"]) expect(personalColumns, column).toContain(column);
    const errorsAt = file.findings.filter((f) => f.severity === "error").map((f) => `${f.code}@${f.rowNumber}:${f.fieldName}`);
    expect(errorsAt).toEqual(
      expect.arrayContaining([
        "constraint-error@3:telephone",
        "type-error@4:email",
        "constraint-error@5:nir",
        "type-error@6:montant",
        "constraint-error@10:observations",
      ]),
    );
    // The search can fail: the public error's value is printed as it is.
    expect(formatters.stylish!(report, {})).toContain(PUBLIC_ERROR);
    expect(FORBIDDEN.length).toBeGreaterThan(80);
  });

  it("the formatter registry has at least stylish, json and html", () => {
    expect(Object.keys(formatters)).toEqual(expect.arrayContaining(["stylish", "json", "html"]));
  });

  describe.each(RUNS)("run %s", (_, options) => {
    let result: LintResult;
    beforeAll(async () => {
      result = await run(options);
    });

    it("the report itself (JSON)", () => {
      expect(leaks(JSON.stringify(result.report))).toEqual([]);
    });

    it.each(Object.keys(formatters))("formatter %s, with and without previews and colours", (name) => {
      const formatter = formatters[name]!;
      for (const formatOptions of [{}, { color: true }, { preview: result.previews }]) {
        expect(leaks(formatter(result.report, formatOptions)), `${name} ${JSON.stringify(Object.keys(formatOptions))}`).toEqual([]);
      }
    });

    it("the preview rows and the HTML report showing them", () => {
      const preview = result.previews["beneficiaires.csv"];
      // Reading stopped at the error limit leaves only the rows read.
      expect(preview?.rows.length).toBe(options.maxErrors === undefined ? PEOPLE.length : result.report.files[0]!.stats.rows);
      expect(preview?.rows.length).toBeGreaterThan(0);
      expect(leaks(JSON.stringify(result.previews))).toEqual([]);
      // Public cells stay readable in the preview.
      expect(preview?.rows[0]).toEqual(expect.arrayContaining(["B-1", "Saint-Aubin-sur-Loire", "150"]));
      const html = formatHtml(result.report, { preview: result.previews });
      expect(html).toContain("table class=\"preview\"");
      expect(leaks(html)).toEqual([]);
    });

    it("the Action's annotations and job summary", () => {
      const texts = TEXTS[options.lang];
      const plan = planAnnotations(result.report, undefined, texts, { error: 50, warning: 50, notice: 50 });
      expect(plan.annotations.length).toBeGreaterThan(0);
      expect(leaks(JSON.stringify(plan))).toEqual([]);
      const summary = renderSummary({ report: result.report, scores: new Map() }, texts);
      expect(leaks(summary)).toEqual([]);
    });
  });

  it("progress events carry no value", async () => {
    const events: unknown[] = [];
    await lint(["beneficiaires.csv"], { cwd: dir, schema: "schema.json", onProgress: (event) => events.push(event) });
    expect(events.length).toBeGreaterThan(0);
    expect(leaks(JSON.stringify(events))).toEqual([]);
  });
});

const bin = path.join(repoRoot, "packages/cli/dist/bin.js");

describe("no raw personal value in the CLI's output (built binary)", () => {
  const cli = (args: string[]) => {
    const result = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: "utf8", env: { ...process.env, FORCE_COLOR: "1" } });
    return { status: result.status, text: `${result.stdout}\n${result.stderr}` };
  };

  it.each(Object.keys(formatters))("lint --format %s (stdout, stderr)", (format) => {
    const { status, text } = cli(["lint", "beneficiaires.csv", "--schema", "schema.json", "--format", format]);
    expect(status).toBe(1);
    expect(leaks(text)).toEqual([]);
  });

  it.each(Object.keys(formatters))("lint --format %s --output (stdout, stderr, file)", (format) => {
    const target = path.join(dir, `out.${format}`);
    const { status, text } = cli(["lint", "beneficiaires.csv", "--schema", "schema.json", "--format", format, "--output", target, "--lang", "en"]);
    expect(status).toBe(1);
    expect(leaks(text)).toEqual([]);
    expect(leaks(readFileSync(target, "utf8"))).toEqual([]);
  });

  it("report --html (stdout, stderr, HTML file with its preview)", () => {
    const target = path.join(dir, "rapport.html");
    const { status, text } = cli(["report", "beneficiaires.csv", "--schema", "schema.json", "--html", target]);
    expect(status).toBe(1);
    expect(leaks(text)).toEqual([]);
    const html = readFileSync(target, "utf8");
    expect(html).toContain("table class=\"preview\"");
    expect(html).toContain(PUBLIC_ERROR);
    expect(leaks(html)).toEqual([]);
  });

  it("badge (stdout, stderr, SVG)", () => {
    const target = path.join(dir, "badge.svg");
    const { status, text } = cli(["badge", "beneficiaires.csv", "--schema", "schema.json", "--output", target]);
    expect(status).toBe(0);
    expect(leaks(text + readFileSync(target, "utf8"))).toEqual([]);
  });
});
