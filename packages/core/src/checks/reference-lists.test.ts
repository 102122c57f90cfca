import { testCheck } from "./check-tester.js";
import { codeCommuneInsee, codeDepartement, codePaysIso2, codePaysIso3, codePostal, codeRegion, commune, departement, region } from "./reference-lists.js";

testCheck(codeCommuneInsee, {
  valid: ["75056", "2A004", "97411", "75101"],
  invalid: [
    { value: "75000", errors: ["unknown"] },
    { value: "20004", errors: ["unknown"] },
    { value: "7505", errors: ["unknown"] },
  ],
});

testCheck(codeDepartement, {
  valid: ["01", "2A", "2B", "75", "971", "976"],
  invalid: [
    { value: "1", errors: ["unknown"] },
    { value: "20", errors: ["unknown"] },
    { value: "96", errors: ["unknown"] },
    { value: "975", errors: ["unknown"] },
  ],
});

testCheck(codePaysIso2, {
  valid: ["FR", "DE", "PF"],
  invalid: [
    { value: "fr", errors: ["unknown"] },
    { value: "FRA", errors: ["unknown"] },
    { value: "XX", errors: ["unknown"] },
  ],
});

testCheck(codePaysIso3, {
  valid: ["FRA", "DEU", "PYF"],
  invalid: [
    { value: "fra", errors: ["unknown"] },
    { value: "FR", errors: ["unknown"] },
    { value: "XXX", errors: ["unknown"] },
  ],
});

testCheck(codePostal, {
  valid: ["75001", "20000", "97400", "01400"],
  invalid: [
    { value: "75000", errors: ["unknown"] },
    { value: "7500", errors: ["unknown"] },
    { value: "00000", errors: ["unknown"] },
  ],
});

testCheck(codeRegion, {
  valid: ["11", "94", "01", "06"],
  invalid: [
    { value: "1", errors: ["unknown"] },
    { value: "99", errors: ["unknown"] },
    { value: "975", errors: ["unknown"] },
  ],
});

testCheck(commune, {
  valid: ["Paris", "L'Abergement-Clémenciat", "Ajaccio"],
  invalid: [
    { value: "paris", errors: ["unknown"] },
    { value: "PARIS", errors: ["unknown"] },
    { value: "Nulle-Part-sur-Mer", errors: ["unknown"] },
  ],
});

testCheck(departement, {
  valid: ["Ain", "Corse-du-Sud", "La Réunion"],
  invalid: [
    { value: "ain", errors: ["unknown"] },
    { value: "Seine-et-Oise", errors: ["unknown"] },
  ],
});

testCheck(region, {
  valid: ["Île-de-France", "Corse", "Bretagne"],
  invalid: [
    { value: "Ile de France", errors: ["unknown"] },
    { value: "Rhône-Alpes", errors: ["unknown"] },
  ],
});
