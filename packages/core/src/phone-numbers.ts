import type * as PhoneNumbers from "./libphonenumber.js";
import { lazyModule } from "./lazy-module.js";

/**
 * libphonenumber-js with its full metadata costs about 0.15 s to import: it is loaded by the
 * `prepare` step of the checks that parse numbers (phone-number-value, personal-data detection with
 * the phone detector on), so `conforme --version`, a scan of a file without the phone detector or
 * the browser bundle's first paint never pay for it. The build bundles it into one chunk of ours
 * (libphonenumber.ts).
 */
const phoneModule = lazyModule<typeof PhoneNumbers>("libphonenumber-js", () => import("./libphonenumber.js"), "parsePhoneNumberFromString");

export const loadPhoneNumbers = phoneModule.load;
/** The loaded library; reaching this before `loadPhoneNumbers()` resolved is a programming error. */
export const phoneNumbers = phoneModule.get;
