import { mkdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { CONFIG_SCHEMA_URL } from "@conforme/core";
import { parseCommandArgs, UsageError, type Io } from "../io.js";

const HELP = `Usage : conforme init [options]

Écrit une configuration de départ (conforme.config.yaml) et un workflow GitHub
(.github/workflows/conforme.yml) qui lance l'Action conforme sur chaque pull request.
Sans question : tout se règle par options.

Options :
  --schema <motif=réf>   associe un motif de fichiers à un schéma (répétable),
                         par exemple --schema "deliberations/*.csv=scdl/deliberations"
  --paths <chemin>       fichiers ou dossiers à valider (répétable ; défaut : .)
  --owner <compte>       propriétaire GitHub de l'Action (défaut : conforme-fr)
  --no-workflow          n'écrit pas le workflow
  --force                remplace les fichiers existants
  -h, --help             affiche cette aide

Exemples :
  conforme init
  conforme init --paths donnees --schema "donnees/deliberations*.csv=scdl/deliberations"
`;

/** A YAML scalar, quoted when plain style would change its meaning (YAML 1.2 §7.3.3). */
function scalar(value: string): string {
  return /^[\w./@-]+$/.test(value) && !/^(true|false|null|yes|no|on|off|~|-?\d[\d.]*)$/i.test(value) ? value : JSON.stringify(value);
}

export function starterConfig(paths: string[], mappings: Array<[string, string]>): string {
  const lines = [
    `# yaml-language-server: $schema=${CONFIG_SCHEMA_URL}`,
    "# Configuration de conforme : voir docs/configuration.md",
    "",
    "# Fichiers et dossiers validés quand la commande n'en nomme aucun.",
    "files:",
    ...paths.map((item) => `  - ${scalar(item)}`),
    "",
    "# Motif de fichiers → schéma (identifiant schema.data.gouv.fr, chemin ou URL).",
  ];
  if (mappings.length === 0) lines.push("schemas: {}", '#  "deliberations/*.csv": scdl/deliberations');
  else lines.push("schemas:", ...mappings.map(([glob, ref]) => `  ${JSON.stringify(glob)}: ${scalar(ref)}`));
  lines.push(
    "",
    "# Comparaison de l'en-tête au schéma. auto : par nom, comme Validata, quand les colonnes",
    "# portent les noms du schéma (à la casse, aux accents et à l'ordre près), sinon par position.",
    "# position : comme frictionless ; name, validata : toujours par nom.",
    "headerMode: auto",
    "",
    "# Sévérité par code ou par catégorie : off, info, warning, error.",
    "severity:",
    "  codes: {}",
    "  categories: {}",
    "",
    "# Données personnelles publiées à dessein : elles restent visibles, marquées acceptées.",
    "personalData:",
    "  accept: []",
    "  #  - column: nom_elu",
    "  #    kind: person-name",
    "  #    reason: Élus : publication prévue par l'article L. 2121-25 du CGCT",
    "",
  );
  return lines.join("\n");
}

/**
 * Actions the starter workflow uses, at their current major version. test/workflow-versions.test.ts
 * holds them, and the docs' examples, to the versions of the repository's own workflows, which
 * Dependabot keeps current (.github/dependabot.yml).
 */
export const WORKFLOW_ACTIONS = {
  checkout: "actions/checkout@v7",
  uploadSarif: "github/codeql-action/upload-sarif@v4",
} as const;

export function starterWorkflow(owner: string, paths: string[]): string {
  return [
    "name: conforme",
    "",
    "on:",
    "  pull_request:",
    "  push:",
    "    branches: [main]",
    "",
    "permissions:",
    "  contents: read",
    "  # Pour l'onglet Security (SARIF, ci-dessous) : dépôt public ou GitHub Code Security.",
    "  # security-events: write",
    "",
    "jobs:",
    "  conforme:",
    "    runs-on: ubuntu-latest",
    "    steps:",
    `      - uses: ${WORKFLOW_ACTIONS.checkout}`,
    `      - uses: ${owner}/conforme/action@v1`,
    "        with:",
    `          paths: ${scalar(paths.join(","))}`,
    "          config: conforme.config.yaml",
    "          # sarif: conforme.sarif",
    `      # - uses: ${WORKFLOW_ACTIONS.uploadSarif}`,
    "      #   if: always()",
    "      #   with:",
    "      #     sarif_file: conforme.sarif",
    "      #     category: conforme",
    "",
  ].join("\n");
}

export async function initCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs("init", args, {
    schema: { type: "string", multiple: true },
    paths: { type: "string", multiple: true },
    owner: { type: "string" },
    "no-workflow": { type: "boolean" },
    force: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    io.stdout.write(HELP);
    return 0;
  }
  if (positionals.length > 0)
    throw new UsageError(`argument inattendu « ${positionals[0]} » : les chemins se donnent avec --paths, par exemple « conforme init --paths donnees ».`);
  const mappings = (values.schema ?? []).map((item): [string, string] => {
    const at = item.lastIndexOf("=");
    if (at <= 0 || at === item.length - 1) throw new UsageError(`--schema attend « motif=réf », par exemple --schema "deliberations/*.csv=scdl/deliberations", pas « ${item} ».`);
    return [item.slice(0, at), item.slice(at + 1)];
  });
  const owner = values.owner ?? "conforme-fr";
  if (!/^[A-Za-z0-9-]+$/.test(owner)) throw new UsageError(`--owner attend un compte GitHub (lettres, chiffres, tirets), pas « ${owner} ».`);
  const paths = values.paths && values.paths.length > 0 ? values.paths : ["."];
  const files: Array<[string, string]> = [["conforme.config.yaml", starterConfig(paths, mappings)]];
  if (!values["no-workflow"]) files.push([".github/workflows/conforme.yml", starterWorkflow(owner, paths)]);
  for (const [relative] of files) {
    if (!values.force && (await stat(path.join(io.cwd, relative)).catch(() => undefined))) {
      io.stderr.write(`conforme init : ${relative} existe déjà ; ajoutez --force pour le remplacer.\n`);
      return 2;
    }
  }
  for (const [relative, text] of files) {
    await mkdir(path.dirname(path.join(io.cwd, relative)), { recursive: true });
    await writeFile(path.join(io.cwd, relative), text);
    io.stdout.write(`écrit ${relative}\n`);
  }
  return 0;
}
