import {
  aggregateFindings,
  fixKindText,
  formatHtml,
  lintSources,
  readDocument,
  recordPlace,
  VERSION,
  type ByteFile,
  type FileReport,
  type FindingEntry,
  type Finding,
  type FixChange,
  type FixKind,
  type GivenSchema,
  type Lang,
  type LintSourcesResult,
} from "@conforme/core/internal";
import { SNAPSHOT_ELEMENT_ID, type CatalogueSnapshot } from "./catalogue.js";
import { fixedCopy, type FixedCopy } from "./fixed-copy.js";
import { text, type StringKey } from "./strings.js";

/** Findings listed per file on the page; the downloaded report details every one. */
const MAX_ROWS_PER_FILE = 200;
/** Changes listed per file on the page; the summary counts them all and the copy holds them all. */
const MAX_CHANGES_PER_FILE = 200;

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const snapshot = JSON.parse(byId(SNAPSHOT_ELEMENT_ID).textContent ?? "null") as CatalogueSnapshot | null;

let lang: Lang = "fr";
let chosen: File[] = [];
let last: LintSourcesResult | undefined;
/** Name of the descriptor given with the last run, to tell "none given" from "not readable". */
let descriptorName: string | undefined;
/** The user's choice of masking personal data in fixed copies: off until the box is ticked, kept across runs. */
let maskPersonal = false;
/** Files and schema of the last run: the fix runs again on them when the box changes. */
let lastInputs: { files: ByteFile[]; schema: GivenSchema } | undefined;
/** Counts fix runs, so that a run overtaken by a newer one (box ticked twice, language changed) drops its output. */
let fixRuns = 0;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, content?: string | (Node | string)[], attributes: Record<string, string> = {}): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (typeof content === "string") node.textContent = content;
  else if (content) node.append(...content);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

const t = (key: StringKey, values?: Record<string, string | number>) => text(lang, key, values);

function setStatus(message: string, busy = false): void {
  const status = byId("status");
  status.textContent = message;
  byId("results").setAttribute("aria-busy", String(busy));
}

function applyLanguage(): void {
  document.documentElement.lang = lang;
  for (const node of document.querySelectorAll<HTMLElement>("[data-t]")) node.textContent = t(node.dataset.t as StringKey);
  const note = document.getElementById("catalogue-note");
  if (note) note.textContent = t("catalogueNote", { date: note.dataset.date ?? "", count: note.dataset.count ?? "" });
  byId("footer").textContent = t("footer", { version: VERSION });
  byId("chosen").setAttribute("aria-label", t("filesLegend"));
  showChosen();
  // Findings are rendered in the language of the run: a change of language runs it again.
  if (last) void run();
  else if (byId("results").getAttribute("aria-busy") !== "true") setStatus(t("idle"));
}

function showChosen(): void {
  const list = byId("chosen");
  list.replaceChildren(
    ...(chosen.length === 0 ? [element("li", t("noFiles"))] : chosen.map((file) => element("li", `${file.name} (${t("size", { size: file.size.toLocaleString(lang) })})`))),
  );
}

async function bytesOf(file: File): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}

/** The schema the form asks for; undefined for "no schema". Throws a message for the user. */
async function chosenSchema(): Promise<GivenSchema | undefined> {
  const source = document.querySelector<HTMLInputElement>('input[name="schema-source"]:checked')?.value;
  if (source === "catalogue") {
    const id = byId<HTMLSelectElement>("catalogue").value;
    const entry = snapshot?.schemas.find((schema) => schema.id === id);
    if (entry) return { json: entry.schema, source: entry.url, id: entry.id, version: entry.version };
  }
  if (source === "file" || source === "catalogue") {
    const file = byId<HTMLInputElement>("schema-file").files?.[0];
    if (!file) throw new Error(t("needSchemaFile"));
    return { json: await readDocument(await file.text(), file.name), source: file.name };
  }
  return undefined;
}

