import type { RowCheck } from "../check.js";
import { personalDataCheck } from "./personal-data-check.js";
import { reidentificationRiskCheck } from "./reidentification-risk.js";
import { smallCountsCheck } from "./small-counts.js";

export { DETECTORS } from "./detectors/index.js";
export { mask } from "./mask.js";
export { personalDataCheck, personalDataCode } from "./personal-data-check.js";
export { reidentificationRiskCheck } from "./reidentification-risk.js";
export { smallCountsCheck } from "./small-counts.js";
export { PERSONAL_DATA_KINDS } from "./types.js";
export type { Detector, PersonalDataKind, ValueMatch, HeaderHint } from "./types.js";
export type { AcceptedFinding, PersonalDataOptions, ReidentificationOptions, SmallCountsOptions } from "./options.js";

/** The personal-data row checks, sorted by id. */
export const personalDataChecks: RowCheck[] = [personalDataCheck, reidentificationRiskCheck, smallCountsCheck];
