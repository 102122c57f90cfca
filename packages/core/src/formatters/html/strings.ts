import type { Lang } from "../../findings.js";
import { RISK_NAMES, type PersonalRisk } from "../views.js";

/** The risk names of every report, capitalised as the HTML report's labels are. */
function capitalisedRisks(lang: Lang): Record<PersonalRisk, string> {
  const names = RISK_NAMES[lang];
  const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
  return { high: capital(names.high), medium: capital(names.medium), low: capital(names.low), none: capital(names.none) };
}

/** Every text the HTML report prints around the data, French first. */
export interface ReportStrings {
  locale: string;
  title: string;
  skip: string;
  brand: string;
  tagline: string;
  producedBy: (version: string) => string;
  verdictValid: string;
  verdictInvalid: string;
  verdictValidText: (files: number) => string;
  verdictInvalidText: (invalid: number, files: number) => string;
  runErrorsTitle: string;
  personalVerdict: (files: number) => string;
  keyFiles: string;
  keyErrors: string;
  keyWarnings: string;
  keyDuration: string;
  filesCaption: string;
  colFile: string;
  colSchema: string;
  colConformity: string;
  colValidCells: string;
  colPersonalData: string;
  colErrors: string;
  colWarnings: string;
  noSchema: string;
  risk: Record<"high" | "medium" | "low" | "none", string>;
  metadataSummary: string;
  colDescriptor: string;
  colScore: string;
  colRating: string;
  contents: string;
  fileHeading: (name: string) => string;
  rows: string;
  columns: string;
  encoding: string;
  rowsRead: string;
  stopped: string;
  verdictIncomplete: string;
  verdictIncompleteText: (partial: number, files: number) => string;
  findingsTitle: string;
  noFindings: string;
  noSchemaFindings: string;
  noFindingsInRowsRead: string;
  aggregatedRows: (count: number, rows: string) => string;
  record: (rowNumber: number, line: number) => string;
  /** A workbook's cell reference (`B12`), and a record in a sheet that starts below empty rows. */
  cell: (reference: string) => string;
  sheetRecord: (rowNumber: number, line: number) => string;
  sheet: string;
  sheetText: (name: string, index: number, format: string) => string;
  evidenceLabels: Record<string, string>;
  yes: string;
  no: string;
  chartTitle: string;
  chartDesc: (codes: number) => string;
  countsCaption: string;
  colCode: string;
  colCount: string;
  colSeverity: string;
  severity: Record<"error" | "warning" | "info", string>;
  searchLabel: string;
  severityFilter: string;
  allSeverities: string;
  filterStatus: string;
  occurrences: (count: number) => string;
  moreNotShown: (count: number) => string;
  howToFix: string;
  documentation: string;
  colRow: string;
  colColumn: string;
  colValue: string;
  colExplanation: string;
  header: string;
  wholeFile: string;
  accepted: (reason: string) => string;
  masked: string;
  previewTitle: string;
  previewCaption: (rows: number) => string;
  failingCell: string;
  personalTitle: string;
  noPersonal: string;
  kind: string;
  confidence: string;
  evidence: string;
  examples: string;
  legal: string;
  metadataTitle: string;
  criterion: string;
  points: string;
  recommendation: string;
  provisional: string;
  auditTitle: string;
  auditTool: string;
  auditReportVersion: string;
  auditDate: string;
  auditDuration: string;
  auditLang: string;
  auditOptions: string;
  auditDefaultOptions: string;
  auditFilesCaption: string;
  colBytes: string;
  colSha256: string;
  colDialect: string;
  colSource: string;
  colDuration: string;
  unknown: string;
  ratings: Record<string, string>;
}

