import { describe, expect, it } from "vitest";
import type { FieldDescriptor, TableSchema } from "../table-schema/descriptor.js";
import { excelWorkbook, typedOds, typedWorkbook } from "../reading/spreadsheet/testing.js";
import { fixTable, type FixOptions, type FixResult } from "./fix-table.js";

async function* chunks(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  yield bytes;
}

const utf8 = (text: string) => new TextEncoder().encode(text);
/** Windows-1252 bytes of a text whose characters are all in Latin-1 (what French Excel writes). */
const cp1252 = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));

function fix(source: string | Uint8Array, schema: TableSchema, options: Partial<FixOptions> = {}): Promise<FixResult> {
  return fixTable(chunks(typeof source === "string" ? utf8(source) : source), schema, { name: "t.csv", ...options });
}

/** The fixed file's column `v` (second column), read back. */
function column(text: string | undefined, index = 1): string[] {
  return (text ?? "")
    .split("\n")
    .slice(1, -1)
    .map((line) => {
      const cells = line.match(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)!.map((cell) =>
        cell
          .replace(/,$/, "")
          .replace(/^"(.*)"$/s, "$1")
          .replaceAll('""', '"'),
      );
      return cells[index] ?? "";
    });
}

const withField = (field: Omit<FieldDescriptor, "name">): TableSchema => ({ fields: [{ name: "id" }, { name: "v", ...field }] });
const sourceOf = (cells: string[]) => `id;v\n${cells.map((cell, k) => `${k + 1};"${cell.replaceAll('"', '""')}"`).join("\n")}\n`;

