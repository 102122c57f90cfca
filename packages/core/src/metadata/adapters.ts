import { isHttpUrl, joinPointer, type Checksum, type ContactPoint, type DatasetModel, type DistributionModel, type SpatialCoverage } from "./model.js";

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  if (typeof value === "string") return value.trim() === "" ? undefined : value.trim();
  if (typeof value === "number") return String(value);
  // YAML turns unquoted dates into Date objects; keep the ISO date.
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  return undefined;
}

function strings(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(str).filter((s): s is string => s !== undefined);
  const one = str(value);
  return one === undefined ? [] : [one];
}

function num(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && /^\d+$/.test(value.trim())) return Number(value);
  return undefined;
}

/** Records `pointer` under `key` when `value` is set, so findings can point at it. */
function track<K extends string>(pointers: Partial<Record<K, string>>, key: K, value: unknown, pointer: string): void {
  const present = Array.isArray(value) ? value.length > 0 : value !== undefined;
  if (present) pointers[key] = pointer;
}

function spatialFrom(value: unknown): SpatialCoverage | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string" || Array.isArray(value)) {
    const zones = strings(value);
    return zones.length > 0 ? { zones } : undefined;
  }
  if (!isObject(value)) return undefined;
  const zones = strings(value["zones"]);
  const granularity = str(value["granularity"]);
  const geometry = value["geometry"] ?? value["geom"] ?? undefined;
  if (zones.length === 0 && geometry == null && granularity === undefined) return undefined;
  return { zones, ...(granularity !== undefined && { granularity }), ...(geometry != null && { geometry }) };
}

function temporalFrom(value: unknown): DatasetModel["temporal"] {
  if (!isObject(value)) return undefined;
  const start = str(value["start"]);
  const end = str(value["end"]);
  if (start === undefined && end === undefined) return undefined;
  return { ...(start !== undefined && { start }), ...(end !== undefined && { end }) };
}

function contactsFrom(value: unknown): ContactPoint[] {
  const items = Array.isArray(value) ? value : value === undefined ? [] : [value];
  const contacts: ContactPoint[] = [];
  for (const item of items) {
    if (typeof item === "string") {
      const text: string = item;
      contacts.push(text.includes("@") && !/^https?:/i.test(text) ? { email: text.replace(/^mailto:/, "") } : { url: text });
    } else if (isObject(item)) {
      const name = str(item["name"]) ?? str(item["title"]) ?? str(item["fn"]);
      const email = str(item["email"])?.replace(/^mailto:/, "");
      const url = str(item["url"]) ?? str(item["contact_form"]) ?? str(item["path"]);
      contacts.push({ ...(name && { name }), ...(email && { email }), ...(url && { url }) });
    }
  }
  return contacts;
}

/** `sha256:abc`, `md5:abc`, bare hex (datapackage default: md5), or `{algorithm, value}`. */
function checksumFrom(value: unknown, defaultAlgorithm: string): Checksum | undefined {
  if (isObject(value)) {
    const algorithm = str(value["algorithm"]) ?? str(value["type"]);
    const digest = str(value["value"]) ?? str(value["checksumValue"]);
    return algorithm && digest ? { algorithm: algorithm.toLowerCase().replace(/-/g, ""), value: digest.toLowerCase() } : undefined;
  }
  const text = str(value);
  if (!text) return undefined;
  const match = /^([a-z0-9-]+):(.+)$/i.exec(text);
  return match ? { algorithm: match[1]!.toLowerCase().replace(/-/g, ""), value: match[2]!.toLowerCase() } : { algorithm: defaultAlgorithm, value: text.toLowerCase() };
}

function emptyModel(source: DatasetModel["source"]): DatasetModel {
  return { source, keywords: [], themes: [], contactPoints: [], distributions: [], pointer: "", pointers: {} };
}

/** Which kind of descriptor a parsed JSON/YAML value is. */
export function detectFormat(value: unknown, fileName = ""): DatasetModel["source"] | undefined {
  if (!isObject(value)) return undefined;
  const base = fileName.split(/[\\/]/).pop() ?? "";
  if ("@context" in value || "@graph" in value) return "dcat-jsonld";
  if (/^conforme\.dataset\.(ya?ml|json)$/i.test(base) || Array.isArray(value["distributions"])) return "conforme";
  if (Array.isArray(value["resources"]) && "slug" in value && ("last_update" in value || "created_at" in value || "page" in value)) {
    return "datagouv";
  }
  if (Array.isArray(value["resources"]) || base === "datapackage.json") {
    const profile = str(value["$schema"]) ?? "";
    // v2 descriptors name their profile in `$schema` (datapackage spec 2.0); v1 used `profile`.
    return profile.includes("/2.0/") ? "datapackage-v2" : "datapackage-v1";
  }
  return undefined;
}

