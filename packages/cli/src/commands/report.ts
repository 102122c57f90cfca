import { DEFAULT_PREVIEW_ROWS } from "@conforme/core/internal";
import type { Io } from "../io.js";
import { runLint } from "../lint-run.js";

const HELP = `Usage : conforme report <fichiers ou dossiers...> --html <rapport.html> [options]

Valide comme « conforme lint » (même configuration, mêmes options) et écrit un rapport HTML
autonome : un seul fichier, lisible hors ligne, imprimable, sans aucune requête réseau. Le
terminal affiche en plus le rapport au format choisi (stylish par défaut).

Options propres :
  --html <fichier>       rapport HTML à écrire (obligatoire)
  --preview-rows <n>     lignes montrées dans l'aperçu de chaque fichier (défaut : ${DEFAULT_PREVIEW_ROWS} ; 0 : aucun
                         aperçu). Les colonnes de données personnelles y sont masquées.

Toutes les options de « conforme lint » s'appliquent aussi (--schema, --config, --lang,
--max-errors, --header-mode, --offline, --strict, --quiet, --stdin-filename... : « conforme lint
--help »). « - » lit l'entrée standard ; les dossiers de --html et --output sont créés au besoin.

Exemple :
  conforme report donnees/ --schema scdl/subventions --html rapport-conformite.html

Codes de sortie : 0 aucune erreur, 1 erreurs trouvées, 2 exécution impossible.
`;

/** `lint` that also writes the self-contained HTML compliance report. */
export function reportCommand(args: string[], io: Io): Promise<number> {
  return runLint("report", args, io, HELP);
}