const fr: ReportStrings = {
  locale: "fr-FR",
  title: "Rapport de conformité des données",
  skip: "Aller au contenu",
  brand: "conforme",
  tagline: "Validation des données publiques ouvertes",
  producedBy: (version) => `Produit par conforme ${version}`,
  verdictValid: "Conforme",
  verdictInvalid: "Non conforme",
  verdictValidText: (files) => (files === 1 ? "Le fichier vérifié respecte son schéma." : `Les ${files} fichiers vérifiés respectent leur schéma.`),
  verdictInvalidText: (invalid, files) => (invalid === 1 ? `1 fichier sur ${files} présente des erreurs.` : `${invalid} fichiers sur ${files} présentent des erreurs.`),
  runErrorsTitle: "La vérification n'a pas pu être menée entièrement",
  personalVerdict: (files) => (files === 1 ? "Des données personnelles sont à vérifier dans 1 fichier." : `Des données personnelles sont à vérifier dans ${files} fichiers.`),
  keyFiles: "Fichiers",
  keyErrors: "Erreurs",
  keyWarnings: "Avertissements",
  keyDuration: "Durée",
  filesCaption: "Résultat par fichier",
  colFile: "Fichier",
  colSchema: "Schéma",
  colConformity: "Conformité",
  colValidCells: "Cellules valides",
  colPersonalData: "Données personnelles",
  colErrors: "Erreurs",
  colWarnings: "Avertissements",
  noSchema: "aucun schéma",
  risk: capitalisedRisks("fr"),
  metadataSummary: "Qualité des métadonnées",
  colDescriptor: "Descripteur",
  colScore: "Score",
  colRating: "Appréciation",
  contents: "Sommaire",
  fileHeading: (name) => `Fichier ${name}`,
  rows: "Lignes",
  columns: "Colonnes",
  encoding: "Encodage",
  rowsRead: "Lignes lues",
  stopped: "lecture arrêtée",
  verdictIncomplete: "Vérification incomplète",
  verdictIncompleteText: (partial, files) =>
    partial === 1
      ? `La lecture de 1 fichier sur ${files} s'est arrêtée au nombre maximal d'erreurs : la suite n'est pas vérifiée.`
      : `La lecture de ${partial} fichiers sur ${files} s'est arrêtée au nombre maximal d'erreurs : la suite n'est pas vérifiée.`,
  findingsTitle: "Erreurs et avertissements",
  noFindings: "Aucune erreur ni aucun avertissement.",
  noSchemaFindings: "Aucun écart au schéma ; les données personnelles signalées sont détaillées plus bas.",
  noFindingsInRowsRead: "Aucun écart au schéma dans les lignes lues ; la suite du fichier n'est pas vérifiée.",
  aggregatedRows: (count, rows) => `${count.toLocaleString("fr-FR")} lignes (${rows})`,
  record: (rowNumber, line) => `enregistrement ${rowNumber.toLocaleString("fr-FR")}, ligne ${line.toLocaleString("fr-FR")} du fichier`,
  cell: (reference) => `cellule ${reference}`,
  sheetRecord: (rowNumber, line) => `enregistrement ${rowNumber.toLocaleString("fr-FR")}, ligne ${line.toLocaleString("fr-FR")} de la feuille`,
  sheet: "Feuille",
  sheetText: (name, index, format) => `« ${name} » (feuille ${index} du classeur ${format.toUpperCase()})`,
  evidenceLabels: {
    headerHint: "Indice dans l'en-tête",
    share: "Part des valeurs reconnues",
    examined: "Valeurs examinées",
    checksum: "Part avec une clé de contrôle valide",
    personContext: "Colonnes de noms ou prénoms à côté",
    freeText: "Dans un texte libre",
    cellsInColumn: "Cellules concernées dans la colonne",
  },
  yes: "oui",
  no: "non",
  chartTitle: "Nombre de signalements par code",
  chartDesc: (codes) => `Diagramme en barres des ${codes} codes les plus fréquents ; les mêmes nombres figurent dans le tableau.`,
  countsCaption: "Signalements par code",
  colCode: "Code",
  colCount: "Nombre",
  colSeverity: "Gravité",
  severity: { error: "Erreur", warning: "Avertissement", info: "Information" },
  searchLabel: "Rechercher (valeur, colonne, message)",
  severityFilter: "Gravité",
  allSeverities: "Toutes",
  filterStatus: "{shown} groupe(s) affiché(s) sur {total}",
  occurrences: (count) => (count === 1 ? "1 occurrence" : `${count.toLocaleString("fr-FR")} occurrences`),
  moreNotShown: (count) => (count === 1 ? "1 autre occurrence n'est pas détaillée." : `${count.toLocaleString("fr-FR")} autres occurrences ne sont pas détaillées.`),
  howToFix: "Comment corriger",
  documentation: "Documentation du code",
  colRow: "Ligne",
  colColumn: "Colonne",
  colValue: "Valeur",
  colExplanation: "Explication",
  header: "en-tête",
  wholeFile: "fichier",
  accepted: (reason) => `Accepté : ${reason}`,
  masked: "valeur masquée (données personnelles)",
  previewTitle: "Aperçu des premières lignes",
  previewCaption: (rows) => `Les ${rows} premières lignes ; les cellules en erreur sont encadrées et marquées ⚠.`,
  failingCell: "cellule en erreur",
  personalTitle: "Données personnelles",
  noPersonal: "Aucune donnée personnelle détectée.",
  kind: "Nature",
  confidence: "Confiance",
  evidence: "Indices",
  examples: "Exemples (masqués)",
  legal: "Référence juridique",
  metadataTitle: "Métadonnées",
  criterion: "Critère",
  points: "Points",
  recommendation: "Recommandation",
  provisional: "provisoire",
  auditTitle: "Traçabilité",
  auditTool: "Outil",
  auditReportVersion: "Format du rapport",
  auditDate: "Date de la vérification",
  auditDuration: "Durée",
  auditLang: "Langue",
  auditOptions: "Options utilisées",
  auditDefaultOptions: "Options par défaut (aucune option enregistrée).",
  auditFilesCaption: "Fichiers vérifiés",
  colBytes: "Taille (octets)",
  colSha256: "SHA-256",
  colDialect: "Séparateur",
  colSource: "Source du schéma",
  colDuration: "Durée",
  unknown: "non renseigné",
  ratings: { excellent: "Excellent", good: "Bon", sufficient: "Suffisant", bad: "Mauvais" },
};

