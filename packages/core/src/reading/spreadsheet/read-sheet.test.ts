import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { readTable, type ReadOptions, type ReadProblem, type ReadResult } from "../read-table.js";
import { SPREADSHEET_LIMITS } from "./read-sheet.js";
import { excelWorkbook, libreOfficeWorkbook, textWorkbook, zipParts } from "./testing.js";
import { Inflater, readCentralDirectory, ZipError } from "./zip.js";

interface Read {
  records: Array<{ cells: string[]; rowNumber: number; line: number; numbers?: number[] }>;
  problems: ReadProblem[];
  result: ReadResult;
}

/** Reads a workbook handed in small chunks, as a file or a dropped file's stream comes. */
async function read(bytes: Uint8Array, options: ReadOptions): Promise<Read> {
  async function* chunks() {
    for (let at = 0; at < bytes.length; at += 1000) yield bytes.subarray(at, at + 1000);
  }
  const records: Read["records"] = [];
  const problems: ReadProblem[] = [];
  const result = await readTable(chunks(), options, {
    record(cells, rowNumber, line, numbers) {
      records.push({ cells, rowNumber, line, ...(numbers && { numbers: [...numbers].sort() }) });
    },
    problem(problem) {
      problems.push(problem);
    },
  });
  return { records, problems, result };
}

const cellsOf = (got: Read) => got.records.map((record) => record.cells);

// An export of a subsidies table as Excel writes it: shared strings (one with rich text runs and
// a phonetic run), a date cell (built-in format 14), a custom date format, a datetime, an amount
// with a thousands-separated currency format, a boolean, an error, a formula's cached string,
// a cell with no `r`, an inline string, gaps (D3 absent), a styled empty cell past the table,
// and an empty styled row at the end.
const subsidies = excelWorkbook({
  sheets: [
    {
      name: "Subventions",
      rows: [
        '<row r="1" spans="1:7"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c><c r="G1" t="s"><v>6</v></c></row>',
        '<row r="2" spans="1:7"><c r="A2" t="s"><v>7</v></c><c r="B2" s="1"><v>45366</v></c><c r="C2" s="2"><v>45292</v></c><c r="D2" s="4"><v>1250.5</v></c><c r="E2" t="b"><v>1</v></c><c r="F2" s="3"><v>45366.4375</v></c><c r="G2" t="s"><v>8</v></c></row>',
        '<row r="3" spans="1:7"><c r="A3" t="inlineStr"><is><t xml:space="preserve"> Gymnase </t></is></c><c r="B3" s="1"><v>45367</v></c><c r="C3" s="2"/><c r="E3" t="b"><v>0</v></c><c r="F3" t="e"><v>#N/A</v></c><c t="str"><f>UPPER(A3)</f><v>GYMNASE_x000D_</v></c><c r="H3" s="5"/></row>',
        '<row r="4" spans="1:7" s="5" customFormat="1"><c r="A4" s="5"/><c r="B4" s="5"/></row>',
      ].join(""),
      after: '<mergeCells count="1"><mergeCell ref="A5:B5"/></mergeCells>',
    },
  ],
  sharedStrings: [
    "<si><t>nom</t></si>",
    "<si><t>date</t></si>",
    "<si><t>début</t></si>",
    "<si><t>montant</t></si>",
    "<si><t>versé</t></si>",
    "<si><t>signé le</t></si>",
    "<si><t>code</t></si>",
    '<si><r><rPr><b/><sz val="11"/></rPr><t>Stade</t></r><r><rPr><sz val="11"/></rPr><t xml:space="preserve"> municipal</t></r><rPh sb="0" eb="1"><t>スタジアム</t></rPh></si>',
    "<si><t>01000</t></si>",
  ],
  numFmts: ['<numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/>', '<numFmt numFmtId="165" formatCode="#,##0.00\\ &quot;€&quot;"/>'],
  cellXfs: [
    '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
    '<xf numFmtId="22" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
    '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
    '<xf numFmtId="0" fontId="0" fillId="1" borderId="0" xfId="0" applyFill="1"/>',
  ],
});

