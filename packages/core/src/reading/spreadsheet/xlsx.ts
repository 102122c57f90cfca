import { MAX_COLUMNS, MAX_ROWS, type RowAssembler } from "./rows.js";
import { xmlStream, type XmlHandler } from "./xml.js";
import { builtInDateKind, canonicalNumber, columnNumber, excelSerialToIso, formatDateKind, odfDate, unescapeXstring, zeroPaddingWidth, type DateKind } from "./values.js";
import { ZipError, type Inflater, type ZipEntry } from "./zip.js";
import { SheetNotFound, type Workbook, type WorkbookContext } from "./workbook.js";

interface SheetInfo {
  name: string;
  relationship: string;
}

interface CellStyle {
  date?: DateKind;
  /** Width of a zeros-only format (`00000`). */
  pad?: number;
}

/**
 * An Office Open XML workbook (ECMA-376 Part 1, SpreadsheetML): the workbook part lists the
 * sheets in tab order, its relationships name their parts, the shared strings and the styles'
 * number formats give cells their text and their dates. Only the chosen sheet's part is read,
 * and it is streamed row by row; the shared strings are held in memory, as every reader does.
 */
export function readXlsx(context: WorkbookContext): Workbook {
  const { entries, inflater } = context;
  const rootRels = entries.get("_rels/.rels");
  const workbookPath = (rootRels && officeDocument(relationships(inflater, rootRels, ""))) ?? "xl/workbook.xml";
  const workbookEntry = entries.get(workbookPath);
  if (!workbookEntry) throw new ZipError(`no workbook part (${workbookPath}): not an xlsx workbook`);
  const base = workbookPath.slice(0, workbookPath.lastIndexOf("/") + 1);
  const relsEntry = entries.get(`${base}_rels/${workbookPath.slice(base.length)}.rels`);
  const rels = relsEntry ? relationships(inflater, relsEntry, base) : new Map<string, { type: string; target: string }>();

  const sheets: SheetInfo[] = [];
  let date1904 = false;
  readPart(inflater, workbookEntry, context.maxDepth, {
    open(name, attributes) {
      if (name === "workbookPr") date1904 = isTrue(attributes.date1904);
      else if (name === "sheet") sheets.push({ name: attributes.name ?? "", relationship: relationshipId(attributes) ?? "" });
    },
    close() {},
    text() {},
  });
  const names = sheets.map((sheet) => sheet.name);
  const index = context.pick(names);
  if (index === undefined) throw new SheetNotFound(names);
  const chosen = sheets[index]!;
  const target = rels.get(chosen.relationship);
  const sheetEntry = target ? entries.get(target.target) : undefined;
  if (!target || !sheetEntry) throw new ZipError(`the part of sheet "${chosen.name}" is missing`);
  if (!/\/worksheet$/.test(target.type)) throw new ZipError(`sheet "${chosen.name}" is a chart or dialog sheet, not a worksheet`);

  let sharedStrings: string[] = [];
  let styles: CellStyle[] = [];
  for (const { type, target: part } of rels.values()) {
    const entry = entries.get(part);
    if (!entry) continue;
    if (/\/sharedStrings$/.test(type)) sharedStrings = readSharedStrings(inflater, entry, context.maxDepth);
    else if (/\/styles$/.test(type)) styles = readStyles(inflater, entry, context.maxDepth);
  }
  return {
    read: (rows) => {
      readSheet(inflater, sheetEntry, context.maxDepth, { sharedStrings, styles, date1904 }, rows);
      return { name: chosen.name, index: index + 1 };
    },
  };
}

function isTrue(value: string | undefined): boolean {
  return value === "1" || value === "true";
}

function relationshipId(attributes: Record<string, string>): string | undefined {
  // `r:id`, whatever the prefix bound to the relationships namespace.
  for (const name in attributes) if (name.endsWith(":id")) return attributes[name];
  return undefined;
}

