import type * as PhoneNumbers from "libphonenumber-js/max";
import { namedExports } from "./lazy-module.js";

/**
 * libphonenumber-js with its full metadata costs about 0.15 s to import: it is loaded by the
 * `prepare` step of the checks that parse numbers (phone-number-value, personal-data detection with
 * the phone detector on), so `conforme --version`, a scan of a file without the phone detector or
 * the browser bundle's first paint never pay for it.
 */
let library: typeof PhoneNumbers | undefined;
let loading: Promise<typeof PhoneNumbers> | undefined;

export function loadPhoneNumbers(): Promise<typeof PhoneNumbers> {
  loading ??= import("libphonenumber-js/max").then((module) => (library = namedExports(module, "parsePhoneNumberFromString")));
  return loading;
}

/** The loaded library; reaching this before `loadPhoneNumbers()` resolved is a programming error. */
export function phoneNumbers(): typeof PhoneNumbers {
  if (library === undefined) throw new Error("libphonenumber-js not loaded: await the check's prepare() first");
  return library;
}
