import { writeFile } from "node:fs/promises";
import path from "node:path";
import { DEFAULT_PREVIEW_ROWS, formatHtml, formatStylish } from "@conforme/core";
import { lintWithPreview } from "@conforme/core/node";
import { auditOptions } from "../audit-options.js";
import { choiceOption, integerOption, parseCommandArgs, UsageError, useColor, type Io } from "../io.js";

const HELP = `Usage : conforme report <fichiers ou dossiers...> --html <rapport.html> [options]

Valide comme « conforme lint » et écrit un rapport HTML autonome (un seul fichier, lisible
hors ligne, imprimable), en plus du résumé affiché dans le terminal.

Options :
  --html <fichier>       rapport HTML à écrire (obligatoire)
  --schema <réf>         schéma : chemin local, URL https, ou identifiant schema.data.gouv.fr
  --lang <fr|en>         langue du rapport et des messages (défaut : fr)
  --max-errors <n>       arrête un fichier après n erreurs (défaut : 1000 ; 0 : sans limite)
  --preview-rows <n>     lignes montrées dans l'aperçu de chaque fichier (défaut : ${DEFAULT_PREVIEW_ROWS} ; 0 : aucun
                         aperçu). Les colonnes de données personnelles y sont masquées.
  --offline              n'utilise que le cache des schémas, sans réseau
  -h, --help             affiche cette aide

Exemple :
  conforme report donnees/ --schema scdl/subventions --html rapport-conformite.html

Codes de sortie : 0 aucune erreur, 1 erreurs trouvées, 2 exécution impossible.
`;

export async function reportCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs("report", args, {
    html: { type: "string" },
    schema: { type: "string" },
    lang: { type: "string" },
    "max-errors": { type: "string" },
    "preview-rows": { type: "string" },
    offline: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    io.stdout.write(HELP);
    return 0;
  }
  if (values.html === undefined) throw new UsageError("indiquez le fichier du rapport, par exemple « --html rapport.html ».");
  if (positionals.length === 0) throw new UsageError("indiquez au moins un fichier ou un dossier à valider.");
  const lang = choiceOption("lang", values.lang, ["fr", "en"] as const, "fr");
  const options = {
    schema: values.schema,
    lang,
    maxErrors: integerOption("max-errors", values["max-errors"], 1000),
    offline: values.offline === true,
    personalData: true,
  };
  const previewRows = integerOption("preview-rows", values["preview-rows"], DEFAULT_PREVIEW_ROWS);
  const { report, previews } = await lintWithPreview(positionals, { cwd: io.cwd, ...options, previewRows });
  report.options = auditOptions({ command: "report", paths: positionals, ...options, previewRows });
  const target = path.resolve(io.cwd, values.html);
  await writeFile(target, formatHtml(report, { preview: previews }));
  io.stdout.write(formatStylish(report, { color: useColor(io.stdout, io.env) }));
  io.stdout.write(lang === "fr" ? `Rapport HTML écrit : ${path.relative(io.cwd, target)}\n` : `HTML report written: ${path.relative(io.cwd, target)}\n`);
  if (report.runErrors.length > 0) return 2;
  return report.stats.errors > 0 ? 1 : 0;
}