function readPart(inflater: Inflater, entry: ZipEntry, maxDepth: number, handler: XmlHandler): void {
  const xml = xmlStream(handler, maxDepth);
  inflater.entry(entry, (chunk) => xml.write(chunk));
  xml.end();
}

/** Relationships of a part (ECMA-376 Part 2 §9.3), targets resolved against the part's folder. */
function relationships(inflater: Inflater, entry: ZipEntry, base: string): Map<string, { type: string; target: string }> {
  const found = new Map<string, { type: string; target: string }>();
  readPart(inflater, entry, 8, {
    open(name, attributes) {
      if (name !== "Relationship" || attributes.TargetMode === "External") return;
      const id = attributes.Id;
      const target = attributes.Target;
      if (id === undefined || target === undefined) return;
      found.set(id, { type: attributes.Type ?? "", target: resolvePart(base, target) });
    },
    close() {},
    text() {},
  });
  return found;
}

function officeDocument(rels: Map<string, { type: string; target: string }>): string | undefined {
  for (const { type, target } of rels.values()) if (/\/officeDocument$/.test(type)) return target;
  return undefined;
}

function resolvePart(base: string, target: string): string {
  const parts = (target.startsWith("/") ? target.slice(1) : base + target).split("/");
  const out: string[] = [];
  for (const part of parts) {
    if (part === "..") out.pop();
    else if (part !== "." && part !== "") out.push(part);
  }
  return out.join("/");
}

/**
 * The shared string table (§18.4): each `si` is a plain `t` or rich text runs `r/t`, whose texts
 * join; phonetic runs (`rPh`, furigana) are not part of the value.
 */
function readSharedStrings(inflater: Inflater, entry: ZipEntry, maxDepth: number): string[] {
  const strings: string[] = [];
  let current: string[] | undefined;
  let inText = false;
  let phonetic = 0;
  readPart(inflater, entry, maxDepth, {
    open(name) {
      if (name === "si") current = [];
      else if (name === "rPh") phonetic++;
      else if (name === "t" && phonetic === 0) inText = current !== undefined;
    },
    close(name) {
      if (name === "si" && current) {
        strings.push(unescapeXstring(current.join("")));
        current = undefined;
      } else if (name === "rPh") phonetic--;
      else if (name === "t") inText = false;
    },
    text(text) {
      if (inText) current!.push(text);
    },
  });
  return strings;
}

/**
 * Number formats by cell style (§18.8): `cellXfs/xf[i]@numFmtId` is the format of the cells whose
 * `s` is i, a built-in id or one of `numFmts`. Only what changes a value's text is kept: dates,
 * times, zero padding.
 */
function readStyles(inflater: Inflater, entry: ZipEntry, maxDepth: number): CellStyle[] {
  const custom = new Map<number, string>();
  const formats: number[] = [];
  let inCellXfs = false;
  readPart(inflater, entry, maxDepth, {
    open(name, attributes, depth) {
      if (name === "numFmt") custom.set(Number(attributes.numFmtId), attributes.formatCode ?? "");
      else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs && depth === 3) formats.push(Number(attributes.numFmtId ?? 0));
    },
    close(name) {
      if (name === "cellXfs") inCellXfs = false;
    },
    text() {},
  });
  return formats.map((id) => {
    const code = custom.get(id);
    if (code !== undefined) {
      const date = formatDateKind(code);
      const pad = date ? undefined : zeroPaddingWidth(code);
      return { ...(date && { date }), ...(pad && { pad }) };
    }
    const date = builtInDateKind(id);
    return date ? { date } : {};
  });
}

interface SheetContext {
  sharedStrings: string[];
  styles: CellStyle[];
  date1904: boolean;
}

/** Stops the XML stream once the sink has what it wants. */
class Stop extends Error {}

