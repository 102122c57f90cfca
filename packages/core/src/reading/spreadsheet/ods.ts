import { MAX_COLUMNS, MAX_ROWS, type RowAssembler } from "./rows.js";
import { canonicalNumber, odfDate, odfTime } from "./values.js";
import { attribute, xmlStream, type XmlHandler } from "./xml.js";
import { ZipError, type ZipEntry } from "./zip.js";
import { SheetNotFound, type Workbook, type WorkbookContext } from "./workbook.js";

/** Elements inside a cell whose text is not the cell's value: comments, notes, drawn shapes. */
const NOT_VALUE = new Set(["annotation", "note", "frame", "custom-shape", "rect", "line", "ellipse", "g"]);

/**
 * An OpenDocument spreadsheet (ODF 1.3 Part 3, §9.1 tables, §19.385 value types): every sheet is
 * a `table:table` of `content.xml`, read as a stream. Repeated rows and cells
 * (`table:number-rows-repeated`, `table:number-columns-repeated`) are expanded only where they
 * hold values: LibreOffice ends a sheet with a million repeated empty rows, and they cost nothing.
 * A cell's value is its typed attribute (`office:value`, `office:date-value`,
 * `office:boolean-value`, `office:time-value`) when it has one, its paragraphs' text otherwise.
 */
export function readOds(context: WorkbookContext & { sheet: string | number | undefined }): Workbook {
  const { entries } = context;
  const content = entries.get("content.xml");
  if (!content) throw new ZipError("no content.xml: not an OpenDocument spreadsheet");
  const manifest = entries.get("META-INF/manifest.xml");
  if (manifest && encrypted(context, manifest)) throw new ZipError("the spreadsheet is protected by a password", "protected");
  return {
    read(rows) {
      const wanted = (index: number, name: string): boolean => {
        if (context.sheet === undefined) return index === 0;
        if (typeof context.sheet === "number") return index === context.sheet - 1;
        return name === context.sheet;
      };
      const first = readContent(context, content, wanted, rows);
      if (first.found) return first.found;
      // No sheet of that exact name: a name up to case, or a position given as text.
      const index = context.pick(first.names);
      if (index === undefined) throw new SheetNotFound(first.names);
      const second = readContent(context, content, (at) => at === index, rows);
      return second.found ?? { name: first.names[index] ?? "", index: index + 1 };
    },
  };
}

function encrypted(context: WorkbookContext, manifest: ZipEntry): boolean {
  let found = false;
  const xml = xmlStream(
    {
      open(name) {
        if (name === "encryption-data") found = true;
      },
      close() {},
      text() {},
    },
    context.maxDepth,
  );
  context.inflater.entry(manifest, (chunk) => xml.write(chunk));
  xml.end();
  return found;
}

class Stop extends Error {}

