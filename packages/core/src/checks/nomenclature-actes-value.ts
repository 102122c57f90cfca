import { columnCheck, columnOptionsSchema, foldAccents } from "./helpers.js";

/**
 * The 9 subjects ("matières") of the ACTES nomenclature, the prefix before the `/` in SCDL
 * deliberations (nomenclature ACTES of the Ministry of the Interior, list as read by Validata's
 * `nomenclature_actes_value`). Compared without case or accents, as Validata does.
 */
export const ACTES_SUBJECTS: readonly string[] = [
  "Commande publique",
  "Urbanisme",
  "Domaine et patrimoine",
  "Fonction publique",
  "Institutions et vie politique",
  "Libertés publiques et pouvoirs de police",
  "Finances locales",
  "Domaines de compétences par thèmes",
  "Autres domaines de compétences",
];

const FOLDED = new Set(ACTES_SUBJECTS.map(foldAccents));

export const nomenclatureActesValue = columnCheck({
  id: "nomenclature-actes-value",
  aliases: ["nomenclature-acte"],
  // Validata's error type for this check (ErrType.NOMENCLATURE_ACTES), kept verbatim.
  code: "nomenclature-actes",
  meta: {
    title: {
      fr: "Nomenclature ACTES",
      en: "ACTES nomenclature",
    },
    fix: {
      fr: "Commencez la valeur par une matière de la nomenclature ACTES suivie d'une oblique sans espace (Urbanisme/Documents d'urbanisme).",
      en: "Start the value with an ACTES subject followed by a slash without spaces (Urbanisme/Documents d'urbanisme).",
    },
    emits: {
      "nomenclature-actes": {
        title: {
          fr: "Valeur hors de la nomenclature ACTES",
          en: "Value outside the ACTES nomenclature",
        },
        fix: {
          fr: "Commencez la valeur par une matière de la nomenclature ACTES suivie d'une oblique sans espace (Urbanisme/Documents d'urbanisme).",
          en: "Start the value with an ACTES subject followed by a slash without spaces (Urbanisme/Documents d'urbanisme).",
        },
      },
    },
    category: "custom",
    description: {
      fr: "Vérifie que la valeur commence par une matière de la nomenclature ACTES suivie d'une oblique (« Urbanisme/... »).",
      en: 'Checks that the value starts with a subject of the ACTES nomenclature followed by a slash ("Urbanisme/...").',
    },
    severity: "error",
    messages: {
      missingSlash: {
        fr: "Nomenclature ACTES invalide : l'oblique « / » est absente de la colonne {column}.",
        en: 'Invalid ACTES nomenclature: the slash "/" is missing in column {column}.',
      },
      spaceAroundSlash: {
        fr: "Nomenclature ACTES invalide : l'oblique ne doit être ni précédée ni suivie d'une espace (colonne {column}).",
        en: "Invalid ACTES nomenclature: the slash must not be preceded or followed by a space (column {column}).",
      },
      unknownPrefix: {
        fr: "Nomenclature ACTES invalide : le préfixe « {prefix} » n'est pas une matière de la nomenclature (colonne {column}).",
        en: 'Invalid ACTES nomenclature: the prefix "{prefix}" is not a subject of the nomenclature (column {column}).',
      },
    },
    options: columnOptionsSchema(),
  },
  compile: () => (raw) => {
    const slash = raw.indexOf("/");
    if (slash < 0) return { messageId: "missingSlash" };
    const prefix = raw.slice(0, slash);
    const spaced = raw.includes("/ ");
    if (FOLDED.has(foldAccents(prefix)) && !spaced) return undefined;
    if (spaced || FOLDED.has(foldAccents(prefix.trimEnd()))) return { messageId: "spaceAroundSlash" };
    return { messageId: "unknownPrefix", data: { prefix } };
  },
});