/** The worksheet part (§18.3): `sheetData/row/c`, each cell's `r`, type `t`, style `s`, value `v` or inline `is`. */
function readSheet(inflater: Inflater, entry: ZipEntry, maxDepth: number, context: SheetContext, rows: RowAssembler): void {
  let rowNumber = 0;
  let values: string[] = [];
  let numbers: Set<number> | undefined;
  let column = 0;
  let type = "n";
  let style = 0;
  let text: string[] = [];
  // Collecting the text of `v`, of an inline string's `t`, or nothing.
  let collecting = false;
  let inInline = false;
  let phonetic = 0;
  let beyond = false;
  const handler: XmlHandler = {
    open(name, attributes) {
      switch (name) {
        case "row": {
          const r = Number(attributes.r);
          const next = Number.isInteger(r) && r > rowNumber ? r : rowNumber + 1;
          // Rows left out of the XML are empty rows.
          if (next > rowNumber + 1) rows.empty(rowNumber + 1, Math.min(next, MAX_ROWS + 1) - rowNumber - 1);
          rowNumber = next;
          values = [];
          numbers = undefined;
          column = 0;
          break;
        }
        case "c": {
          const reference = attributes.r;
          const at = reference === undefined ? undefined : columnNumber(reference);
          column = at !== undefined && at > column ? at : column + 1;
          type = attributes.t ?? "n";
          style = Number(attributes.s ?? 0);
          text = [];
          break;
        }
        case "v":
          collecting = true;
          break;
        case "is":
          inInline = true;
          break;
        case "rPh":
          phonetic++;
          break;
        case "t":
          if (inInline && phonetic === 0) collecting = true;
          break;
      }
    },
    close(name) {
      switch (name) {
        case "v":
        case "t":
          collecting = false;
          break;
        case "is":
          inInline = false;
          break;
        case "rPh":
          phonetic--;
          break;
        case "c": {
          if (column > MAX_COLUMNS || rowNumber > MAX_ROWS) {
            if (!beyond && text.join("") !== "") {
              beyond = true;
              rows.problem({
                code: "source-error",
                messageId: "default",
                data: { detail: `a cell lies beyond XFD${MAX_ROWS}, the largest sheet spreadsheets make; it is not read`, reason: "workbook" },
              });
            }
            break;
          }
          const raw = text.join("");
          const value = cellText(raw, type, context.styles[style], context);
          if (value.number) (numbers ??= new Set()).add(column - 1);
          values[column - 1] = value.text;
          break;
        }
        case "row":
          if (rowNumber > MAX_ROWS) throw new Stop();
          if (!rows.row({ row: rowNumber, values, numbers })) throw new Stop();
          break;
      }
    },
    text(chunk) {
      if (collecting) text.push(chunk);
    },
  };
  const xml = xmlStream(handler, maxDepth);
  try {
    inflater.entry(entry, (chunk) => xml.write(chunk));
    xml.end();
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
  }
}

function cellText(raw: string, type: string, style: CellStyle | undefined, context: SheetContext): { text: string; number?: boolean } {
  switch (type) {
    case "s": {
      const index = Number(raw);
      return { text: Number.isInteger(index) ? (context.sharedStrings[index] ?? "") : "" };
    }
    case "str":
    case "inlineStr":
      return { text: unescapeXstring(raw) };
    case "b":
      return { text: raw.trim() === "1" || raw.trim() === "true" ? "true" : raw.trim() === "" ? "" : "false" };
    case "e":
      return { text: raw };
    case "d":
      return { text: odfDate(raw) };
    default: {
      if (raw.trim() === "") return { text: "" };
      if (style?.date) {
        const iso = excelSerialToIso(Number(raw), style.date, context.date1904);
        if (iso !== undefined) return { text: iso };
      }
      const text = canonicalNumber(raw);
      if (style?.pad && /^\d+$/.test(text) && text.length < style.pad) return { text: text.padStart(style.pad, "0") };
      return { text, number: true };
    }
  }
}
