/**
 * Licences conforme recognises, with the identifiers each ecosystem uses for them: data.gouv.fr
 * licence ids (`/api/1/datasets/licenses/`), SPDX ids, EU licence authority codes and URIs.
 *
 * `frAllowed`: licences a French administration may use for its data without homologation,
 * per décret n° 2017-638 du 27 avril 2017 (CRPA art. D. 323-2-1): Licence Ouverte 2.0 and ODbL.
 */
export interface Licence {
  id: string;
  title: string;
  aliases: readonly string[];
  frAllowed: boolean;
  /** True for the Licence Ouverte 1.0, superseded by 2.0 in 2017. */
  superseded?: boolean;
  /** Not a licence: the publisher did not say. */
  unspecified?: boolean;
}

export const LICENCES_SOURCE = {
  id: "conforme-licences",
  source: "data.gouv.fr /api/1/datasets/licenses/ ids, SPDX License List, EU licence authority table; décret 2017-638",
  date: "2025-07-10",
} as const;

export const LICENCES: readonly Licence[] = [
  {
    id: "etalab-2.0",
    title: "Licence Ouverte / Open Licence version 2.0",
    aliases: [
      "lov2",
      "etalab-2.0",
      "lo-2.0",
      "licence-ouverte-2.0",
      "Licence Ouverte 2.0",
      "Licence Ouverte / Open Licence version 2.0",
      "https://www.etalab.gouv.fr/licence-ouverte-open-licence",
      "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
      "https://spdx.org/licenses/etalab-2.0.html",
      "http://spdx.org/licenses/etalab-2.0",
    ],
    frAllowed: true,
  },
  {
    id: "odbl-1.0",
    title: "Open Database License (ODbL) 1.0",
    aliases: [
      "odc-odbl",
      "ODbL-1.0",
      "odbl",
      "ODC_BL",
      "http://publications.europa.eu/resource/authority/licence/ODC_BL",
      "https://opendatacommons.org/licenses/odbl/",
      "https://opendatacommons.org/licenses/odbl/1-0/",
      "http://opendatacommons.org/licenses/odbl/1.0/",
      "https://opendatacommons.org/licenses/odbl/1-0/index.html",
    ],
    frAllowed: true,
  },
  {
    id: "fr-lo",
    title: "Licence Ouverte / Open Licence 1.0",
    aliases: ["fr-lo", "lo-1.0", "Licence Ouverte", "Licence Ouverte 1.0"],
    frAllowed: false,
    superseded: true,
  },
  {
    id: "cc-by-4.0",
    title: "Creative Commons Attribution 4.0",
    aliases: ["cc-by", "CC-BY-4.0", "CC_BY_4_0", "http://publications.europa.eu/resource/authority/licence/CC_BY_4_0", "https://creativecommons.org/licenses/by/4.0/"],
    frAllowed: false,
  },
  {
    id: "cc-by-sa-4.0",
    title: "Creative Commons Attribution Share-Alike 4.0",
    aliases: ["cc-by-sa", "CC-BY-SA-4.0", "CC_BYSA_4_0", "http://publications.europa.eu/resource/authority/licence/CC_BYSA_4_0", "https://creativecommons.org/licenses/by-sa/4.0/"],
    frAllowed: false,
  },
  {
    id: "cc0-1.0",
    title: "Creative Commons CC0 1.0",
    aliases: ["cc-zero", "CC0-1.0", "CC0", "http://publications.europa.eu/resource/authority/licence/CC0", "https://creativecommons.org/publicdomain/zero/1.0/"],
    frAllowed: false,
  },
  {
    id: "odc-by-1.0",
    title: "Open Data Commons Attribution License 1.0",
    aliases: ["odc-by", "ODC-By-1.0", "ODC_BY", "http://publications.europa.eu/resource/authority/licence/ODC_BY", "https://opendatacommons.org/licenses/by/1-0/"],
    frAllowed: false,
  },
  {
    id: "pddl-1.0",
    title: "Open Data Commons Public Domain Dedication and License 1.0",
    aliases: ["odc-pddl", "PDDL-1.0", "ODC_PDDL", "http://publications.europa.eu/resource/authority/licence/ODC_PDDL", "https://opendatacommons.org/licenses/pddl/1-0/"],
    frAllowed: false,
  },
  {
    id: "eupl-1.2",
    title: "European Union Public Licence 1.2",
    aliases: ["EUPL-1.2", "EUPL_1_2", "http://publications.europa.eu/resource/authority/licence/EUPL_1_2"],
    frAllowed: false,
  },
  {
    id: "notspecified",
    title: "Licence non spécifiée",
    aliases: ["notspecified", "other-at", "other-open", "other-pd", "other-closed"],
    frAllowed: false,
    unspecified: true,
  },
];

const byAlias = new Map<string, Licence>();
for (const licence of LICENCES) {
  for (const alias of [licence.id, ...licence.aliases]) byAlias.set(alias.toLowerCase(), licence);
}

/** The licence a declared value names (id, SPDX id, data.gouv.fr id, EU code or URI), or undefined. */
export function findLicence(value: string | undefined): Licence | undefined {
  if (!value) return undefined;
  return byAlias.get(value.trim().toLowerCase());
}