/**
 * datapackage.json, v1 and v2 (datapackage spec). DCAT properties the spec lacks (themes,
 * spatial, temporal, frequency, access rights, publisher, contact, modified, rights) are read
 * from one extension object, `x-conforme`, that Frictionless tools ignore.
 */
export function fromDataPackage(value: Json, version: "datapackage-v1" | "datapackage-v2"): DatasetModel {
  const model = emptyModel(version);
  const p = model.pointers;
  const ext = isObject(value["x-conforme"]) ? value["x-conforme"] : {};
  if (isObject(value["x-conforme"])) model.extensionPointer = "/x-conforme";
  const extPointer = (key: string) => joinPointer("/x-conforme", key);

  model.title = str(value["title"]);
  track(p, "title", model.title, "/title");
  model.description = str(value["description"]);
  track(p, "description", model.description, "/description");
  model.keywords = strings(value["keywords"]);
  track(p, "keywords", model.keywords, "/keywords");
  model.themes = strings(ext["themes"]);
  track(p, "themes", model.themes, extPointer("themes"));
  model.spatial = spatialFrom(ext["spatial"]);
  track(p, "spatial", model.spatial, extPointer("spatial"));
  model.temporal = temporalFrom(ext["temporal"]);
  track(p, "temporal", model.temporal, extPointer("temporal"));
  model.accrualPeriodicity = str(ext["accrualPeriodicity"]);
  track(p, "accrualPeriodicity", model.accrualPeriodicity, extPointer("accrualPeriodicity"));
  model.accessRights = str(ext["accessRights"]);
  track(p, "accessRights", model.accessRights, extPointer("accessRights"));
  model.rights = str(ext["rights"]);
  track(p, "rights", model.rights, extPointer("rights"));
  model.issued = str(value["created"]) ?? str(ext["issued"]);
  track(p, "issued", model.issued, value["created"] !== undefined ? "/created" : extPointer("issued"));
  model.modified = str(ext["modified"]);
  track(p, "modified", model.modified, extPointer("modified"));

  // Contributors: v2 `roles[]`, v1 a single `role` (datapackage spec, "contributors").
  const contributors = Array.isArray(value["contributors"]) ? value["contributors"] : [];
  contributors.forEach((contributor, index) => {
    if (!isObject(contributor)) return;
    const roles = [...strings(contributor["roles"]), ...strings(contributor["role"])].map((r) => r.toLowerCase());
    const pointer = joinPointer("/contributors", index);
    if (roles.includes("publisher") && model.publisher === undefined) {
      model.publisher = str(contributor["title"]) ?? str(contributor["organization"]);
      track(p, "publisher", model.publisher, pointer);
    }
    if (roles.includes("contact") || roles.includes("maintainer")) {
      model.contactPoints.push(...contactsFrom(contributor));
      p.contactPoints ??= pointer;
    }
  });
  if (model.publisher === undefined && ext["publisher"] !== undefined) {
    model.publisher = isObject(ext["publisher"]) ? str(ext["publisher"]["name"]) : str(ext["publisher"]);
    track(p, "publisher", model.publisher, extPointer("publisher"));
  }
  if (model.contactPoints.length === 0) {
    model.contactPoints = contactsFrom(ext["contactPoint"]);
    track(p, "contactPoints", model.contactPoints, extPointer("contactPoint"));
  }

  const licenceOf = (licenses: unknown): string | undefined => {
    if (!Array.isArray(licenses)) return undefined;
    const first: unknown = licenses[0];
    return isObject(first) ? (str(first["name"]) ?? str(first["path"])) : undefined;
  };
  model.license = licenceOf(value["licenses"]);
  track(p, "license", model.license, "/licenses/0");

  const resources = Array.isArray(value["resources"]) ? value["resources"] : [];
  resources.forEach((resource, index) => {
    if (!isObject(resource)) return;
    const pointer = joinPointer("/resources", index);
    const rext = isObject(resource["x-conforme"]) ? resource["x-conforme"] : {};
    const d: DistributionModel = { pointer, pointers: {} };
    const dp = d.pointers;
    const rawPath = Array.isArray(resource["path"]) ? resource["path"][0] : resource["path"];
    const location = str(rawPath);
    const pathPointer = Array.isArray(resource["path"]) ? `${pointer}/path/0` : `${pointer}/path`;
    if (isHttpUrl(location)) {
      d.accessURL = location;
      d.downloadURL = location;
      dp.accessURL = pathPointer;
      dp.downloadURL = pathPointer;
    } else if (location !== undefined) {
      d.path = location;
      dp.path = pathPointer;
    }
    const accessURL = str(rext["accessURL"]);
    if (accessURL) [d.accessURL, dp.accessURL] = [accessURL, `${pointer}/x-conforme/accessURL`];
    const downloadURL = str(rext["downloadURL"]);
    if (downloadURL) [d.downloadURL, dp.downloadURL] = [downloadURL, `${pointer}/x-conforme/downloadURL`];
    const set = <K extends keyof DistributionModel & keyof DistributionModel["pointers"]>(key: K, v: DistributionModel[K], ptr: string) => {
      if (v === undefined) return;
      d[key] = v;
      dp[key] = ptr;
    };
    const title = str(resource["title"]);
    if (title) d.title = title;
    set("description", str(resource["description"]), `${pointer}/description`);
    set("format", str(resource["format"]), `${pointer}/format`);
    set("mediaType", str(resource["mediatype"]), `${pointer}/mediatype`);
    set("byteSize", num(resource["bytes"]), `${pointer}/bytes`);
    set("checksum", checksumFrom(resource["hash"], "md5"), `${pointer}/hash`);
    set("license", licenceOf(resource["licenses"]), `${pointer}/licenses/0`);
    set("rights", str(rext["rights"]), `${pointer}/x-conforme/rights`);
    set("modified", str(rext["modified"]), `${pointer}/x-conforme/modified`);
    const schema = resource["schema"];
    set("conformsTo", typeof schema === "string" ? str(schema) : isObject(schema) ? (str(schema["path"]) ?? str(schema["name"])) : undefined, `${pointer}/schema`);
    const type = str(rext["type"]);
    if (type) d.type = type;
    model.distributions.push(d);
  });
  track(p, "distributions", model.distributions, "/resources");
  return model;
}

