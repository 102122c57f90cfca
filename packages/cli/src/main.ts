import { VERSION } from "@conforme/core/version";
import { UsageError, type Io } from "./io.js";

export interface MainOptions extends Io {
  argv: string[];
}

type Command = (args: string[], io: Io) => Promise<number>;

/**
 * Subcommands, each a module under commands/ imported only when run: `--version`, `--help` and an
 * unknown command load neither the engine nor its dependencies (ajv, yaml, the checks' libraries),
 * which took about a second of start-up (docs/performance.md). `help` text lists them.
 */
const commands: Record<string, { run: Command; summary: { fr: string; en: string } }> = {
  lint: {
    run: async (args, io) => (await import("./commands/lint.js")).lintCommand(args, io),
    summary: {
      fr: "valide des fichiers CSV contre leur schéma (Table Schema, schema.data.gouv.fr)",
      en: "validate CSV files against their schema (Table Schema, schema.data.gouv.fr)",
    },
  },
  scan: {
    run: async (args, io) => (await import("./commands/scan.js")).scanCommand(args, io),
    summary: {
      fr: "cherche les données personnelles et les problèmes de structure, sans schéma",
      en: "look for personal data and structure problems, without a schema",
    },
  },
  schemas: {
    run: async (args, io) => (await import("./commands/schemas.js")).schemasCommand(args, io),
    summary: {
      fr: "parcourt le catalogue schema.data.gouv.fr (list, show) et remplit le cache hors ligne (pull)",
      en: "browse the schema.data.gouv.fr catalogue (list, show) and fill the offline cache (pull)",
    },
  },
  init: {
    run: async (args, io) => (await import("./commands/init.js")).initCommand(args, io),
    summary: {
      fr: "écrit une configuration de départ et un workflow GitHub pour l'Action",
      en: "write a starter configuration and a GitHub workflow for the Action",
    },
  },
  explain: {
    run: async (args, io) => (await import("./commands/explain.js")).explainCommand(args, io),
    summary: {
      fr: "affiche la documentation d'un contrôle ou d'un code de constat",
      en: "print the documentation of a check or finding code",
    },
  },
  fix: {
    run: async (args, io) => (await import("./commands/fix.js")).fixCommand(args, io),
    summary: {
      fr: "écrit une copie corrigée d'un CSV : ce qui est mécanique et certain (encodage, séparateur, en-tête, dates, décimales...)",
      en: "write a fixed copy of a CSV: what is mechanical and certain (encoding, delimiter, header, dates, decimals...)",
    },
  },
  report: {
    run: async (args, io) => (await import("./commands/report.js")).reportCommand(args, io),
    summary: {
      fr: "valide et écrit un rapport HTML de conformité, autonome et imprimable",
      en: "validate and write a self-contained, printable HTML compliance report",
    },
  },
  badge: {
    run: async (args, io) => (await import("./commands/badge.js")).badgeCommand(args, io),
    summary: {
      fr: "valide et écrit un badge SVG de conformité (formulation de Validata, sans service extérieur)",
      en: "validate and write an SVG conformity badge (Validata's wording, no external service)",
    },
  },
  metadata: {
    run: async (args, io) => (await import("./commands/metadata.js")).metadataCommand(args, io),
    summary: {
      fr: "note les métadonnées d'un jeu de données comme data.gouv.fr et le portail européen",
      en: "score a dataset's metadata as data.gouv.fr and the EU portal do",
    },
  },
};

