import type { Lang } from "@conforme/core/internal";

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

/**
 * What the Action says beside the report, French first (house rule), English available; the
 * summary and the comment are core's Markdown report.
 */
export const TEXTS = {
  fr: {
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
    failed: (level: string) => `conforme : des constats de gravité « ${level} » ou plus ont été trouvés (entrée fail-on).`,
    noToken: "Commentaire demandé, mais l'entrée « github-token » est vide : rien n'est commenté.",
    commentFailed: (message: string) => `Commentaire de pull request impossible : ${message}`,
  },
  en: {
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
    failed: (level: string) => `conforme: findings of severity "${level}" or above were found (fail-on input).`,
    noToken: "A comment was asked for, but the github-token input is empty: nothing is commented.",
    commentFailed: (message: string) => `Cannot comment on the pull request: ${message}`,
  },
} satisfies Record<Lang, unknown>;

export type Texts = (typeof TEXTS)["fr"];
