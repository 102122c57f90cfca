/**
 * Legal references quoted in findings (GDPR, CNIL guidance). Kept as short citations: the docs
 * page explains each.
 */
export const LEGAL = {
  definition: "RGPD art. 4(1)",
  openDataAnonymisation: "CRPA L312-1-2",
  privacy: "CRPA L311-6",
  exemptions: "CRPA D312-1-3",
  anonymisationCriteria: "G29, avis 05/2014 sur les techniques d'anonymisation",
  recital26: "RGPD considérant 26",
  statisticalSecrecy: "Loi n° 51-711 du 7 juin 1951, art. 6 (secret statistique)",
} as const;
