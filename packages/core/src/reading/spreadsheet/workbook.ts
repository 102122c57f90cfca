import type { RowAssembler } from "./rows.js";
import type { Inflater, ZipEntry } from "./zip.js";

/** What a format reader needs: the archive's entries, the inflater that bounds them, the sheet wanted. */
export interface WorkbookContext {
  entries: Map<string, ZipEntry>;
  inflater: Inflater;
  maxDepth: number;
  /** The 0-based index of the sheet to read among the names, or undefined when none matches. */
  pick(names: readonly string[]): number | undefined;
}

/** A workbook opened: `read` streams the chosen sheet's rows and says which sheet it was (1-based index). */
export interface Workbook {
  read(rows: RowAssembler): { name: string; index: number };
}

/** The sheet asked for is not in the workbook; `sheets` lists those that are. */
export class SheetNotFound extends Error {
  constructor(readonly sheets: string[]) {
    super("sheet not found");
  }
}

/**
 * The sheet a `sheet` option names: a number is a 1-based position; a string is a sheet name,
 * or, when no sheet has that name and it is digits, a position (`--sheet 2`). Without one, the
 * first sheet, as a spreadsheet opens.
 */
export function sheetPicker(sheet: string | number | undefined): (names: readonly string[]) => number | undefined {
  return (names) => {
    if (sheet === undefined) return names.length > 0 ? 0 : undefined;
    if (typeof sheet === "string") {
      const exact = names.indexOf(sheet);
      if (exact >= 0) return exact;
      const folded = names.findIndex((name) => name.trim().toLowerCase() === sheet.trim().toLowerCase());
      if (folded >= 0) return folded;
      if (!/^\d+$/.test(sheet.trim())) return undefined;
    }
    const position = Number(sheet);
    return Number.isInteger(position) && position >= 1 && position <= names.length ? position - 1 : undefined;
  };
}