async function run(): Promise<void> {
  if (chosen.length === 0) {
    setStatus(t("needFiles"));
    return;
  }
  setStatus(t("working"), true);
  byId("output").replaceChildren();
  last = undefined;
  try {
    const schema = await chosenSchema();
    const files: ByteFile[] = await Promise.all(chosen.map(async (file) => ({ name: file.name, bytes: await bytesOf(file) })));
    const descriptorFile = byId<HTMLInputElement>("descriptor").files?.[0];
    const descriptor = descriptorFile ? { name: descriptorFile.name, text: await descriptorFile.text() } : undefined;
    descriptorName = descriptor?.name;
    const result = await lintSources(files, { lang, ...(schema && { schema }), ...(descriptor && { descriptor }) });
    last = result;
    render(result, schema !== undefined);
    lastInputs = schema && { files, schema };
    if (lastInputs) await renderFixed(lastInputs.files, lastInputs.schema);
  } catch (error) {
    setStatus(t("failed", { message: error instanceof Error ? error.message : String(error) }));
  }
}

function severityText(severity: Finding["severity"]): string {
  return t(severity);
}

function placeOf(entry: FindingEntry): string {
  if (entry.kind === "aggregate") {
    const { aggregate } = entry;
    const column = aggregate.fieldName !== undefined ? `${t("column", { column: aggregate.fieldName })}, ` : "";
    return column + t("rows", { count: aggregate.count, rows: aggregate.rows.join(", ") });
  }
  const { finding } = entry;
  const parts: string[] = [];
  if (finding.fieldName !== undefined) parts.push(t("column", { column: finding.fieldName }));
  // In a workbook's sheet, the cell reference (B12) the spreadsheet shows; in a CSV, the row.
  const place = recordPlace(finding, lang, finding.cellRef !== undefined);
  if (place !== undefined) parts.push(place);
  return parts.join(", ");
}

const SEVERITY_RANK: Record<Finding["severity"], number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then warnings, then infos; the engine's order within each (a stable sort). */
function bySeverity(entries: FindingEntry[]): FindingEntry[] {
  const severity = (entry: FindingEntry) => (entry.kind === "aggregate" ? entry.aggregate.severity : entry.finding.severity);
  return [...entries].sort((a, b) => SEVERITY_RANK[severity(a)] - SEVERITY_RANK[severity(b)]);
}

function findingsTable(file: FileReport): HTMLElement[] {
  const shown = file.findings.filter((finding) => finding.category !== "personal-data");
  if (shown.length === 0) return [element("p", t("noFindings"))];
  const entries = bySeverity(aggregateFindings(shown));
  const rows = entries.slice(0, MAX_ROWS_PER_FILE).map((entry) => {
    const finding = entry.kind === "aggregate" ? entry.aggregate.example : entry.finding;
    const severity = entry.kind === "aggregate" ? entry.aggregate.severity : finding.severity;
    return element(
      "tr",
      [
        element("td", severityText(severity), { class: `sev-${severity}` }),
        element("td", [element("code", finding.code)]),
        element("td", placeOf(entry)),
        element("td", finding.message),
      ],
      {
        "data-code": finding.code,
        "data-message-id": finding.messageId,
        "data-severity": severity,
        ...(finding.rowNumber !== undefined && { "data-row": String(finding.rowNumber) }),
        ...(entry.kind === "finding" && finding.cellRef !== undefined && { "data-cell": finding.cellRef }),
        ...(finding.fieldName !== undefined && { "data-field": finding.fieldName }),
      },
    );
  });
  const head = element("thead", [
    element("tr", [
      element("th", t("colSeverity"), { scope: "col" }),
      element("th", t("colCode"), { scope: "col" }),
      element("th", t("colPlace"), { scope: "col" }),
      element("th", t("colMessage"), { scope: "col" }),
    ]),
  ]);
  const table = element("table", [element("caption", t("findingsTitle")), head, element("tbody", rows)], { class: "findings" });
  const out: HTMLElement[] = [element("div", [table], { class: "scroll", tabindex: "0", role: "region", "aria-label": t("findingsTitle") })];
  if (entries.length > MAX_ROWS_PER_FILE) out.push(element("p", t("truncated", { shown: MAX_ROWS_PER_FILE, total: entries.length }), { class: "hint" }));
  return out;
}

