#!/usr/bin/env node
// The two steps of a release that changesets does not do (docs/release.md):
//   node scripts/release.mjs sync   after `changeset version`: puts the new version where the
//                                   docs name it (the config schema's versioned URL);
//   node scripts/release.mjs tags   after `changeset publish`: tags vX.Y.Z and moves vX, the
//                                   major tag users put in `uses: conforme-fr/conforme/action@v1`.
import { execFileSync } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The version both packages share (changesets `fixed` group); throws if they differ. */
export async function sharedVersion() {
  const versions = await Promise.all(["packages/core", "packages/cli"].map(async (dir) => JSON.parse(await readFile(path.join(root, dir, "package.json"), "utf8")).version));
  if (new Set(versions).size !== 1) throw new Error(`@conforme/core and conforme differ in version: ${versions.join(", ")}`);
  return versions[0];
}

/** The release tag and the moving major tag of a version; no major tag before 1.0.0 (semver §4). */
export function releaseTags(version) {
  const match = /^(\d+)\.\d+\.\d+$/.exec(version);
  if (!match) throw new Error(`not a release version: ${version}`);
  return { tag: `v${version}`, major: match[1] === "0" ? undefined : `v${match[1]}` };
}

/** docs/configuration.md with the schema URL of `version` (the line `conforme init` writes). */
export function withSchemaVersion(text, version) {
  return text.replace(/(cdn\.jsdelivr\.net\/npm\/@conforme\/core@)[^/\s]+(\/dist\/config\.schema\.json)/g, `$1${version}$2`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const version = await sharedVersion();
  const step = process.argv[2];
  if (step === "sync") {
    const file = path.join(root, "docs/configuration.md");
    await writeFile(file, withSchemaVersion(await readFile(file, "utf8"), version));
    console.log(`docs/configuration.md: config schema of ${version}`);
  } else if (step === "tags") {
    const { tag, major } = releaseTags(version);
    const git = (...args) => execFileSync("git", args, { cwd: root, stdio: "inherit" });
    git("tag", "-a", tag, "-m", `conforme ${version}`);
    git("push", "origin", `refs/tags/${tag}`);
    if (major) {
      // A major tag is moved on purpose: the Action's users follow it (GitHub's guidance for actions).
      git("tag", "-f", "-a", major, "-m", `conforme ${version}`);
      git("push", "--force", "origin", `refs/tags/${major}`);
    }
  } else {
    console.error("usage: node scripts/release.mjs sync|tags");
    process.exit(2);
  }
}
