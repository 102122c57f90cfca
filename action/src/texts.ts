import { RISK_NAMES, SEVERITY_NAMES, type Lang, type PersonalRisk } from "@conforme/core/internal";

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

/** Core's risk names (as the HTML report words them), with a colour for the summary's table. */
function risks(lang: Lang): Record<PersonalRisk, string> {
  const names = RISK_NAMES[lang];
  return { high: `🔴 ${names.high}`, medium: `🟠 ${names.medium}`, low: `🟡 ${names.low}`, none: names.none };
}

/** Everything the Action writes for a reader, French first (house rule), English available. */
export const TEXTS = {
  fr: {
    title: "Conformité des données (conforme)",
    valid: "✅ Conforme",
    invalid: "❌ Non conforme",
    verdict: (files: number, errors: number, warnings: number) =>
      `${plural(files, "fichier vérifié", "fichiers vérifiés")}, ${plural(errors, "erreur", "erreurs")}, ${plural(warnings, "avertissement", "avertissements")}.`,
    noFiles: "Aucun fichier à vérifier.",
    file: "Fichier",
    schema: "Conformité au schéma",
    personal: "Données personnelles",
    metadata: "Métadonnées",
    descriptor: "Descripteur",
    fileValid: "✅ conforme",
    fileInvalid: (errors: number) => `❌ ${plural(errors, "erreur", "erreurs")}`,
    warnings: (n: number) => plural(n, "avertissement", "avertissements"),
    validCells: (percent: string) => `${percent} % de cellules valides`,
    partial: "lecture arrêtée au nombre maximal d'erreurs",
    risk: risks("fr"),
    findingsCount: (n: number) => plural(n, "constat", "constats"),
    noScore: "—",
    score: (points: number, max: number) => `${points}/${max} (data.gouv.fr)`,
    code: "Code",
    severity: "Gravité",
    count: "Nombre",
    examples: "Exemples",
    severities: SEVERITY_NAMES.fr,
    line: (n: number) => `ligne ${n}`,
    runErrors: "Échecs de l'exécution",
    schemaRef: "Schéma",
    truncated: (files: number) =>
      `Résumé tronqué pour rester sous la limite de GitHub : ${plural(files, "fichier non détaillé", "fichiers non détaillés")}. Le rapport HTML (entrée \`report\`) et le SARIF (entrée \`sarif\`) donnent tout.`,
    moreRows: (n: number) => `… et ${plural(n, "autre fichier", "autres fichiers")}`,
    changedOnly: (n: number) => `Mode \`changed-only\` : ${plural(n, "fichier modifié retenu", "fichiers modifiés retenus")}.`,
    changedOnlyAll: (reason: string) => `Mode \`changed-only\` : tout est vérifié (${reason}).`,
    reasons: {
      event: "événement sans commits à comparer",
      newBranch: "nouvelle branche, pas de commit précédent",
      history: "historique git insuffisant, utilisez `fetch-depth: 0` avec actions/checkout",
      config: "la configuration ou le schéma a changé",
    },
    overflow: (hidden: number, total: number) =>
      `${plural(hidden, "constat n'est pas annoté", "constats ne sont pas annotés")} sur ${total} (GitHub affiche au plus 10 annotations par niveau et par étape) : voir le résumé de la tâche, le rapport HTML (entrée \`report\`) ou le SARIF (entrée \`sarif\`).`,
    forkFallback:
      "Commentaire de pull request impossible avec ce jeton (lecture seule, par exemple depuis un fork) : les résultats restent dans les annotations et le résumé de la tâche.",
    commentSkipped: "Commentaire demandé, mais l'événement n'est pas une pull request : rien n'est commenté.",
    noSarif: "Le formateur SARIF n'est pas disponible dans cette version de conforme : aucun fichier SARIF écrit.",
    sarifOmitted: (omitted: number, max: number) =>
      `${plural(omitted, "constat est laissé", "constats sont laissés")} hors du SARIF, les moins graves : GitHub n'accepte pas plus de ${max} résultats par exécution. Le rapport HTML les donne tous.`,
    header: "en-tête",
    failed: (level: string) => `conforme : des constats de gravité « ${level} » ou plus ont été trouvés (entrée fail-on).`,
    noToken: "Commentaire demandé, mais l'entrée « github-token » est vide : rien n'est commenté.",
    commentFailed: (message: string) => `Commentaire de pull request impossible : ${message}`,
  },
  en: {
    title: "Data conformity (conforme)",
    valid: "✅ Valid",
    invalid: "❌ Invalid",
    verdict: (files: number, errors: number, warnings: number) =>
      `${plural(files, "file checked", "files checked")}, ${plural(errors, "error", "errors")}, ${plural(warnings, "warning", "warnings")}.`,
    noFiles: "No file to check.",
    file: "File",
    schema: "Schema conformity",
    personal: "Personal data",
    metadata: "Metadata",
    descriptor: "Descriptor",
    fileValid: "✅ valid",
    fileInvalid: (errors: number) => `❌ ${plural(errors, "error", "errors")}`,
    warnings: (n: number) => plural(n, "warning", "warnings"),
    validCells: (percent: string) => `${percent}% valid cells`,
    partial: "reading stopped at the error limit",
    risk: risks("en"),
    findingsCount: (n: number) => plural(n, "finding", "findings"),
    noScore: "—",
    score: (points: number, max: number) => `${points}/${max} (data.gouv.fr)`,
    code: "Code",
    severity: "Severity",
    count: "Count",
    examples: "Examples",
    severities: SEVERITY_NAMES.en,
    line: (n: number) => `line ${n}`,
    runErrors: "Run failures",
    schemaRef: "Schema",
    truncated: (files: number) =>
      `Summary truncated to stay under GitHub's limit: ${plural(files, "file not detailed", "files not detailed")}. The HTML report (\`report\` input) and SARIF (\`sarif\` input) have everything.`,
    moreRows: (n: number) => `… and ${plural(n, "other file", "other files")}`,
    changedOnly: (n: number) => `\`changed-only\` mode: ${plural(n, "changed file selected", "changed files selected")}.`,
    changedOnlyAll: (reason: string) => `\`changed-only\` mode: everything is checked (${reason}).`,
    reasons: {
      event: "event without commits to compare",
      newBranch: "new branch, no previous commit",
      history: "git history too short, use `fetch-depth: 0` with actions/checkout",
      config: "the configuration or the schema changed",
    },
    overflow: (hidden: number, total: number) =>
      `${plural(hidden, "finding", "findings")} of ${total} not annotated (GitHub shows at most 10 annotations per level and per step): see the job summary, the HTML report (\`report\` input) or the SARIF file (\`sarif\` input).`,
    forkFallback: "Cannot comment on the pull request with this token (read-only, e.g. from a fork): results stay in the annotations and the job summary.",
    commentSkipped: "A comment was asked for, but the event is not a pull request: nothing is commented.",
    noSarif: "The SARIF formatter is not available in this version of conforme: no SARIF file written.",
    sarifOmitted: (omitted: number, max: number) =>
      `${plural(omitted, "finding is", "findings are")} left out of the SARIF file, the least severe: GitHub accepts at most ${max} results per run. The HTML report has them all.`,
    header: "header",
    failed: (level: string) => `conforme: findings of severity "${level}" or above were found (fail-on input).`,
    noToken: "A comment was asked for, but the github-token input is empty: nothing is commented.",
    commentFailed: (message: string) => `Cannot comment on the pull request: ${message}`,
  },
} satisfies Record<Lang, unknown>;

export type Texts = (typeof TEXTS)["fr"];
