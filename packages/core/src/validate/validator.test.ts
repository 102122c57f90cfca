import { describe, expect, it } from "vitest";
import type { RowCheck } from "../check.js";
import type { FileReport } from "../report.js";
import { loadTableSchema } from "../table-schema/index.js";
import { createHeaderValidator, createValidator, type ValidatorOptions } from "./validator.js";

async function* bytesOf(...chunks: (string | Uint8Array)[]): AsyncGenerator<Uint8Array> {
  for (const chunk of chunks) yield typeof chunk === "string" ? new TextEncoder().encode(chunk) : chunk;
}

async function validate(descriptor: unknown, csv: string | Uint8Array[], options: ValidatorOptions = {}): Promise<FileReport> {
  const { schema } = loadTableSchema(descriptor, "test");
  const validator = createValidator(schema, options);
  return validator.validate(typeof csv === "string" ? bytesOf(csv) : bytesOf(...csv), { name: "test.csv" });
}

const located = (report: FileReport) => report.findings.map((f) => `${f.code}@${f.rowNumber ?? "-"}:${f.fieldNumber ?? "-"}`);

const people = {
  fields: [
    { name: "id", type: "integer", constraints: { required: true } },
    { name: "nom", type: "string" },
    { name: "parent", type: "integer" },
  ],
  primaryKey: "id",
  foreignKeys: [{ fields: "parent", reference: { resource: "", fields: "id" } }],
};

