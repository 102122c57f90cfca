// A hand-built report on realistic municipal data (SCDL subventions and délibérations), used by the
// HTML formatter's unit tests and by the browser tests until the engine produces real ones.
import type { Finding } from "../../../findings.js";
import type { FileReport, MetadataReport, Report } from "../../../report.js";
import type { PreviewTable } from "../../html.js";

export const SCRIPT_CELL = "<script>alert('xss')</script>";
export const IMG_CELL = '"><img src=x onerror=alert(1)>';

function finding(partial: Partial<Finding> & Pick<Finding, "code" | "message">): Finding {
  return {
    messageId: partial.code,
    severity: "error",
    category: "schema",
    data: {},
    ...partial,
  };
}

const SUBVENTIONS = "subventions-2024.csv";
const DELIBERATIONS = "deliberations-2024.csv";
const BUDGET = "budget-primitif-2024.csv";
const EQUIPEMENTS = "equipements-sportifs.csv";

export const subventionsLabels = [
  "nomAttribuant",
  "idAttribuant",
  "dateConvention",
  "referenceDecision",
  "nomBeneficiaire",
  "idBeneficiaire",
  "objet",
  "montant",
  "nature",
  "conditionsVersement",
];

const subventionsRows: string[][] = [
  [
    "Commune de Saint-Aubin",
    "21350001600014",
    "2024-02-12",
    "DEL-2024-012",
    "Association Les Amis du Patrimoine",
    "44306184100047",
    "Restauration du lavoir",
    "4500",
    "aide en numéraire",
    "Unique",
  ],
  [
    "Commune de Saint-Aubin",
    "21350001600014",
    "2024-02-12",
    "DEL-2024-012",
    "Club de football de Saint-Aubin",
    "41222222200011",
    "Fonctionnement 2024",
    "1 500,00",
    "aide en numéraire",
    "Unique",
  ],
  ["Commune de Saint-Aubin", "21350001600014", "2024-03-04", "DEL-2024-019", "Jean Dupont", "12345678901234", "Aide au ravalement de façade", "800", "aide en numéraire", "Unique"],
  ["Commune de Saint-Aubin", "21350001600014", "2024-03-04", "DEL-2024-019", "Comité des fêtes", "50123456700019", SCRIPT_CELL, "2300", "prêt de salle", "Unique"],
  [
    "Commune de Saint-Aubin",
    "21350001600014",
    "2024-13-01",
    "DEL-2024-021",
    "École de musique intercommunale",
    "31245678900027",
    "Fonctionnement",
    "12k€",
    "aide en numéraire",
    "Échelonné",
  ],
  ["Commune de Saint-Aubin", "21350001600014", "2024-04-15", "DEL-2024-025", "Claire Martin", "", IMG_CELL, "350", "aide en nature", "Unique"],
  ["Commune de Saint-Aubin", "21350001600014", "2024-04-15", "DEL-2024-025", "Banque alimentaire", "77566713900018", "Collecte annuelle", "1200", "aide en numéraire", "Unique"],
  [
    "Commune de Saint-Aubin",
    "21350001600014",
    "2024-05-02",
    "DEL-2024-031",
    "Association sportive du collège",
    "44306184100054",
    "Déplacements",
    "600",
    "aide en numéraire",
    "Unique",
  ],
];

export const subventionsPreview: PreviewTable = { labels: subventionsLabels, rows: subventionsRows };

