import type { Finding, Lang } from "../findings.js";
import type { FindingFactory } from "../validate/findings-factory.js";
import { metadataFactory } from "./codes.js";
import type { DataFacts, DatasetModel, DistributionModel } from "./model.js";
import type { SourceText } from "./source.js";
import { frequencyDelta, normaliseFrequency } from "./vocabularies/frequencies.js";
import { findLicence } from "./vocabularies/licences.js";

export interface CrossCheckOptions {
  now: Date;
  lang?: Lang;
  file?: string;
  source?: SourceText;
  /** Makes the findings (severity overrides of the run); default: the codes' defaults. */
  factory?: FindingFactory;
}

const DAY = 24 * 3600 * 1000;

export function normalisePath(path: string): string {
  return path
    .trim()
    .replace(/\\/g, "/")
    .replace(/^(\.\/)+/, "");
}

/** The facts of the file a distribution references: same path or URL, else same file name. */
export function factsFor(distribution: DistributionModel, facts: readonly DataFacts[]): DataFacts | undefined {
  const refs = [distribution.path, distribution.downloadURL, distribution.accessURL].filter((r): r is string => r !== undefined).map(normalisePath);
  const exact = facts.find((f) => refs.includes(normalisePath(f.path)));
  if (exact) return exact;
  const base = (p: string) => p.split(/[/?#]/).filter(Boolean).pop() ?? p;
  const names = refs.map((r) => base(r.split(/[?#]/)[0] ?? r));
  return facts.find((f) => names.includes(base(normalisePath(f.path))));
}

/** Normalised schema reference: lower case, without `schema.json`, `latest` or a version segment. */
function schemaKey(ref: string): string {
  return ref
    .trim()
    .toLowerCase()
    .replace(/\/schema\.json$/, "")
    .replace(/\/(latest|v?\d+\.\d+\.\d+)$/, "")
    .replace(/\/$/, "");
}

function sameSchema(a: string, b: string): boolean {
  const [x, y] = [schemaKey(a), schemaKey(b)];
  return x === y || x.endsWith(`/${y}`) || y.endsWith(`/${x}`) || x.includes(y) || y.includes(x);
}

interface Coverage {
  communes: Set<string>;
  departments: Set<string>;
}

/** Department of an INSEE commune code: 3 characters overseas (97x), else 2 (`2A`, `2B` for Corsica). */
export function departmentOf(commune: string): string {
  return commune.startsWith("97") ? commune.slice(0, 3) : commune.slice(0, 2);
}

/**
 * Declared zones as commune and department sets, or undefined when the coverage cannot be
 * checked against codes (all of France, regions, geometries, unknown zones).
 */
function coverageOf(model: DatasetModel): Coverage | undefined {
  const zones = model.spatial?.zones ?? [];
  if (zones.length === 0) return undefined;
  const coverage: Coverage = { communes: new Set(), departments: new Set() };
  for (const zone of zones) {
    const raw = zone.trim().replace(/@.*$/, "");
    const prefixed = /^fr:(commune|departement):([0-9AB]+)$/i.exec(raw);
    if (prefixed) {
      (prefixed[1]!.toLowerCase() === "commune" ? coverage.communes : coverage.departments).add(prefixed[2]!.toUpperCase());
    } else if (/^(\d{5}|2[AB]\d{3})$/i.test(raw)) coverage.communes.add(raw.toUpperCase());
    else if (/^(\d{2}|2[AB]|97\d)$/i.test(raw)) coverage.departments.add(raw.toUpperCase());
    else return undefined;
  }
  return coverage;
}

/** A cross-check's finding, at the severity its code has (metadata/codes.ts) unless the configuration sets another. */
function finding(code: string, data: Record<string, unknown>, pointer: string | undefined, options: CrossCheckOptions): Finding[] {
  const position = pointer !== undefined ? options.source?.locate(pointer) : undefined;
  const made = metadataFactory(options.factory, options.lang).make(
    code,
    { messageId: code, data, ...(pointer !== undefined && { pointer }), ...(position && { line: position.line, column: position.column }) },
    options.file,
  );
  return made ? [made] : [];
}

/** Compares what the metadata declares with what the data files hold. */
export function crossCheck(model: DatasetModel, facts: readonly DataFacts[], options: CrossCheckOptions): Finding[] {
  const findings: Finding[] = [];
  const matched: DataFacts[] = [];
  for (const d of model.distributions) {
    const f = factsFor(d, facts);
    if (!f) continue;
    matched.push(f);
    if (d.byteSize !== undefined && f.bytes !== undefined && d.byteSize !== f.bytes) {
      findings.push(...finding("metadata-byte-size-mismatch", { declared: d.byteSize, actual: f.bytes }, d.pointers.byteSize, options));
    }
    if (d.checksum) {
      const actual = d.checksum.algorithm === "sha256" ? f.sha256 : d.checksum.algorithm === "md5" ? f.md5 : undefined;
      if (actual !== undefined && actual.toLowerCase() !== d.checksum.value.toLowerCase()) {
        findings.push(...finding("metadata-hash-mismatch", { algorithm: d.checksum.algorithm, declared: d.checksum.value, actual }, d.pointers.checksum, options));
      }
    }
    const declared = d.conformsTo ?? model.conformsTo;
    if (declared !== undefined && f.schemaId !== undefined && !sameSchema(declared, f.schemaId)) {
      findings.push(...finding("metadata-schema-mismatch", { declared, validated: f.schemaId }, d.pointers.conformsTo ?? model.pointers.conformsTo, options));
    }
  }
  const all = matched.length > 0 ? matched : facts;

  const { start, end } = model.temporal ?? {};
  if (start !== undefined || end !== undefined) {
    for (const f of all) {
      for (const range of f.dateRanges ?? []) {
        const before = start !== undefined && Date.parse(range.min) < Date.parse(start);
        const after = end !== undefined && Date.parse(range.max) > Date.parse(end.length === 10 ? `${end}T23:59:59.999Z` : end);
        if (before || after) {
          findings.push(
            ...finding(
              "metadata-temporal-mismatch",
              { field: range.field, min: range.min, max: range.max, start: start ?? "…", end: end ?? "…" },
              model.pointers.temporal,
              options,
            ),
          );
        }
      }
    }
  }

  const coverage = coverageOf(model);
  if (coverage) {
    const outside = new Set<string>();
    for (const f of all) {
      for (const code of f.communeCodes ?? []) {
        const c = code.toUpperCase();
        if (!coverage.communes.has(c) && !coverage.departments.has(departmentOf(c))) outside.add(c);
      }
      for (const code of f.departmentCodes ?? []) if (!coverage.departments.has(code.toUpperCase())) outside.add(code.toUpperCase());
    }
    if (outside.size > 0) {
      findings.push(...finding("metadata-spatial-mismatch", { codes: [...outside].sort().slice(0, 10), count: outside.size }, model.pointers.spatial, options));
    }
  }

  const mtimes = all
    .map((f) => f.mtime)
    .filter((m): m is string => m !== undefined && !Number.isNaN(Date.parse(m)))
    .sort();
  const lastChange = mtimes[mtimes.length - 1];
  if (lastChange !== undefined) {
    const frequency = normaliseFrequency(model.accrualPeriodicity);
    const delta = frequencyDelta(frequency);
    // Same tolerance as the portal's "updated in time" criterion: one day.
    if (typeof delta === "number" && Date.parse(lastChange) + delta < options.now.getTime() - DAY) {
      findings.push(...finding("metadata-frequency-not-met", { frequency, mtime: lastChange.slice(0, 10) }, model.pointers.accrualPeriodicity, options));
    }
    if (model.modified !== undefined && model.modified.slice(0, 10) < lastChange.slice(0, 10)) {
      findings.push(...finding("metadata-modified-outdated", { declared: model.modified, mtime: lastChange.slice(0, 10) }, model.pointers.modified, options));
    }
  }

  // Décret 2017-638 (CRPA art. D. 323-2-1): Licence Ouverte 2.0 or ODbL, unless homologated.
  const licences = new Map<string, string | undefined>();
  if (model.license !== undefined) licences.set(model.license, model.pointers.license);
  for (const d of model.distributions) if (d.license !== undefined && !licences.has(d.license)) licences.set(d.license, d.pointers.license);
  for (const [license, pointer] of licences) {
    const known = findLicence(license);
    if (known?.frAllowed) continue;
    const code = known?.superseded ? "metadata-license-superseded" : "metadata-license-not-allowed";
    findings.push(...finding(code, { license }, pointer, options));
  }
  return findings;
}
