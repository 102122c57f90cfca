/**
 * A reference model of Python's `csv.reader` for the property tests of conforme's parser: the
 * dialect frictionless-py uses (doublequote on, strict off, no escape character, no initial-space
 * skipping) over a file opened with `newline=""`. Written from the documentation of the `csv`
 * module (docs.python.org/3/library/csv.html, "Dialects and Formatting Parameters") and of
 * `open()` (a `newline=""` file yields lines ended by "\n", "\r" or "\r\n", untranslated), with
 * the reader's states named as in CPython's Modules/_csv.c. It trades speed for being easy to
 * check against that text: one character at a time, one line at a time.
 */
export interface PythonDialect {
  delimiter: string;
  quotechar: string;
}

/** The lines a `newline=""` file yields: each keeps its "\n", "\r" or "\r\n". */
export function pythonLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      lines.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

type State = "START_RECORD" | "START_FIELD" | "IN_FIELD" | "IN_QUOTED_FIELD" | "QUOTE_IN_QUOTED_FIELD" | "EAT_CRNL";

/**
 * The records `list(csv.reader(io.StringIO(text, newline=""), delimiter=…, quotechar=…))`
 * returns. An empty line is the record `[]`; a quoted field left open at the end of the text
 * ends the last record (strict off); `unterminated` says so.
 */
export function pythonCsv(text: string, dialect: PythonDialect): { records: string[][]; unterminated: boolean } {
  const records: string[][] = [];
  let state: State = "START_RECORD";
  let fields: string[] = [];
  let field = "";
  const save = () => {
    fields.push(field);
    field = "";
  };
  const endOfLine = Symbol("end of line");

  const step = (c: string | typeof endOfLine): void => {
    const lineBreak = c === "\n" || c === "\r";
    switch (state) {
      case "START_RECORD":
        if (c === endOfLine) return; // an empty line
        if (lineBreak) {
          state = "EAT_CRNL";
          return;
        }
        state = "START_FIELD";
      // falls through: the character starts the first field
      case "START_FIELD":
        if (c === endOfLine || lineBreak) {
          save();
          state = c === endOfLine ? "START_RECORD" : "EAT_CRNL";
        } else if (c === dialect.quotechar) state = "IN_QUOTED_FIELD";
        else if (c === dialect.delimiter) save();
        else {
          field += c;
          state = "IN_FIELD";
        }
        return;
      case "IN_FIELD":
        if (c === endOfLine || lineBreak) {
          save();
          state = c === endOfLine ? "START_RECORD" : "EAT_CRNL";
        } else if (c === dialect.delimiter) {
          save();
          state = "START_FIELD";
        } else field += c;
        return;
      case "IN_QUOTED_FIELD":
        // A line ending inside quotes is part of the field; the next line continues it.
        if (c === endOfLine) return;
        if (c === dialect.quotechar) state = "QUOTE_IN_QUOTED_FIELD";
        else field += c;
        return;
      case "QUOTE_IN_QUOTED_FIELD":
        if (c === dialect.quotechar) {
          // doublequote: "" inside a quoted field is one quote.
          field += c;
          state = "IN_QUOTED_FIELD";
        } else if (c === dialect.delimiter) {
          save();
          state = "START_FIELD";
        } else if (c === endOfLine || lineBreak) {
          save();
          state = c === endOfLine ? "START_RECORD" : "EAT_CRNL";
        } else {
          // strict off: text after the closing quote is kept and the field goes on unquoted.
          field += c;
          state = "IN_FIELD";
        }
        return;
      case "EAT_CRNL":
        // Only the rest of a line break can follow here, the line's end being "\r", "\n", "\r\n".
        if (c === endOfLine) state = "START_RECORD";
        else if (!lineBreak) throw new Error("new-line character seen in unquoted field");
        return;
    }
  };

  for (const line of pythonLines(text)) {
    for (const c of line) step(c);
    step(endOfLine);
    if (state === "START_RECORD") {
      records.push(fields);
      fields = [];
    }
  }
  // End of input inside a record: only a quoted field can be left open (every line ends with
  // an end-of-line step). The reader saves it and returns the record.
  // `state` is changed by `step`, which the compiler does not follow.
  const unterminated = (state as State) === "IN_QUOTED_FIELD";
  if (state !== "START_RECORD") {
    save();
    records.push(fields);
  }
  return { records, unterminated };
}
