import { readdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { closest, codeCatalog, describeCode, findCode, type CodeInfo } from "@conforme/core/internal";
import { choiceOption, parseCommandArgs, UsageError, type Io } from "../io.js";

const HELP = `Usage : conforme explain <code> [--lang fr|en]

Affiche la documentation d'un contrôle ou d'un code de constat (type-error, french-siret-value,
personal-data-email...). Les autres noms sont compris : alias de Validata (siret), codes de
frictionless v4 et de goodtables (extra-header), code sans son préfixe (email).
« conforme explain --list » liste les codes connus.

Exemples :
  conforme explain french-siret-value
  conforme explain siret
  conforme explain type-error --lang en
`;

/**
 * Where the pages are: `dist/docs/checks/` beside the bundle once built (tsup copies them), the
 * repository's `docs/checks/` when run from the sources.
 */
const PAGE_DIRECTORIES = [new URL("./docs/checks/", import.meta.url), new URL("../../../../docs/checks/", import.meta.url)];

async function page(check: string): Promise<string | undefined> {
  for (const directory of PAGE_DIRECTORIES) {
    const text = await readFile(fileURLToPath(new URL(`${check}.md`, directory)), "utf8").catch(() => undefined);
    if (text !== undefined) return text;
  }
  return undefined;
}

/** Codes that have a page, catalogued or not (metadata criteria, personal-data kinds). */
async function pageCodes(): Promise<string[]> {
  const names = new Set<string>();
  for (const directory of PAGE_DIRECTORIES) {
    for (const entry of await readdir(fileURLToPath(directory)).catch(() => [])) if (entry.endsWith(".md")) names.add(entry.slice(0, -3));
  }
  return [...names];
}

export async function explainCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs("explain", args, {
    lang: { type: "string" },
    list: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    io.stdout.write(HELP);
    return 0;
  }
  const lang = choiceOption("lang", values.lang, ["fr", "en"] as const, "fr");
  if (values.list) {
    for (const entry of codeCatalog()) io.stdout.write(`${entry.code.padEnd(28)} ${entry.category ?? ""}\t${entry.title?.[lang] ?? entry.description?.[lang] ?? ""}\n`);
    return 0;
  }
  const [asked, ...extra] = positionals;
  if (asked === undefined || extra.length > 0) throw new UsageError("indiquez un code, par exemple « conforme explain french-siret-value » (liste : « conforme explain --list »).");
  const pages = await pageCodes();
  const found = findCode(asked, pages);
  // Every code is catalogued by name (personal-data-email too): a longer name is not a code.
  if (found.code === undefined) {
    const candidates = found.candidates;
    io.stderr.write(
      candidates.length > 0
        ? lang === "fr"
          ? `conforme explain : « ${asked} » peut désigner ${candidates.join(", ")}. Précisez le code.\n`
          : `conforme explain: "${asked}" may mean ${candidates.join(", ")}. Give the full code.\n`
        : unknownCode(asked, [...codeCatalog().map((entry) => entry.code), ...pages], lang),
    );
    return 2;
  }
  const code = found.code;
  const alias = "alias" in found ? found.alias : undefined;
  const info = describeCode(code);
  // A code reported by a check under its own name (personal-data-email) has its own page.
  const text = (await page(code)) ?? (await page(info.check));
  const header = [
    `${code}${info.check !== code ? ` (${lang === "fr" ? "contrôle" : "check"} ${info.check})` : ""}`,
    alias === undefined ? undefined : lang === "fr" ? `(« ${alias} » est un autre nom de ${code})` : `("${alias}" is another name for ${code})`,
    info.title ? info.title[lang] : undefined,
    info.category ? `${lang === "fr" ? "Catégorie" : "Category"} : ${info.category}${severityLine(info, lang)}` : undefined,
    info.description && info.description !== info.title ? info.description[lang] : undefined,
    info.fixAdvice ? `${lang === "fr" ? "Corriger" : "How to fix"} : ${info.fixAdvice[lang]}` : undefined,
    `${lang === "fr" ? "Documentation" : "Documentation"} : ${info.helpUri}`,
  ].filter((line): line is string => line !== undefined);
  io.stdout.write(`${header.join("\n")}\n`);
  if (text !== undefined) io.stdout.write(`\n${text.endsWith("\n") ? text : `${text}\n`}`);
  return 0;
}

/** The default severity, or that the code is a failure of the run rather than a finding. */
function severityLine(info: CodeInfo, lang: "fr" | "en"): string {
  if (info.runError) return lang === "fr" ? ", erreur d'exécution (code de sortie 2)" : ", run error (exit code 2)";
  return info.severity ? `, ${lang === "fr" ? "sévérité par défaut" : "default severity"} : ${info.severity}` : "";
}

/** An unknown code, with the nearest known one when a slip explains it. */
function unknownCode(asked: string, known: string[], lang: "fr" | "en"): string {
  const near = closest(asked, known, Math.max(2, Math.floor(asked.length / 3)));
  return lang === "fr"
    ? `conforme explain : code inconnu « ${asked} ».${near ? ` Vouliez-vous dire « ${near} » ?` : ""} Tapez « conforme explain --list » pour la liste des codes.\n`
    : `conforme explain: unknown code "${asked}".${near ? ` Did you mean "${near}"?` : ""} Type "conforme explain --list" for the list of codes.\n`;
}