const cellCases: { name: string; field: Omit<FieldDescriptor, "name">; cells: string[]; after: string[]; kinds: string[] }[] = [
  {
    name: "French dates in a date field",
    field: { type: "date" },
    cells: ["31/12/2024", "5/1/2016", "2024-02-29"],
    after: ["2024-12-31", "2016-01-05", "2024-02-29"],
    kinds: ["frenchDate", "frenchDate"],
  },
  { name: "French date and time in a datetime field", field: { type: "datetime" }, cells: ["31/12/2024 14:30"], after: ["2024-12-31T14:30:00"], kinds: ["frenchDate"] },
  { name: "a date-only value in a datetime field stays (its time is unknown)", field: { type: "datetime" }, cells: ["31/12/2024"], after: ["31/12/2024"], kinds: [] },
  { name: "a column writing dates month first is left whole", field: { type: "date" }, cells: ["12/31/2024", "05/01/2024"], after: ["12/31/2024", "05/01/2024"], kinds: [] },
  {
    name: "French date in an ISO-pattern text field",
    field: { constraints: { pattern: "^\\d{4}-\\d{2}-\\d{2}$" } },
    cells: ["12/03/2024"],
    after: ["2024-03-12"],
    kinds: ["frenchDate"],
  },
  {
    name: "decimal commas in a number field",
    field: { type: "number" },
    cells: ["12,5", " 1 250,50 ", "-0,25", "7"],
    after: ["12.5", "1250.50", "-0.25", "7"],
    kinds: ["decimalComma", "decimalComma", "decimalComma"],
  },
  {
    name: "a lone 1,234 beside decimal points may be thousands: left",
    field: { type: "number" },
    cells: ["12.5", "1,234", "3,5"],
    after: ["12.5", "1,234", "3.5"],
    kinds: ["decimalComma"],
  },
  { name: "point and comma together are not certain", field: { type: "number" }, cells: ["1.234,5"], after: ["1.234,5"], kinds: [] },
  { name: "a number field whose schema declares the comma is valid as it is", field: { type: "number", decimalChar: "," }, cells: ["12,5"], after: ["12,5"], kinds: [] },
  { name: "integer with zero decimals", field: { type: "integer" }, cells: ["12.0", "12.5"], after: ["12", "12.5"], kinds: ["integerDecimals"] },
  { name: "exact scientific notation in an integer field", field: { type: "integer" }, cells: ["1,2345E+4"], after: ["12345"], kinds: ["excelScientific"] },
  { name: "a SIRET rounded by Excel is not guessed", field: { constraints: { pattern: "^\\d{14}$" } }, cells: ["2,43E+13"], after: ["2,43E+13"], kinds: [] },
  {
    name: "postcodes and INSEE codes get their leading zeros back",
    field: { constraints: { pattern: "^\\d{5}$" } },
    cells: ["1000", "100", "75001", "12"],
    after: ["01000", "00100", "75001", "12"],
    kinds: ["leadingZeros", "leadingZeros"],
  },
  { name: "length from minLength and maxLength", field: { constraints: { minLength: 9, maxLength: 9 } }, cells: ["12345678"], after: ["012345678"], kinds: ["leadingZeros"] },
  { name: "a pattern allowing two lengths says nothing certain", field: { constraints: { pattern: "^\\d{5,6}$" } }, cells: ["1234"], after: ["1234"], kinds: [] },
  {
    name: "booleans in the schema's words",
    field: { type: "boolean", trueValues: ["oui"], falseValues: ["non"] },
    cells: ["Oui", "VRAI", "Non", "0", "x"],
    after: ["oui", "oui", "non", "non", "x"],
    kinds: ["booleanValues", "booleanValues", "booleanValues", "booleanValues"],
  },
  { name: "booleans with the default values", field: { type: "boolean" }, cells: ["oui", "Faux"], after: ["true", "false"], kinds: ["booleanValues", "booleanValues"] },
  {
    name: "enum values in the schema's spelling",
    field: { constraints: { enum: ["aide en numéraire", "aide en nature"] } },
    cells: ["Aide en Numéraire", "AIDE EN NATURE", "prêt"],
    after: ["aide en numéraire", "aide en nature", "prêt"],
    kinds: ["enumCase", "enumCase"],
  },
  { name: "spaces around values", field: {}, cells: ["  Évry ", "Évry"], after: ["Évry", "Évry"], kinds: ["trim"] },
  { name: "a blank value stays in a required field (trimmed, it would be missing)", field: { constraints: { required: true } }, cells: ["   "], after: ["   "], kinds: [] },
  { name: "a blank number becomes missing in an optional field", field: { type: "integer" }, cells: [" "], after: [""], kinds: ["trim"] },
  { name: "valid and missing values are left", field: { type: "date" }, cells: ["2024-12-31", ""], after: ["2024-12-31", ""], kinds: [] },
];

describe("fixTable: cell values", () => {
  it.each(cellCases)("$name", async ({ field, cells, after, kinds }) => {
    const result = await fix(sourceOf(cells), withField(field));
    expect(result.problems).toEqual([]);
    expect(column(result.text)).toEqual(after);
    const cellChanges = result.changes.filter((change) => change.rowNumber !== undefined && change.rowNumber > 1);
    expect(cellChanges.map((change) => change.kind)).toEqual(kinds);
    for (const change of cellChanges) {
      // Row numbers count the header as row 1; the column is the source's.
      expect(change.fieldNumber).toBe(2);
      expect(change.fieldName).toBe("v");
      expect(column(result.text)[change.rowNumber! - 2]).toBe(change.after);
    }
  });

  it("pads a SIRET only when the schema's SIRET check would then pass (Luhn key)", async () => {
    const schema: TableSchema = {
      fields: [{ name: "id" }, { name: "v", constraints: { pattern: "^\\d{14}$" } }],
      custom_checks: [{ name: "french-siret-value", params: { column: "v" } }],
    };
    // 01234567400019 is a valid SIRET; 01234567400018 fails its key.
    const result = await fix(sourceOf(["1234567400019", "1234567400018"]), schema);
    expect(column(result.text)).toEqual(["01234567400019", "1234567400018"]);
  });

  it("notes the dates left in a month-first column", async () => {
    const result = await fix(sourceOf(["12/31/2024", "05/01/2024", "2024-01-01"]), withField({ type: "date" }));
    expect(result.notes.map(({ id, fieldName, cells }) => ({ id, fieldName, cells }))).toEqual([{ id: "monthFirstDates", fieldName: "v", cells: 2 }]);
  });
});

