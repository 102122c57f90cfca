// libphonenumber-js re-exported from one module of ours, so that the build bundles it into one
// lazily loaded chunk (tsup.config.ts, `noExternal`): its ES build is 93 files, and resolving and
// compiling them one by one cost about three times as much CPU as the same code in one file
// (docs/performance.md, "Démarrage").
export * from "libphonenumber-js/max";