describe("createValidator", () => {
  const cases: { name: string; descriptor: unknown; csv: string; options?: ValidatorOptions; expected: string[] }[] = [
    { name: "valid table", descriptor: people, csv: "id,nom,parent\n1,a,\n2,b,1\n", expected: [] },
    {
      name: "self-referencing foreign key resolved after a later row",
      descriptor: people,
      csv: "id,nom,parent\n1,a,3\n2,b,9\n3,c,\n",
      expected: ["foreign-key@3:-"],
    },
    {
      name: "duplicate primary key names the most recent duplicate",
      descriptor: people,
      csv: "id,nom,parent\n1,a,\n1,b,\n1,c,\n",
      expected: ["primary-key@3:-", "primary-key@4:-"],
    },
    {
      name: "composite unique key",
      descriptor: { fields: [{ name: "a" }, { name: "b" }], uniqueKeys: [["a", "b"]] },
      csv: "a,b\nx,1\nx,2\nx,1\n",
      expected: ["unique-error@4:-"],
    },
    {
      name: "header matched by name: order does not matter, absent optional column is a warning",
      descriptor: { fields: [{ name: "a", constraints: { required: true } }, { name: "b" }, { name: "c" }] },
      csv: "c,a\n1,2\n",
      options: { headerMode: "name" },
      expected: ["missing-label@1:2"],
    },
    {
      name: "header matched by name: absent required column is an error, unknown column a warning",
      descriptor: { fields: [{ name: "a", constraints: { required: true } }, { name: "b" }] },
      csv: "b,z\n1,2\n",
      options: { headerMode: "name" },
      expected: ["missing-label@1:1", "extra-label@1:2"],
    },
    {
      name: "Validata header mode: disordered columns are warnings when the columns are the schema's",
      descriptor: { fields: [{ name: "a" }, { name: "b" }] },
      csv: "b,a\n1,2\n",
      options: { headerMode: "validata" },
      expected: ["disordered-header-warn@1:1", "disordered-header-warn@1:2"],
    },
    {
      name: "an empty first line is a blank header",
      descriptor: { fields: [{ name: "a" }, { name: "b" }] },
      csv: "\n1,2\n",
      expected: ["blank-header@1:-"],
    },
    {
      name: "a first line of delimiters has blank labels",
      descriptor: { fields: [{ name: "a" }, { name: "b" }] },
      csv: ",\n1,2\n",
      expected: ["blank-label@1:1", "blank-label@1:2"],
    },
    {
      name: "severity overrides switch a code off",
      descriptor: { fields: [{ name: "n", type: "integer" }] },
      csv: "n\nx\n\n",
      options: { severity: { codes: { "blank-row": "off" } } },
      expected: ["type-error@2:1"],
    },
    {
      name: "a foreign key to another resource without its lookup is one resource-error",
      descriptor: {
        fields: [{ name: "id" }, { name: "commune" }],
        foreignKeys: [{ fields: "commune", reference: { resource: "communes", fields: "code" } }],
      },
      csv: "id,commune\n1,49007\n",
      expected: ["resource-error@-:-"],
    },
  ];

  it.each(cases)("$name", async ({ descriptor, csv, options, expected }) => {
    const report = await validate(descriptor, csv, options);
    expect(located(report).sort()).toEqual([...expected].sort());
  });

  it("checks foreign keys to other resources through the lookups it is given", async () => {
    const descriptor = {
      fields: [{ name: "id" }, { name: "commune" }],
      foreignKeys: [{ fields: "commune", reference: { resource: "communes", fields: "code" } }],
    };
    const lookups = new Map([["communes", new Map([["code", new Set(["49007"])]])]]);
    const report = await validate(descriptor, "id,commune\n1,49007\n2,75056\n", { lookups });
    expect(located(report)).toEqual(["foreign-key@3:-"]);
  });

  it("reads a referenced table's keys as its foreign keys look them up, in one pass", async () => {
    const { schema } = loadTableSchema({ fields: [{ name: "code", type: "integer" }, { name: "annee", type: "year" }, { name: "nom" }] }, "test");
    const keys = await createValidator(schema).keys(bytesOf(" nom ,code,annee\nA,0042,2024\nB,x,2024\nC,,2023\nD,7,\n"), [["code"], ["code", "annee"], ["absent"]]);
    const people = createValidator(
      loadTableSchema(
        {
          fields: [
            { name: "ref", type: "integer" },
            { name: "an", type: "year" },
          ],
          foreignKeys: [{ fields: ["ref", "an"], reference: { resource: "t", fields: ["code", "annee"] } }],
        },
        "test",
      ).schema,
      { lookups: new Map([["t", keys]]) },
    );
    // Cast as the validator casts a row's key: "0042" is the integer 42; a part missing or invalid leaves the row out.
    expect([...keys.get("code")!].length).toBe(2);
    expect(keys.get("code,annee")!.size).toBe(1);
    expect(keys.get("absent")!.size).toBe(0);
    const report = await people.validate(bytesOf("ref,an\n42,2024\n7,2024\n"), { name: "p.csv" });
    expect(located(report)).toEqual(["foreign-key@3:-"]);
  });

  it("compiles a source's own custom checks against the schema's fields, a misdeclared one reported with the file", async () => {
    const { schema } = loadTableSchema({ fields: [{ name: "siret" }, { name: "nom" }] }, "test");
    const validator = createValidator(schema);
    const customChecks = [{ name: "french-siret-value", params: { column: "siret" } }, { name: "no-such-check" }];
    const report = await validator.validate(bytesOf("siret,nom\n12345678901234,a\n"), { name: "t.csv", customChecks });
    expect(report.findings.map((f) => [f.code, f.messageId])).toEqual([
      ["check-error", "unknownCheck"],
      ["french-siret-value", "checksum"],
    ]);
    // Another file of the same validator without them: neither runs.
    expect((await validator.validate(bytesOf("siret,nom\n12345678901234,a\n"), { name: "u.csv" })).findings).toEqual([]);
  });

  it("stops at the error limit and marks the file partial", async () => {
    const rows = Array.from({ length: 50 }, (_, i) => `x${i}`).join("\n");
    const report = await validate({ fields: [{ name: "n", type: "integer" }] }, `n\n${rows}\n`, { maxErrors: 10 });
    expect(report.partial).toBe(true);
    expect(report.findings).toHaveLength(10);
    expect(report.stats.rows).toBeLessThan(50);
    expect(report.valid).toBe(false);
  });

  it("reports an undecodable byte with its row and keeps validating", async () => {
    const bytes = [new TextEncoder().encode("nom,n\nÉlise,1\nab"), new Uint8Array([0xe9]), new TextEncoder().encode("c,2\nz,x\n")];
    const report = await validate({ fields: [{ name: "nom" }, { name: "n", type: "integer" }] }, bytes);
    expect(located(report)).toEqual(["encoding-error@3:-", "type-error@4:2"]);
  });

  it("renders messages in English on request, and French by default", async () => {
    const descriptor = { fields: [{ name: "n", type: "integer" }] };
    const fr = await validate(descriptor, "n\nx\n");
    const en = await validate(descriptor, "n\nx\n", { lang: "en" });
    expect(fr.findings[0]!.message).toContain("n'est pas du type attendu");
    expect(en.findings[0]!.message).toContain("is not of the expected type");
    expect(fr.findings[0]!.data).toEqual(en.findings[0]!.data);
  });

  it("masks every cell of a column a check marks as personal, type errors included", async () => {
    const markSecond: RowCheck = {
      id: "mark-second",
      meta: { category: "personal-data", severity: "info", description: { fr: "", en: "" }, messages: {} },
      create: (context) => ({ header: () => context.markSensitiveColumn(2, (value) => `${value[0]}***`) }),
    };
    const report = await validate({ fields: [{ name: "id" }, { name: "tel", type: "integer" }] }, "id,tel\n1,06x2345678\n", {
      checks: [{ check: markSecond as RowCheck<never>, options: {} }],
    });
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]!.cell).toBe("0***");
    expect(JSON.stringify(report)).not.toContain("06x2345678");
  });

  it("masks the values of a foreign-key finding when its column is personal", async () => {
    const markFirst: RowCheck = {
      id: "mark-first",
      meta: { category: "personal-data", severity: "info", description: { fr: "", en: "" }, messages: {} },
      create: (context) => ({ header: () => context.markSensitiveColumn(3, () => "J*** D***") }),
    };
    const report = await validate(people, "id,nom,parent\n1,a,\n2,b,7\n", { checks: [{ check: markFirst as RowCheck<never>, options: {} }] });
    expect(located(report)).toEqual(["foreign-key@3:-"]);
    expect(report.findings[0]!.message).toContain("J*** D***");
    expect(JSON.stringify(report.findings[0])).not.toContain("« 7 »");
  });

  it("keeps an accepted finding visible without failing the file", async () => {
    const flagging: RowCheck = {
      id: "flagging",
      meta: { category: "personal-data", severity: "error", description: { fr: "", en: "" }, messages: { hit: { fr: "trouvé", en: "found" } } },
      create: (context) => ({
        end: () => {
          context.report({ messageId: "hit", fieldNumber: 1, accepted: { reason: "publié légalement" } });
          context.report({ messageId: "hit", fieldNumber: 2 });
        },
      }),
    };
    const report = await validate({ fields: [{ name: "a" }, { name: "b" }] }, "a,b\n1,2\n", { checks: [{ check: flagging as RowCheck<never>, options: {} }] });
    expect(report.findings.map((f) => `${f.severity}:${f.accepted ? "accepted" : "open"}`)).toEqual(["info:accepted", "error:open"]);
    expect(report.stats.errors).toBe(1);
  });

  it("counts findings per code and the share of valid cells", async () => {
    const report = await validate(
      {
        fields: [
          { name: "a", type: "integer" },
          { name: "b", type: "integer" },
        ],
      },
      "a,b\n1,x\ny,2\n3,4\n5,6\n",
    );
    expect(report.stats.countsByCode).toEqual({ "type-error": 2 });
    expect(report.stats.validCellsPercent).toBe(75);
  });
});