const subventions: TableSchema = {
  fields: [
    { name: "nomAttribuant", type: "string", constraints: { required: true } },
    { name: "dateConvention", type: "date" },
    { name: "montant", type: "number" },
    { name: "notificationUE", type: "boolean", trueValues: ["oui"], falseValues: ["non"] },
  ],
};

describe("fixTable: the file and its header", () => {
  it("converts an Excel export (Windows-1252, ';', CRLF, BOM) to UTF-8 with ',' and LF", async () => {
    const body = cp1252("nomAttribuant;dateConvention;montant;notificationUE\r\nCommune d'Évry;2024-01-02;12.5;oui\r\n");
    const result = await fix(Uint8Array.from([0xef, 0xbb, 0xbf, ...body]), subventions);
    expect(result.encoding).toBe("windows-1252");
    expect(result.changes.map(({ kind, before, after }) => [kind, before, after])).toEqual([
      ["encoding", "windows-1252", "utf-8"],
      ["bom", "BOM", ""],
      ["delimiter", ";", ","],
      ["lineEnding", "CRLF", "LF"],
    ]);
    expect(result.text).toBe("nomAttribuant,dateConvention,montant,notificationUE\nCommune d'Évry,2024-01-02,12.5,oui\n");
  });

  it("writes CRLF on request", async () => {
    const result = await fix("nomAttribuant,dateConvention,montant,notificationUE\nÉvry,2024-01-02,1,oui\n", subventions, { lineEnding: "\r\n" });
    expect(result.changes.map((change) => change.kind)).toEqual(["lineEnding"]);
    expect(result.text).toBe("nomAttribuant,dateConvention,montant,notificationUE\r\nÉvry,2024-01-02,1,oui\r\n");
  });

  it("changes nothing in a conforming file", async () => {
    const source = 'nomAttribuant,dateConvention,montant,notificationUE\n"Évry, ville",2024-01-02,1,oui\n';
    const result = await fix(source, subventions);
    expect(result.changed).toBe(false);
    expect(result.changes).toEqual([]);
    expect(result.text).toBe(source);
  });

  it("renames labels differing by case, accents and separators, and keeps the order when it is the schema's", async () => {
    const result = await fix("Nom Attribuant;date_convention;Montant;Notification UE;commentaire\nÉvry;31/12/2024;12,5;Oui;rien\n", subventions);
    expect(result.changes.filter((change) => change.rowNumber === 1).map(({ kind, fieldNumber, before, after }) => [kind, fieldNumber, before, after])).toEqual([
      ["header", 1, "Nom Attribuant", "nomAttribuant"],
      ["header", 2, "date_convention", "dateConvention"],
      ["header", 3, "Montant", "montant"],
      ["header", 4, "Notification UE", "notificationUE"],
    ]);
    expect(result.text).toBe("nomAttribuant,dateConvention,montant,notificationUE,commentaire\nÉvry,2024-12-31,12.5,oui,rien\n");
  });

  it("puts columns in schema order, unknown ones after, and pads short rows it reorders", async () => {
    const result = await fix('montant;commentaire;NOMATTRIBUANT;dateConvention\n"12,5";rien;Évry;31/12/2024\n4;là;Évry;2024-01-01\n3;court\n', subventions);
    expect(result.text).toBe("nomAttribuant,dateConvention,montant,commentaire\nÉvry,2024-12-31,12.5,rien\nÉvry,2024-01-01,4,là\n,,3,court\n");
    const kinds = result.changes.map((change) => change.kind);
    expect(kinds.filter((kind) => kind === "columnOrder")).toHaveLength(1);
    expect(result.changes.find((change) => change.kind === "columnOrder")).toMatchObject({
      rowNumber: 1,
      before: "montant, NOMATTRIBUANT, dateConvention",
      after: "nomAttribuant, dateConvention, montant",
    });
    expect(result.changes.filter((change) => change.kind === "missingCell").map(({ rowNumber, fieldName }) => [rowNumber, fieldName])).toEqual([
      [4, "nomAttribuant"],
      [4, "dateConvention"],
    ]);
  });

  it("touches no label, order or value under a header it does not recognise", async () => {
    const result = await fix("a;b;c;d\nÉvry;31/12/2024;12,5;Oui\n", subventions);
    expect(result.notes.map((note) => note.id)).toEqual(["headerNotRecognised"]);
    expect(result.changes.map((change) => change.kind)).toEqual(["delimiter"]);
    expect(result.text).toBe('a,b,c,d\nÉvry,31/12/2024,"12,5",Oui\n');
  });

  it.each([
    { name: "undecodable bytes", bytes: Uint8Array.from([...utf8("nomAttribuant\nÉvry\n"), 0xff, 0x0a]), code: "encoding-error" },
    { name: "an unterminated quote", bytes: utf8('nomAttribuant\n"Évry\n'), code: "source-error" },
    { name: "an empty file", bytes: new Uint8Array(), code: "source-error" },
  ])("writes nothing from $name", async ({ bytes, code }) => {
    const result = await fix(bytes, subventions);
    expect(result.text).toBeUndefined();
    expect(result.changed).toBe(false);
    expect(result.problems.map((problem) => problem.code)).toContain(code);
  });
});

