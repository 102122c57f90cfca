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
import { SUMMARY_BUDGET } from "../action/src/summary.js";
import { TEXTS } from "../action/src/texts.js";
import { formatHtml, formatMarkdown, formatters } from "../packages/core/src/index.js";
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
  const data = withoutSarifRules(output);
  return FORBIDDEN.filter((value) => data.includes(value));
}

/**
 * A SARIF log less its rules: a rule is the documentation page of a code found (docs/checks,
 * whose examples use the same textbook values as this fixture), built from no cell of the data.
 */
function withoutSarifRules(output: string): string {
  if (!output.includes('"version": "2.1.0"')) return output;
  try {
    const log = JSON.parse(output) as { runs?: { tool?: { driver?: { rules?: unknown } } }[] };
    for (const run of log.runs ?? []) delete run.tool?.driver?.rules;
    return JSON.stringify(log);
  } catch {
    return output;
  }
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
      expect.arrayContaining(["constraint-error@3:telephone", "type-error@4:email", "constraint-error@5:nir", "type-error@6:montant", "constraint-error@10:observations"]),
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
      expect(html).toContain('table class="preview"');
      expect(leaks(html)).toEqual([]);
    });

    it("the Action's annotations and job summary", () => {
      const texts = TEXTS[options.lang];
      const plan = planAnnotations(result.report, undefined, texts, { error: 50, warning: 50, notice: 50 });
      expect(plan.annotations.length).toBeGreaterThan(0);
      expect(leaks(JSON.stringify(plan))).toEqual([]);
      const summary = formatMarkdown(result.report, { links: false, budget: SUMMARY_BUDGET });
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
    expect(html).toContain('table class="preview"');
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

// Issue "Hostile input", leaks: a personal value is masked wherever a message quotes it, not only
// in the columns the personal-data check flags. Each value below is alone of its kind in its
// column (no column verdict can cover it), in a cell that also fails a type, pattern, length,
// unique, primary-key or foreign-key check, in free text, as a header name, as an extra cell;
// then in a file that lost its header row (the first person becomes the column names, with and
// without a schema) and in a header whose unterminated quote swallows the rows.

/** Luhn check digit appended: a valid Visa number from its first 15 digits. */
function card(fifteen: string): string {
  let sum = 0;
  for (let k = 0; k < 15; k++) {
    let digit = Number(fifteen[14 - k]);
    if (k % 2 === 0) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return `${fifteen}${(10 - (sum % 10)) % 10}`;
}

const spaced = (compact: string, groups: number[]): string => {
  const out: string[] = [];
  let at = 0;
  for (const size of groups) {
    out.push(compact.slice(at, at + size));
    at += size;
  }
  if (at < compact.length) out.push(compact.slice(at));
  return out.join(" ");
};

/** Personal values, each written with and without spaces. */
function hostileValues() {
  const nirA = nir("1710675056123");
  const nirB = nir("2830913055045");
  const nirC = nir("1930469123789");
  const ibanA = iban("30004", "01234", "98765432101");
  const ibanB = iban("10096", "18000", "00012345678");
  const cardA = card("497010987654321");
  const cardB = card("453201234567890");
  return {
    nirSpaced: spaced(nirA, [1, 2, 2, 2, 3, 3, 2]),
    nirCompact: nirB,
    nirHeader: nirC,
    ibanSpaced: ibanA,
    ibanCompact: ibanB.replace(/\s/g, ""),
    cardSpaced: spaced(cardA, [4, 4, 4, 4]),
    cardCompact: cardB,
    emailA: "Rosalie.Tremblay@Gmail.com",
    emailB: "gaston.picard77@orange.fr",
    emailHeader: "odette.lacroix@free.fr",
    phoneSpaced: "06 71 82 93 04",
    phoneCompact: "0766554433",
    phoneIntl: "+33 6 55 44 33 22",
    phoneHeader: "07 48 59 60 71",
  };
}

const H = hostileValues();

/** Raw values and their compact forms (spaces, dots, dashes removed). */
const HOSTILE_FORBIDDEN = [...new Set(Object.values(H).flatMap((value) => [value, value.toLowerCase(), value.replace(/[\s.\-()]/g, "")]))];

function hostileLeaks(output: string): string[] {
  const compactOutput = output.replace(/[\s.\-()]/g, "");
  return HOSTILE_FORBIDDEN.filter((value) => output.includes(value) || compactOutput.includes(value.replace(/[\s.\-()]/g, "")));
}

const HOSTILE_SCHEMA = {
  fields: [
    { name: "ref", type: "string", constraints: { required: true, pattern: "R-[0-9]+" } },
    { name: "montant", type: "integer" },
    { name: "code", type: "string", constraints: { maxLength: 8 } },
    { name: "contact", type: "string", constraints: { unique: true } },
    { name: "parent", type: "string" },
    { name: "observations", type: "string", constraints: { maxLength: 30 } },
  ],
  primaryKey: "ref",
  foreignKeys: [{ fields: "parent", reference: { resource: "", fields: "ref" } }],
};

const HOSTILE_LABELS = ["ref", "montant", "code", "contact", "parent", "observations"];

/** Rows of a subsidy file, the hostile values placed where each check fails on them. */
function hostileRows(): string[][] {
  return [
    ["R-1", "150", "A1", "guichet", "", "RAS"],
    // pattern error, type error, maxLength error, first of a duplicate, a missing parent, free text too long
    [H.nirSpaced, H.phoneIntl, H.ibanSpaced, H.emailA, H.cardCompact, `Virement au ${H.ibanCompact} pour ${H.emailB} puis rappel ${H.phoneSpaced}`],
    // the same errors, and a duplicate primary key and unique value
    [H.nirSpaced, H.ibanCompact, H.nirCompact, H.emailA, H.phoneCompact, `Carte ${H.cardSpaced} et NIR ${H.nirCompact} reçus`],
    ["R-2", "12k€", "B2", "accueil", "R-1", "ok", H.emailB, H.ibanCompact, H.phoneSpaced],
  ];
}

const csvOf = (rows: string[][]) => `${rows.map((cells) => cells.join(",")).join("\n")}\n`;

/** One file per case; each run through every output. */
const HOSTILE_FILES: Array<{ name: string; text: () => string; schema: boolean }> = [
  { name: "with header", text: () => csvOf([[...HOSTILE_LABELS, H.nirHeader, H.emailHeader, H.phoneHeader], ...hostileRows()]), schema: true },
  { name: "header row lost, with schema", text: () => csvOf(hostileRows().slice(1)), schema: true },
  { name: "header row lost, without schema", text: () => csvOf(hostileRows().slice(1)), schema: false },
  { name: "unterminated quote in the header", text: () => `ref,"montant,code\n${csvOf(hostileRows())}`, schema: true },
  { name: "unterminated quote in the header, without schema", text: () => `ref,"montant,code\n${csvOf(hostileRows())}`, schema: false },
];

describe("no raw personal value in any output, wherever the file puts it", () => {
  let hostileDir: string;
  beforeAll(() => {
    hostileDir = mkdtempSync(path.join(tmpdir(), "conforme-masking-hostile-"));
    writeFileSync(path.join(hostileDir, "schema.json"), JSON.stringify(HOSTILE_SCHEMA));
    HOSTILE_FILES.forEach(({ text }, index) => writeFileSync(path.join(hostileDir, `f${index}.csv`), text()));
  });
  afterAll(() => {
    if (hostileDir) rmSync(hostileDir, { recursive: true, force: true });
  });

  // By position, as frictionless: the extra labels and cells are errors quoting their values.
  const runFile = (index: number, lang: "fr" | "en" = "fr") =>
    lintWithPreview([`f${index}.csv`], { cwd: hostileDir, lang, headerMode: "position", ...(HOSTILE_FILES[index]!.schema ? { schema: "schema.json" } : {}) });

  it("the fixture fails where it should, so that the values are quoted by those findings", async () => {
    const { report } = await runFile(0);
    const at = report.files[0]!.findings.map((f) => `${f.code}${f.messageId === "default" ? "" : `/${f.messageId}`}@${f.rowNumber}:${f.fieldNumber ?? ""}`);
    expect(at).toEqual(
      expect.arrayContaining([
        "extra-label@1:7",
        "constraint-error/pattern@3:1",
        "type-error@3:2",
        "constraint-error/maxLength@3:3",
        "constraint-error/maxLength@3:6",
        "primary-key@4:",
        "unique-error@4:4",
        "type-error@4:2",
        "constraint-error/maxLength@4:3",
        "constraint-error/maxLength@4:6",
        "foreign-key@3:",
        "foreign-key@4:",
        "extra-cell@5:7",
        "extra-cell@5:8",
      ]),
    );
    // The search can fail: a public cell in error is printed as it is.
    expect(formatters.stylish!(report, { aggregate: false })).toContain("12k€");
  });

  it("a lost header row makes label errors from the first person's values", async () => {
    const { report } = await runFile(1);
    const codes = report.files[0]!.findings.map((f) => f.code);
    expect(codes).toContain("incorrect-label");
  });

  describe.each(HOSTILE_FILES.map((file, index) => [file.name, index] as const))("%s", (_, index) => {
    let result: LintResult;
    beforeAll(async () => {
      result = await runFile(index);
    });

    it("the report is not conforme", () => {
      expect(result.report.valid).toBe(false);
    });

    it("the report itself (JSON) and the previews", () => {
      expect(hostileLeaks(JSON.stringify(result.report))).toEqual([]);
      expect(hostileLeaks(JSON.stringify(result.previews))).toEqual([]);
    });

    it.each(Object.keys(formatters))("formatter %s, with and without previews", (name) => {
      const formatter = formatters[name]!;
      for (const formatOptions of [{}, { color: true }, { preview: result.previews }]) {
        expect(hostileLeaks(formatter(result.report, formatOptions)), name).toEqual([]);
      }
    });

    it("the Action's annotations and job summary", () => {
      const texts = TEXTS.fr;
      const plan = planAnnotations(result.report, undefined, texts, { error: 50, warning: 50, notice: 50 });
      expect(hostileLeaks(JSON.stringify(plan))).toEqual([]);
      expect(hostileLeaks(formatMarkdown(result.report, { links: false, budget: SUMMARY_BUDGET }))).toEqual([]);
    });
  });
});