const subventionsFindings: Finding[] = [
  finding({
    code: "type-error",
    message: "La valeur « 1 500,00 » de la colonne montant (ligne 3) n'est pas un nombre.",
    data: { type: "number" },
    rowNumber: 3,
    fieldNumber: 8,
    fieldName: "montant",
    cell: "1 500,00",
    line: 3,
  }),
  finding({
    code: "type-error",
    message: "La valeur de la colonne dateConvention (ligne 6) n'est pas une date AAAA-MM-JJ.",
    data: { type: "date" },
    rowNumber: 6,
    fieldNumber: 3,
    fieldName: "dateConvention",
    cell: "2024-13-01",
    line: 6,
  }),
  finding({
    code: "type-error",
    message: "La valeur « 12k€ » de la colonne montant (ligne 6) n'est pas un nombre.",
    data: { type: "number" },
    rowNumber: 6,
    fieldNumber: 8,
    fieldName: "montant",
    cell: "12k€",
    line: 6,
  }),
  finding({
    code: "constraint-error",
    message: "La valeur de la colonne nature (ligne 5) n'est pas dans la liste autorisée.",
    data: { constraint: "enum" },
    rowNumber: 5,
    fieldNumber: 9,
    fieldName: "nature",
    cell: "prêt de salle",
    line: 5,
  }),
  finding({
    code: "constraint-error",
    message: "La colonne objet (ligne 5) contient un texte non autorisé.",
    data: { constraint: "pattern" },
    rowNumber: 5,
    fieldNumber: 7,
    fieldName: "objet",
    cell: SCRIPT_CELL,
    line: 5,
  }),
  finding({
    code: "constraint-error",
    message: "La colonne objet (ligne 7) contient un texte non autorisé.",
    data: { constraint: "pattern" },
    rowNumber: 7,
    fieldNumber: 7,
    fieldName: "objet",
    cell: IMG_CELL,
    line: 7,
  }),
  finding({
    code: "french-siret-value",
    category: "french",
    message: "Le SIRET de la colonne idBeneficiaire (ligne 4) a une clé de contrôle fausse.",
    rowNumber: 4,
    fieldNumber: 6,
    fieldName: "idBeneficiaire",
    cell: "12345678901234",
    line: 4,
  }),
  finding({
    code: "personal-data",
    category: "personal-data",
    severity: "warning",
    messageId: "personName",
    message: "La colonne nomBeneficiaire semble contenir des noms de personnes physiques.",
    fieldNumber: 5,
    fieldName: "nomBeneficiaire",
    data: {
      kind: "nom de personne physique",
      confidence: 0.82,
      evidence: { "en-tête": "nomBeneficiaire", "part des valeurs": "2 sur 8", "prénoms reconnus": ["Jean", "Claire"] },
      examples: ["J••• D•••••", "C•••• M•••••"],
      legal: { référence: "CRPA art. L312-1-2", exception: "CRPA art. D312-1-3 (personnes morales)" },
    },
  }),
];

const deliberationsFindings: Finding[] = [
  finding({
    code: "extra-label",
    category: "structure",
    severity: "warning",
    message: "La colonne « commentaire_interne » n'est pas dans le schéma.",
    rowNumber: 1,
    fieldNumber: 9,
    fieldName: "commentaire_interne",
    cell: "commentaire_interne",
    line: 1,
  }),
  finding({
    code: "personal-data",
    category: "personal-data",
    severity: "error",
    messageId: "freeTextPhone",
    message: "La colonne DELIB_OBJET contient des numéros de téléphone dans le texte libre.",
    fieldNumber: 5,
    fieldName: "DELIB_OBJET",
    data: {
      kind: "téléphone dans un texte libre",
      confidence: "élevée",
      evidence: ["3 lignes sur 212", "motif +33 / 0X XX XX XX XX"],
      examples: ["06 •• •• •• 42", "07 •• •• •• 18"],
      legal: "CRPA art. L311-6 (protection de la vie privée)",
    },
  }),
];

const budgetFindings: Finding[] = [
  finding({
    code: "missing-label",
    category: "structure",
    message: "La colonne obligatoire « BGT_NATDEC » est absente.",
    rowNumber: 1,
    fieldNumber: 3,
    fieldName: "BGT_NATDEC",
    line: 1,
  }),
  finding({
    code: "type-error",
    message: "La valeur de la colonne BGT_MTREAL (ligne 14) n'est pas un nombre.",
    rowNumber: 14,
    fieldNumber: 9,
    fieldName: "BGT_MTREAL",
    cell: "N/A",
    line: 14,
  }),
];

function file(name: string, partial: Partial<FileReport>): FileReport {
  return {
    file: name,
    valid: true,
    partial: false,
    labels: [],
    stats: { rows: 0, fields: 0, bytes: 0, errors: 0, warnings: 0, infos: 0 },
    findings: [],
    durationMs: 12,
    encoding: "utf-8",
    dialect: { delimiter: ";", quoteChar: '"', lineTerminator: "\r\n" },
    ...partial,
  };
}