describe("header modes", () => {
  const subsidies = {
    fields: [
      { name: "idAttribuant", type: "string", constraints: { required: true } },
      { name: "dateConvention", type: "date" },
      { name: "montant", type: "number" },
      { name: "notificationUE", type: "string" },
    ],
  };
  const withSeverity = (report: FileReport) => report.findings.map((f) => `${f.code}/${f.messageId}/${f.severity}@${f.rowNumber ?? "-"}:${f.fieldNumber ?? "-"}`);
  const cases: { name: string; csv: string; options?: ValidatorOptions; mode: string; expected: string[] }[] = [
    {
      name: "auto, labels equal to the names in order: by position (extra cells still counted)",
      csv: "idAttribuant,dateConvention,montant,notificationUE\n1,2024-01-02,3,non,x\n",
      mode: "position",
      expected: ["extra-cell/default/error@2:5"],
    },
    {
      name: "auto, columns recased, respelled and reordered: by name, one warning per respelled label and per misplaced column",
      csv: "Montant,id_attribuant,Date Convention,notificationUE\n3,1,2024-01-02,non\n",
      mode: "validata",
      expected: [
        "incorrect-label/loose/warning@1:1",
        "incorrect-label/loose/warning@1:2",
        "incorrect-label/loose/warning@1:3",
        "disordered-header-warn/default/warning@1:1",
        "disordered-header-warn/default/warning@1:2",
        "disordered-header-warn/default/warning@1:3",
      ],
    },
    {
      name: "auto, an optional column renamed and one added: by name, Validata's two warnings",
      csv: "idAttribuant,date,montant,notificationUE,commentaire\n1,2024-01-02,3,non,ok\n",
      mode: "validata",
      expected: ["missing-header-warn/default/warning@1:2", "extra-header-warn/default/warning@1:2", "extra-header-warn/default/warning@1:5"],
    },
    {
      name: "auto, a file without a header row: by position",
      csv: "21350001600040,2024-01-02,3,non\n1,2024-01-02,3,non\n",
      mode: "position",
      expected: ["incorrect-label/default/error@1:1", "incorrect-label/default/error@1:2", "incorrect-label/default/error@1:3", "incorrect-label/default/error@1:4"],
    },
    {
      name: "explicit validata mode: names compared exactly",
      csv: "idAttribuant,DateConvention,montant,notificationUE\n1,2024-01-02,3,non\n",
      options: { headerMode: "validata" },
      mode: "validata",
      expected: ["missing-header-warn/default/warning@1:2", "extra-header-warn/default/warning@1:2"],
    },
    {
      name: "explicit position mode on a reordered header: frictionless' incorrect-label and type errors",
      csv: "montant,idAttribuant,dateConvention,notificationUE\n3,1,2024-01-02,non\n",
      options: { headerMode: "position" },
      mode: "position",
      expected: [
        "incorrect-label/default/error@1:1",
        "incorrect-label/default/error@1:2",
        "incorrect-label/default/error@1:3",
        "type-error/default/error@2:2",
        "type-error/default/error@2:3",
      ],
    },
  ];

  it.each(cases)("$name", async ({ csv, options, mode, expected }) => {
    const report = await validate(subsidies, csv, options);
    expect(report.headerMode).toBe(mode);
    expect(withSeverity(report).sort()).toEqual([...expected].sort());
  });

  it("reads the cells of a respelled column as its field's", async () => {
    const report = await validate(subsidies, "MONTANT,idAttribuant\nx,1\n");
    expect(report.headerMode).toBe("validata");
    expect(located(report)).toContain("type-error@2:1");
    expect(report.findings.find((f) => f.code === "type-error")?.fieldName).toBe("montant");
  });
});

