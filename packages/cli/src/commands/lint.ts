import type { Io } from "../io.js";
import { runLint } from "../lint-run.js";
import { METADATA_LINT_HELP } from "./metadata.js";

const HELP = `Usage : conforme lint [fichiers ou dossiers...] [options]

Valide des fichiers CSV/TSV, des classeurs XLSX/ODS et des data packages contre leur schéma.
Les dossiers sont parcourus (CSV, TSV, XLSX, ODS, datapackage.json) en respectant .gitignore.
Sans chemin : ceux de la configuration (files), sinon le dossier courant. « - » lit l'entrée
standard.

Options :
  -c, --config <fichier>   configuration à lire (défaut : conforme.config.yaml, .yml, .json ou
                           .mjs cherché en remontant depuis le dossier courant)
  --no-config              n'utilise aucun fichier de configuration
  --schema <réf>           schéma de tous les tableaux : chemin, URL https ou identifiant
                           schema.data.gouv.fr (org/nom, org/nom@version) ; remplace « schemas »
  -f, --format <nom>       stylish (défaut), json, sarif, junit, github, markdown, html
  -o, --output <fichier>   écrit le rapport dans ce fichier au lieu de la sortie standard
                           (les dossiers manquants sont créés)
  -q, --quiet              n'affiche que les erreurs, dans tous les formats (ni avertissements
                           ni informations, ni barre de progression) ; le code de sortie reste
                           celui de toute l'exécution
  --color, --no-color      force ou retire la couleur (défaut : sur un terminal seulement ;
                           NO_COLOR et FORCE_COLOR sont lus, ces options passent avant)
  --stdin-filename <nom>   nom de l'entrée standard (« - ») dans les rapports ; les motifs de
                           « schemas » de la configuration s'y appliquent
  --error-on-unmatched-pattern
                           échoue (code 2) pour chaque chemin qui ne mène à aucun fichier de
                           données ; sans elle, c'est seulement dit sur la sortie d'erreur
  --html <fichier>         écrit aussi le rapport HTML autonome dans ce fichier
  --preview-rows <n>       lignes d'aperçu par fichier dans le rapport HTML (défaut : 20 ; 0 : aucune)
  --lang <fr|en>           langue des messages (défaut : fr)
  --max-errors <n>         arrête un fichier après n constats (défaut : 1000 ; 0 : sans limite) ;
                           chaque format dit où la lecture s'est arrêtée
  --max-cell-length <n>    coupe les cellules plus longues (caractères ; défaut : 1048576)
  --max-row-length <n>     coupe les lignes plus longues (caractères ; défaut : 16777216)
  --no-aggregate           liste chaque cellule en erreur ; par défaut, une colonne en erreur
                           de la même façon sur 3 lignes ou plus tient en une entrée (nombre,
                           premières lignes, un exemple). Le format json garde tout
  --strict                 les avertissements font aussi échouer (code 1)
  --max-warnings <n>       échoue au-delà de n avertissements
  --changed-since <réf>    ne valide que ce qui a changé depuis cette référence git
  --ignore <motif>         exclut aussi ce motif (syntaxe .gitignore, répétable)
  --no-gitignore           parcourt aussi ce que .gitignore exclut
  --no-personal-data       sans les contrôles de données personnelles
  --no-custom-checks       sans les contrôles personnalisés des schémas (custom_checks)
  --header-mode <mode>     auto (défaut : par nom si l'en-tête reprend les noms du
                           schéma, à la casse, aux accents et à l'ordre près ;
                           sinon par position), position (comme frictionless),
                           name, validata
  --encoding <nom>         force l'encodage (utf-8, windows-1252, iso-8859-1)
  --sheet <nom|n>          feuille lue dans les classeurs XLSX/ODS : son nom ou son numéro à
                           partir de 1 (défaut : la première ; voir docs/spreadsheets.md)
  --concurrency <n>        fichiers validés en même temps (défaut : 2)
  --offline                n'utilise que le cache des schémas, sans réseau
  --catalog-url <url>      catalogue des schémas (défaut : https://schema.data.gouv.fr/schemas.json)
  --cache-dir <dossier>    dossier du cache des schémas téléchargés
  --trusted                lit aussi les chemins de data package et liens symboliques qui sortent
                           du dossier (refusés par défaut : voir docs/security.md)
  --allow-private-network  permet de télécharger depuis 127.0.0.1, 10.x, 192.168.x... (refusé par défaut)
  --no-progress            sans barre de progression (elle n'apparaît que sur un terminal)
${METADATA_LINT_HELP}  -h, --help               affiche cette aide

Exemples :
  conforme lint deliberations.csv --schema scdl/deliberations
  conforme lint subventions.csv --schema scdl/subventions@2.1.1 --format json --output rapport.json
  conforme lint datapackage.json
  conforme lint - --schema scdl/subventions --stdin-filename subventions.csv < export.csv
  conforme lint subventions.xlsx --sheet "Données 2024" --schema scdl/subventions
  conforme lint                                  (chemins et schémas de conforme.config.yaml)
  conforme lint . --changed-since origin/main --format github
  conforme lint donnees/ --format sarif --output conforme.sarif --strict

Codes de sortie : 0 aucune erreur, 1 erreurs trouvées (ou avertissements avec --strict ou
au-delà de --max-warnings), 2 exécution impossible (configuration, schéma, option).
`;

export async function lintCommand(args: string[], io: Io): Promise<number> {
  return runLint("lint", args, io, HELP);
}