export const metadataSection: MetadataReport = {
  descriptor: "datapackage.json",
  format: "datapackage-v1",
  dataFiles: [SUBVENTIONS],
  valid: true,
  stats: { errors: 0, warnings: 0, infos: 0 },
  findings: [],
  scores: [
    {
      id: "datagouv",
      points: 6,
      max: 9,
      verified: 6,
      provisionalPoints: 0,
      localPoints: 0,
      provisional: false,
      criteria: [
        { id: "license", label: { fr: "Licence renseignée", en: "Licence set" }, points: 1, max: 1 },
        {
          id: "temporal-coverage",
          label: { fr: "Couverture temporelle", en: "Temporal coverage" },
          points: 0,
          max: 1,
          recommendation: { fr: "Renseignez la période couverte (temporal).", en: "Set the temporal coverage." },
        },
        {
          id: "update-frequency",
          label: { fr: "Fréquence de mise à jour", en: "Update frequency" },
          points: 0,
          max: 1,
          recommendation: { fr: "Indiquez la fréquence de mise à jour (annuelle).", en: "Give the update frequency." },
        },
        { id: "description", label: { fr: "Description de plus de 100 caractères", en: "Description over 100 characters" }, points: 1, max: 1 },
      ],
    },
    {
      id: "mqa",
      points: 290,
      max: 405,
      verified: 210,
      provisionalPoints: 80,
      localPoints: 0,
      rating: "good",
      provisional: true,
      criteria: [
        { id: "keywords", label: { fr: "Mots-clés", en: "Keywords" }, points: 30, max: 30 },
        {
          id: "access-url",
          label: { fr: "URL d'accès joignable", en: "Reachable access URL" },
          points: 0,
          max: 50,
          recommendation: { fr: "Publiez le fichier à une URL joignable <b>stable</b>.", en: "Publish the file at a <b>stable</b> reachable URL." },
        },
        { id: "contact-point", label: { fr: "Point de contact", en: "Contact point" }, points: 20, max: 20 },
      ],
    },
  ],
};

/** Subventions invalid (content), délibérations partially valid, budget with an invalid structure, équipements valid. */
export function municipalReport(): Report & { metadata: MetadataReport[] } {
  return {
    reportVersion: "1.0",
    tool: { name: "conforme", version: "0.1.0" },
    lang: "fr",
    createdAt: "2024-06-03T09:15:42.000Z",
    durationMs: 1834,
    valid: false,
    stats: { files: 4, errors: 9, warnings: 2, infos: 0 },
    runErrors: [],
    options: { schema: "scdl/subventions", personalData: { enabled: true }, maxErrors: 1000 },
    metadata: [metadataSection],
    files: [
      file(SUBVENTIONS, {
        valid: false,
        schema: { id: "scdl/subventions", version: "2.1.0", source: "https://schema.data.gouv.fr/schemas/scdl/subventions/2.1.0/schema.json" },
        labels: subventionsLabels,
        stats: {
          rows: 8,
          fields: 10,
          bytes: 1487,
          sha256: "3f0a1c5e9b7d2e4f6a8b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f",
          errors: 7,
          warnings: 1,
          infos: 0,
          validCellsPercent: 92.5,
        },
        findings: subventionsFindings,
      }),
      file(DELIBERATIONS, {
        valid: true,
        schema: { id: "scdl/deliberations", version: "2.1.3", source: "https://schema.data.gouv.fr/schemas/scdl/deliberations/2.1.3/schema.json" },
        stats: {
          rows: 212,
          fields: 9,
          bytes: 48211,
          sha256: "9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a0f9e8d",
          errors: 0,
          warnings: 1,
          infos: 0,
          validCellsPercent: 100,
        },
        findings: deliberationsFindings,
      }),
      file(BUDGET, {
        valid: false,
        schema: { id: "scdl/budget", version: "0.8.1", source: "../schemas/scdl-budget.json" },
        stats: { rows: 340, fields: 24, bytes: 90112, sha256: "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", errors: 2, warnings: 0, infos: 0 },
        findings: budgetFindings,
      }),
      file(EQUIPEMENTS, {
        valid: true,
        stats: {
          rows: 57,
          fields: 14,
          bytes: 8120,
          sha256: "fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210",
          errors: 0,
          warnings: 0,
          infos: 0,
          validCellsPercent: 100,
        },
      }),
    ],
  };
}

/** A file report with `count` findings spread over three codes, as a run with no cap would give. */
export function hugeFileReport(count: number): FileReport {
  const codes = ["type-error", "constraint-error", "missing-cell"] as const;
  const findings: Finding[] = [];
  for (let i = 0; i < count; i++) {
    const code = codes[i % codes.length]!;
    findings.push(finding({ code, message: `Valeur incorrecte ligne ${i + 2}`, rowNumber: i + 2, fieldNumber: 8, fieldName: "montant", cell: `${i}€` }));
  }
  return file("subventions-massives.csv", {
    valid: false,
    stats: { rows: count, fields: 10, bytes: count * 120, errors: count, warnings: 0, infos: 0, validCellsPercent: 90 },
    findings,
  });
}