const people: TableSchema = { fields: [{ name: "nom" }, { name: "prenom" }, { name: "courriel" }, { name: "montant", type: "number" }] };
const PEOPLE = [
  ["Dupont", "Jean", "jean.dupont@example.fr"],
  ["Martin", "Claire", "claire.martin@example.fr"],
  ["Lefèvre", "Pierre", "pierre.lefevre@example.fr"],
  ["Bernard", "Sophie", "sophie.bernard@example.fr"],
  ["Petit", "Nicolas", "nicolas.petit@example.fr"],
  ["Durand", "Marie", "marie.durand@example.fr"],
  ["Leroy", "Julien", "julien.leroy@example.fr"],
  ["Moreau", "Camille", "camille.moreau@example.fr"],
];
const peopleSource = `nom;prenom;courriel;montant\n${PEOPLE.map(([nom, prenom, mail], k) => `${nom} ;${prenom};${mail};${k},5`).join("\n")}\n`;

describe("fixTable: personal data", () => {
  it("masks personal values in the change list, never in the file without maskPersonal", async () => {
    const result = await fix(peopleSource, people);
    const trims = result.changes.filter((change) => change.kind === "trim");
    expect(trims).toHaveLength(PEOPLE.length);
    const listed = JSON.stringify(result.changes);
    for (const [nom, , mail] of PEOPLE) {
      expect(listed).not.toContain(nom);
      expect(listed).not.toContain(mail);
      expect(result.text).toContain(`${nom},`);
      expect(result.text).toContain(mail);
    }
  });

  it("masks each detected value with maskPersonal: value", async () => {
    const result = await fix(peopleSource, people, { maskPersonal: "value" });
    const masked = result.changes.filter((change) => change.kind === "maskPersonal");
    expect(new Set(masked.map((change) => change.fieldName))).toEqual(new Set(["nom", "prenom", "courriel"]));
    for (const [nom, prenom, mail] of PEOPLE) {
      for (const value of [nom!, prenom!, mail!]) expect(result.text).not.toContain(value);
    }
    expect(column(result.text, 3)).toEqual(PEOPLE.map((_, k) => `${k}.5`));
  });

  it("removes detected columns with maskPersonal: column", async () => {
    const result = await fix(peopleSource, people, { maskPersonal: "column" });
    expect(result.changes.filter((change) => change.kind === "removePersonalColumn").map((change) => change.fieldName)).toEqual(["nom", "prenom", "courriel"]);
    expect(result.text?.split("\n")[0]).toBe("montant");
  });
});

