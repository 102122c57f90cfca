// Trims the reference lists the checks use to the values they compare against. The npm packages
// carry much more than that: codes-postaux ships a 65 MB `codes-postaux-full.json` next to the
// 4 MB file we read, and @etalab/decoupage-administratif ships EPCI and arrondissement lists and
// every attribute of each commune. Installing them made `npm install conforme` about 120 MB, so
// they are development dependencies and `scripts/generate.mjs` writes (and checks) the trimmed
// files in packages/core/data, which the checks import and the build bundles.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);

async function packageJson(name, file) {
  const manifest = require.resolve(`${name}/package.json`);
  const directory = path.dirname(manifest);
  const { version } = JSON.parse(await readFile(manifest, "utf8"));
  return { version, data: JSON.parse(await readFile(path.join(directory, file), "utf8")) };
}

const sorted = (values) => [...new Set(values)].sort();

/** Returns the trimmed files by path from the repository root, each as the text to write. */
export async function referenceData() {
  const [communes, departements, regions, postal] = await Promise.all([
    packageJson("@etalab/decoupage-administratif", "data/communes.json"),
    packageJson("@etalab/decoupage-administratif", "data/departements.json"),
    packageJson("@etalab/decoupage-administratif", "data/regions.json"),
    packageJson("codes-postaux", "codes-postaux.json"),
  ]);
  // The COG lists departments and regions of the overseas collectivities (zone `com`) apart from
  // the others; the department and region checks do not accept them, the commune checks do.
  const inFrance = (area) => area.zone !== "com";
  const cog = {
    source: `@etalab/decoupage-administratif ${communes.version}`,
    communeCodes: sorted(communes.data.map((area) => area.code)),
    communeNames: sorted(communes.data.map((area) => area.nom)),
    departementCodes: sorted(departements.data.filter(inFrance).map((area) => area.code)),
    departementNames: sorted(departements.data.filter(inFrance).map((area) => area.nom)),
    regionCodes: sorted(regions.data.filter(inFrance).map((area) => area.code)),
    regionNames: sorted(regions.data.filter(inFrance).map((area) => area.nom)),
  };
  const postalCodes = {
    source: `codes-postaux ${postal.version}`,
    codes: sorted(postal.data.map((entry) => entry.codePostal)),
  };
  // One value per line: a new vintage shows as a readable diff of added and removed codes.
  const text = (value) =>
    `{\n${Object.entries(value)
      .map(
        ([key, item]) => `  ${JSON.stringify(key)}: ${Array.isArray(item) ? `[\n${item.map((entry) => `    ${JSON.stringify(entry)}`).join(",\n")}\n  ]` : JSON.stringify(item)}`,
      )
      .join(",\n")}\n}\n`;
  return new Map([
    ["packages/core/data/cog.json", text(cog)],
    ["packages/core/data/postal-codes.json", text(postalCodes)],
  ]);
}
