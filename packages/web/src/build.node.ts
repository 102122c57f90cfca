import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { Ajv } from "ajv";
import standaloneModule from "ajv/dist/standalone/index.js";
import { build, type Plugin } from "esbuild";
import { checks, DATASET_SCHEMA, TABLE_SCHEMA_PROFILE, VERSION } from "@conforme/core/internal";
import { renderPage } from "./page.node.js";
import { buildSnapshot, type SnapshotOptions } from "./snapshot.node.js";

// A CommonJS module: its function is `default` under NodeNext typing, the module itself at run time.
const standaloneCode = (standaloneModule as unknown as { default?: typeof standaloneModule.default }).default ?? (standaloneModule as unknown as typeof standaloneModule.default);

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export interface BuildOptions {
  /** Catalogue to bundle (path or URL); without it, the page offers a local schema file only. */
  catalog?: string;
  /** Local folder of schema bodies (see `SnapshotOptions.schemas`). */
  schemas?: string;
  /** The HTML file written; default `packages/web/dist/index.html`. */
  out?: string;
  cwd?: string;
  fetch?: SnapshotOptions["fetch"];
}

export interface BuildResult {
  out: string;
  bytes: number;
  schemas: number;
  skipped: { id: string; reason: string }[];
}

/**
 * Every JSON Schema the engine hands to Ajv, compiled here into plain functions. Ajv compiles with
 * `new Function`, which a CSP without `'unsafe-eval'` forbids; its standalone code is the way Ajv
 * documents for such pages (ajv.js.org/standalone.html). A schema missing from this list fails
 * loudly in the page ("not precompiled"), and the browser test would see it. The fixed copies
 * (fixed-copy.ts) need no other: `loadTableSchema` checks the schema against the profile, and the
 * copy's errors are counted with the custom checks, whose options are listed here.
 */
function precompiledSchemas(): unknown[] {
  return [TABLE_SCHEMA_PROFILE, DATASET_SCHEMA, ...checks.map((check) => check.meta.options ?? { type: "object" })];
}

function ajvStandalone(): Plugin {
  const schemas = precompiledSchemas();
  const keys = [...new Set(schemas.map((schema) => JSON.stringify(schema)))];
  return {
    name: "ajv-standalone",
    setup(bundle) {
      bundle.onResolve({ filter: /^ajv$/ }, () => ({ path: "ajv", namespace: "ajv-standalone" }));
      bundle.onResolve({ filter: /^ajv-precompiled:\d+$/ }, (args) => ({ path: args.path, namespace: "ajv-standalone" }));
      bundle.onLoad({ filter: /.*/, namespace: "ajv-standalone" }, (args) => {
        if (args.path.startsWith("ajv-precompiled:")) {
          const schema = JSON.parse(keys[Number(args.path.slice("ajv-precompiled:".length))]!) as object;
          const ajv = new Ajv({ code: { source: true, esm: true }, allErrors: true, strict: false, logger: false });
          return { contents: standaloneCode(ajv, ajv.compile(schema)), loader: "js", resolveDir: packageDir };
        }
        const imports = keys.map((_key, index) => `import v${index} from "ajv-precompiled:${index}";`).join("\n");
        const entries = keys.map((key, index) => `[${JSON.stringify(key)}, v${index}]`).join(",\n");
        return {
          contents: `${imports}
const compiled = new Map([${entries}]);
export class Ajv {
  compile(schema) {
    const validate = compiled.get(JSON.stringify(schema));
    if (!validate) throw new Error("conforme web: JSON Schema not precompiled at build time: " + JSON.stringify(schema).slice(0, 120));
    return validate;
  }
}
export default Ajv;
`,
          loader: "js",
          resolveDir: packageDir,
        };
      });
    },
  };
}

/** The page's program, bundled for the browser in one script (no chunk to fetch). */
export async function bundleApp(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(packageDir, "src/app.ts")],
    bundle: true,
    platform: "browser",
    format: "iife",
    target: "es2022",
    minify: true,
    write: false,
    legalComments: "eof",
    logLevel: "silent",
    plugins: [ajvStandalone()],
  });
  return result.outputFiles[0]!.text;
}

/** Builds the single HTML file: program, style and catalogue snapshot inlined. */
export async function buildPage(options: BuildOptions = {}): Promise<BuildResult> {
  const cwd = options.cwd ?? process.cwd();
  const snapshot = options.catalog
    ? await buildSnapshot({ catalog: options.catalog, cwd, ...(options.schemas !== undefined && { schemas: options.schemas }), ...(options.fetch && { fetch: options.fetch }) })
    : undefined;
  const [script, style] = await Promise.all([bundleApp(), readFile(path.join(packageDir, "src/styles.css"), "utf8")]);
  const html = renderPage({ script, style, version: VERSION, ...(snapshot && { snapshot: snapshot.snapshot }) });
  const out = path.resolve(cwd, options.out ?? path.join(packageDir, "dist/index.html"));
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, html);
  return { out, bytes: Buffer.byteLength(html), schemas: snapshot?.snapshot.schemas.length ?? 0, skipped: snapshot?.skipped ?? [] };
}

const HELP = `Usage : node packages/web/scripts/build.mjs [--catalog CHEMIN_OU_URL] [--schemas DOSSIER] [--out FICHIER]

Construit la page web de conforme : un seul fichier HTML autonome (programme, styles et
catalogue inclus), qui ne fait aucune requête une fois chargé.

  --catalog   catalogue au format de schema.data.gouv.fr (schemas.json) : chemin ou URL.
              Un chemin se lit hors ligne ; une URL fait aussi télécharger les schémas.
  --schemas   dossier de schémas locaux : <org>/<nom>/<version>/<fichier> ou <org>/<nom>/schema.json
  --out       fichier écrit (défaut : packages/web/dist/index.html)

Sans --catalog, la page propose seulement un fichier de schéma local.
`;

/** The build command: exit code 0 when written, 2 on a bad option or an unreadable catalogue. */
export async function main(
  argv: string[],
  io: { stdout: (line: string) => void; stderr: (line: string) => void } = { stdout: console.log, stderr: console.error },
): Promise<number> {
  let values: { catalog?: string; schemas?: string; out?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      // pnpm forwards the `--` of `pnpm run build:web -- --catalog ...`.
      args: argv.filter((arg, index) => !(index === 0 && arg === "--")),
      options: { catalog: { type: "string" }, schemas: { type: "string" }, out: { type: "string" }, help: { type: "boolean", short: "h" } },
      strict: true,
    }));
  } catch (error) {
    io.stderr(`${error instanceof Error ? error.message : String(error)}\n\n${HELP}`);
    return 2;
  }
  if (values.help) {
    io.stdout(HELP);
    return 0;
  }
  try {
    const result = await buildPage(values);
    io.stdout(`${path.relative(process.cwd(), result.out)} : ${Math.round(result.bytes / 1024)} Kio, ${result.schemas} schéma(s) inclus.`);
    for (const skipped of result.skipped) io.stdout(`  non inclus : ${skipped.id} (${skipped.reason})`);
    return 0;
  } catch (error) {
    io.stderr(`Construction impossible : ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
}
