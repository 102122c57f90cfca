import type { MessageTemplate } from "../check.js";
import type { Category, Severity } from "../findings.js";
import { checkErrorMessages } from "../checks/custom-checks.js";

/** A finding code emitted by the engine itself, with its category and templates. */
export interface EngineCode {
  category: Category;
  title: MessageTemplate;
  /** Severity of its findings unless the configuration sets another. */
  severity: Severity;
  /** How to fix what it reports, whatever the value: shown once per code (HTML report, explain). */
  fix: MessageTemplate;
  /** Templates keyed by messageId; `default` is used when a finding names none. */
  messages: { default: MessageTemplate } & Record<string, MessageTemplate>;
}

/**
 * Codes of the Table Schema engine. The ids are frictionless-py's error types verbatim where the
 * meaning is the same (frictionless-py v5 `frictionless/errors/`), and Validata's header warnings for
 * `--header-mode validata`.
 */
export const engineCodes = {
  "encoding-error": {
    category: "source",
    title: { fr: "Erreur d'encodage", en: "Encoding error" },
    severity: "error",
    fix: {
      fr: "Enregistrez le fichier en UTF-8 (« CSV UTF-8 » dans le tableur).",
      en: 'Save the file as UTF-8 ("CSV UTF-8" in the spreadsheet).',
    },
    messages: {
      default: {
        fr: "L'octet {byte} à la position {offset} n'est pas valide en {encoding} (ligne {rowNumber}) : enregistrez le fichier en UTF-8.",
        en: "Byte {byte} at position {offset} is not valid {encoding} (row {rowNumber}): save the file as UTF-8.",
      },
    },
  },
  "source-error": {
    category: "source",
    title: { fr: "Fichier illisible", en: "Source error" },
    severity: "error",
    fix: {
      fr: "Vérifiez que le fichier existe et qu'il s'agit bien d'un tableau (CSV, classeur) ; refermez un guillemet resté ouvert, ou corrigez l'encodage et le dialecte indiqués dans la configuration.",
      en: "Check that the file exists and is a table (CSV, workbook); close a quote left open, or fix the encoding and dialect given in the configuration.",
    },
    messages: {
      default: {
        fr: "Le fichier ne peut pas être lu comme un tableau : {detail}",
        en: "The file cannot be read as a table: {detail}",
      },
      empty: { fr: "Le fichier est vide.", en: "The file is empty." },
      unterminatedQuote: {
        fr: "Un guillemet ouvert ligne {line} n'est jamais refermé : la fin du fichier est lue comme une seule cellule.",
        en: "A quote opened on line {line} is never closed: the rest of the file is read as one cell.",
      },
      binary: {
        fr: "Le fichier est au format {format}, pas un CSV : il n'est pas lu. Exportez le tableau en CSV (UTF-8) ; un classeur est lu sous son extension .xlsx ou .ods.",
        en: "The file is in {format} format, not CSV: it is not read. Export the table as CSV (UTF-8); a workbook is read under its .xlsx or .ods extension.",
      },
      nulByte: {
        fr: "Le fichier contient un octet nul (ligne {line}) : un fichier binaire, ou du texte UTF-16 sans marque d'ordre des octets. Enregistrez-le en CSV UTF-8.",
        en: "The file holds a NUL byte (line {line}): a binary file, or UTF-16 text without a byte order mark. Save it as UTF-8 CSV.",
      },
      sheetNotFound: {
        fr: "Le classeur n'a pas de feuille « {sheet} » : il a {sheets}. Donnez le nom ou le numéro (à partir de 1) d'une de ses feuilles.",
        en: 'The workbook has no sheet "{sheet}": it has {sheets}. Give the name or the number (from 1) of one of its sheets.',
      },
      unreadableWorkbook: {
        fr: "Le fichier ne peut pas être lu comme un classeur {format} : {detail}. Ouvrez-le dans le tableur et enregistrez-le de nouveau.",
        en: "The file cannot be read as a {format} workbook: {detail}. Open it in the spreadsheet program and save it again.",
      },
      protectedWorkbook: {
        fr: "Le classeur est protégé par un mot de passe (ou c'est un ancien classeur .xls) : il n'est pas lu. Enregistrez-le sans mot de passe, au format {format} ou CSV.",
        en: "The workbook is protected by a password (or it is an old .xls workbook): it is not read. Save it without a password, as {format} or CSV.",
      },
      workbookTooLarge: {
        fr: "Le classeur dépasse les limites de lecture ({detail}) : il n'est pas lu. Une archive qui se décompresse à ce point est le plus souvent piégée (« bombe zip ») ; pour un vrai tableau de cette taille, exportez-le en CSV.",
        en: 'The workbook exceeds the reading limits ({detail}): it is not read. An archive that expands this much is most often a trap (a "zip bomb"); for a real table of this size, export it as CSV.',
      },
      xmlRefused: {
        fr: "Le classeur contient un XML refusé ({detail}) : aucun tableur n'en écrit, il n'est pas lu.",
        en: "The workbook holds refused XML ({detail}): no spreadsheet program writes it, it is not read.",
      },
    },
  },
  "oversized-cell": {
    category: "source",
    title: { fr: "Cellule trop longue", en: "Oversized cell" },
    severity: "error",
    fix: {
      fr: "Refermez le guillemet qui ouvre la cellule, ou vérifiez l'export ; si des cellules aussi longues sont voulues, relevez la limite maxCellLength.",
      en: "Close the quote that opens the cell, or check the export; if cells this long are intended, raise the maxCellLength limit.",
    },
    messages: {
      default: {
        fr: "La cellule de la ligne {rowNumber}, colonne {fieldNumber}, compte {length} caractères : seuls les {limit} premiers sont lus (limite maxCellLength).",
        en: "The cell of row {rowNumber}, column {fieldNumber}, is {length} characters long: only the first {limit} are read (maxCellLength limit).",
      },
    },
  },
  "oversized-row": {
    category: "source",
    title: { fr: "Ligne trop longue", en: "Oversized row" },
    severity: "error",
    fix: {
      fr: "Vérifiez les sauts de ligne de l'export ; si des lignes aussi longues sont voulues, relevez la limite maxRowLength.",
      en: "Check the export's line breaks; if rows this long are intended, raise the maxRowLength limit.",
    },
    messages: {
      default: {
        fr: "La ligne {rowNumber} compte {length} caractères : seuls les {limit} premiers sont lus, les cellules suivantes sont ignorées (limite maxRowLength).",
        en: "Row {rowNumber} is {length} characters long: only the first {limit} are read and the following cells are ignored (maxRowLength limit).",
      },
    },
  },
  "schema-error": {
    category: "schema",
    title: { fr: "Schéma inutilisable", en: "Schema error" },
    severity: "error",
    fix: {
      fr: "Corrigez le schéma à l'endroit indiqué ; pour un schéma national, signalez l'erreur à son producteur et épinglez une version qui fonctionne.",
      en: "Fix the schema where shown; for a national schema, report the error to its producer and pin a version that works.",
    },
    messages: {
      default: {
        fr: "Le schéma ne peut pas servir à valider ({property}) : {detail}",
        en: "The schema cannot drive validation ({property}): {detail}",
      },
    },
  },
  "schema-warning": {
    category: "schema",
    title: { fr: "Schéma non conforme à la spécification", en: "Schema departs from the specification" },
    severity: "info",
    fix: {
      fr: "Corrigez le schéma ou signalez l'écart à son producteur.",
      en: "Fix the schema or report the departure to its producer.",
    },
    messages: {
      default: {
        fr: "Le schéma s'écarte de la spécification Table Schema ({property}) : {detail}",
        en: "The schema departs from the Table Schema specification ({property}): {detail}",
      },
    },
  },
  "blank-header": {
    category: "structure",
    title: { fr: "En-tête vide", en: "Blank header" },
    severity: "error",
    fix: {
      fr: "La première ligne doit contenir les noms des colonnes.",
      en: "The first row must hold the column names.",
    },
    messages: {
      default: { fr: "La ligne d'en-tête est entièrement vide.", en: "The header row is completely blank." },
    },
  },
  "blank-label": {
    category: "structure",
    title: { fr: "Nom de colonne vide", en: "Blank label" },
    severity: "error",
    fix: {
      fr: "Écrivez dans l'en-tête le nom du champ attendu, exactement comme dans le schéma.",
      en: "Write the expected field name in the header, exactly as in the schema.",
    },
    messages: {
      default: {
        fr: "La colonne {fieldNumber} n'a pas de nom ; le schéma attend « {fieldName} ».",
        en: 'Column {fieldNumber} has no label; the schema expects "{fieldName}".',
      },
    },
  },
  "duplicate-label": {
    category: "structure",
    title: { fr: "Nom de colonne en double", en: "Duplicate label" },
    severity: "error",
    fix: {
      fr: "Supprimez ou renommez la colonne en double.",
      en: "Remove or rename the duplicate column.",
    },
    messages: {
      default: {
        fr: "Le nom de colonne « {label} » (position {fieldNumber}) apparaît déjà en position {positions}.",
        en: 'Label "{label}" at position {fieldNumber} already appears at position {positions}.',
      },
    },
  },
  "incorrect-label": {
    category: "structure",
    title: { fr: "Nom de colonne incorrect", en: "Incorrect label" },
    severity: "error",
    fix: {
      fr: "Renommez la colonne exactement comme le champ du schéma (casse et accents compris) et respectez l'ordre des champs.",
      en: "Rename the column exactly as the schema field (case and accents included) and keep the field order.",
    },
    messages: {
      default: {
        fr: "La colonne {fieldNumber} s'appelle « {label} » alors que le schéma attend « {fieldName} ».",
        en: 'Column {fieldNumber} is labelled "{label}" but the schema expects "{fieldName}".',
      },
      loose: {
        fr: "La colonne « {label} » (position {fieldNumber}) est lue comme le champ « {fieldName} », dont le nom s'écrit autrement (majuscules, accents ou séparateurs) : renommez-la « {fieldName} ».",
        en: 'Column "{label}" (position {fieldNumber}) is read as field "{fieldName}", whose name is written differently (case, accents or separators): rename it "{fieldName}".',
      },
    },
  },
  "missing-label": {
    category: "structure",
    title: { fr: "Colonne manquante", en: "Missing label" },
    severity: "error",
    fix: {
      fr: "Ajoutez la colonne attendue par le schéma, avec exactement le nom indiqué.",
      en: "Add the column the schema expects, with exactly the name it gives.",
    },
    messages: {
      default: {
        fr: "La colonne « {fieldName} » (position {fieldNumber}) attendue par le schéma est absente.",
        en: 'Column "{fieldName}" (position {fieldNumber}) required by the schema is missing.',
      },
    },
  },
  "extra-label": {
    category: "structure",
    title: { fr: "Colonne en trop", en: "Extra label" },
    severity: "error",
    fix: {
      fr: "Supprimez la colonne ou renommez-la comme un champ du schéma.",
      en: "Remove the column or rename it after a schema field.",
    },
    messages: {
      default: {
        fr: "La colonne « {label} » (position {fieldNumber}) n'est pas prévue par le schéma.",
        en: 'Column "{label}" (position {fieldNumber}) is not in the schema.',
      },
    },
  },
  "missing-header-warn": {
    category: "structure",
    title: { fr: "Colonne facultative absente", en: "Optional column missing" },
    severity: "warning",
    fix: {
      fr: "Ajoutez la colonne, même vide : les réutilisateurs attendent les colonnes facultatives du schéma.",
      en: "Add the column, even empty: reusers expect the schema's optional columns.",
    },
    messages: {
      default: {
        fr: "La colonne facultative « {fieldName} » est absente.",
        en: 'Optional column "{fieldName}" is missing.',
      },
    },
  },
  "extra-header-warn": {
    category: "structure",
    title: { fr: "Colonne inconnue", en: "Unknown column" },
    severity: "warning",
    fix: {
      fr: "Supprimez la colonne ou renommez-la comme le champ du schéma qu'elle remplit ; une colonne propre à votre organisme peut rester.",
      en: "Remove the column or rename it after the schema field it fills; a column of your own may stay.",
    },
    messages: {
      default: {
        fr: "La colonne « {label} » (position {fieldNumber}) n'est pas prévue par le schéma ; elle n'est pas vérifiée.",
        en: 'Column "{label}" (position {fieldNumber}) is not in the schema; it is not checked.',
      },
    },
  },
  "disordered-header-warn": {
    category: "structure",
    title: { fr: "Colonnes dans le désordre", en: "Columns out of order" },
    severity: "warning",
    fix: {
      fr: "Remettez les colonnes dans l'ordre du schéma : certains outils lisent les colonnes par position.",
      en: "Put the columns back in the schema's order: some tools read columns by position.",
    },
    messages: {
      default: {
        fr: "La colonne « {fieldName} » est en position {fieldNumber} au lieu de {expectedNumber}.",
        en: 'Column "{fieldName}" is at position {fieldNumber} instead of {expectedNumber}.',
      },
    },
  },
  "blank-row": {
    category: "structure",
    title: { fr: "Ligne vide", en: "Blank row" },
    severity: "error",
    fix: {
      fr: "Supprimez la ligne vide.",
      en: "Remove the blank row.",
    },
    messages: {
      default: { fr: "La ligne {rowNumber} est entièrement vide.", en: "Row {rowNumber} is completely blank." },
    },
  },
  "extra-cell": {
    category: "structure",
    title: { fr: "Cellule en trop", en: "Extra cell" },
    severity: "error",
    fix: {
      fr: "Supprimez la cellule en trop ou entourez de guillemets la valeur qui contient le séparateur.",
      en: "Remove the extra cell or quote the value that contains the delimiter.",
    },
    messages: {
      default: {
        fr: "La ligne {rowNumber} a une valeur en trop en position {fieldNumber} : « {cell} ».",
        en: 'Row {rowNumber} has an extra value at position {fieldNumber}: "{cell}".',
      },
    },
  },
  "missing-cell": {
    category: "structure",
    title: { fr: "Cellule manquante", en: "Missing cell" },
    severity: "error",
    fix: {
      fr: "Ajoutez les séparateurs manquants : chaque ligne doit avoir autant de cellules que l'en-tête.",
      en: "Add the missing delimiters: every row must have as many cells as the header.",
    },
    messages: {
      default: {
        fr: "La ligne {rowNumber} n'a pas de cellule pour la colonne « {fieldName} » (position {fieldNumber}).",
        en: 'Row {rowNumber} has no cell for column "{fieldName}" (position {fieldNumber}).',
      },
    },
  },
  "type-error": {
    category: "schema",
    title: { fr: "Type ou format incorrect", en: "Type or format error" },
    severity: "error",
    fix: {
      fr: "Écrivez la valeur dans le type et le format attendus par le schéma (date AAAA-MM-JJ, nombre avec un point décimal, booléen true/false…).",
      en: "Write the value in the type and format the schema expects (date YYYY-MM-DD, number with a decimal point, boolean true/false…).",
    },
    messages: {
      default: {
        fr: "La valeur « {cell} » de la colonne « {fieldName} » (ligne {rowNumber}) n'est pas du type attendu ({typeLabel}).",
        en: 'Value "{cell}" in column "{fieldName}" (row {rowNumber}) is not of the expected type ({typeLabel}).',
      },
    },
  },
  "constraint-error": {
    category: "schema",
    title: { fr: "Contrainte non respectée", en: "Constraint error" },
    severity: "error",
    fix: {
      fr: "Corrigez la valeur pour respecter la contrainte du champ : valeur obligatoire, liste de valeurs autorisées, motif, bornes ou longueur.",
      en: "Correct the value to meet the field's constraint: required value, allowed values, pattern, bounds or length.",
    },
    messages: {
      default: {
        fr: "La valeur « {cell} » de la colonne « {fieldName} » (ligne {rowNumber}) ne respecte pas la contrainte {constraint} ({expected}).",
        en: 'Value "{cell}" in column "{fieldName}" (row {rowNumber}) does not meet constraint {constraint} ({expected}).',
      },
      arrayItem: {
        fr: "Un élément de la liste « {cell} » de la colonne « {fieldName} » (ligne {rowNumber}) ne respecte pas la contrainte {constraint} ({expected}).",
        en: 'An item of list "{cell}" in column "{fieldName}" (row {rowNumber}) does not meet constraint {constraint} ({expected}).',
      },
      required: {
        fr: "La colonne « {fieldName} » est obligatoire mais la ligne {rowNumber} n'a pas de valeur.",
        en: 'Column "{fieldName}" is required but row {rowNumber} has no value.',
      },
      minLength: {
        fr: "La valeur « {cell} » de la colonne « {fieldName} » (ligne {rowNumber}) est trop courte : {expected} caractères au moins.",
        en: 'Value "{cell}" in column "{fieldName}" (row {rowNumber}) is too short: at least {expected} characters.',
      },
      maxLength: {
        fr: "La valeur « {cell} » de la colonne « {fieldName} » (ligne {rowNumber}) est trop longue : {expected} caractères au plus.",
        en: 'Value "{cell}" in column "{fieldName}" (row {rowNumber}) is too long: at most {expected} characters.',
      },
      minimum: {
        fr: "La valeur « {cell} » de la colonne « {fieldName} » (ligne {rowNumber}) est inférieure au minimum {expected}.",
        en: 'Value "{cell}" in column "{fieldName}" (row {rowNumber}) is below the minimum {expected}.',
      },
      maximum: {
        fr: "La valeur « {cell} » de la colonne « {fieldName} » (ligne {rowNumber}) dépasse le maximum {expected}.",
        en: 'Value "{cell}" in column "{fieldName}" (row {rowNumber}) is above the maximum {expected}.',
      },
      exclusiveMinimum: {
        fr: "La valeur « {cell} » de la colonne « {fieldName} » (ligne {rowNumber}) doit être strictement supérieure à {expected}.",
        en: 'Value "{cell}" in column "{fieldName}" (row {rowNumber}) must be greater than {expected}.',
      },
      exclusiveMaximum: {
        fr: "La valeur « {cell} » de la colonne « {fieldName} » (ligne {rowNumber}) doit être strictement inférieure à {expected}.",
        en: 'Value "{cell}" in column "{fieldName}" (row {rowNumber}) must be less than {expected}.',
      },
      pattern: {
        fr: "La valeur « {cell} » de la colonne « {fieldName} » (ligne {rowNumber}) n'a pas le format attendu (motif {expected}).",
        en: 'Value "{cell}" in column "{fieldName}" (row {rowNumber}) does not have the expected format (pattern {expected}).',
      },
      enum: {
        fr: "La valeur « {cell} » de la colonne « {fieldName} » (ligne {rowNumber}) ne fait pas partie des valeurs autorisées : {expected}.",
        en: 'Value "{cell}" in column "{fieldName}" (row {rowNumber}) is not one of the allowed values: {expected}.',
      },
    },
  },
  "unique-error": {
    category: "schema",
    title: { fr: "Valeur en double", en: "Unique error" },
    severity: "error",
    fix: {
      fr: "Chaque valeur de cette colonne doit être unique : corrigez le doublon.",
      en: "Every value of this column must be unique: fix the duplicate.",
    },
    messages: {
      default: {
        fr: "La valeur « {cell} » de la colonne « {fieldName} » (ligne {rowNumber}) doit être unique ; elle figure déjà ligne {previousRow}.",
        en: 'Value "{cell}" in column "{fieldName}" (row {rowNumber}) must be unique; it already appears on row {previousRow}.',
      },
    },
  },
  "primary-key": {
    category: "schema",
    title: { fr: "Clé primaire non respectée", en: "Primary key error" },
    severity: "error",
    fix: {
      fr: "La combinaison des colonnes de la clé doit être unique et renseignée : corrigez le doublon.",
      en: "The key columns together must be unique and filled in: fix the duplicate.",
    },
    messages: {
      default: {
        fr: "La ligne {rowNumber} a la même clé primaire ({fields}) que la ligne {previousRow}.",
        en: "Row {rowNumber} has the same primary key ({fields}) as row {previousRow}.",
      },
      allNull: {
        fr: "La ligne {rowNumber} n'a aucune valeur valide dans la clé primaire ({fields}).",
        en: "Row {rowNumber} has no valid value in its primary key ({fields}).",
      },
    },
  },
  "foreign-key": {
    category: "schema",
    title: { fr: "Référence introuvable", en: "Foreign key error" },
    severity: "error",
    fix: {
      fr: "La valeur doit exister dans la table référencée : corrigez-la, ou ajoutez la ligne manquante à cette table.",
      en: "The value must exist in the referenced table: fix it, or add the missing row to that table.",
    },
    messages: {
      default: {
        fr: "La ligne {rowNumber} fait référence à {values} ({fields}), absent de {reference}.",
        en: "Row {rowNumber} refers to {values} ({fields}), which is not in {reference}.",
      },
    },
  },
  "resource-error": {
    category: "schema",
    title: { fr: "Ressource incomplète", en: "Resource error" },
    severity: "warning",
    fix: {
      fr: "Validez le data package entier : les clés étrangères y sont vérifiées ligne à ligne.",
      en: "Validate the whole data package: foreign keys are checked there row by row.",
    },
    messages: {
      default: {
        fr: "La ressource ne peut pas être entièrement vérifiée : {detail}",
        en: "The resource cannot be fully checked: {detail}",
      },
      packageRequired: {
        fr: "la clé étrangère ({fields}) renvoie à la ressource « {resource} » : validez le data package entier pour la vérifier.",
        en: 'the foreign key ({fields}) refers to resource "{resource}": validate the whole data package to check it.',
      },
    },
  },
  "check-error": {
    category: "custom",
    title: { fr: "Contrôle inutilisable", en: "Check error" },
    severity: "error",
    fix: {
      fr: "Corrigez le nom du contrôle ou ses paramètres (liste : conforme explain --list) ; pour un schéma national, signalez l'erreur à son producteur.",
      en: "Fix the check's name or parameters (list: conforme explain --list); for a national schema, report the error to its producer.",
    },
    messages: {
      default: {
        fr: "Le contrôle « {check} » ne peut pas s'exécuter : {detail}",
        en: 'Check "{check}" cannot run: {detail}',
      },
      ...checkErrorMessages,
    },
  },
} as const satisfies Record<string, EngineCode>;

export type EngineCodeId = keyof typeof engineCodes;