describe("fixTable is idempotent", () => {
  const sources: { name: string; source: string | Uint8Array; schema: TableSchema }[] = [
    { name: "cell repairs", source: sourceOf(["31/12/2024", "1/2/2024"]), schema: withField({ type: "date" }) },
    { name: "numbers", source: sourceOf(["12,5", " 1 250,50 ", "1,234"]), schema: withField({ type: "number" }) },
    { name: "codes", source: sourceOf(["1000", "1234"]), schema: withField({ constraints: { pattern: "^\\d{5}$" } }) },
    { name: "an Excel export", source: cp1252('Montant;commentaire;NOMATTRIBUANT;date convention\r\n12,5;"dit ""oui"", puis non";Évry;31/12/2024\r\n'), schema: subventions },
    { name: "personal data masked", source: peopleSource, schema: people },
    { name: "a multi-line cell and an empty line", source: 'nomAttribuant;dateConvention\n"Évry\nSud";31/12/2024\n\n', schema: subventions },
  ];

  it.each(sources)("$name: a second fix changes nothing", async ({ source, schema }) => {
    const first = await fix(source, schema, { maskPersonal: "value" });
    expect(first.changed).toBe(true);
    const second = await fix(first.text!, schema, { maskPersonal: "value" });
    expect(second.changes).toEqual([]);
    expect(second.text).toBe(first.text);
  });
});

describe("fixTable: workbooks", () => {
  const schema: TableSchema = {
    fields: [
      { name: "code_insee", constraints: { pattern: "^\\d{5}$" } },
      { name: "date", type: "date" },
      { name: "montant", type: "number" },
    ],
  };
  const rows = [
    ["Code_INSEE", "date", "montant"],
    ["1053", "2024-03-12", "12.5"],
    ["75056", "31/12/2024", "7"],
  ];

  it.each([
    { format: "xlsx" as const, bytes: typedWorkbook(rows), sheet: "Feuil1" },
    { format: "ods" as const, bytes: typedOds(rows), sheet: "Feuille1" },
  ])("writes the first sheet of an $format as CSV, fixed", async ({ format, bytes, sheet }) => {
    const result = await fix(bytes, schema, { name: `t.${format}`, format });
    expect(result.problems).toEqual([]);
    expect(result.sheet).toEqual({ format, name: sheet, index: 1 });
    expect(result.summary.map(({ kind }) => kind)).toEqual(["workbook", "header", "leadingZeros", "frenchDate"]);
    expect(result.text).toBe("code_insee,date,montant\n01053,2024-03-12,12.5\n75056,2024-12-31,7\n");
    // The copy is CSV: fixing it again changes nothing.
    const second = await fix(result.text!, schema);
    expect(second.changes).toEqual([]);
  });

  it("reads the sheet asked for, and says which sheets exist when it is missing", async () => {
    const bytes = excelWorkbook({
      sheets: [
        { name: "Notes", rows: '<row r="1"><c r="A1" t="inlineStr"><is><t>lisez-moi</t></is></c></row>' },
        { name: "Données", rows: '<row r="1"><c r="A1" t="inlineStr"><is><t>code_insee</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>01053</t></is></c></row>' },
      ],
    });
    const picked = await fix(bytes, { fields: [{ name: "code_insee" }] }, { name: "t.xlsx", format: "xlsx", sheet: "Données" });
    expect(picked.sheet?.name).toBe("Données");
    expect(picked.text).toBe("code_insee\n01053\n");
    const missing = await fix(bytes, { fields: [{ name: "code_insee" }] }, { name: "t.xlsx", format: "xlsx", sheet: "Budget" });
    expect(missing.text).toBeUndefined();
    expect(missing.problems.map(({ messageId }) => messageId)).toEqual(["sheetNotFound"]);
  });
});