const en: ReportStrings = {
  locale: "en-GB",
  title: "Data conformity report",
  skip: "Skip to content",
  brand: "conforme",
  tagline: "Open public data validation",
  producedBy: (version) => `Produced by conforme ${version}`,
  verdictValid: "Conformant",
  verdictInvalid: "Not conformant",
  verdictValidText: (files) => (files === 1 ? "The checked file follows its schema." : `All ${files} checked files follow their schema.`),
  verdictInvalidText: (invalid, files) => `${invalid} of ${files} file${files === 1 ? "" : "s"} ${invalid === 1 ? "has" : "have"} errors.`,
  runErrorsTitle: "The check could not be completed",
  personalVerdict: (files) => `Personal data to review in ${files} file${files === 1 ? "" : "s"}.`,
  keyFiles: "Files",
  keyErrors: "Errors",
  keyWarnings: "Warnings",
  keyDuration: "Duration",
  filesCaption: "Result per file",
  colFile: "File",
  colSchema: "Schema",
  colConformity: "Conformity",
  colValidCells: "Valid cells",
  colPersonalData: "Personal data",
  colErrors: "Errors",
  colWarnings: "Warnings",
  noSchema: "no schema",
  risk: capitalisedRisks("en"),
  metadataSummary: "Metadata quality",
  colDescriptor: "Descriptor",
  colScore: "Score",
  colRating: "Rating",
  contents: "Contents",
  fileHeading: (name) => `File ${name}`,
  rows: "Rows",
  columns: "Columns",
  encoding: "Encoding",
  rowsRead: "Rows read",
  stopped: "reading stopped",
  verdictIncomplete: "Incomplete check",
  verdictIncompleteText: (partial, files) => `Reading of ${partial} of ${files} file${files === 1 ? "" : "s"} stopped at the error limit: the rest is not checked.`,
  findingsTitle: "Errors and warnings",
  noFindings: "No errors and no warnings.",
  noSchemaFindings: "No departure from the schema; the personal data flagged is detailed below.",
  noFindingsInRowsRead: "No departure from the schema in the rows read; the rest of the file is not checked.",
  aggregatedRows: (count, rows) => `${count.toLocaleString("en-GB")} rows (${rows})`,
  record: (rowNumber, line) => `record ${rowNumber.toLocaleString("en-GB")}, line ${line.toLocaleString("en-GB")} of the file`,
  cell: (reference) => `cell ${reference}`,
  sheetRecord: (rowNumber, line) => `record ${rowNumber.toLocaleString("en-GB")}, sheet row ${line.toLocaleString("en-GB")}`,
  sheet: "Sheet",
  sheetText: (name, index, format) => `"${name}" (sheet ${index} of the ${format.toUpperCase()} workbook)`,
  evidenceLabels: {
    headerHint: "Header hint",
    share: "Share of values recognised",
    examined: "Values examined",
    checksum: "Share with a valid check digit",
    personContext: "Name columns alongside",
    freeText: "In free text",
    cellsInColumn: "Cells concerned in the column",
  },
  yes: "yes",
  no: "no",
  chartTitle: "Findings per code",
  chartDesc: (codes) => `Bar chart of the ${codes} most frequent codes; the table gives the same numbers.`,
  countsCaption: "Findings per code",
  colCode: "Code",
  colCount: "Count",
  colSeverity: "Severity",
  severity: { error: "Error", warning: "Warning", info: "Information" },
  searchLabel: "Search (value, column, message)",
  severityFilter: "Severity",
  allSeverities: "All",
  filterStatus: "{shown} of {total} group(s) shown",
  occurrences: (count) => (count === 1 ? "1 occurrence" : `${count.toLocaleString("en-GB")} occurrences`),
  moreNotShown: (count) => (count === 1 ? "1 more occurrence is not detailed." : `${count.toLocaleString("en-GB")} more occurrences are not detailed.`),
  howToFix: "How to fix",
  documentation: "Code documentation",
  colRow: "Row",
  colColumn: "Column",
  colValue: "Value",
  colExplanation: "Explanation",
  header: "header",
  wholeFile: "file",
  accepted: (reason) => `Accepted: ${reason}`,
  masked: "masked value (personal data)",
  previewTitle: "Preview of the first rows",
  previewCaption: (rows) => `The first ${rows} rows; failing cells are framed and marked ⚠.`,
  failingCell: "failing cell",
  personalTitle: "Personal data",
  noPersonal: "No personal data detected.",
  kind: "Kind",
  confidence: "Confidence",
  evidence: "Evidence",
  examples: "Examples (masked)",
  legal: "Legal reference",
  metadataTitle: "Metadata",
  criterion: "Criterion",
  points: "Points",
  recommendation: "Recommendation",
  provisional: "provisional",
  auditTitle: "Audit trail",
  auditTool: "Tool",
  auditReportVersion: "Report format",
  auditDate: "Date of the check",
  auditDuration: "Duration",
  auditLang: "Language",
  auditOptions: "Options used",
  auditDefaultOptions: "Default options (no options recorded).",
  auditFilesCaption: "Checked files",
  colBytes: "Size (bytes)",
  colSha256: "SHA-256",
  colDialect: "Delimiter",
  colSource: "Schema source",
  colDuration: "Duration",
  unknown: "not recorded",
  ratings: { excellent: "Excellent", good: "Good", sufficient: "Sufficient", bad: "Bad" },
};

export const STRINGS: Record<Lang, ReportStrings> = { fr, en };
