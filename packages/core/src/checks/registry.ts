import type { RowCheck } from "../check.js";
import { codeCommuneInsee } from "./code-commune-insee.js";
import { codeDepartement } from "./code-departement.js";
import { codePaysIso2 } from "./code-pays-iso2.js";
import { codePaysIso3 } from "./code-pays-iso3.js";
import { codePostal } from "./code-postal.js";
import { codeRegion } from "./code-region.js";
import { codeRna } from "./code-rna.js";
import { cohesiveColumnsValue } from "./cohesive-columns-value.js";
import { commune } from "./commune.js";
import { compareColumnsValue } from "./compare-columns-value.js";
import { departement } from "./departement.js";
import { frenchGpsCoordinates } from "./french-gps-coordinates.js";
import { frenchSirenValue } from "./french-siren-value.js";
import { frenchSiretValue } from "./french-siret-value.js";
import { nomenclatureActesValue } from "./nomenclature-actes-value.js";
import { oneOfRequired } from "./one-of-required.js";
import { openingHoursValue } from "./opening-hours-value.js";
import { phoneNumberValue } from "./phone-number-value.js";
import { region } from "./region.js";
import { sumColumnsValue } from "./sum-columns-value.js";
import { yearIntervalValue } from "./year-interval-value.js";

/** Every row check, one line each, sorted by id (a test keeps it so). */
export const checks: readonly RowCheck[] = [
  codeCommuneInsee,
  codeDepartement,
  codePaysIso2,
  codePaysIso3,
  codePostal,
  codeRegion,
  codeRna,
  cohesiveColumnsValue,
  commune,
  compareColumnsValue,
  departement,
  frenchGpsCoordinates,
  frenchSirenValue,
  frenchSiretValue,
  nomenclatureActesValue,
  oneOfRequired,
  openingHoursValue,
  phoneNumberValue,
  region,
  sumColumnsValue,
  yearIntervalValue,
];

/** The check selected by an id or one of its aliases. */
export function findCheck(name: string): RowCheck | undefined {
  return checks.find((check) => check.id === name || check.aliases?.includes(name));
}