/** conforme's own descriptor: DCAT-AP keys in plain YAML or JSON (`schemas/dataset.schema.json`). */
export function fromConformeDescriptor(value: Json): DatasetModel {
  const model = emptyModel("conforme");
  const p = model.pointers;
  const take = <K extends keyof DatasetModel & keyof DatasetModel["pointers"]>(key: K, v: DatasetModel[K], source: string) => {
    model[key] = v;
    track(p, key, v, `/${source}`);
  };
  take("title", str(value["title"]), "title");
  take("description", str(value["description"]), "description");
  take("keywords", strings(value["keywords"]), "keywords");
  take("themes", strings(value["themes"]), "themes");
  take("spatial", spatialFrom(value["spatial"]), "spatial");
  take("temporal", temporalFrom(value["temporal"]), "temporal");
  take("accrualPeriodicity", str(value["accrualPeriodicity"]), "accrualPeriodicity");
  take("publisher", isObject(value["publisher"]) ? str(value["publisher"]["name"]) : str(value["publisher"]), "publisher");
  take("contactPoints", contactsFrom(value["contactPoint"]), "contactPoint");
  take("accessRights", str(value["accessRights"]), "accessRights");
  take("license", str(value["license"]), "license");
  take("rights", str(value["rights"]), "rights");
  take("issued", str(value["issued"]), "issued");
  take("modified", str(value["modified"]), "modified");
  take("conformsTo", str(value["conformsTo"]), "conformsTo");
  const distributions = Array.isArray(value["distributions"]) ? value["distributions"] : [];
  distributions.forEach((item, index) => {
    if (!isObject(item)) return;
    const pointer = joinPointer("/distributions", index);
    const d: DistributionModel = { pointer, pointers: {} };
    const keys = ["accessURL", "downloadURL", "path", "format", "mediaType", "license", "rights", "description", "conformsTo", "modified"] as const;
    for (const key of keys) {
      const v = str(item[key]);
      if (v !== undefined) {
        d[key] = v;
        d.pointers[key] = `${pointer}/${key}`;
      }
    }
    const title = str(item["title"]);
    if (title) d.title = title;
    const type = str(item["type"]);
    if (type) d.type = type;
    const bytes = num(item["byteSize"]);
    if (bytes !== undefined) [d.byteSize, d.pointers.byteSize] = [bytes, `${pointer}/byteSize`];
    const checksum = checksumFrom(item["checksum"], "sha256");
    if (checksum) [d.checksum, d.pointers.checksum] = [checksum, `${pointer}/checksum`];
    model.distributions.push(d);
  });
  track(p, "distributions", model.distributions, "/distributions");
  return model;
}

