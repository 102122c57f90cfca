import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { DEFAULT_OPTIONS, DEFAULT_PREVIEW_ROWS, errorsOnly, exitCodeOf, formatters, SARIF_MAX_RESULTS, sarifOmittedResults, type Lang } from "@conforme/core/internal";
import { ConfigError, lintWithPreview, loadConfig, type LintOptions } from "@conforme/core/internal/node";
import { choiceOption, colorFlag, integerOption, parseCommandArgs, readAll, UsageError, useColor, type Io } from "./io.js";
import { progressReporter } from "./progress.js";
import { lintMetadataOptions, lintMetadataText, METADATA_LINT_FLAGS } from "./commands/metadata.js";

/** Flags shared by `lint` and `scan`. */
export const RUN_FLAGS = {
  config: { type: "string", short: "c" },
  "no-config": { type: "boolean" },
  schema: { type: "string" },
  format: { type: "string", short: "f" },
  output: { type: "string", short: "o" },
  lang: { type: "string" },
  "max-errors": { type: "string" },
  "max-cell-length": { type: "string" },
  "max-row-length": { type: "string" },
  "max-warnings": { type: "string" },
  strict: { type: "boolean" },
  "header-mode": { type: "string" },
  encoding: { type: "string" },
  sheet: { type: "string" },
  offline: { type: "boolean" },
  "catalog-url": { type: "string" },
  trusted: { type: "boolean" },
  "allow-private-network": { type: "boolean" },
  "cache-dir": { type: "string" },
  "changed-since": { type: "string" },
  ignore: { type: "string", multiple: true },
  "no-gitignore": { type: "boolean" },
  "no-personal-data": { type: "boolean" },
  "no-custom-checks": { type: "boolean" },
  concurrency: { type: "string" },
  "no-progress": { type: "boolean" },
  html: { type: "string" },
  "preview-rows": { type: "string" },
  "no-aggregate": { type: "boolean" },
  quiet: { type: "boolean", short: "q" },
  "stdin-filename": { type: "string" },
  "error-on-unmatched-pattern": { type: "boolean" },
  color: { type: "boolean" },
  "no-color": { type: "boolean" },
  ...METADATA_LINT_FLAGS,
  help: { type: "boolean", short: "h" },
} as const;

/**
 * `lint` and `scan`: configuration, discovery, validation, the chosen format, the exit code.
 * `scan` ignores every schema (header as schema) and keeps the personal-data checks on.
 */
