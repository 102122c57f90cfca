import {
  createValidator,
  FieldError,
  FindingFactory,
  fixTable,
  loadTableSchema,
  SchemaLoadError,
  tableFormatOf,
  type ByteFile,
  type FixResult,
  type GivenSchema,
  type Lang,
} from "@conforme/core/internal";

/** A corrected copy of one dropped file, as the page lists it and offers it for download. */
export interface FixedCopy {
  /** The dropped file's name. */
  file: string;
  /** Name offered for the download: see {@link fixedName}. */
  name: string;
  /** The copy, UTF-8 CSV; undefined when the source cannot be copied faithfully (see `problems`). */
  bytes?: Uint8Array;
  /** Core's result: changes (personal values masked), summary, notes. */
  result: FixResult;
  /** Why no copy was made, in the page's language. */
  problems: string[];
  /** Errors `lint` still finds in the copy (the schema and its custom checks, personal data aside), as `conforme fix` counts them. */
  remainingErrors?: number;
}

export interface FixedCopyOptions {
  lang: Lang;
  /**
   * Replaces each value the personal-data check finds by its mask: only when the user ticks the
   * page's box (`conforme fix --mask-personal` in the CLI). Never by default: fixing a file is
   * not anonymising it, and a silent mask would spoil data one may publish (docs/fix.md).
   */
  maskPersonal: boolean;
}

/**
 * `subventions.csv` → `subventions-corrige.csv`: the source's name with its extension replaced,
 * so that the copy lands beside the original in the downloads folder without replacing it. A
 * spreadsheet's copy is a CSV too (`budget.xlsx` → `budget-corrige.csv`).
 */
export function fixedName(name: string): string {
  const base = name.replace(/\.[^./\\]{1,5}$/, "");
  return `${base === "" ? "fichier" : base}-corrige.csv`;
}

/**
 * The page's `conforme fix`: core's `fixTable` over the bytes of a dropped file, driven by the
 * schema chosen in the form. Throws, with a message in the page's language, when the schema
 * cannot drive validation (the validation's run error says the same above).
 */
export async function fixedCopy(file: ByteFile, given: GivenSchema, options: FixedCopyOptions): Promise<FixedCopy> {
  const { lang } = options;
  let schema;
  try {
    schema = loadTableSchema(given.json, given.source).schema;
    // Compiles the fields, so that a schema unfit for validation fails here rather than halfway.
    createValidator(schema, { customChecks: false });
  } catch (error) {
    throw new Error(schemaError(error, lang), { cause: error });
  }
  const result = await fixTable(streamOf(file.bytes), schema, {
    name: file.name,
    format: tableFormatOf(file.name),
    ...(options.maskPersonal && { maskPersonal: "value" as const }),
  });
  const copy: FixedCopy = { file: file.name, name: fixedName(file.name), result, problems: problemMessages(result, lang) };
  if (result.text === undefined) return copy;
  copy.bytes = new TextEncoder().encode(result.text);
  const report = await createValidator(schema, { maxErrors: 0, lang }).validate(streamOf(copy.bytes), { name: copy.name });
  copy.remainingErrors = report.stats.errors;
  return copy;
}

function schemaError(error: unknown, lang: Lang): string {
  if (error instanceof SchemaLoadError) return error.messages[lang];
  if (error instanceof FieldError) return `${error.property} : ${error.detail[lang]}`;
  return error instanceof Error ? error.message : String(error);
}

/** What prevented a faithful copy, said as the finding `lint` gives for it. */
function problemMessages(result: FixResult, lang: Lang): string[] {
  const factory = new FindingFactory(lang);
  return result.problems.map((problem) => {
    const finding = factory.make(
      problem.code,
      { rowNumber: problem.rowNumber, line: problem.line, fieldNumber: problem.fieldNumber, messageId: problem.messageId, data: problem.data },
      result.file,
    );
    return finding?.message ?? problem.code;
  });
}

function streamOf(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  return (async function* () {
    yield bytes;
  })();
}
