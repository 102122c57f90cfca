// libphonenumber-js re-exported from one module of ours, so that the build bundles it into one
// lazily loaded chunk (tsup.config.ts, `noExternal`): its ES build is 93 files, and resolving and
// compiling them one by one cost about three times as much CPU as the same code in one file
// (docs/performance.md, "Démarrage"). Only the parser we call: `export *` also bundled the
// as-you-type formatter and the number finder, a quarter more code for V8 to compile each time the
// chunk loads (about 15 ms of CPU).
export { parsePhoneNumberFromString } from "libphonenumber-js/max";
