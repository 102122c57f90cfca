import { writeFile } from "node:fs/promises";
import path from "node:path";
import { DEFAULT_PREVIEW_ROWS, formatters } from "@conforme/core";
import { lintWithPreview } from "@conforme/core/node";
import { auditOptions } from "../audit-options.js";
import { choiceOption, integerOption, parseCommandArgs, UsageError, useColor, type Io } from "../io.js";
import { lintMetadataOptions, lintMetadataText, METADATA_LINT_FLAGS, METADATA_LINT_HELP } from "./metadata.js";

const HELP = `Usage : conforme lint <fichiers ou dossiers...> [options]

Valide des fichiers CSV/TSV (ou des data packages) contre leur schéma.

Options :
  --schema <réf>         schéma : chemin local, URL https, ou identifiant schema.data.gouv.fr
                         (org/nom, org/nom@version, org/nom@latest)
  --format <nom>         stylish (défaut), json
  --output <fichier>     écrit le rapport dans ce fichier au lieu de la sortie standard
  --lang <fr|en>         langue des messages (défaut : fr)
  --max-errors <n>       arrête un fichier après n erreurs (défaut : 1000 ; 0 : sans limite)
  --header-mode <mode>   position (défaut, comme frictionless), name, validata
  --encoding <nom>       force l'encodage (utf-8, windows-1252, iso-8859-1) au lieu de le détecter
  --offline              n'utilise que le cache des schémas, sans réseau
  --catalog-url <url>    catalogue des schémas (défaut : https://schema.data.gouv.fr/schemas.json)
  --cache-dir <dossier>  dossier du cache des schémas téléchargés
${METADATA_LINT_HELP}  -h, --help             affiche cette aide

Exemples :
  conforme lint deliberations.csv --schema scdl/deliberations
  conforme lint subventions.csv --schema scdl/subventions@2.1.1 --format json --output rapport.json
  conforme lint datapackage.json

Codes de sortie : 0 aucune erreur, 1 erreurs trouvées, 2 exécution impossible.
`;

export async function lintCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs("lint", args, {
    schema: { type: "string" },
    format: { type: "string" },
    output: { type: "string" },
    lang: { type: "string" },
    "max-errors": { type: "string" },
    "header-mode": { type: "string" },
    encoding: { type: "string" },
    offline: { type: "boolean" },
    "catalog-url": { type: "string" },
    "cache-dir": { type: "string" },
    ...METADATA_LINT_FLAGS,
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    io.stdout.write(HELP);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError("indiquez au moins un fichier ou un dossier, par exemple « conforme lint donnees.csv --schema scdl/subventions ».");
  const format = values.format ?? "stylish";
  const formatter = formatters[format];
  if (!formatter) throw new UsageError(`--format accepte ${Object.keys(formatters).map((name) => `« ${name} »`).join(", ")}, pas « ${format} ».`);
  const lang = choiceOption("lang", values.lang, ["fr", "en"] as const, "fr");
  const options = {
    schema: values.schema,
    lang,
    maxErrors: integerOption("max-errors", values["max-errors"], 1000),
    headerMode: choiceOption("header-mode", values["header-mode"], ["position", "name", "validata"] as const, "position"),
    encoding: values.encoding,
    offline: values.offline === true,
    catalogUrl: values["catalog-url"],
    cacheDir: values["cache-dir"],
    personalData: true,
    metadata: lintMetadataOptions(undefined, values),
  };
  // Only the HTML report shows the first rows; every other format must never receive them.
  const previewRows = format === "html" ? DEFAULT_PREVIEW_ROWS : 0;
  const { report, previews } = await lintWithPreview(positionals, { cwd: io.cwd, ...options, previewRows });
  report.options = auditOptions({ command: "lint", paths: positionals, format, ...options });
  const toFile = values.output !== undefined;
  const text = formatter(report, { color: !toFile && useColor(io.stdout, io.env), preview: previews });
  // The stylish formatter lists the files; the metadata scores and their findings follow.
  const metadataText = format === "stylish" ? lintMetadataText(report, lang) : "";
  if (toFile) await writeFile(path.resolve(io.cwd, values.output!), text + metadataText);
  else io.stdout.write(text + metadataText);
  if (toFile || format !== "stylish") {
    for (const error of report.runErrors) io.stderr.write(`conforme lint : ${error.file ? `${error.file} : ` : ""}${error.message}\n`);
  }
  if (report.runErrors.length > 0) return 2;
  return report.stats.errors > 0 ? 1 : 0;
}
