import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { aggregateBadge, badgeStatus, DEFAULT_OPTIONS, formatBadge, type FileReport } from "@conforme/core/internal";
import { lint } from "@conforme/core/node";
import { choiceOption, integerOption, parseCommandArgs, UsageError, type Io } from "../io.js";

const HELP = `Usage : conforme badge <fichiers ou dossiers...> --output <badge.svg> [options]
        conforme badge <fichiers ou dossiers...> --per-file <dossier> [options]

Valide comme « conforme lint » et écrit un badge SVG autonome, avec la formulation de Validata :
« valide », « partiellement valide », « cellules valides : 97,3 % », « structure invalide ».
Aucun service extérieur : le badge est un fichier à publier avec les données.

Options :
  --output <fichier>     un badge pour l'ensemble des fichiers (le pire statut ; la part de
                         cellules valides est calculée sur toutes les cellules)
  --per-file <dossier>   un badge par fichier, au chemin du fichier suivi de .svg
  --schema <réf>         schéma : chemin local, URL https, ou identifiant schema.data.gouv.fr
  --label <texte>        texte de gauche du badge (défaut : conforme)
  --lang <fr|en>         langue du badge (défaut : fr)
  --max-errors <n>       arrête un fichier après n erreurs (défaut : ${DEFAULT_OPTIONS.maxErrors} ; 0 : sans limite)
  --offline              n'utilise que le cache des schémas, sans réseau
  --catalog-url <url>    catalogue des schémas : URL https, chemin ou URL file: (défaut :
                         https://schema.data.gouv.fr/schemas.json)
  -h, --help             affiche cette aide

Exemple :
  conforme badge subventions.csv --schema scdl/subventions --output badge-conformite.svg

Codes de sortie : 0 badge(s) écrit(s), quel que soit le verdict ; 2 exécution impossible.
`;

export async function badgeCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs("badge", args, {
    output: { type: "string" },
    "per-file": { type: "string" },
    schema: { type: "string" },
    label: { type: "string" },
    lang: { type: "string" },
    "max-errors": { type: "string" },
    offline: { type: "boolean" },
    "catalog-url": { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    io.stdout.write(HELP);
    return 0;
  }
  if (values.output === undefined && values["per-file"] === undefined) {
    throw new UsageError("indiquez où écrire le badge : « --output badge.svg » ou « --per-file badges/ ».");
  }
  if (positionals.length === 0) throw new UsageError("indiquez au moins un fichier ou un dossier à valider.");
  const lang = choiceOption("lang", values.lang, ["fr", "en"] as const, "fr");
  const report = await lint(positionals, {
    cwd: io.cwd,
    schema: values.schema,
    lang,
    maxErrors: integerOption("max-errors", values["max-errors"], DEFAULT_OPTIONS.maxErrors),
    offline: values.offline === true,
    catalogUrl: values["catalog-url"],
  });
  for (const error of report.runErrors) io.stderr.write(`conforme badge : ${error.file ? `${error.file} : ` : ""}${error.message}\n`);
  // A badge drawn over a run that could not read a file or its schema would vouch for nothing.
  if (report.runErrors.length > 0) return 2;
  const written: string[] = [];
  const write = async (target: string, svg: string) => {
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, `${svg}\n`);
    written.push(path.relative(io.cwd, target) || target);
  };
  if (values.output !== undefined) {
    await write(path.resolve(io.cwd, values.output), formatBadge({ ...aggregateBadge(report.files), label: values.label, lang }));
  }
  if (values["per-file"] !== undefined) {
    const directory = path.resolve(io.cwd, values["per-file"]);
    for (const file of report.files) await write(perFileTarget(directory, file), fileBadge(file, values.label, lang));
  }
  const heading = lang === "fr" ? "Badge(s) écrit(s) :" : "Badge(s) written:";
  io.stdout.write(`${heading}\n${written.map((name) => `  ${name}`).join("\n")}\n`);
  return 0;
}

function fileBadge(file: FileReport, label: string | undefined, lang: "fr" | "en"): string {
  return formatBadge({ status: badgeStatus(file), validCellsPercent: file.stats.validCellsPercent, label, lang });
}

/** `<dir>/<file's path>.svg`; `..` segments are renamed so that no badge lands outside `<dir>`. */
function perFileTarget(directory: string, file: FileReport): string {
  const segments = file.file
    .split("/")
    .map((segment) => (segment === ".." ? "_" : segment))
    .filter((segment) => segment !== "" && segment !== ".");
  return path.join(directory, ...segments) + ".svg";
}