function personalVerdict(file: FileReport): HTMLElement {
  const personal = file.findings.filter((finding) => finding.category === "personal-data");
  const unread = file.stats.rows === 0 && file.findings.some((finding) => finding.code === "source-error");
  const columns = [...new Set(personal.map((finding) => finding.fieldName).filter((name): name is string => name !== undefined))];
  const verdict = unread ? "unknown" : personal.length > 0 ? "found" : "none";
  const message =
    verdict === "unknown" ? t("personalSkipped") : verdict === "found" ? t("personalFound", { count: personal.length, columns: columns.join(", ") || "—" }) : t("personalNone");
  const list =
    personal.length > 0
      ? [
          element(
            "ul",
            aggregateFindings(personal)
              .slice(0, MAX_ROWS_PER_FILE)
              .map((entry) => {
                const finding = entry.kind === "aggregate" ? entry.aggregate.example : entry.finding;
                return element("li", [element("code", finding.code), ` ${placeOf(entry)} : ${finding.message}`], { "data-code": finding.code });
              }),
          ),
        ]
      : [];
  return element("section", [element("h4", t("personalTitle")), element("p", message), ...list], { class: `personal personal-${verdict}`, "data-personal": verdict });
}

function fileSection(file: FileReport, index: number): HTMLElement {
  const verdict = file.valid ? "valid" : "invalid";
  const schema = file.schema ? (file.schema.id ? `${file.schema.id} ${file.schema.version ?? ""}`.trim() : file.schema.source) : undefined;
  const parts: Node[] = [
    element("h3", file.file, { id: `file-${index}` }),
    element("p", [element("strong", t(verdict))], { class: `verdict verdict-${verdict}`, "data-verdict": verdict }),
    element("p", schema && schema !== "(en-tête du fichier)" ? t("schemaUsed", { schema }) : t("schemaInferred")),
    element("p", t("counts", { rows: file.stats.rows, errors: file.stats.errors, warnings: file.stats.warnings, infos: file.stats.infos })),
  ];
  if (file.partial) parts.push(element("p", t("partial"), { class: "hint" }));
  // Personal data first: it decides whether the file may be published at all.
  parts.push(personalVerdict(file), ...findingsTable(file));
  return element("section", parts, { class: "file", "data-file": file.file, "aria-labelledby": `file-${index}` });
}

function metadataSection(result: LintSourcesResult): HTMLElement {
  const sections = result.report.metadata ?? [];
  const parts: Node[] = [element("h3", t("metadataTitle"), { id: "metadata-title" })];
  const unread = result.report.runErrors.some((error) => error.file !== undefined && error.file === descriptorName);
  if (sections.length === 0) parts.push(unread ? element("p", t("metadataUnread"), { "data-metadata": "unread" }) : element("p", t("metadataNone"), { "data-metadata": "none" }));
  for (const section of sections) {
    parts.push(element("p", [element("strong", section.descriptor)]));
    parts.push(
      element(
        "ul",
        section.scores.map((score) =>
          element("li", t("metadataScore", { scheme: score.id === "mqa" ? t("metadataMqa") : t("metadataDatagouv"), points: score.points.toLocaleString(lang), max: score.max }), {
            "data-score": score.id,
            "data-points": String(score.points),
            "data-max": String(score.max),
          }),
        ),
      ),
    );
    if (section.scores.some((score) => score.provisional)) parts.push(element("p", t("metadataUnverified"), { class: "hint" }));
  }
  return element("section", parts, { class: "metadata", "aria-labelledby": "metadata-title" });
}

function render(result: LintSourcesResult, withSchema: boolean): void {
  const { report } = result;
  const out: Node[] = [];
  out.push(
    element("p", [element("strong", t(report.valid ? "valid" : "invalid"))], {
      class: `verdict verdict-${report.valid ? "valid" : "invalid"}`,
      id: "overall",
      "data-verdict": report.valid ? "valid" : "invalid",
    }),
  );
  if (report.runErrors.length > 0) {
    out.push(
      element(
        "section",
        [
          element("h3", t("runErrors")),
          element(
            "ul",
            report.runErrors.map((error) => element("li", `${error.file ? `${error.file} : ` : ""}${error.message}`, { "data-code": error.code })),
          ),
        ],
        {
          class: "run-errors",
        },
      ),
    );
  }
  report.files.forEach((file, index) => out.push(fileSection(file, index)));
  out.push(metadataSection(result));
  const download = element("button", t("downloadReport"), { type: "button", id: "download-report" });
  download.addEventListener("click", () => downloadReport(result));
  out.push(element("p", [download]));
  out.push(fixSection(withSchema));
  byId("output").replaceChildren(...out);
  setStatus(t("done", { files: report.files.length, errors: report.stats.errors, warnings: report.stats.warnings }));
}

