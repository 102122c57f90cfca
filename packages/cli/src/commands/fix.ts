import { createReadStream } from "node:fs";
import { constants, copyFile, writeFile } from "node:fs/promises";
import path from "node:path";
import {
  createValidator,
  FieldError,
  FindingFactory,
  fixKindText,
  fixTable,
  loadTableSchema,
  ResolveError,
  SchemaLoadError,
  tableFormatOf,
  terminalText,
  VERSION,
  type FixChange,
  type FixResult,
  type Lang,
  type TableSchema,
} from "@conforme/core/internal";
import { resolveSchemaRef, type ResolvedSchema } from "@conforme/core/internal/node";
import { choiceOption, parseCommandArgs, UsageError, type Io } from "../io.js";

const HELP = `Usage : conforme fix <fichier> --schema <réf> -o <copie.csv>
        conforme fix <fichiers...> --schema <réf> --write
        conforme fix <fichiers...> --schema <réf> --dry-run

Écrit une copie corrigée d'un fichier CSV, ou en CSV celle d'une feuille de classeur XLSX ou
ODS : seul ce qui est mécanique et certain est corrigé
(encodage en UTF-8, séparateur virgule, fins de ligne, BOM, noms et ordre des colonnes du
schéma, dates françaises, virgules décimales, booléens et valeurs de liste du schéma, espaces,
zéros du début des codes, notation scientifique exacte). Chaque modification est listée
(ligne, colonne, avant → après, données personnelles masquées). Détails : docs/fix.md.

Options :
  --schema <réf>           schéma : chemin local, URL https, ou identifiant schema.data.gouv.fr
                           (obligatoire) ; un datapackage.json donne à chaque fichier le schéma
                           de la ressource dont il est le chemin (path)
  -o, --output <fichier>   écrit la copie corrigée dans ce fichier (un seul fichier en entrée)
  --write                  corrige le fichier lui-même ; l'original est gardé à côté
                           (fichier.csv.bak, ou .bak.2, .bak.3... si le nom est pris)
  --dry-run                n'écrit rien : liste les modifications qui seraient faites
  -f, --format <nom>       text (défaut) ou json : liste des modifications
  --line-ending <lf|crlf>  fins de ligne de la copie (défaut : lf ; crlf : celles de la RFC 4180)
  --mask-personal[=mode]   masque aussi les données personnelles détectées (mode value, par
                           défaut) ou retire leurs colonnes (mode column). Sans cette option,
                           aucune donnée personnelle n'est modifiée.
  --sheet <nom|n>          feuille lue dans les classeurs XLSX/ODS : son nom ou son numéro à
                           partir de 1 (défaut : la première) ; un classeur se corrige en copie
                           CSV (-o), jamais en place
  --encoding <nom>         force l'encodage de lecture (utf-8, windows-1252, iso-8859-1)
  --lang <fr|en>           langue des messages (défaut : fr)
  --offline                n'utilise que le cache des schémas, sans réseau
  --catalog-url <url>      catalogue des schémas (défaut : https://schema.data.gouv.fr/schemas.json)
  --cache-dir <dossier>    dossier du cache des schémas téléchargés
  -h, --help               affiche cette aide

Exemples :
  conforme fix subventions.csv --schema scdl/subventions -o subventions-corrigees.csv
  conforme fix donnees/*.csv --schema ./schema.json --write
  conforme fix subventions.csv --schema scdl/subventions --dry-run --format json
  conforme fix subventions.xlsx --sheet "Données 2024" --schema scdl/subventions -o subventions.csv

Codes de sortie (comme eslint --fix et prettier --check) :
  0  le fichier corrigé ne contient plus aucune erreur ; avec --dry-run : rien à corriger
  1  des erreurs restent à corriger à la main (conforme lint les détaille) ;
     avec --dry-run : des modifications seraient faites
  2  exécution impossible (option, schéma, fichier illisible ou qui ne peut être recopié fidèlement)
`;

/** Changes printed one per line in text format; the JSON format lists them all. */
const LISTED_CHANGES = 100;

