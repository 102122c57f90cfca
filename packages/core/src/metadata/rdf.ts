import type { JsonLdDocument, Options as JsonLdOptions } from "jsonld";
import type { Quad, Store, Term } from "n3";
import { type ContactPoint, type DatasetModel, type DistributionModel } from "./model.js";
import { namedExports } from "../lazy-module.js";

const DCAT = "http://www.w3.org/ns/dcat#";
const DCT = "http://purl.org/dc/terms/";
const RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
const VCARD = "http://www.w3.org/2006/vcard/ns#";
const FOAF = "http://xmlns.com/foaf/0.1/";
const SPDX = "http://spdx.org/rdf/terms#";

/** Thrown for RDF that cannot be read; the message is meant for the user. */
export class RdfInputError extends Error {}

// jsonld and n3 cost about 0.35 s to import: they are loaded only when a descriptor is RDF
// (docs/performance.md, start-up).
const loadN3 = () => import("n3").then((loaded) => namedExports(loaded, "Parser"));

/** Parses Turtle with n3 (a maintained RDF library). */
export async function parseTurtle(text: string): Promise<Store> {
  const { Parser, Store } = await loadN3();
  try {
    return new Store(new Parser({ format: "text/turtle" }).parse(text));
  } catch (error) {
    throw new RdfInputError((error as Error).message);
  }
}

/**
 * Expands JSON-LD with the `jsonld` package into N-Quads, then reads them with n3. Offline:
 * remote `@context` URLs are refused (DCAT-AP exports should inline their context).
 */
export async function parseJsonLd(value: unknown): Promise<Store> {
  const documentLoader = async (url: string): Promise<never> => {
    throw new RdfInputError(`remote JSON-LD context not loaded (offline): ${url}`);
  };
  const [{ default: jsonld }, { Parser, Store }] = await Promise.all([import("jsonld"), loadN3()]);
  try {
    const nquads = (await jsonld.toRDF(value as JsonLdDocument, { format: "application/n-quads", documentLoader } as JsonLdOptions.ToRdf)) as unknown as string;
    return new Store(new Parser({ format: "application/n-quads" }).parse(nquads));
  } catch (error) {
    if (error instanceof RdfInputError) throw error;
    const cause = (error as { details?: { cause?: unknown } }).details?.cause;
    if (cause instanceof RdfInputError) throw cause;
    throw new RdfInputError((error as Error).message);
  }
}

function objects(store: Store, subject: Term, predicate: string): Term[] {
  return store.getObjects(subject, predicate, null);
}

function first(store: Store, subject: Term, predicate: string): string | undefined {
  const term = objects(store, subject, predicate)[0];
  return term?.value.trim() || undefined;
}

/** Label of a node that may be a literal, an IRI or a blank node with a name. */
function label(store: Store, term: Term | undefined): string | undefined {
  if (!term) return undefined;
  if (term.termType === "Literal" || term.termType === "NamedNode") return term.value;
  return first(store, term, `${FOAF}name`) ?? first(store, term, `${VCARD}fn`) ?? first(store, term, "http://www.w3.org/2000/01/rdf-schema#label");
}

/** Maps the first `dcat:Dataset` of an RDF graph onto the dataset model (DCAT-AP 3.0.1 properties). */
export function fromDcatGraph(store: Store, source: "dcat-jsonld" | "dcat-turtle"): DatasetModel {
  const dataset = store.getSubjects(RDF_TYPE, `${DCAT}Dataset`, null)[0];
  if (!dataset) throw new RdfInputError("no dcat:Dataset in the graph");
  const model: DatasetModel = { source, keywords: [], themes: [], contactPoints: [], distributions: [], pointer: "", pointers: {} };
  const one = (predicate: string) => first(store, dataset, predicate);
  model.title = one(`${DCT}title`);
  model.description = one(`${DCT}description`);
  model.keywords = objects(store, dataset, `${DCAT}keyword`).map((t) => t.value);
  model.themes = objects(store, dataset, `${DCAT}theme`).map((t) => t.value);
  const spatial = objects(store, dataset, `${DCT}spatial`).map((t) => label(store, t) ?? t.value);
  if (spatial.length > 0) model.spatial = { zones: spatial };
  const temporal = objects(store, dataset, `${DCT}temporal`)[0];
  if (temporal) {
    const start = first(store, temporal, `${DCAT}startDate`) ?? first(store, temporal, "http://schema.org/startDate");
    const end = first(store, temporal, `${DCAT}endDate`) ?? first(store, temporal, "http://schema.org/endDate");
    model.temporal = { ...(start && { start }), ...(end && { end }) };
  }
  model.accrualPeriodicity = one(`${DCT}accrualPeriodicity`);
  model.publisher = label(store, objects(store, dataset, `${DCT}publisher`)[0]);
  model.contactPoints = objects(store, dataset, `${DCAT}contactPoint`).map((node): ContactPoint => {
    const email = first(store, node, `${VCARD}hasEmail`)?.replace(/^mailto:/, "");
    const url = first(store, node, `${VCARD}hasURL`);
    const name = first(store, node, `${VCARD}fn`);
    return { ...(name && { name }), ...(email && { email }), ...(url && { url }) };
  });
  model.accessRights = one(`${DCT}accessRights`);
  model.license = one(`${DCT}license`);
  model.rights = one(`${DCT}rights`);
  model.issued = one(`${DCT}issued`);
  model.modified = one(`${DCT}modified`);
  model.conformsTo = one(`${DCT}conformsTo`);
  for (const node of objects(store, dataset, `${DCAT}distribution`)) {
    const get = (predicate: string) => first(store, node, predicate);
    const d: DistributionModel = { pointer: "", pointers: {} };
    const assign = <K extends keyof DistributionModel>(key: K, v: DistributionModel[K] | undefined) => {
      if (v !== undefined) d[key] = v;
    };
    assign("title", get(`${DCT}title`));
    assign("description", get(`${DCT}description`));
    assign("accessURL", get(`${DCAT}accessURL`));
    assign("downloadURL", get(`${DCAT}downloadURL`));
    assign("format", get(`${DCT}format`));
    assign("mediaType", get(`${DCAT}mediaType`));
    const bytes = get(`${DCAT}byteSize`);
    if (bytes !== undefined && /^\d+$/.test(bytes)) d.byteSize = Number(bytes);
    assign("license", get(`${DCT}license`));
    assign("rights", get(`${DCT}rights`));
    assign("modified", get(`${DCT}modified`));
    assign("conformsTo", get(`${DCT}conformsTo`));
    const checksum = objects(store, node, `${SPDX}checksum`)[0];
    if (checksum) {
      const algorithm = first(store, checksum, `${SPDX}algorithm`)?.replace(/^.*checksumAlgorithm_/, "");
      const value = first(store, checksum, `${SPDX}checksumValue`);
      if (algorithm && value) d.checksum = { algorithm: algorithm.toLowerCase(), value: value.toLowerCase() };
    }
    model.distributions.push(d);
  }
  return model;
}

export type { Quad };
