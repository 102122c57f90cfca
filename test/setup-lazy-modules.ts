import { loadOpeningHours } from "../packages/core/src/checks/opening-hours-value.js";
import { loadMediaTypes } from "../packages/core/src/metadata/vocabularies/formats.js";
import { loadPhoneNumbers } from "../packages/core/src/phone-numbers.js";
import { loadYaml } from "../packages/core/src/yaml-module.js";

// The engine loads libphonenumber-js and opening_hours.js in the checks' `prepare` step, before the
// first row, and yaml and mime-db in the async steps that read YAML or score metadata. Unit tests
// call detectors, scorers and parsers directly and synchronously (`runChecks`, `detector.test`,
// `scoreMqa`), so they get the libraries loaded here, as after those steps.
// That the engine does load them on its own is shown end to end by test/lazy-loading.test.ts.
await Promise.all([loadPhoneNumbers(), loadOpeningHours(), loadYaml(), loadMediaTypes()]);
