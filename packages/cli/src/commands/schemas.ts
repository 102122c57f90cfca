import { loadDataPackage, loadTableSchema, type FieldDescriptor } from "@conforme/core/internal";
import { createJsonReader, listCatalog, pullSchemas, resolveSchemaRef, type ResolvedSchema, type ResolveOptions } from "@conforme/core/internal/node";
import { parseCommandArgs, UsageError, type Io } from "../io.js";

const HELP = `Usage : conforme schemas <list|show|pull> [options]

Parcourt le catalogue de schema.data.gouv.fr et remplit le cache hors ligne.

  conforme schemas list [--type tableschema] [--json]    liste les schémas (id, dernière version, titre)
  conforme schemas show <réf> [--json]                   décrit un schéma : versions et champs
  conforme schemas pull [ids...]                         télécharge dans le cache (tous sans id)

Options :
  --offline              n'utilise que le cache, sans réseau (list, show)
  --catalog-url <url>    catalogue (défaut : https://schema.data.gouv.fr/schemas.json)
  --cache-dir <dossier>  dossier du cache
  --allow-private-network
                         permet de télécharger depuis 127.0.0.1, 10.x, 192.168.x... (refusé par défaut)
  --type <type>          list : tableschema, datapackage, jsonschema, other
  --json                 sortie JSON

Exemples :
  conforme schemas list --type tableschema
  conforme schemas show scdl/deliberations
  conforme schemas pull scdl/deliberations scdl/subventions@2.1.1
  conforme lint donnees/ --schema scdl/deliberations --offline
`;

export async function schemasCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs("schemas", args, {
    offline: { type: "boolean" },
    "catalog-url": { type: "string" },
    "cache-dir": { type: "string" },
    "allow-private-network": { type: "boolean" },
    type: { type: "string" },
    json: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    io.stdout.write(HELP);
    return 0;
  }
  const options: ResolveOptions = {
    cwd: io.cwd,
    offline: values.offline,
    catalogUrl: values["catalog-url"],
    cacheDir: values["cache-dir"],
    allowPrivateNetwork: values["allow-private-network"] === true,
  };
  const [action, ...rest] = positionals;
  try {
    return await run(action, rest, values, options, io);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    io.stderr.write(`conforme schemas : ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}

async function run(action: string | undefined, rest: string[], values: { type?: string; json?: boolean }, options: ResolveOptions, io: Io): Promise<number> {
  switch (action) {
    case "list": {
      if (rest.length > 0) throw new UsageError("« schemas list » ne prend pas d'argument ; filtrez avec --type tableschema.");
      const entries = (await listCatalog(options)).filter((entry) => values.type === undefined || entry.type === values.type);
      if (values.json) io.stdout.write(`${JSON.stringify(entries, null, 2)}\n`);
      else {
        const width = Math.max(0, ...entries.map((entry) => entry.id.length));
        for (const entry of entries) io.stdout.write(`${entry.id.padEnd(width)}  ${(entry.latest ?? "-").padEnd(8)}  ${entry.type ?? ""}\t${entry.title ?? ""}\n`);
      }
      return 0;
    }
    case "show": {
      const [ref, ...extra] = rest;
      if (ref === undefined || extra.length > 0) throw new UsageError("indiquez un schéma, par exemple « conforme schemas show scdl/deliberations ».");
      const resolved = await resolveSchemaRef(ref, options);
      const entry = resolved.id ? (await listCatalog(options)).find((candidate) => candidate.id === resolved.id) : undefined;
      const tables = await tablesOf(resolved, options);
      if (values.json) {
        const versions = entry?.versions.map((v) => v.version);
        const described = { id: resolved.id, version: resolved.version, source: resolved.source, type: resolved.type, versions };
        io.stdout.write(
          `${JSON.stringify(tables.length === 1 && tables[0]!.resource === undefined ? { ...described, fields: tables[0]!.fields } : { ...described, resources: tables.map((t) => ({ name: t.resource, fields: t.fields })) }, null, 2)}\n`,
        );
        return 0;
      }
      const lines = [`${resolved.id ?? ref}${resolved.version ? `@${resolved.version}` : ""}${entry?.title ? ` : ${entry.title}` : ""}`, `source : ${resolved.source}`];
      if (entry) lines.push(`versions : ${entry.versions.map((v) => v.version).join(", ")}`);
      for (const table of tables) {
        lines.push("", table.resource === undefined ? `${table.fields.length} champs :` : `ressource ${table.resource}, ${table.fields.length} champs :`);
        lines.push(...fieldLines(table.fields));
      }
      io.stdout.write(`${lines.join("\n")}\n`);
      return 0;
    }
    case "pull": {
      const pulled = await pullSchemas(rest, options);
      if (values.json) io.stdout.write(`${JSON.stringify(pulled, null, 2)}\n`);
      else for (const schema of pulled) io.stdout.write(`${schema.id}@${schema.version}  ${schema.urls.length} fichier(s) en cache\n`);
      return 0;
    }
    default: {
      const footer = "Tapez « conforme schemas list », « conforme schemas show <réf> » ou « conforme schemas pull [ids...] ».";
      if (action === undefined) throw new UsageError("action manquante.", { footer });
      throw new UsageError(`action inconnue « ${action} ».`, { footer, unknown: { word: action, candidates: ["list", "show", "pull"] } });
    }
  }
}

interface ShownTable {
  /** The resource's name when the schema is a Data Package. */
  resource?: string;
  fields: FieldDescriptor[];
}

/**
 * The Table Schemas a reference holds: itself, or each resource's of a Data Package. A national
 * Table Schema has a `resources` list too (its example files), so `fields` decides, not `resources`.
 */
async function tablesOf(resolved: ResolvedSchema, options: ResolveOptions): Promise<ShownTable[]> {
  const json = resolved.json as { fields?: unknown; resources?: unknown } | null;
  const isPackage = resolved.type === "datapackage" || (typeof json === "object" && json !== null && !Array.isArray(json.fields) && Array.isArray(json.resources));
  if (!isPackage) return [{ fields: loadTableSchema(resolved.json, resolved.source).schema.fields }];
  const loaded = await loadDataPackage(resolved.json, resolved.base, createJsonReader({ ...options, cwd: resolved.base }), { source: resolved.source });
  return loaded.resources.map((resource) => ({ resource: resource.name, fields: resource.schema.fields }));
}

const DESCRIPTION_WIDTH = 72;

/** One line per field, in columns: name, type[:format], required, the start of its description. */
function fieldLines(fields: FieldDescriptor[]): string[] {
  const rows = fields.map((field) => {
    // The first sentence of the description says what the field holds; the rest is in the schema.
    const text = (field.description ?? field.title ?? "")
      .replace(/\s+/g, " ")
      .trim()
      .split(/(?<=\.) /)[0]!;
    return [
      field.name,
      `${field.type ?? "string"}${field.format && field.format !== "default" ? `:${field.format}` : ""}`,
      field.constraints?.required ? "obligatoire" : "",
      text.length > DESCRIPTION_WIDTH ? `${text.slice(0, DESCRIPTION_WIDTH - 1).trimEnd()}…` : text,
    ];
  });
  const widths = [0, 1, 2].map((column) => Math.max(0, ...rows.map((row) => row[column]!.length)));
  return rows.map((row) => `  ${row.map((cell, column) => (column < 3 ? cell.padEnd(widths[column]!) : cell)).join("  ")}`.trimEnd());
}