/** A data.gouv.fr dataset as `GET /api/1/datasets/{id}/` returns it (udata `api_fields.py`). */
export function fromDatagouv(value: Json): DatasetModel {
  const model = emptyModel("datagouv");
  const p = model.pointers;
  model.title = str(value["title"]);
  track(p, "title", model.title, "/title");
  model.description = str(value["description"]);
  track(p, "description", model.description, "/description");
  model.keywords = strings(value["tags"]);
  track(p, "keywords", model.keywords, "/tags");
  // data.gouv.fr has no theme field; a tag spelled as an EU data-theme code stands for one.
  model.themes = model.keywords.filter((tag) => /^(agri|econ|educ|ener|envi|gove|heal|intr|just|regi|soci|tech|tran)$/i.test(tag));
  track(p, "themes", model.themes, "/tags");
  const spatial = isObject(value["spatial"]) ? value["spatial"] : undefined;
  model.spatial = spatial ? spatialFrom({ zones: spatial["zones"], granularity: spatial["granularity"], geometry: spatial["geom"] }) : undefined;
  track(p, "spatial", model.spatial, "/spatial");
  model.temporal = temporalFrom(value["temporal_coverage"]);
  track(p, "temporal", model.temporal, "/temporal_coverage");
  model.accrualPeriodicity = str(value["frequency"]);
  track(p, "accrualPeriodicity", model.accrualPeriodicity, "/frequency");
  const organization = isObject(value["organization"]) ? value["organization"] : undefined;
  const owner = isObject(value["owner"]) ? value["owner"] : undefined;
  model.publisher = organization ? str(organization["name"]) : owner ? [str(owner["first_name"]), str(owner["last_name"])].filter(Boolean).join(" ") || undefined : undefined;
  track(p, "publisher", model.publisher, organization ? "/organization" : "/owner");
  model.contactPoints = contactsFrom(value["contact_points"]);
  track(p, "contactPoints", model.contactPoints, "/contact_points");
  model.accessRights = str(value["access_type"]);
  track(p, "accessRights", model.accessRights, "/access_type");
  model.license = str(value["license"]);
  track(p, "license", model.license, "/license");
  model.issued = str(value["created_at"]);
  track(p, "issued", model.issued, "/created_at");
  const modifiedKey = value["last_update"] !== undefined ? "last_update" : "last_modified";
  model.modified = str(value[modifiedKey]);
  track(p, "modified", model.modified, `/${modifiedKey}`);
  const schema = isObject(value["schema"]) ? value["schema"] : undefined;
  model.conformsTo = schema ? (str(schema["name"]) ?? str(schema["url"])) : undefined;
  track(p, "conformsTo", model.conformsTo, "/schema");
  if (isObject(value["quality"])) model.portalQuality = value["quality"];

  const resources = Array.isArray(value["resources"]) ? value["resources"] : [];
  resources.forEach((resource, index) => {
    if (!isObject(resource)) return;
    const pointer = joinPointer("/resources", index);
    const d: DistributionModel = { pointer, pointers: {} };
    const set = <K extends keyof DistributionModel["pointers"]>(key: K, v: DistributionModel[K], source: string) => {
      if (v === undefined) return;
      d[key] = v;
      d.pointers[key] = `${pointer}/${source}`;
    };
    const title = str(resource["title"]);
    if (title) d.title = title;
    const type = str(resource["type"]);
    if (type) d.type = type;
    const url = str(resource["url"]);
    set("accessURL", url, "url");
    if (type !== "api") set("downloadURL", url, "url");
    set("description", str(resource["description"]), "description");
    set("format", str(resource["format"]), "format");
    set("mediaType", str(resource["mime"]), "mime");
    set("byteSize", num(resource["filesize"]), "filesize");
    set("checksum", checksumFrom(resource["checksum"], "sha1"), "checksum");
    set("modified", str(resource["last_modified"]), "last_modified");
    const rschema = isObject(resource["schema"]) ? resource["schema"] : undefined;
    set("conformsTo", rschema ? (str(rschema["name"]) ?? str(rschema["url"])) : undefined, "schema");
    d.remote = str(resource["filetype"]) === "remote";
    const extras = isObject(resource["extras"]) ? resource["extras"] : {};
    const available = extras["check:available"];
    if (typeof available === "boolean") d.available = available;
    else if (available === "unknown") d.available = "unknown";
    model.distributions.push(d);
  });
  track(p, "distributions", model.distributions, "/resources");
  return model;
}