export async function runLint(command: "lint" | "scan" | "report", args: string[], io: Io, help: string): Promise<number> {
  const { values, positionals } = parseCommandArgs(command, args, RUN_FLAGS);
  if (values.help) {
    io.stdout.write(help);
    return 0;
  }
  const langFlag = values.lang === undefined ? undefined : choiceOption("lang", values.lang, ["fr", "en"] as const, "fr");
  if (values.config !== undefined && values["no-config"]) throw new UsageError("--config et --no-config s'excluent : gardez l'un des deux.");
  if (command === "report" && values.html === undefined) throw new UsageError("indiquez le fichier du rapport, par exemple « --html rapport.html ».");
  if (command === "scan" && values.schema !== undefined)
    throw new UsageError("scan ignore les schémas : pour valider contre un schéma, tapez « conforme lint <fichiers> --schema <réf> ».");

  let loaded;
  try {
    loaded = await loadConfig({ cwd: io.cwd, configPath: values.config, noConfig: values["no-config"] });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const lang: Lang = langFlag ?? "fr";
    io.stderr.write(`${lang === "fr" ? "conforme : configuration invalide" : "conforme: invalid configuration"}\n${error.format(lang, io.cwd)}\n`);
    return 2;
  }
  const lang: Lang = langFlag ?? loaded.config.lang ?? "fr";
  const format = values.format ?? "stylish";
  const formatter = formatters[format];
  if (!formatter)
    throw new UsageError(
      `--format accepte ${Object.keys(formatters)
        .map((name) => `« ${name} »`)
        .join(", ")}, pas « ${format} ».`,
    );

  const discovery: LintOptions["discovery"] = {};
  if (values["no-gitignore"]) discovery.gitignore = false;
  if (values.ignore) discovery.ignore = [...(loaded.config.ignore ?? []), ...values.ignore];
  if (values["changed-since"] !== undefined) discovery.changedSince = values["changed-since"];
  const overrides: LintOptions = {
    lang,
    schema: values.schema,
    maxErrors: values["max-errors"] === undefined ? undefined : integerOption("max-errors", values["max-errors"], DEFAULT_OPTIONS.maxErrors),
    maxCellLength: values["max-cell-length"] === undefined ? undefined : Math.max(1, integerOption("max-cell-length", values["max-cell-length"], 1)),
    maxRowLength: values["max-row-length"] === undefined ? undefined : Math.max(1, integerOption("max-row-length", values["max-row-length"], 1)),
    headerMode: values["header-mode"] === undefined ? undefined : choiceOption("header-mode", values["header-mode"], ["auto", "position", "name", "validata"] as const, "auto"),
    encoding: values.encoding,
    // A name, or digits for a position: the core tells them apart against each workbook's sheets.
    sheet: values.sheet,
    offline: values.offline,
    catalogUrl: values["catalog-url"],
    trusted: values.trusted ? true : undefined,
    allowPrivateNetwork: values["allow-private-network"] ? true : undefined,
    cacheDir: values["cache-dir"],
    concurrency: values.concurrency === undefined ? undefined : Math.max(1, integerOption("concurrency", values.concurrency, DEFAULT_OPTIONS.concurrency)),
    personalData: values["no-personal-data"] ? false : undefined,
    customChecks: values["no-custom-checks"] ? false : undefined,
    discovery,
  };
  const options = loaded.lintOptions(overrides);
  options.metadata = lintMetadataOptions(options.metadata, values);
  if (command === "scan") {
    // Personal data and structure only: every schema mapping is set aside, the header is the schema.
    delete options.schema;
    delete options.schemaFor;
    options.customChecks = false;
    options.metadata = false;
    if (options.personalData === false) throw new UsageError("scan sert à repérer les données personnelles : retirez --no-personal-data.");
  }
  // --quiet asks for errors only: no bar either.
  const progress = values["no-progress"] || values.quiet ? undefined : progressReporter(io.stderr, io.env);
  if (progress) options.onProgress = progress.onProgress;
  const policy = loaded.failurePolicy({
    strict: values.strict,
    maxWarnings: values["max-warnings"] === undefined ? undefined : integerOption("max-warnings", values["max-warnings"], 0),
  });

  const paths = loaded.paths(positionals);
  const stdinFilename = values["stdin-filename"];
  if (stdinFilename !== undefined && !paths.includes("-")) {
    throw new UsageError("--stdin-filename nomme l'entrée standard : ajoutez « - » aux chemins (« conforme lint - --stdin-filename donnees/budget.csv »).");
  }
  if (paths.includes("-") && io.stdin) {
    // Typed at a terminal, the data ends with Ctrl-D: say so, or the command seems to hang.
    if ((io.stdin as { isTTY?: boolean }).isTTY)
      io.stderr.write(lang === "fr" ? "Lecture de l'entrée standard (Ctrl-D pour finir)…\n" : "Reading standard input (Ctrl-D to end)…\n");
    options.stdin = { bytes: await readAll(io.stdin), ...(stdinFilename !== undefined && { filename: stdinFilename }) };
  }
  // Default: a path matching no data file is said on stderr and the run goes on (exit 0 when
  // nothing else fails); the flag makes each one a run error (exit 2), as in ESLint.
  options.errorOnUnmatchedPattern = values["error-on-unmatched-pattern"] === true;
  // Only the HTML report shows the first rows; every other format must never receive them.
  const html = format === "html" || values.html !== undefined;
  const previewRows = html ? integerOption("preview-rows", values["preview-rows"], DEFAULT_PREVIEW_ROWS) : 0;
  // The audit trail (report.options) is the core's, with this command's own settings added.
  options.audit = {
    command,
    format,
    config: loaded.path ? path.relative(io.cwd, loaded.path) || loaded.path : undefined,
    schemas: options.schemaFor ? loaded.config.schemas : undefined,
    strict: policy.strict,
    maxWarnings: policy.maxWarnings,
    ...(values.quiet && { quiet: true }),
    ...(html && { previewRows }),
  };
  // Several files use every core (worker threads); the report is the same as in turn.
  const { report, previews, unmatched } = await lintWithPreview(paths, { ...options, previewRows, workers: true });
  progress?.done();
  // --quiet, as ESLint's: every format shows errors only; the exit code is still the full run's.
  const shown = values.quiet ? errorsOnly(report) : report;

  // A column failing the same way on many rows is one entry unless --no-aggregate (JSON keeps all).
  const aggregate = !values["no-aggregate"];
  if (values.html !== undefined) {
    // --html writes the report beside the chosen format (the report command's purpose).
    const target = path.resolve(io.cwd, values.html);
    await writeCreatingFolders(target, formatters.html!(shown, { preview: previews, aggregate }));
    io.stderr.write(lang === "fr" ? `Rapport HTML écrit : ${path.relative(io.cwd, target)}\n` : `HTML report written: ${path.relative(io.cwd, target)}\n`);
  }
  const toFile = values.output !== undefined;
  const text = formatter(shown, { color: !toFile && useColor(io.stdout, io.env, colorFlag(args)), preview: previews, aggregate });
  // The stylish formatter lists the files; the metadata scores and their findings follow.
  const metadataText = format === "stylish" ? lintMetadataText(shown, lang) : "";
  if (toFile) await writeCreatingFolders(path.resolve(io.cwd, values.output!), text + metadataText);
  else io.stdout.write(text + metadataText);
  const omitted = format === "sarif" ? sarifOmittedResults(shown, SARIF_MAX_RESULTS, { aggregate }) : 0;
  if (omitted > 0) {
    // The SARIF run keeps the most severe results under GitHub's limit; say so where CI logs show it.
    io.stderr.write(
      lang === "fr"
        ? `conforme ${command} : ${omitted} constats omis du SARIF (au plus ${SARIF_MAX_RESULTS} par exécution pour GitHub), les moins graves.\n`
        : `conforme ${command}: ${omitted} findings left out of the SARIF (at most ${SARIF_MAX_RESULTS} per run for GitHub), the least severe.\n`,
    );
  }
  if (toFile || format !== "stylish") {
    for (const error of report.runErrors) io.stderr.write(`conforme ${command} : ${error.file ? `${error.file} : ` : ""}${error.message}\n`);
  }
  if (!options.errorOnUnmatchedPattern && unmatched.length > 0) {
    // The configuration's `files` arrive absolute: shown from the working directory, as typed.
    const shownPaths = unmatched.map((item) => (path.isAbsolute(item) ? path.relative(io.cwd, item) || "." : item));
    io.stderr.write(unmatchedNotice(command, shownPaths, report.files.length === 0, lang));
  }
  const code = exitCodeOf(report, policy);
  if (code === 1 && report.stats.errors === 0) {
    io.stderr.write(
      lang === "fr"
        ? `conforme ${command} : ${report.stats.warnings} avertissement(s)${policy.strict ? " en mode --strict" : `, plus que --max-warnings ${policy.maxWarnings}`}.\n`
        : `conforme ${command}: ${report.stats.warnings} warning(s)${policy.strict ? " in --strict mode" : `, more than --max-warnings ${policy.maxWarnings}`}.\n`,
    );
  }
  return code;
}

/** Writes a report where asked, creating the folders on the way (`-o rapports/2026/lint.json`). */
export async function writeCreatingFolders(target: string, text: string): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, text);
}

/** What stderr says of paths that matched no data file, when they do not fail the run. */
function unmatchedNotice(command: string, unmatched: string[], nothingRead: boolean, lang: Lang): string {
  const where = unmatched.map((item) => (lang === "fr" ? `« ${item} »` : `"${item}"`)).join(", ");
  if (lang === "en") {
    return `conforme ${command}: no data file in ${where} (conforme reads .csv and .tsv files and datapackage.json)${nothingRead ? "; nothing was checked" : ""}. --error-on-unmatched-pattern makes this an error.\n`;
  }
  return `conforme ${command} : aucun fichier de données dans ${where} (conforme lit les fichiers .csv et .tsv et les datapackage.json)${nothingRead ? " ; rien n'a été vérifié" : ""}. Avec --error-on-unmatched-pattern, c'est une erreur.\n`;
}
