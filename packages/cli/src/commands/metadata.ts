import path from "node:path";
import {
  applyThreshold,
  buildReport,
  formatMetadataJson,
  formatters,
  formatMetadataReportStylish,
  formatMetadataStylish,
  MetadataInputError,
  MQA_RATINGS,
  toMetadataReport,
  type Lang,
  type MetadataResult,
  type MqaRating,
  type Report,
} from "@conforme/core/internal";
import { evaluateDatagouvDataset, evaluateMetadataFile, type LintMetadataOptions } from "@conforme/core/internal/node";
import { choiceOption, parseCommandArgs, UsageError } from "../io.js";

const HELP = `Usage : conforme metadata <descripteur> [options]
        conforme metadata --dataset <id ou slug> [options]

Note les métadonnées d'un jeu de données comme data.gouv.fr (score de qualité sur 9) et
data.europa.eu (MQA sur 405), explique chaque point manquant et compare les métadonnées aux fichiers.

Descripteurs lus : datapackage.json (v1, v2), conforme.dataset.yml ou .json, jeu data.gouv.fr
(JSON enregistré), DCAT-AP en JSON-LD ou Turtle (.ttl).

Options :
  --format <nom>          stylish (défaut), json (le détail des scores), ou un format de rapport :
                          sarif, junit, github, markdown, html (constats situés dans le descripteur)
  --lang <fr|en>          langue des messages (défaut : fr)
  --now <date ISO>        date de référence pour les critères de fréquence (défaut : maintenant)
  --check-urls            vérifie que les URL répondent (réseau) ; sinon leurs points sont provisoires
  --dataset <id|slug>     récupère le jeu sur data.gouv.fr au lieu de lire un fichier
  --datagouv-url <url>    adresse de data.gouv.fr (défaut : https://www.data.gouv.fr)
  --min-score <n>         erreur si le score MQA est sous n points (sur 405)
  --min-rating <note>     erreur si la note MQA est sous : excellent, good, sufficient, bad
  -h, --help              affiche cette aide

Codes de sortie : 0 scores au-dessus des minimums, 1 minimum non atteint, 2 exécution impossible.
`;

