import type { Io } from "../io.js";
import { runLint } from "../lint-run.js";

const HELP = `Usage : conforme scan <fichiers ou dossiers...> [options]

Cherche les données personnelles (courriels, téléphones, NIR, IBAN, noms, adresses...), le
risque de réidentification et les petits effectifs, avec les contrôles de structure (en-tête,
lignes vides, cellules en trop ou manquantes). Aucun schéma n'est appliqué, même si la
configuration en associe : l'en-tête de chaque fichier sert de schéma.

Options : celles de « conforme lint » sauf --schema et --no-personal-data
  (--config, --format, --output, --quiet, --lang, --changed-since, --ignore, --strict,
  --max-warnings, --stdin-filename, --error-on-unmatched-pattern...). « - » lit l'entrée standard.

Exemples :
  conforme scan exports/
  conforme scan . --changed-since origin/main --format github
  conforme scan agents.csv --format json --output donnees-personnelles.json
  extraction | conforme scan - --stdin-filename agents.csv

Codes de sortie : 0 aucune erreur, 1 erreurs trouvées (ou avertissements avec --strict ou
au-delà de --max-warnings), 2 exécution impossible.
`;

export async function scanCommand(args: string[], io: Io): Promise<number> {
  return runLint("scan", args, io, HELP);
}
