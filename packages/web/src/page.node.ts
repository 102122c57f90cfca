import { createHash } from "node:crypto";
import type { CatalogueSnapshot } from "./catalogue.js";
import { SNAPSHOT_ELEMENT_ID } from "./catalogue.js";
import { text, type StringKey } from "./strings.js";

export interface PageParts {
  /** The page's whole program, bundled: inlined in the one `<script>`. */
  script: string;
  /** The page's whole style sheet: inlined in the one `<style>`. */
  style: string;
  snapshot?: CatalogueSnapshot;
  version: string;
}

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const hash = (content: string) => `'sha256-${createHash("sha256").update(content, "utf8").digest("base64")}'`;

/**
 * The Content-Security-Policy of the page. Nothing may be fetched, sent or embedded
 * (`default-src 'none'`, and `connect-src`, `form-action`, `img-src`... said again where a browser
 * would not fall back to it); the only script and style allowed are the page's own inline ones,
 * by hash (CSP Level 3 §6.7.3 hash-source). Downloads of the report (a `blob:` URL made by the page)
 * are navigations, which CSP does not govern; they carry nothing off the machine.
 */
export function contentSecurityPolicy(script: string, style: string): string {
  return [
    "default-src 'none'",
    `script-src ${hash(script)}`,
    `style-src ${hash(style)}`,
    "connect-src 'none'",
    "img-src 'none'",
    "font-src 'none'",
    "media-src 'none'",
    "object-src 'none'",
    "frame-src 'none'",
    "worker-src 'none'",
    "manifest-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join("; ");
}

/** JSON safe inside a `<script>` element: no `</script>`, no `<!--` (HTML §4.12.1.3). */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** The single, self-contained HTML file of the page, in French (the program switches to English on demand). */
export function renderPage(parts: PageParts): string {
  const t = (key: StringKey, values?: Record<string, string | number>) => escapeHtml(text("fr", key, values));
  const tag = (key: StringKey) => `data-t="${key}"`;
  const snapshot = parts.snapshot;
  const schemas = snapshot?.schemas ?? [];
  const options = schemas
    .map((schema) => `<option value="${escapeHtml(schema.id)}">${escapeHtml(schema.title ?? schema.id)} (${escapeHtml(schema.id)} ${escapeHtml(schema.version)})</option>`)
    .join("");
  const catalogueNote = snapshot
    ? `<p class="hint" id="catalogue-note" data-date="${escapeHtml(snapshot.createdAt.slice(0, 10))}" data-count="${schemas.length}">${t("catalogueNote", { date: snapshot.createdAt.slice(0, 10), count: schemas.length })}</p>`
    : `<p class="hint" ${tag("catalogueEmpty")}>${t("catalogueEmpty")}</p>`;
  const hasCatalogue = schemas.length > 0;
  // The inline script must be hashed exactly as it stands between its tags.
  const script = parts.script.replace(/<\/script/gi, "<\\/script");
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(script, parts.style)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title ${tag("title")}>${t("title")}</title>
<style>${parts.style}</style>
</head>
<body>
<header>
<h1 ${tag("title")}>${t("title")}</h1>
<p ${tag("lede")}>${t("lede")}</p>
<p class="privacy" ${tag("privacy")}>${t("privacy")}</p>
<p class="lang"><label for="lang" ${tag("langLabel")}>${t("langLabel")}</label> <select id="lang"><option value="fr" lang="fr" selected>Français</option><option value="en" lang="en">English</option></select></p>
</header>
<main>
<form id="form" novalidate>
<fieldset>
<legend ${tag("filesLegend")}>${t("filesLegend")}</legend>
<div class="drop" id="drop">
<label for="files" ${tag("dropLabel")}>${t("dropLabel")}</label>
<input type="file" id="files" multiple accept=".csv,.tsv,.txt,.xlsx,.xlsm,.ods,text/csv" aria-describedby="drop-hint">
<p class="hint" id="drop-hint" ${tag("dropHint")}>${t("dropHint")}</p>
</div>
<ul id="chosen" aria-label="${t("filesLegend")}"></ul>
</fieldset>
<fieldset>
<legend ${tag("schemaLegend")}>${t("schemaLegend")}</legend>
<p class="choice"><input type="radio" name="schema-source" id="source-catalogue" value="catalogue"${hasCatalogue ? " checked" : " disabled"}> <label for="source-catalogue" ${tag("schemaCatalogue")}>${t("schemaCatalogue")}</label></p>
<p class="choice"><input type="radio" name="schema-source" id="source-file" value="file"${hasCatalogue ? "" : " checked"}> <label for="source-file" ${tag("schemaFile")}>${t("schemaFile")}</label></p>
<p class="choice"><input type="radio" name="schema-source" id="source-none" value="none"> <label for="source-none" ${tag("schemaNone")}>${t("schemaNone")}</label></p>
<p><label for="catalogue" ${tag("catalogueLabel")}>${t("catalogueLabel")}</label><br><select id="catalogue"${hasCatalogue ? "" : " disabled"}>${options}</select></p>
${catalogueNote}
<p><label for="schema-file" ${tag("schemaFileLabel")}>${t("schemaFileLabel")}</label><br><input type="file" id="schema-file" accept=".json,.yml,.yaml,application/json"></p>
</fieldset>
<fieldset>
<legend ${tag("descriptorLegend")}>${t("descriptorLegend")}</legend>
<p><label for="descriptor" ${tag("descriptorLabel")}>${t("descriptorLabel")}</label><br><input type="file" id="descriptor" accept=".json,.yml,.yaml,.ttl,.jsonld" aria-describedby="descriptor-hint"></p>
<p class="hint" id="descriptor-hint" ${tag("descriptorHint")}>${t("descriptorHint")}</p>
</fieldset>
<p><button type="submit" id="submit" ${tag("submit")}>${t("submit")}</button></p>
</form>
<section id="results" aria-labelledby="results-title">
<h2 id="results-title" ${tag("resultsTitle")}>${t("resultsTitle")}</h2>
<p id="status" role="status" aria-live="polite">${t("idle")}</p>
<div id="output"></div>
</section>
</main>
<footer><p id="footer" data-version="${escapeHtml(parts.version)}">${t("footer", { version: parts.version })}</p></footer>
<script type="application/json" id="${SNAPSHOT_ELEMENT_ID}">${scriptJson(snapshot ?? null)}</script>
<script>${script}</script>
</body>
</html>
`;
}
