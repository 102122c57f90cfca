import manifest from "../package.json" with { type: "json" };

/**
 * conforme's version, written in reports and in the config schema's URL. Read from the package's
 * manifest, which `changeset version` bumps, so a release never ships a stale number.
 */
export const VERSION: string = manifest.version;