function help(lang: "fr" | "en"): string {
  const lines = lang === "fr" ? ["Usage : conforme <commande> [options]", "", "Commandes :"] : ["Usage: conforme <command> [options]", "", "Commands:"];
  for (const [name, command] of Object.entries(commands)) lines.push(`  ${name.padEnd(10)} ${command.summary[lang]}`);
  lines.push(
    "",
    lang === "fr" ? "Exemples :" : "Examples:",
    "  conforme lint deliberations.csv --schema scdl/deliberations",
    "  conforme lint donnees/ --schema ./schema.json --format json --output rapport.json",
    "  conforme lint datapackage.json --lang en",
    "  conforme lint . --changed-since origin/main --format sarif --output conforme.sarif",
    "  conforme scan exports/",
    "  conforme fix subventions.csv --schema scdl/subventions -o subventions-corrigees.csv",
    "  conforme schemas list --type tableschema",
    "  conforme explain french-siret-value",
    "  conforme init --paths donnees",
    "",
    lang === "fr"
      ? "Codes de sortie : 0 aucune erreur, 1 erreurs trouvées (ou avertissements avec --strict ou au-delà de --max-warnings), 2 exécution impossible."
      : "Exit codes: 0 no error, 1 errors found (or warnings with --strict or over --max-warnings), 2 the run failed.",
    lang === "fr"
      ? "Configuration : conforme.config.yaml, cherché depuis le dossier courant en remontant."
      : "Configuration: conforme.config.yaml, looked up from the working directory upwards.",
    lang === "fr" ? "Aide d'une commande : conforme help <commande>, ou conforme <commande> --help" : "Help on a command: conforme help <command>, or conforme <command> --help",
  );
  return `${lines.join("\n")}\n`;
}

/** Options understood before any command. */
const GLOBAL_OPTIONS = ["--help", "-h", "--version", "-v"];

/** The whole CLI as a function: arguments and streams in, exit code out. */
export async function main({ argv, ...io }: MainOptions): Promise<number> {
  const lang = argv.includes("--lang") && argv[argv.indexOf("--lang") + 1] === "en" ? "en" : "fr";
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h") {
    io.stdout.write(help(lang));
    return name === undefined ? 2 : 0;
  }
  if (name === "--version" || name === "-v") {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (name === "help") {
    // `conforme help lint` is `conforme lint --help`, as git and npm have it.
    const topic = rest.find((arg, index) => !arg.startsWith("-") && rest[index - 1] !== "--lang");
    if (topic === undefined) {
      io.stdout.write(help(lang));
      return 0;
    }
    const command = commands[topic];
    if (!command) return unknownCommand(topic, lang, io);
    return run(topic, command, ["--help"], io);
  }
  const command = commands[name];
  if (!command) return unknownCommand(name, lang, io);
  return run(name, command, rest, io);
}

async function run(name: string, command: (typeof commands)[string], args: string[], io: Io): Promise<number> {
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      const near = error.unknown ? await nearest(error.unknown.word, error.unknown.candidates) : undefined;
      // Usage errors are French, as the commands' help is: the suggestion follows them.
      io.stderr.write(`conforme ${name} : ${error.message}${near ? didYouMean(near, "fr") : ""}${error.footer ? `\n${error.footer}` : ""}\n`);
      return 2;
    }
    io.stderr.write(`conforme ${name} : ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 2;
  }
}

async function unknownCommand(name: string, lang: "fr" | "en", io: Io): Promise<number> {
  const option = name.startsWith("-");
  const near = await nearest(name, option ? GLOBAL_OPTIONS : Object.keys(commands));
  const what = lang === "fr" ? (option ? "option inconnue" : "commande inconnue") : option ? "unknown option" : "unknown command";
  io.stderr.write(
    lang === "fr"
      ? `conforme : ${what} « ${name} ».${near ? didYouMean(near, lang) : ""}\nTapez « conforme --help » pour la liste des commandes.\n`
      : `conforme: ${what} "${name}".${near ? didYouMean(near, lang) : ""}\nType "conforme --help" for the list of commands.\n`,
  );
  return 2;
}

/** The known word nearest to a mistyped one; core (and its edit distance) is loaded on a mistake only. */
async function nearest(word: string, candidates: string[]): Promise<string | undefined> {
  const { closest } = await import("@conforme/core");
  // Longer words leave room for more slips: `--error-on-unmatch-pattern` is still recognised.
  return closest(word, candidates, Math.max(2, Math.floor(word.length / 4)));
}

function didYouMean(word: string, lang: "fr" | "en"): string {
  return lang === "fr" ? ` Vouliez-vous dire « ${word} » ?` : ` Did you mean "${word}"?`;
}