describe("spreadsheet damage: hints and one finding per cell", () => {
  const subsidies = {
    fields: [
      { name: "siret", type: "string", constraints: { pattern: "^\\d{14}$" } },
      { name: "codePostal", type: "string", constraints: { pattern: "^\\d{5}$" } },
      { name: "dateConvention", type: "date" },
      { name: "montant", type: "number" },
      { name: "nature", type: "string", constraints: { enum: ["aide en numéraire", "aide en nature"] } },
    ],
    custom_checks: [{ name: "french-siret-value", params: { column: "siret" } }],
  };
  const described = (report: FileReport) =>
    report.findings.map((f) => {
      const hint = f.data.hint as { id?: string; suggestion?: string } | undefined;
      return `${f.code}/${f.messageId}@${f.rowNumber}:${f.fieldNumber}${hint ? ` ${hint.id}${hint.suggestion ? `=${hint.suggestion}` : ""}` : ""}`;
    });
  const header = "siret;codePostal;dateConvention;montant;nature\n";
  const cases: { name: string; row: string; options?: ValidatorOptions; expected: string[] }[] = [
    { name: "valid row", row: "21060004500392;01000;2024-03-12;12.5;aide en nature", expected: [] },
    {
      name: "SIRET in scientific notation: the pattern error alone, naming Excel",
      row: "2,43E+13;01000;2024-03-12;12.5;aide en nature",
      expected: ["constraint-error/pattern@2:1 excelScientific"],
    },
    {
      name: "SIRET of 14 digits with a wrong key: french-siret-value alone",
      row: "21860194600000;01000;2024-03-12;12.5;aide en nature",
      expected: ["french-siret-value/checksum@2:1"],
    },
    {
      name: "pattern errors switched off: french-siret-value speaks",
      row: "2,43E+13;01000;2024-03-12;12.5;aide en nature",
      options: { severity: { codes: { "constraint-error": "off" } } },
      expected: ["french-siret-value/length@2:1 excelScientific"],
    },
    {
      name: "lost leading zero, French date, decimal comma, enum case",
      row: "21060004500392;1000;12/03/2024;12,5;Aide en numéraire",
      expected: [
        "constraint-error/pattern@2:2 leadingZeros=01000",
        "type-error/default@2:3 frenchDate=2024-03-12",
        "type-error/default@2:4 decimalComma=12.5",
        "constraint-error/enum@2:5 enumCase=aide en numéraire",
      ],
    },
  ];

  it.each(cases)("$name", async ({ row, options, expected }) => {
    const report = await validate(subsidies, `${header}${row}\n`, options);
    expect(described(report)).toEqual(expected);
  });

  it("renders the hint after the message, in the report's language", async () => {
    const fr = await validate(subsidies, `${header}21060004500392;1000;2024-03-12;1;aide en nature\n`);
    const en = await validate(subsidies, `${header}21060004500392;1000;2024-03-12;1;aide en nature\n`, { lang: "en" });
    expect(fr.findings[0]!.message).toContain("« 01000 »");
    expect(en.findings[0]!.message).toContain('"01000"');
  });
});

