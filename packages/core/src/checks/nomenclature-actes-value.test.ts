import { testCheck } from "./check-tester.js";
import { nomenclatureActesValue } from "./nomenclature-actes-value.js";

testCheck(nomenclatureActesValue, {
  valid: ["Urbanisme/Documents d'urbanisme", "commande publique/Marchés publics", "Libertes publiques et pouvoirs de police/Police", "AUTRES DOMAINES DE COMPÉTENCES/Divers"],
  invalid: [
    { value: "Urbanisme", errors: [{ messageId: "missingSlash", code: "nomenclature-actes", rowNumber: 2, fieldName: "x" }] },
    { value: "Urbanisme / Permis", errors: [{ messageId: "spaceAroundSlash", code: "nomenclature-actes", rowNumber: 2, fieldName: "x" }] },
    { value: "Urbanisme /Permis", errors: [{ messageId: "spaceAroundSlash", code: "nomenclature-actes", rowNumber: 2, fieldName: "x" }] },
    { value: "Sport/Subventions", errors: [{ messageId: "unknownPrefix", code: "nomenclature-actes", rowNumber: 2, fieldName: "x" }] },
  ],
});