describe("xlsx", () => {
  it("reads Excel's parts into the text a CSV of the sheet would hold", async () => {
    const got = await read(subsidies, { format: "xlsx" });
    expect(got.problems).toEqual([]);
    expect(cellsOf(got)).toEqual([
      ["nom", "date", "début", "montant", "versé", "signé le", "code"],
      ["Stade municipal", "2024-03-15", "2024-01-01", "1250.5", "true", "2024-03-15T10:30:00", "01000"],
      [" Gymnase ", "2024-03-16", "", "", "false", "#N/A", "GYMNASE\r"],
    ]);
    expect(got.records.map((record) => [record.rowNumber, record.line])).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
    // Only the amount was stored as a number: dates, booleans and text were not.
    expect(got.records[1]!.numbers).toEqual([3]);
    expect(got.result.sheet).toEqual({ format: "xlsx", name: "Subventions", index: 1 });
    expect(got.result.records).toBe(3);
  });

  const numberCases: Array<{ name: string; v: string; format?: string; builtIn?: number; date1904?: boolean; text: string; number?: boolean }> = [
    { name: "double noise of a sum", v: "0.30000000000000004", text: "0.3", number: true },
    { name: "small number in exponent form", v: "1.5E-7", text: "0.00000015", number: true },
    { name: "large number in exponent form", v: "1.2E+20", text: "120000000000000000000", number: true },
    { name: "SIRET stored as a number, exact", v: "23350001600040", text: "23350001600040", number: true },
    { name: "16-digit number: Excel kept 15 digits", v: "1234567890123450", text: "1234567890123450", number: true },
    { name: "negative", v: "-12.50", text: "-12.5", number: true },
    { name: "percentage keeps the stored fraction", v: "0.125", builtIn: 10, text: "0.125", number: true },
    { name: "zip code format restores the zeros shown", v: "1000", format: "00000", text: "01000" },
    { name: "zip code format on a longer number", v: "123456", format: "00000", text: "123456", number: true },
    { name: "built-in date 14", v: "45366", builtIn: 14, text: "2024-03-15" },
    { name: "date in a custom French format", v: "45366", format: "dd/mm/yyyy", text: "2024-03-15" },
    { name: "date with a locale tag", v: "45366", format: "[$-40C]d mmmm yyyy", text: "2024-03-15" },
    { name: "month and year", v: "45366", format: "mmm-yy", text: "2024-03-15" },
    { name: "time only (h:mm)", v: "0.4375", builtIn: 20, text: "10:30:00" },
    { name: "elapsed minutes and seconds", v: "0.00173611111111111", format: "[mm]:ss", text: "00:02:30" },
    { name: "datetime 22", v: "45366.5", builtIn: 22, text: "2024-03-15T12:00:00" },
    { name: "custom datetime, rounded to the second", v: "45366.999999999", format: "dd/mm/yyyy hh:mm:ss", text: "2024-03-16T00:00:00" },
    { name: "1900 system before the fictitious leap day", v: "59", builtIn: 14, text: "1900-02-28" },
    { name: "Lotus's 1900-02-29", v: "60", builtIn: 14, text: "1900-02-29" },
    { name: "1900 system after it", v: "61", builtIn: 14, text: "1900-03-01" },
    { name: "1904 system", v: "43904", builtIn: 14, date1904: true, text: "2024-03-15" },
    { name: "a colour and a quoted word are no date", v: "12", format: '[Red]0" jours"', text: "12", number: true },
    { name: "scientific format is no date", v: "12000", format: "0.00E+00", text: "12000", number: true },
  ];
  it.each(numberCases)("number cell: $name", async ({ v, format, builtIn, date1904, text, number }) => {
    const bytes = excelWorkbook({
      sheets: [{ name: "Feuil1", rows: `<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" s="1"><v>${v}</v></c></row>` }],
      sharedStrings: ["<si><t>valeur</t></si>"],
      numFmts: format === undefined ? [] : [`<numFmt numFmtId="170" formatCode="${format.replace(/"/g, "&quot;")}"/>`],
      cellXfs: [`<xf numFmtId="${format === undefined ? (builtIn ?? 0) : 170}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`],
      date1904,
    });
    const got = await read(bytes, { format: "xlsx" });
    expect(got.problems).toEqual([]);
    expect(got.records[1]!.cells).toEqual([text]);
    expect(got.records[1]!.numbers).toEqual(number ? [0] : undefined);
  });

  it("starts at the first non-empty row, keeps empty rows between data, drops those after", async () => {
    const bytes = excelWorkbook({
      sheets: [
        {
          name: "Feuil1",
          rows: [
            '<row r="3"><c r="A3" t="s"><v>0</v></c><c r="B3" t="s"><v>1</v></c></row>',
            '<row r="4"><c r="B4"><v>7</v></c></row>',
            '<row r="6" s="1" customFormat="1"/>',
            '<row r="7"><c r="A7" t="s"><v>2</v></c><c r="D7" t="s"><v>2</v></c></row>',
            '<row r="9" customHeight="1" ht="30"><c r="C9" s="1"/></row>',
            '<row r="1048576"><c r="A1048576" s="1"/></row>',
          ].join(""),
        },
      ],
      sharedStrings: ["<si><t>id</t></si>", "<si><t>nom</t></si>", "<si><t>x</t></si>"],
      cellXfs: ['<xf numFmtId="0" fontId="0" fillId="1" borderId="0" xfId="0" applyFill="1"/>'],
    });
    const got = await read(bytes, { format: "xlsx" });
    expect(got.records.map(({ cells, rowNumber, line }) => ({ cells, rowNumber, line }))).toEqual([
      { cells: ["id", "nom"], rowNumber: 1, line: 3 },
      // B4 alone: the empty A4 is an empty cell, not a missing one.
      { cells: ["", "7"], rowNumber: 2, line: 4 },
      { cells: [], rowNumber: 3, line: 5 },
      { cells: [], rowNumber: 4, line: 6 },
      // A value past the header is kept (an extra cell), up to the last non-empty one.
      { cells: ["x", "", "", "x"], rowNumber: 5, line: 7 },
    ]);
  });

  it("places cells without a reference after the previous one", async () => {
    const bytes = excelWorkbook({
      sheets: [{ name: "S", rows: '<row><c t="inlineStr"><is><t>a</t></is></c><c t="inlineStr"><is><t>b</t></is></c></row><row><c r="B2"><v>2</v></c><c><v>3</v></c></row>' }],
    });
    expect(cellsOf(await read(bytes, { format: "xlsx" }))).toEqual([
      ["a", "b"],
      ["", "2", "3"],
    ]);
  });

  it("reads elements under a prefix, as the Open XML SDK writes them", async () => {
    const sheet = `<?xml version="1.0" encoding="utf-8"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>code</x:t></x:is></x:c></x:row><x:row r="2"><x:c r="A2"><x:v>75056</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const bytes = zipParts({
      "[Content_Types].xml": '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
      "_rels/.rels":
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/xl/workbook.xml" Id="R1"/></Relationships>',
      "xl/workbook.xml":
        '<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheets><x:sheet name="Données" sheetId="1" rel:id="R9"/></x:sheets></x:workbook>',
      "xl/_rels/workbook.xml.rels":
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet.xml" Id="R9"/></Relationships>',
      "xl/worksheets/sheet.xml": sheet,
    });
    const got = await read(bytes, { format: "xlsx" });
    expect(got.problems).toEqual([]);
    expect(cellsOf(got)).toEqual([["code"], ["75056"]]);
    expect(got.result.sheet?.name).toBe("Données");
  });

  const book = excelWorkbook({
    sheets: [
      { name: "Notice", rows: '<row r="1"><c r="A1" t="inlineStr"><is><t>Lisez-moi</t></is></c></row>' },
      { name: "Données 2024", rows: '<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c></row><row r="2"><c r="A2"><v>1</v></c></row>' },
      { name: "3", rows: '<row r="1"><c r="A1" t="inlineStr"><is><t>troisième</t></is></c></row>' },
    ],
  });
  it.each([
    { sheet: undefined, name: "Notice", index: 1 },
    { sheet: 2, name: "Données 2024", index: 2 },
    { sheet: "2", name: "Données 2024", index: 2 },
    { sheet: "Données 2024", name: "Données 2024", index: 2 },
    { sheet: "données 2024", name: "Données 2024", index: 2 },
    // A sheet named "3" is the third here too; a name wins over a position.
    { sheet: "3", name: "3", index: 3 },
  ])("sheet $sheet is $name", async ({ sheet, name, index }) => {
    const got = await read(book, { format: "xlsx", sheet });
    expect(got.problems).toEqual([]);
    expect(got.result.sheet).toEqual({ format: "xlsx", name, index });
  });

  it.each([{ sheet: "Budget" }, { sheet: 4 }, { sheet: "0" }])("sheet $sheet is not found, and the sheets are listed", async ({ sheet }) => {
    const got = await read(book, { format: "xlsx", sheet });
    expect(got.records).toEqual([]);
    expect(got.problems.map((problem) => `${problem.code}/${problem.messageId}`)).toEqual(["source-error/sheetNotFound"]);
    expect(got.problems[0]!.data.sheets).toBe("« Notice », « Données 2024 », « 3 »");
  });

  it.each([
    ["bytes all at once (a dropped file's arrayBuffer)", () => subsidies],
    [
      "a web ReadableStream",
      () =>
        new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(subsidies.subarray(0, 500));
            controller.enqueue(subsidies.subarray(500));
            controller.close();
          },
        }),
    ],
  ])("reads %s", async (_name, source) => {
    const records: string[][] = [];
    const result = await readTable(source(), { format: "xlsx" }, { record: (cells) => void records.push(cells), problem() {} });
    expect(records).toHaveLength(3);
    expect(result.bytes).toBe(subsidies.length);
    expect(result.sheet?.name).toBe("Subventions");
  });

  it("stops when the sink says so", async () => {
    const got = await readTable(
      (async function* () {
        yield subsidies;
      })(),
      { format: "xlsx" },
      { record: () => false, problem() {} },
    );
    expect(got.records).toBe(1);
    expect(got.stopped).toBe(true);
  });
});

describe("ods", () => {
  const row = (cells: string, repeat?: number) => `<table:table-row table:style-name="ro1"${repeat ? ` table:number-rows-repeated="${repeat}"` : ""}>${cells}</table:table-row>`;
  const text = (value: string, extra = "") => `<table:table-cell office:value-type="string" calcext:value-type="string"${extra}><text:p>${value}</text:p></table:table-cell>`;
  // LibreOffice Calc's output: typed cells with their display text, a column of repeated values,
  // a merged cell and its covered neighbour, a comment, a cell of two paragraphs with runs of
  // spaces, and the sheet's end of a million repeated empty rows over 1024 columns.
  const calc = libreOfficeWorkbook([
    '<table:table table:name="Équipements" table:style-name="ta1"><table:table-column table:style-name="co1" table:number-columns-repeated="6" table:default-cell-style-name="Default"/>' +
      row(text("nom") + text("ouverture") + text("surface") + text("accessible") + text("horaire") + text("taux") + '<table:table-cell table:number-columns-repeated="1018"/>') +
      row(
        text('Piscine <text:span text:style-name="T1">Jean</text:span><text:s/>Bouin', "") +
          '<table:table-cell office:value-type="date" office:date-value="2024-03-15" calcext:value-type="date"><text:p>15/03/2024</text:p></table:table-cell>' +
          '<table:table-cell office:value-type="float" office:value="1250.5" calcext:value-type="float"><text:p>1 250,50</text:p></table:table-cell>' +
          '<table:table-cell office:value-type="boolean" office:boolean-value="true" calcext:value-type="boolean"><text:p>VRAI</text:p></table:table-cell>' +
          '<table:table-cell office:value-type="time" office:time-value="PT10H30M00S" calcext:value-type="time"><text:p>10:30</text:p></table:table-cell>' +
          '<table:table-cell office:value-type="percentage" office:value="0.125" calcext:value-type="percentage"><text:p>12,50 %</text:p></table:table-cell>' +
          '<table:table-cell table:number-columns-repeated="1018"/>',
      ) +
      row(
        '<table:table-cell table:number-columns-spanned="2" table:number-rows-spanned="1" office:value-type="string"><text:p>Gymnase</text:p><office:annotation><dc:creator>Agent</dc:creator><text:p>à vérifier</text:p></office:annotation></table:table-cell><table:covered-table-cell/>' +
          '<table:table-cell office:value-type="currency" office:currency="EUR" office:value="-12.5"><text:p>-12,50 €</text:p></table:table-cell>' +
          '<table:table-cell table:number-columns-repeated="2"/>' +
          '<table:table-cell office:value-type="string"><text:p>ligne<text:s text:c="3"/>un</text:p><text:p>ligne<text:tab/>deux</text:p></table:table-cell>',
      ) +
      row(text("x") + '<table:table-cell office:value-type="string" table:number-columns-repeated="2"><text:p>même</text:p></table:table-cell>', 2) +
      row('<table:table-cell table:number-columns-repeated="1024"/>', 1048570) +
      "</table:table>",
    '<table:table table:name="Notes"><table:table-row><table:table-cell office:value-type="string"><text:p>seconde feuille</text:p></table:table-cell></table:table-row></table:table>',
  ]);

  it("reads LibreOffice's content into the text a CSV of the sheet would hold", async () => {
    const got = await read(calc, { format: "ods" });
    expect(got.problems).toEqual([]);
    expect(got.records.map(({ cells, line }) => [line, ...cells])).toEqual([
      [1, "nom", "ouverture", "surface", "accessible", "horaire", "taux"],
      [2, "Piscine Jean Bouin", "2024-03-15", "1250.5", "true", "10:30:00", "0.125"],
      [3, "Gymnase", "", "-12.5", "", "", "ligne   un\nligne\tdeux"],
      [4, "x", "même", "même", "", "", ""],
      [5, "x", "même", "même", "", "", ""],
    ]);
    expect(got.records[1]!.numbers).toEqual([2, 5]);
    expect(got.result.sheet).toEqual({ format: "ods", name: "Équipements", index: 1 });
  });

  it.each([
    { sheet: 2, index: 2 },
    { sheet: "Notes", index: 2 },
    { sheet: "notes", index: 2 },
    { sheet: "2", index: 2 },
  ])("sheet $sheet", async ({ sheet, index }) => {
    const got = await read(calc, { format: "ods", sheet });
    expect(cellsOf(got)).toEqual([["seconde feuille"]]);
    expect(got.result.sheet).toEqual({ format: "ods", name: "Notes", index });
  });

  it("says which sheets there are when the one asked for is not", async () => {
    const got = await read(calc, { format: "ods", sheet: "Budget" });
    expect(got.problems.map((problem) => problem.messageId)).toEqual(["sheetNotFound"]);
    expect(got.problems[0]!.data.sheets).toBe("« Équipements », « Notes »");
  });

  it("a date-time keeps its time, a midnight date-time is a date", async () => {
    const bytes = libreOfficeWorkbook([
      `<table:table table:name="S">${row(text("d"))}${row('<table:table-cell office:value-type="date" office:date-value="2024-03-15T08:05:09.5"/>')}${row('<table:table-cell office:value-type="date" office:date-value="2024-03-15T00:00:00"/>')}</table:table>`,
    ]);
    expect(cellsOf(await read(bytes, { format: "ods" }))).toEqual([["d"], ["2024-03-15T08:05:09"], ["2024-03-15"]]);
  });
});

describe("hostile workbooks", () => {
  const codes = (got: Read) => got.problems.map((problem) => `${problem.code}/${problem.messageId}`);
  const withSheet = (sheetXml: string) =>
    zipParts({
      "_rels/.rels":
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      "xl/workbook.xml":
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
      "xl/_rels/workbook.xml.rels":
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      "xl/worksheets/sheet1.xml": sheetXml,
    });

  it("a zip bomb stops at the expansion ratio, partway through the sheet", async () => {
    // Half a million identical rows deflate about a thousandfold.
    const rows = '<row><c t="inlineStr"><is><t>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</t></is></c></row>'.repeat(20_000);
    const got = await read(withSheet(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`), {
      format: "xlsx",
      spreadsheetLimits: { ratioFloor: 100_000 },
    });
    expect(codes(got)).toEqual(["source-error/workbookTooLarge"]);
    expect(got.problems[0]!.data.reason).toBe("zip-bomb");
    expect(got.records.length).toBeLessThan(20_000);
  });

  it("the default limits stop 24 MB of zeros deflated into 24 KB, once past 16 MB", () => {
    const bomb = zipSync({ "xl/worksheets/sheet1.xml": [new Uint8Array(24 * 1024 * 1024), { level: 6 }] });
    const entry = readCentralDirectory(bomb).get("xl/worksheets/sheet1.xml")!;
    expect(entry.compressedSize).toBeLessThan(100_000);
    let expanded = 0;
    const inflater = new Inflater(bomb, SPREADSHEET_LIMITS);
    expect(() => inflater.entry(entry, (chunk) => (expanded += chunk.length))).toThrow(ZipError);
    // Handed on in slices of at most about 8 MB: stopped at the first slice past the floor.
    expect(expanded).toBeGreaterThan(0);
    expect(expanded).toBeLessThanOrEqual(SPREADSHEET_LIMITS.ratioFloor);
  });

  it("a workbook past the expanded-size bound is refused", async () => {
    const rows = '<row><c t="inlineStr"><is><t>abc</t></is></c></row>'.repeat(2000);
    const got = await read(withSheet(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`), {
      format: "xlsx",
      spreadsheetLimits: { maxBytes: 50_000 },
    });
    expect(codes(got)).toEqual(["source-error/workbookTooLarge"]);
  });

  it("a file past the size bound is refused before it is opened", async () => {
    const got = await read(subsidies, { format: "xlsx", spreadsheetLimits: { maxFileBytes: 1000 } });
    expect(codes(got)).toEqual(["source-error/workbookTooLarge"]);
    expect(got.result.bytes).toBe(subsidies.length);
  });

  it.each([
    {
      name: "billion laughs (internal entities)",
      xml: '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><worksheet><sheetData><row><c t="inlineStr"><is><t>&lol3;</t></is></c></row></sheetData></worksheet>',
      reason: "xml",
    },
    {
      name: "external entity (XXE)",
      xml: '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><worksheet><sheetData><row><c t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>',
      reason: "xml",
    },
    { name: "nesting past the depth bound", xml: `<worksheet><sheetData>${"<x>".repeat(100)}${"</x>".repeat(100)}</sheetData></worksheet>`, reason: "xml" },
  ])("$name is refused", async ({ xml, reason }) => {
    const got = await read(withSheet(xml), { format: "xlsx" });
    expect(codes(got)).toEqual(["source-error/xmlRefused"]);
    expect(got.problems[0]!.data.reason).toBe(reason);
    expect(got.records).toEqual([]);
  });

  it("an undeclared entity is malformed XML, never expanded", async () => {
    const got = await read(withSheet('<worksheet><sheetData><row><c t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>'), { format: "xlsx" });
    expect(codes(got)).toEqual(["source-error/unreadableWorkbook"]);
  });

  it.each([
    { name: "CSV text named .xlsx", bytes: strToU8("id;nom\n1;Stade\n"), messageId: "unreadableWorkbook" },
    { name: "a truncated workbook", bytes: subsidies.subarray(0, subsidies.length - 40), messageId: "unreadableWorkbook" },
    { name: "a zip that is no workbook", bytes: zipSync({ "photo.txt": strToU8("x") }), messageId: "unreadableWorkbook" },
    { name: "an encrypted workbook (OLE2 container)", bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), messageId: "protectedWorkbook" },
    { name: "an empty file", bytes: new Uint8Array(0), messageId: "empty" },
  ])("$name: $messageId", async ({ bytes, messageId }) => {
    const got = await read(bytes, { format: "xlsx" });
    expect(codes(got)).toEqual([`source-error/${messageId}`]);
  });

  it("an ods protected by a password is said so", async () => {
    const bytes = libreOfficeWorkbook(["<table:table/>"], '<manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="x"/>');
    const got = await read(bytes, { format: "ods" });
    expect(codes(got)).toEqual(["source-error/protectedWorkbook"]);
  });

  it("a cell reference beyond XFD is not expanded", async () => {
    const got = await read(
      withSheet('<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="ZZZZ1" t="inlineStr"><is><t>loin</t></is></c></row></sheetData></worksheet>'),
      { format: "xlsx" },
    );
    expect(cellsOf(got)).toEqual([["id"]]);
    expect(codes(got)).toEqual(["source-error/default"]);
  });

  it("a text workbook from the test helper reads back", async () => {
    const got = await read(
      textWorkbook([
        ["a", "b"],
        ["1", ""],
      ]),
      { format: "xlsx" },
    );
    expect(cellsOf(got)).toEqual([
      ["a", "b"],
      ["1", ""],
    ]);
  });
});