function readContent(
  context: WorkbookContext,
  content: ZipEntry,
  wanted: (index: number, name: string) => boolean,
  rows: RowAssembler,
): { found?: { name: string; index: number }; names: string[] } {
  const names: string[] = [];
  let found: { name: string; index: number } | undefined;
  // Depth of the spreadsheet body, of the table being read (0: none), of the current cell.
  let bodyDepth = 0;
  let tableDepth = 0;
  let reading = false;
  let rowNumber = 0;
  let rowRepeat = 1;
  let values: string[] = [];
  let numbers: Set<number> | undefined;
  let column = 0;
  let cellDepth = 0;
  let cellRepeat = 1;
  let cellValue: { text: string; number?: boolean } | undefined;
  let covered = false;
  let paragraphs: string[] = [];
  let paragraph: string[] | undefined;
  let skipDepth = 0;
  let beyond = false;

  const handler: XmlHandler = {
    open(name, attributes, depth) {
      if (name === "spreadsheet" && bodyDepth === 0) {
        bodyDepth = depth;
        return;
      }
      if (bodyDepth === 0) return;
      if (name === "table" && depth === bodyDepth + 1) {
        const index = names.length;
        const tableName = attribute(attributes, "name") ?? "";
        names.push(tableName);
        tableDepth = depth;
        reading = found === undefined && wanted(index, tableName);
        if (reading) found = { name: tableName, index: index + 1 };
        rowNumber = 0;
        return;
      }
      if (!reading) return;
      if (cellDepth > 0) {
        if (skipDepth > 0 || NOT_VALUE.has(name)) {
          skipDepth++;
          return;
        }
        if ((name === "p" || name === "h") && depth === cellDepth + 1) paragraph = [];
        else if (paragraph !== undefined) {
          // Inline elements of a paragraph (ODF 1.3 Part 3 §6.1): spaces, tabs, line breaks.
          if (name === "s") paragraph.push(" ".repeat(Math.min(Math.max(1, Number(attribute(attributes, "c") ?? 1) || 1), 1024)));
          else if (name === "tab") paragraph.push("\t");
          else if (name === "line-break") paragraph.push("\n");
        }
        return;
      }
      if (name === "table-row") {
        rowRepeat = Math.max(1, Number(attribute(attributes, "number-rows-repeated") ?? 1) || 1);
        values = [];
        numbers = undefined;
        column = 0;
      } else if ((name === "table-cell" || name === "covered-table-cell") && depth > tableDepth) {
        cellDepth = depth;
        cellRepeat = Math.max(1, Number(attribute(attributes, "number-columns-repeated") ?? 1) || 1);
        covered = name === "covered-table-cell";
        cellValue = typedValue(attributes);
        paragraphs = [];
        paragraph = undefined;
      }
    },
    close(name, depth) {
      if (bodyDepth === 0) return;
      if (depth === bodyDepth) {
        bodyDepth = 0;
        return;
      }
      if (depth === tableDepth && name === "table") {
        tableDepth = 0;
        if (reading) throw new Stop();
        return;
      }
      if (!reading) return;
      if (cellDepth > 0 && depth > cellDepth) {
        if (skipDepth > 0) skipDepth--;
        else if ((name === "p" || name === "h") && depth === cellDepth + 1 && paragraph !== undefined) {
          paragraphs.push(paragraph.join(""));
          paragraph = undefined;
        }
        return;
      }
      if (cellDepth > 0 && depth === cellDepth) {
        cellDepth = 0;
        // A cell hidden under a merged one shows nothing, whatever it keeps.
        const value = covered ? { text: "" } : (cellValue ?? { text: paragraphs.join("\n") });
        if (value.text === "") {
          column += cellRepeat;
          return;
        }
        for (let k = 0; k < cellRepeat && column < MAX_COLUMNS; k++) {
          values[column] = value.text;
          if (value.number) (numbers ??= new Set()).add(column);
          column++;
        }
        if (column >= MAX_COLUMNS && !beyond) {
          beyond = true;
          rows.problem({
            code: "source-error",
            messageId: "default",
            data: { detail: `cells lie beyond column ${MAX_COLUMNS}, the widest sheet spreadsheets make; they are not read`, reason: "workbook" },
          });
        }
        return;
      }
      if (name === "table-row") {
        const first = rowNumber + 1;
        rowNumber += rowRepeat;
        if (!values.some((value) => value !== undefined && value !== "")) {
          rows.empty(first, rowRepeat);
          return;
        }
        for (let k = 0; k < rowRepeat; k++) {
          if (first + k > MAX_ROWS) throw new Stop();
          if (!rows.row({ row: first + k, values, numbers })) throw new Stop();
        }
      }
    },
    text(text) {
      if (reading && paragraph !== undefined && skipDepth === 0) paragraph.push(text);
    },
  };
  const xml = xmlStream(handler, context.maxDepth);
  try {
    context.inflater.entry(content, (chunk) => xml.write(chunk));
    xml.end();
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
  }
  return { found, names };
}

/** A cell's value from its type attributes (ODF 1.3 Part 3 §19.385-§19.389), or undefined for text. */
function typedValue(attributes: Record<string, string>): { text: string; number?: boolean } | undefined {
  const type = attribute(attributes, "value-type");
  switch (type) {
    case "float":
    case "percentage":
    case "currency": {
      const value = attribute(attributes, "value");
      return value === undefined ? undefined : { text: canonicalNumber(value), number: true };
    }
    case "date": {
      const value = attribute(attributes, "date-value");
      return value === undefined ? undefined : { text: odfDate(value) };
    }
    case "time": {
      const value = attribute(attributes, "time-value");
      const time = value === undefined ? undefined : odfTime(value);
      return time === undefined ? undefined : { text: time };
    }
    case "boolean": {
      const value = attribute(attributes, "boolean-value");
      return value === undefined ? undefined : { text: value === "true" ? "true" : "false" };
    }
    default:
      return undefined;
  }
}