/** `conforme metadata`: prints the two metadata scores of one descriptor. */
export async function metadataCommand(args: string[], io: { cwd: string; stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream }): Promise<number> {
  try {
    const { values, positionals } = parseCommandArgs("metadata", args, {
      format: { type: "string" },
      lang: { type: "string" },
      now: { type: "string" },
      "check-urls": { type: "boolean" },
      dataset: { type: "string" },
      "datagouv-url": { type: "string" },
      "min-score": { type: "string" },
      "min-rating": { type: "string" },
      help: { type: "boolean", short: "h" },
    });
    if (values.help) {
      io.stdout.write(HELP);
      return 0;
    }
    const started = new Date();
    const reportFormats = Object.keys(formatters).filter((name) => name !== "stylish" && name !== "json");
    const format = choiceOption("--format", values.format, ["stylish", "json", ...reportFormats], "stylish");
    const lang = choiceOption("--lang", values.lang, ["fr", "en"] as const, "fr");
    const now = values.now === undefined ? new Date() : new Date(values.now);
    if (Number.isNaN(now.getTime())) throw new UsageError(`--now : date ISO 8601 attendue, reçu « ${values.now} ».`);
    const minScore = values["min-score"] === undefined ? undefined : Number(values["min-score"]);
    if (minScore !== undefined && !(minScore >= 0)) throw new UsageError(`--min-score : nombre de points attendu, reçu « ${values["min-score"]} ».`);
    const ratings = MQA_RATINGS.map((band) => band.rating);
    const minRating = values["min-rating"] === undefined ? undefined : choiceOption<MqaRating>("--min-rating", values["min-rating"], ratings, "bad");
    if (positionals.length > 1 || (positionals.length === 1) === (values.dataset !== undefined)) {
      throw new UsageError("indiquez un descripteur ou --dataset <id|slug>, pas les deux.\nTapez « conforme metadata --help ».");
    }

    const options = { now, lang, checkUrls: values["check-urls"] === true };
    let result: MetadataResult;
    if (values.dataset !== undefined) {
      result = await evaluateDatagouvDataset(values.dataset, { ...options, ...(values["datagouv-url"] && { baseUrl: values["datagouv-url"] }) });
    } else {
      const file = positionals[0]!;
      result = await evaluateMetadataFile(path.resolve(io.cwd, file), { ...options, displayName: file });
    }

    const failures = applyThreshold(result, { ...(minScore !== undefined && { minScore }), ...(minRating && { minRating }) }, lang);
    const shown = { ...result, findings: [...result.findings, ...failures] };
    if (format === "json") io.stdout.write(formatMetadataJson(shown));
    else if (format === "stylish") io.stdout.write(formatMetadataStylish(shown, lang));
    else {
      // The other formats render reports: the descriptor's scores and findings as its metadata section.
      const descriptor = values.dataset ?? positionals[0]!;
      const section = toMetadataReport(shown, { descriptor, lang });
      const report = buildReport([], [], lang, started, { metadata: [section] });
      report.stats = { ...report.stats, ...section.stats };
      report.valid = section.valid;
      io.stdout.write(formatters[format]!(report, {}));
    }
    return failures.length > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof MetadataInputError) {
      io.stderr.write(`conforme metadata : ${error.message}\n`);
      return 2;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "EISDIR") {
      io.stderr.write(`conforme metadata : fichier introuvable : ${(error as NodeJS.ErrnoException).path ?? ""}\n`);
      return 2;
    }
    if (error instanceof Error && (error.name === "TimeoutError" || error.name === "TypeError")) {
      io.stderr.write(`conforme metadata : ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

/** Flags `conforme lint` takes for metadata scoring (issue 5), parsed by `lintMetadataOptions`. */
export const METADATA_LINT_FLAGS = {
  metadata: { type: "string", multiple: true },
  now: { type: "string" },
  "check-urls": { type: "boolean" },
  "min-score": { type: "string" },
  "min-rating": { type: "string" },
} as const;

/** Help lines of `METADATA_LINT_FLAGS`, aligned like the other options of `conforme lint --help`. */
export const METADATA_LINT_HELP = `  --metadata <fichier>     note aussi ce descripteur (datapackage.json, conforme.dataset.yml, jeu
                           data.gouv.fr) ; ceux posés à côté des données sont notés d'office
  --now <date ISO>         date de référence des critères de fréquence (défaut : maintenant)
  --check-urls             vérifie que les URL des métadonnées répondent (réseau)
  --min-score <n>          erreur si le score MQA d'un descripteur est sous n points (sur 405)
  --min-rating <note>      erreur si sa note MQA est sous : excellent, good, sufficient, bad
`;

type MetadataFlagValues = { metadata?: string[]; now?: string; "check-urls"?: boolean; "min-score"?: string; "min-rating"?: string };

/**
 * Lint's `metadata` option: the configuration's (`configured`, from `metadata.minScore`,
 * `metadata.minRating`...) overridden by the flags given; named descriptors add up. Flags given
 * turn scoring back on when the configuration turned it off.
 */
export function lintMetadataOptions(configured: LintMetadataOptions | false | undefined, values: MetadataFlagValues): LintMetadataOptions | false | undefined {
  if (values.now !== undefined && Number.isNaN(new Date(values.now).getTime())) throw new UsageError(`--now attend une date ISO 8601, pas « ${values.now} ».`);
  const minScore = values["min-score"];
  if (minScore !== undefined && !/^\d+(\.\d+)?$/.test(minScore)) throw new UsageError(`--min-score attend un nombre de points (0 à 405), pas « ${minScore} ».`);
  const ratings = MQA_RATINGS.map((band) => band.rating);
  const minRating = values["min-rating"] === undefined ? undefined : choiceOption<MqaRating>("min-rating", values["min-rating"], ratings, "bad");
  const flags: LintMetadataOptions = {
    ...(values.now !== undefined && { now: values.now }),
    ...(values["check-urls"] === true && { checkUrls: true }),
    ...(minScore !== undefined && { minScore: Number(minScore) }),
    ...(minRating !== undefined && { minRating }),
  };
  if (Object.keys(flags).length === 0 && values.metadata === undefined) return configured;
  const base = configured === false || configured === undefined ? {} : configured;
  const descriptors = [...(base.descriptors ?? []), ...(values.metadata ?? [])];
  return { ...base, ...flags, ...(descriptors.length > 0 && { descriptors }) };
}

/** Terminal text of `report.metadata`, printed after the stylish report of the files. */
export function lintMetadataText(report: Report, lang: Lang): string {
  return formatMetadataReportStylish(report.metadata ?? [], lang);
}