describe("createHeaderValidator: each file's header is its schema", () => {
  it("validates files of different headers in one pass each, structure problems included", async () => {
    const validator = createHeaderValidator();
    // A generator is read once: a first pass for the header would leave nothing to validate.
    const first = await validator.validate(bytesOf("id,nom,nom\n1,a,b,extra\n\n2,c,d\n"), { name: "a.csv" });
    const second = await validator.validate(bytesOf("code,,libelle\n75056,x,Paris\n"), { name: "b.csv" });
    expect([first.stats.rows, first.stats.fields, first.headerMode]).toEqual([3, 3, "position"]);
    expect(located(first)).toEqual(["duplicate-label@1:3", "extra-cell@2:4", "blank-row@3:-"]);
    expect([second.stats.rows, second.stats.fields]).toEqual([1, 3]);
    expect(located(second)).toEqual(["blank-label@1:2"]);
    expect(second.schema).toEqual({ source: "(en-tête du fichier)" });
  });

  it("runs the checks it is given and a source's custom checks against the header's columns", async () => {
    const customChecks = [
      { name: "french-siret-value", params: { column: "siret" } },
      { name: "french-siret-value", params: { column: "absent" } },
    ];
    const report = await createHeaderValidator().validate(bytesOf("siret\n12345678901234\n"), { name: "s.csv", customChecks });
    expect(report.findings.map((f) => [f.code, f.messageId])).toEqual([
      ["check-error", "unknownColumn"],
      ["french-siret-value", "checksum"],
    ]);
  });

  it("reports what the reader found before any header: an empty source, a file of no column", async () => {
    const report = await createHeaderValidator().validate(bytesOf(""), { name: "vide.csv" });
    expect([report.stats.rows, report.stats.fields]).toEqual([0, 0]);
    expect(report.findings.map((f) => [f.code, f.messageId])).toEqual([["source-error", "empty"]]);
  });
});
