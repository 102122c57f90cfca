import { strToU8, zipSync, type Zippable } from "fflate";
import { canonicalNumber, columnName } from "./values.js";

/**
 * Workbooks for tests, built from XML parts as Excel and LibreOffice write them: the parts are
 * given as text, and these helpers add the packaging every such file has.
 */
export function zipParts(parts: Record<string, string | Uint8Array>, level: 0 | 6 = 6): Uint8Array {
  const files: Zippable = {};
  for (const [name, content] of Object.entries(parts)) files[name] = [typeof content === "string" ? strToU8(content) : content, { level }];
  return zipSync(files);
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export interface ExcelParts {
  /** Sheets in tab order: name and the `sheetData` content (rows). */
  sheets: Array<{ name: string; rows: string; state?: "hidden"; after?: string }>;
  /** `si` elements of the shared string table. */
  sharedStrings?: string[];
  /** `numFmt` elements and `xf` elements of `cellXfs` (the first one is the default style). */
  numFmts?: string[];
  cellXfs?: string[];
  date1904?: boolean;
}

/** An xlsx as Excel 365 writes it: content types, relationships, workbook, styles, shared strings, sheets. */
export function excelWorkbook(parts: ExcelParts): Uint8Array {
  const sheetRels = parts.sheets.map((_, k) => `<Relationship Id="rId${k + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${k + 1}.xml"/>`);
  const n = parts.sheets.length;
  const files: Record<string, string> = {
    "[Content_Types].xml": `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
    "_rels/.rels": `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x15"><fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27328"/><workbookPr${parts.date1904 ? ' date1904="1"' : ""} defaultThemeVersion="202300"/><bookViews><workbookView xWindow="-120" yWindow="-120" windowWidth="29040" windowHeight="15720"/></bookViews><sheets>${parts.sheets
      .map((sheet, k) => `<sheet name="${escapeXml(sheet.name)}" sheetId="${k + 1}"${sheet.state ? ` state="${sheet.state}"` : ""} r:id="rId${k + 1}"/>`)
      .join("")}</sheets><calcPr calcId="191029"/></workbook>`,
    "xl/_rels/workbook.xml.rels": `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheetRels.join("")}<Relationship Id="rId${n + 1}" Type="${REL}/theme" Target="theme/theme1.xml"/><Relationship Id="rId${n + 2}" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId${n + 3}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    "xl/theme/theme1.xml": `${XML}<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office Theme"/>`,
    "xl/styles.xml": `${XML}<styleSheet xmlns="${MAIN}">${parts.numFmts?.length ? `<numFmts count="${parts.numFmts.length}">${parts.numFmts.join("")}</numFmts>` : ""}<fonts count="1"><font><sz val="11"/><name val="Aptos Narrow"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${1 + (parts.cellXfs?.length ?? 0)}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>${(parts.cellXfs ?? []).join("")}</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`,
    "xl/sharedStrings.xml": `${XML}<sst xmlns="${MAIN}" count="${parts.sharedStrings?.length ?? 0}" uniqueCount="${parts.sharedStrings?.length ?? 0}">${(parts.sharedStrings ?? []).join("")}</sst>`,
  };
  parts.sheets.forEach((sheet, k) => {
    files[`xl/worksheets/sheet${k + 1}.xml`] =
      `${XML}<worksheet xmlns="${MAIN}" xmlns:r="${REL}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac xr xr2 xr3" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"><dimension ref="A1"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/><sheetData>${sheet.rows}</sheetData>${sheet.after ?? ""}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
  });
  return zipParts(files);
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * An xlsx holding a table of text, as Excel saves a CSV it opened with every column formatted as
 * text: each cell a shared string (`t="s"`), empty cells left out of the XML.
 */
export function textWorkbook(rows: string[][], sheetName = "Feuil1"): Uint8Array {
  return rowsWorkbook(rows, sheetName, false);
}

const ODS_NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"';

/**
 * An ods as LibreOffice Calc writes it: `mimetype` first and stored, the manifest, and
 * `content.xml` with the given `table:table` elements.
 */
export function libreOfficeWorkbook(tables: string[], manifestExtra = ""): Uint8Array {
  const content = `<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content ${ODS_NS} office:version="1.3"><office:scripts/><office:font-face-decls/><office:automatic-styles><style:style style:name="co1" style:family="table-column"/></office:automatic-styles><office:body><office:spreadsheet><table:calculation-settings table:automatic-find-labels="false"/>${tables.join("")}<table:named-expressions/></office:spreadsheet></office:body></office:document-content>`;
  const manifest = `<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"${manifestExtra ? `>${manifestExtra}</manifest:file-entry>` : "/>"}</manifest:manifest>`;
  const files: Zippable = {
    mimetype: [strToU8("application/vnd.oasis.opendocument.spreadsheet"), { level: 0 }],
    "content.xml": [strToU8(content), { level: 6 }],
    "META-INF/manifest.xml": [strToU8(manifest), { level: 6 }],
  };
  return zipSync(files);
}

const SERIAL_EPOCH = Date.UTC(1899, 11, 30);
const NUMBER = /^-?(?:[1-9]\d*|0)(?:\.\d+)?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** How Excel stores a typed value: a number, a date (serial, style 1 = format 14) or text. */
function excelCell(value: string): { kind: "number"; v: string } | { kind: "date"; v: string } | { kind: "text" } {
  // Only numbers a number cell gives back as they are: codes with a leading zero, digits past the
  // 15th and decimals with trailing zeros (32402138500000.0) stay text, as a careful producer keeps them.
  if (NUMBER.test(value) && canonicalNumber(value) === value) return { kind: "number", v: value };
  if (ISO_DATE.test(value) && value >= "1900-03-01") return { kind: "date", v: String((Date.parse(`${value}T00:00:00Z`) - SERIAL_EPOCH) / 86_400_000) };
  return { kind: "text" };
}

/**
 * The xlsx Excel saves after opening a CSV and letting it type the columns: numbers as number
 * cells, ISO dates as date serials with format 14, the rest as shared strings; codes with a
 * leading zero and long digit strings kept as text.
 */
export function typedWorkbook(rows: string[][], sheetName = "Feuil1"): Uint8Array {
  return rowsWorkbook(rows, sheetName, true);
}

function rowsWorkbook(rows: string[][], sheetName: string, typed: boolean): Uint8Array {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const xmlRows = rows
    .map((row, r) => {
      const cells = row
        .map((value, c) => {
          if (value === "") return "";
          const ref = `${columnName(c + 1)}${r + 1}`;
          const cell = typed && r > 0 ? excelCell(value) : ({ kind: "text" } as const);
          if (cell.kind === "number") return `<c r="${ref}"><v>${cell.v}</v></c>`;
          if (cell.kind === "date") return `<c r="${ref}" s="1"><v>${cell.v}</v></c>`;
          let at = index.get(value);
          if (at === undefined) {
            at = strings.length;
            index.set(value, at);
            strings.push(`<si><t xml:space="preserve">${escapeXml(value)}</t></si>`);
          }
          return `<c r="${ref}" t="s"><v>${at}</v></c>`;
        })
        .join("");
      return `<row r="${r + 1}" spans="1:${row.length}">${cells}</row>`;
    })
    .join("");
  return excelWorkbook({
    sheets: [{ name: sheetName, rows: xmlRows }],
    sharedStrings: strings,
    cellXfs: ['<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'],
  });
}

/** The same table as LibreOffice Calc saves it typed: floats, dates and strings, then its repeated empty rows. */
export function typedOds(rows: string[][], sheetName = "Feuille1"): Uint8Array {
  const width = Math.max(...rows.map((row) => row.length));
  const xmlRows = rows.map((row, r) => {
    const cells = row.map((value) => {
      if (value === "") return "<table:table-cell/>";
      const typed = r === 0 ? ({ kind: "text" } as const) : excelCell(value);
      if (typed.kind === "number")
        return `<table:table-cell office:value-type="float" office:value="${value}" calcext:value-type="float"><text:p>${value.replace(".", ",")}</text:p></table:table-cell>`;
      if (typed.kind === "date")
        return `<table:table-cell office:value-type="date" office:date-value="${value}" calcext:value-type="date"><text:p>${value.split("-").reverse().join("/")}</text:p></table:table-cell>`;
      return `<table:table-cell office:value-type="string" calcext:value-type="string"><text:p>${escapeXml(value)}</text:p></table:table-cell>`;
    });
    return `<table:table-row table:style-name="ro1">${cells.join("")}<table:table-cell table:number-columns-repeated="${1024 - row.length}"/></table:table-row>`;
  });
  return libreOfficeWorkbook([
    `<table:table table:name="${escapeXml(sheetName)}" table:style-name="ta1"><table:table-column table:style-name="co1" table:number-columns-repeated="${width}" table:default-cell-style-name="Default"/>${xmlRows.join("")}<table:table-row table:style-name="ro1" table:number-rows-repeated="${1048576 - rows.length}"><table:table-cell table:number-columns-repeated="1024"/></table:table-row></table:table>`,
  ]);
}