export async function fixCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs("fix", args.map(bareMaskPersonal), {
    schema: { type: "string" },
    output: { type: "string", short: "o" },
    write: { type: "boolean" },
    "dry-run": { type: "boolean" },
    format: { type: "string", short: "f" },
    "line-ending": { type: "string" },
    "mask-personal": { type: "string" },
    sheet: { type: "string" },
    encoding: { type: "string" },
    lang: { type: "string" },
    offline: { type: "boolean" },
    "catalog-url": { type: "string" },
    "cache-dir": { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    io.stdout.write(HELP);
    return 0;
  }
  const lang = choiceOption("lang", values.lang, ["fr", "en"] as const, "fr");
  const format = choiceOption("format", values.format, ["text", "json"] as const, "text");
  const lineEnding = choiceOption("line-ending", values["line-ending"], ["lf", "crlf"] as const, "lf") === "crlf" ? "\r\n" : "\n";
  const maskPersonal = values["mask-personal"] === undefined ? false : choiceOption("mask-personal", values["mask-personal"], ["value", "column"] as const, "value");
  const modes = [values.output !== undefined, values.write === true, values["dry-run"] === true].filter(Boolean).length;
  if (modes !== 1) throw new UsageError("choisissez une sortie : « -o copie.csv », « --write » (le fichier lui-même, avec une sauvegarde) ou « --dry-run » (rien n'est écrit).");
  if (positionals.length === 0) throw new UsageError("indiquez le fichier à corriger.");
  if (values.output !== undefined && positionals.length > 1) throw new UsageError("-o n'accepte qu'un fichier en entrée ; pour plusieurs fichiers, utilisez --write ou --dry-run.");
  if (values.schema === undefined) throw new UsageError("indiquez le schéma, par exemple « --schema scdl/subventions » ou « --schema ./schema.json ».");

  const resolveOptions = { offline: values.offline, catalogUrl: values["catalog-url"], cacheDir: values["cache-dir"] };
  let resolved: ResolvedSchema;
  try {
    resolved = await resolveSchemaRef(values.schema, { ...resolveOptions, cwd: io.cwd });
  } catch (error) {
    io.stderr.write(`conforme fix : ${schemaError(error, lang)}\n`);
    return 2;
  }
  // A data package gives each of its resources its own schema: the one of the file fixed.
  const resources = packageResources(resolved.json);
  const schemaFor = async (file: string): Promise<TableSchema> => {
    let json = resolved.json;
    let source = resolved.source;
    if (resources) {
      const resource = resources.find((candidate) => typeof candidate.path === "string" && path.resolve(resolved.base, candidate.path) === file);
      if (!resource) {
        throw new Error(lang === "fr" ? `aucune ressource de ${values.schema} n'a ce fichier pour chemin (path)` : `no resource of ${values.schema} has this file as its path`);
      }
      if (typeof resource.schema === "string") {
        const inner = await resolveSchemaRef(resource.schema, { ...resolveOptions, cwd: resolved.base });
        json = inner.json;
        source = inner.source;
      } else {
        json = resource.schema;
      }
    }
    const schema = loadTableSchema(json, source).schema;
    // Compiles the fields, so that a schema unfit for validation fails before the file is read.
    createValidator(schema, { customChecks: false });
    return schema;
  };
  let single: TableSchema | undefined;
  if (!resources) {
    try {
      single = await schemaFor("");
    } catch (error) {
      io.stderr.write(`conforme fix : ${schemaError(error, lang)}\n`);
      return 2;
    }
  }

  const outputs: FileOutcome[] = [];
  let code = 0;
  for (const input of positionals) {
    const file = path.resolve(io.cwd, input);
    const name = path.relative(io.cwd, file) || input;
    const target = values.output !== undefined ? path.resolve(io.cwd, values.output) : values.write ? file : undefined;
    if (target !== undefined && values.output !== undefined && target === file) {
      throw new UsageError("-o désigne le fichier d'entrée : pour le corriger lui-même, utilisez --write (qui en garde une sauvegarde).");
    }
    const tableFormat = tableFormatOf(file);
    // The fixed copy is CSV text: written over a workbook, it would destroy its other sheets and styles.
    if (values.write && tableFormat !== "csv") {
      throw new UsageError(
        `${name} est un classeur ${tableFormat.toUpperCase()} : --write ne peut le remplacer par du CSV ; écrivez la copie corrigée à côté avec « -o copie.csv ».`,
      );
    }
    let schema: TableSchema;
    try {
      schema = single ?? (await schemaFor(file));
    } catch (error) {
      io.stderr.write(`conforme fix : ${name} : ${schemaError(error, lang)}\n`);
      code = 2;
      continue;
    }
    let result: FixResult;
    try {
      result = await fixTable(createReadStream(file), schema, { name, encoding: values.encoding, format: tableFormat, sheet: values.sheet, lineEnding, maskPersonal });
    } catch (error) {
      io.stderr.write(`conforme fix : ${name} : ${error instanceof Error ? error.message : String(error)}\n`);
      code = 2;
      continue;
    }
    const outcome: FileOutcome = { result, problems: problemMessages(result, lang) };
    outputs.push(outcome);
    if (result.text === undefined) {
      code = 2;
      continue;
    }
    const remaining = await errorsIn(result.text, schema, name);
    outcome.remainingErrors = remaining;
    if (values["dry-run"]) {
      if (result.changed) code = Math.max(code, 1);
      continue;
    }
    if (remaining > 0) code = Math.max(code, 1);
    // In place, a file with nothing to fix is left untouched, without a backup.
    if (values.write && !result.changed) continue;
    if (values.write) outcome.backup = path.relative(io.cwd, await backUp(file));
    await writeFile(target!, result.text);
    outcome.output = path.relative(io.cwd, target!) || target!;
  }

  if (format === "json") {
    io.stdout.write(`${JSON.stringify({ tool: "conforme", version: VERSION, dryRun: values["dry-run"] === true, files: outputs.map(jsonOf) }, null, 2)}\n`);
  } else {
    io.stdout.write(outputs.map((outcome) => textOf(outcome, lang, values["dry-run"] === true, values.schema!)).join("\n"));
  }
  for (const outcome of outputs) {
    for (const message of outcome.problems) io.stderr.write(`conforme fix : ${outcome.result.file} : ${message}\n`);
  }
  return code;
}

interface FileOutcome {
  result: FixResult;
  problems: string[];
  output?: string;
  backup?: string;
  remainingErrors?: number;
}

/** The resources of a Data Package descriptor, or undefined for a Table Schema. */
function packageResources(json: unknown): { path?: unknown; schema?: unknown }[] | undefined {
  if (typeof json !== "object" || json === null || !("resources" in json) || "fields" in json) return undefined;
  const resources = (json as { resources: unknown }).resources;
  return Array.isArray(resources) ? resources.filter((resource): resource is { path?: unknown; schema?: unknown } => typeof resource === "object" && resource !== null) : undefined;
}

/** `--mask-personal` alone means `--mask-personal=value` (parseArgs wants a value for a string option). */
function bareMaskPersonal(arg: string): string {
  return arg === "--mask-personal" ? "--mask-personal=value" : arg;
}

function schemaError(error: unknown, lang: Lang): string {
  if (error instanceof ResolveError || error instanceof SchemaLoadError) return error.messages[lang];
  if (error instanceof FieldError) {
    return lang === "fr"
      ? `schéma inutilisable pour valider : ${error.property} : ${error.detail.fr}`
      : `the schema cannot drive validation: ${error.property}: ${error.detail.en}`;
  }
  return error instanceof Error ? error.message : String(error);
}

/** Why no copy was written, as `lint` would say it. */
function problemMessages(result: FixResult, lang: Lang): string[] {
  const factory = new FindingFactory(lang);
  const prefix = lang === "fr" ? "aucune copie écrite, le fichier ne peut être recopié fidèlement" : "no copy written, the file cannot be copied faithfully";
  return result.problems.map((problem) => {
    const finding = factory.make(
      problem.code,
      { rowNumber: problem.rowNumber, line: problem.line, fieldNumber: problem.fieldNumber, messageId: problem.messageId, data: problem.data },
      result.file,
    );
    const where = problem.rowNumber === undefined ? "" : lang === "fr" ? ` (ligne ${problem.rowNumber})` : ` (row ${problem.rowNumber})`;
    return `${prefix}${where}${lang === "fr" ? " :" : ":"} ${finding?.message ?? problem.code}`;
  });
}

/** Errors `lint` would still find in the fixed text (schema and its custom checks; personal data aside). */
async function errorsIn(text: string, schema: TableSchema, name: string): Promise<number> {
  const report = await createValidator(schema, { maxErrors: 0 }).validate(
    (async function* () {
      yield new TextEncoder().encode(text);
    })(),
    { name },
  );
  return report.stats.errors;
}

/** Copies the original beside itself, never over an earlier backup. */
async function backUp(file: string): Promise<string> {
  for (let n = 1; ; n++) {
    const backup = n === 1 ? `${file}.bak` : `${file}.bak.${n}`;
    try {
      await copyFile(file, backup, constants.COPYFILE_EXCL);
      return backup;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
}

function jsonOf({ result, problems, output, backup, remainingErrors }: FileOutcome): Record<string, unknown> {
  return {
    file: result.file,
    ...(output === undefined ? {} : { output }),
    ...(backup === undefined ? {} : { backup }),
    changed: result.changed,
    encoding: result.encoding,
    dialect: result.dialect,
    ...(result.sheet === undefined ? {} : { sheet: result.sheet }),
    rows: result.rows,
    summary: result.summary,
    changes: result.changes,
    notes: result.notes,
    problems,
    ...(remainingErrors === undefined ? {} : { remainingErrors }),
  };
}

function textOf({ result, output, backup, remainingErrors }: FileOutcome, lang: Lang, dryRun: boolean, schemaRef: string): string {
  const fr = lang === "fr";
  const show = (value: string) => (fr ? `« ${terminalText(value)} »` : `"${terminalText(value)}"`);
  const lines: string[] = [];
  const heading = output && output !== result.file ? `${result.file} → ${output}` : result.file;
  if (result.text === undefined) return `${heading}\n  ${fr ? "aucune copie écrite (voir ci-dessous)" : "no copy written (see below)"}\n`;
  lines.push(heading);
  if (!result.changed) {
    lines.push(`  ${fr ? "rien à corriger" : "nothing to fix"}`);
  } else {
    const listed = result.changes.slice(0, LISTED_CHANGES);
    for (const change of listed) lines.push(`  ${changeLine(change, lang, show)}`);
    if (result.changes.length > listed.length) {
      const more = result.changes.length - listed.length;
      lines.push(fr ? `  … et ${more} autres modifications (--format json les liste toutes)` : `  … and ${more} more changes (--format json lists them all)`);
    }
    lines.push(`  ${fr ? "Résumé :" : "Summary:"} ${result.summary.map(({ kind, count }) => `${count} × ${fixKindText(kind, lang)}`).join(" ; ")}`);
  }
  for (const note of result.notes) lines.push(`  ${fr ? "Non corrigé :" : "Not fixed:"} ${terminalText(note.message[lang])}`);
  if (backup) lines.push(`  ${fr ? "Original gardé dans" : "Original kept in"} ${backup}`);
  if (dryRun && result.changed) lines.push(`  ${fr ? "Rien n'a été écrit (--dry-run)." : "Nothing was written (--dry-run)."}`);
  if (remainingErrors !== undefined && remainingErrors > 0) {
    const fixedName = output ?? result.file;
    lines.push(
      fr
        ? `  ${remainingErrors} erreur(s) ${dryRun ? "resteraient" : "restent"} à corriger à la main : conforme lint ${fixedName} --schema ${schemaRef}`
        : `  ${remainingErrors} error(s) ${dryRun ? "would be" : "are"} left to fix by hand: conforme lint ${fixedName} --schema ${schemaRef}`,
    );
  }
  return `${lines.join("\n")}\n`;
}

function changeLine(change: FixChange, lang: Lang, show: (value: string) => string): string {
  const fr = lang === "fr";
  const colon = fr ? " :" : ":";
  const what = fixKindText(change.kind, lang);
  if (change.rowNumber === undefined) {
    const detail = change.after === "" ? "" : ` (${terminalText(change.before)} → ${terminalText(change.after)})`;
    return `${fr ? "fichier" : "file"}${colon} ${what}${detail}`;
  }
  if (change.kind === "columnOrder") return `${fr ? "ligne" : "row"} 1${colon} ${what}${colon} ${terminalText(change.before)} → ${terminalText(change.after)}`;
  const column =
    change.fieldNumber === undefined
      ? ""
      : `, ${fr ? "colonne" : "column"} ${change.fieldNumber}${change.fieldName && change.rowNumber > 1 ? ` (${terminalText(change.fieldName)})` : ""}`;
  const values = change.kind === "removePersonalColumn" ? show(change.before) : `${show(change.before)} → ${show(change.after)}`;
  return `${fr ? "ligne" : "row"} ${change.rowNumber}${column}${colon} ${values} — ${what}`;
}