function save(name: string, content: BlobPart, type: string): void {
  // A blob: URL made here and handed to the browser's download: the bytes never leave the machine.
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = element("a", [], { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function downloadReport(result: LintSourcesResult): void {
  save("rapport-conforme.html", formatHtml(result.report, { lang, preview: result.previews }), "text/html;charset=utf-8");
}

/**
 * The fixed copies' section: the masking choice stays put (focus kept when it is toggled), the
 * copies below it are made again on each change. Without a schema, it says why there is none.
 */
function fixSection(withSchema: boolean): HTMLElement {
  const parts: Node[] = [element("h3", t("fixTitle"), { id: "fix-title" })];
  if (!withSchema) {
    parts.push(element("p", t("fixNeedsSchema"), { "data-fix": "no-schema" }));
  } else {
    const box = element("input", [], { type: "checkbox", id: "mask-personal", "aria-describedby": "mask-personal-hint" });
    box.checked = maskPersonal;
    box.addEventListener("change", () => {
      maskPersonal = box.checked;
      if (lastInputs) void renderFixed(lastInputs.files, lastInputs.schema);
    });
    parts.push(
      element("p", t("fixIntro"), { class: "hint" }),
      element("p", [box, " ", element("label", t("maskPersonalLabel"), { for: "mask-personal" })], { class: "choice" }),
      element("p", t("maskPersonalHint"), { class: "hint", id: "mask-personal-hint" }),
      element("div", [], { id: "fixed-files" }),
    );
  }
  return element("section", parts, { id: "fix", class: "fix", "aria-labelledby": "fix-title" });
}

/** Makes each file's fixed copy with core's `fixTable` and lists it; `data-state` says when all are listed. */
async function renderFixed(files: ByteFile[], schema: GivenSchema): Promise<void> {
  const run = ++fixRuns;
  const holder = byId("fixed-files");
  holder.replaceChildren();
  holder.dataset.state = "working";
  holder.setAttribute("aria-busy", "true");
  const sections: HTMLElement[] = [];
  for (const [index, file] of files.entries()) {
    const section = await fixedSection(file, schema, index);
    if (run !== fixRuns) return;
    sections.push(section);
  }
  holder.replaceChildren(...sections);
  holder.setAttribute("aria-busy", "false");
  holder.dataset.state = "done";
}

/** The page's words for a kind of fix: core's, but for masking, which the page asks with a box and not with `--mask-personal`. */
function kindText(kind: FixKind): string {
  return kind === "maskPersonal" ? t("kindMaskPersonal") : fixKindText(kind, lang);
}

async function fixedSection(file: ByteFile, schema: GivenSchema, index: number): Promise<HTMLElement> {
  const parts: Node[] = [element("h4", file.name, { id: `fixed-${index}` })];
  const attributes = { class: "fixed", "data-file": file.name, "aria-labelledby": `fixed-${index}` };
  let copy: FixedCopy;
  try {
    copy = await fixedCopy(file, schema, { lang, maskPersonal });
  } catch (error) {
    parts.push(element("p", t("fixFailed", { message: error instanceof Error ? error.message : String(error) }), { "data-fix": "failed" }));
    return element("section", parts, attributes);
  }
  const { result } = copy;
  if (!copy.bytes) {
    parts.push(
      element("p", t("fixNoCopy"), { "data-fix": "no-copy" }),
      element(
        "ul",
        copy.problems.map((problem) => element("li", problem)),
      ),
    );
    return element("section", parts, attributes);
  }
  if (!result.changed) {
    parts.push(element("p", t("fixNothing"), { "data-fix": "unchanged" }));
  } else {
    parts.push(
      element("p", t("fixChanges", { count: result.changes.length }), { "data-fix": "changed" }),
      element(
        "ul",
        result.summary.map(({ kind, count }) => element("li", `${count} × ${kindText(kind)}`, { "data-kind": kind, "data-count": String(count) })),
        { class: "fix-summary" },
      ),
    );
  }
  // Said in every case: the user must know whether personal values were left or masked.
  const masked = result.changes.filter((change) => change.kind === "maskPersonal").length;
  const personal = !maskPersonal ? "kept" : masked > 0 ? "masked" : "none";
  parts.push(
    element("p", personal === "kept" ? t("fixPersonalKept") : personal === "masked" ? t("fixPersonalMasked", { count: masked }) : t("fixPersonalNone"), {
      "data-personal-fix": personal,
    }),
  );
  if (result.notes.length > 0) {
    parts.push(
      element("h5", t("fixNotesTitle")),
      element(
        "ul",
        result.notes.map((note) => element("li", note.message[lang], { "data-note": note.id })),
        { class: "fix-notes" },
      ),
    );
  }
  if (copy.remainingErrors !== undefined) {
    parts.push(element("p", copy.remainingErrors > 0 ? t("fixRemaining", { count: copy.remainingErrors }) : t("fixClean"), { "data-remaining": String(copy.remainingErrors) }));
  }
  if (result.changed) {
    const bytes = copy.bytes;
    const button = element("button", t("fixDownload", { name: copy.name }), { type: "button", "data-download": copy.name });
    button.addEventListener("click", () => save(copy.name, bytes as Uint8Array<ArrayBuffer>, "text/csv;charset=utf-8"));
    // The download before the detail of the changes, which a large file makes long.
    parts.push(element("p", [button]), changesDetail(copy));
  }
  return element("section", parts, attributes);
}

function changePlace(change: FixChange): string {
  if (change.rowNumber === undefined) return t("wholeFile");
  return change.rowNumber === 1 ? t("header") : String(change.rowNumber);
}

const valueCell = (value: string) => element("td", value === "" ? [] : [element("code", value)]);

/** Short lists open, long ones folded: the summary above already counts every kind. */
const OPEN_CHANGES = 30;

function changesDetail(copy: FixedCopy): HTMLElement {
  const { changes } = copy.result;
  const rows = changes.slice(0, MAX_CHANGES_PER_FILE).map((change) =>
    element(
      "tr",
      [element("td", changePlace(change)), element("td", change.fieldName ?? ""), valueCell(change.before), valueCell(change.after), element("td", kindText(change.kind))],
      {
        "data-kind": change.kind,
        ...(change.rowNumber !== undefined && { "data-row": String(change.rowNumber) }),
        ...(change.fieldName !== undefined && { "data-field": change.fieldName }),
      },
    ),
  );
  const head = element("thead", [
    element(
      "tr",
      (["colRow", "colColumn", "colBefore", "colAfter", "colKind"] as const).map((key) => element("th", t(key), { scope: "col" })),
    ),
  ]);
  const table = element("table", [element("caption", t("fixChangesTitle")), head, element("tbody", rows)], { class: "changes" });
  const parts: HTMLElement[] = [
    element("summary", t("fixChangesShow", { count: changes.length })),
    element("div", [table], { class: "scroll", tabindex: "0", role: "region", "aria-label": t("fixChangesOf", { file: copy.file }) }),
  ];
  if (changes.length > MAX_CHANGES_PER_FILE) parts.push(element("p", t("fixTruncated", { shown: MAX_CHANGES_PER_FILE, total: changes.length }), { class: "hint" }));
  return element("details", parts, { class: "changes", ...(changes.length <= OPEN_CHANGES && { open: "" }) });
}

function choose(files: FileList | null | undefined): void {
  if (!files || files.length === 0) return;
  chosen = [...files];
  showChosen();
}

function start(): void {
  const drop = byId("drop");
  const input = byId<HTMLInputElement>("files");
  input.addEventListener("change", () => choose(input.files));
  drop.addEventListener("dragover", (event) => {
    event.preventDefault();
    drop.classList.add("over");
  });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (event) => {
    event.preventDefault();
    drop.classList.remove("over");
    choose(event.dataTransfer?.files);
  });
  // A file dropped beside the zone must not make the browser open it in place of the page.
  for (const kind of ["dragover", "drop"]) document.addEventListener(kind, (event) => event.preventDefault());
  byId<HTMLSelectElement>("lang").addEventListener("change", (event) => {
    lang = (event.target as HTMLSelectElement).value === "en" ? "en" : "fr";
    applyLanguage();
  });
  byId("form").addEventListener("submit", (event) => {
    event.preventDefault();
    void run();
  });
  // Choosing a schema file or a catalogue entry selects its option.
  byId("schema-file").addEventListener("change", () => (byId<HTMLInputElement>("source-file").checked = true));
  byId("catalogue").addEventListener("change", () => (byId<HTMLInputElement>("source-catalogue").checked = true));
  showChosen();
  document.documentElement.dataset.ready = "true";
}

start();
