import type { Finding, Lang } from "../findings.js";
import type { FileReport, Report } from "../report.js";
import { aggregateFindings, maxErrorsOf, partialNotice, type FindingEntry } from "./aggregate.js";
import { badgeStatus, formatBadge, formatPercent, type BadgeStatus } from "./badge.js";
import { codeTitle, describeCode } from "./catalog.js";
import { groupByCode, personalRisk, type CodeGroup, type PersonalRisk } from "./views.js";
import { barChart, gauge } from "./html/charts.js";
import { escapeHtml } from "./html/escape.js";
import { chosenByAuto, HEADER_MODE_TERM, headerModeText } from "./header-mode.js";
import { localText, metadataSections, type MetadataScoreView, type MetadataSectionView } from "./html/metadata.js";
import { SCRIPT } from "./html/script.js";
import { cspHash } from "./html/csp-hash.js";
import { STRINGS, type ReportStrings } from "./html/strings.js";
import { STYLES } from "./html/styles.js";
import type { PreviewTable } from "../validate/preview.js";

export type { MetadataCriterionView, MetadataScoreView, MetadataSectionView } from "./html/metadata.js";

export type { PreviewTable } from "../validate/preview.js";

export interface HtmlOptions {
  /** Language of the report's own texts; defaults to the report's language. */
  lang?: Lang;
  /** Occurrences detailed per code and file; all are counted. Defaults to 50. */
  maxPerCode?: number;
  /** Preview rows per file path (`FileReport.file`). */
  preview?: Record<string, PreviewTable>;
  /** False details every occurrence; by default a column failing on many rows is one line. */
  aggregate?: boolean;
}

export const DEFAULT_MAX_PER_CODE = 50;
const MAX_PREVIEW_ROWS = 100;
const MAX_PREVIEW_COLUMNS = 60;
const MAX_VALUE_LENGTH = 300;
const MAX_CHART_BARS = 15;
const MASK = "•••••";

interface Context {
  lang: Lang;
  t: ReportStrings;
  maxPerCode: number;
  number: Intl.NumberFormat;
  /** The run asked for the auto header mode: each file says which mode it got. */
  headerAuto: boolean;
  aggregate: boolean;
  maxErrors: number | undefined;
}

interface FileView {
  file: FileReport;
  id: string;
  groups: CodeGroup[];
  personal: FindingEntry[];
  personalCount: number;
  /** Columns flagged by a personal-data finding: their values are never printed. */
  personalFields: Set<string>;
  risk: PersonalRisk;
}

/**
 * Renders a report as one self-contained HTML page: inline CSS, inline SVG and a small inline
 * script that only enhances, under a Content-Security-Policy that forbids every remote load.
 * Every value from the data or the metadata is escaped, and values of columns holding personal
 * data are masked. Counts cover all findings; details stop at `maxPerCode` per code and file.
 */
export function formatHtml(report: Report, options: HtmlOptions = {}): string {
  const lang = options.lang ?? report.lang ?? "fr";
  const t = STRINGS[lang];
  const context: Context = {
    lang,
    t,
    maxPerCode: Math.max(0, options.maxPerCode ?? DEFAULT_MAX_PER_CODE),
    number: new Intl.NumberFormat(t.locale),
    headerAuto: chosenByAuto(report),
    aggregate: options.aggregate !== false,
    maxErrors: maxErrorsOf(report),
  };
  const views = report.files.map((file, index) => fileView(file, `f${index + 1}`, context));
  const sections = metadataSections(report);
  // Hashes rather than 'unsafe-inline': only this exact style and script may run, so even an
  // escaping bug could not execute injected markup. Computed here, since the texts are constants
  // but a hash typed by hand would go stale.
  const csp = ["default-src 'none'", `style-src ${cspHash(STYLES)}`, `script-src ${cspHash(SCRIPT)}`, "img-src data:", "base-uri 'none'", "form-action 'none'"].join("; ");
  return [
    "<!doctype html>",
    `<html lang="${lang}">`,
    "<head>",
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="conforme ${escapeHtml(report.tool.version)}">`,
    `<title>${escapeHtml(t.title)}</title>`,
    `<style>${STYLES}</style>`,
    "</head>",
    "<body>",
    `<a class="skip" href="#main">${escapeHtml(t.skip)}</a>`,
    `<header class="masthead"><div class="inner"><div class="brand">${escapeHtml(t.brand)}<span>${escapeHtml(t.tagline)}</span></div>`,
    `<div class="meta">${escapeHtml(formatDate(report.createdAt, context))}</div></div></header>`,
    '<main id="main">',
    renderSummary(report, views, sections, context),
    renderToc(views, sections, context),
    ...views.map((view) => renderFile(view, options.preview?.[view.file.file], context)),
    sections.length > 0 ? renderMetadata(sections, context) : "",
    renderAudit(report, context),
    "</main>",
    `<footer class="footer"><div class="inner">${escapeHtml(t.producedBy(report.tool.version))} · ${escapeHtml(report.createdAt)}</div></footer>`,
    `<script>${SCRIPT}</script>`,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

function fileView(file: FileReport, id: string, context: Context): FileView {
  const personalFindings: Finding[] = [];
  const others: Finding[] = [];
  const personalFields = new Set<string>();
  for (const finding of file.findings) {
    if (finding.category !== "personal-data") {
      others.push(finding);
      continue;
    }
    personalFindings.push(finding);
    if (finding.fieldName !== undefined) personalFields.add(`n:${finding.fieldName}`);
    if (finding.fieldNumber !== undefined) personalFields.add(`i:${finding.fieldNumber}`);
  }
  // Personal data has a section of its own, below the findings grouped by code.
  const groups = groupByCode(others, { aggregate: context.aggregate, maxEntries: context.maxPerCode, ...(file.stats.countsByCode && { countsByCode: file.stats.countsByCode }) });
  const personal = aggregateFindings(personalFindings, { aggregate: context.aggregate }).slice(0, context.maxPerCode * 4);
  return { file, id, groups, personal, personalCount: personalFindings.length, personalFields, risk: personalRisk(file).risk };
}

/** Findings an entry stands for. */
function entrySize(entry: FindingEntry): number {
  return entry.kind === "finding" ? 1 : entry.aggregate.count;
}

/**
 * The badge of a file, never "valide" for a file that fails (personal data counts as an error
 * there, though not against the schema) or whose reading stopped early.
 */
function fileStatus(file: FileReport): BadgeStatus | "incomplete" {
  const status = badgeStatus(file);
  if (status !== "valid" && status !== "partially-valid") return status;
  if (!file.valid) return "invalid";
  return file.partial ? "incomplete" : status;
}

function fileBadge(file: FileReport, context: Context): string {
  const status = fileStatus(file);
  const stopped = file.partial ? ` <span class="tag sev-warning" data-partial="true">${escapeHtml(context.t.stopped)}</span>` : "";
  if (status === "incomplete") return stopped.trimStart();
  return `<span class="badge">${formatBadge({ status, validCellsPercent: file.stats.validCellsPercent, lang: context.lang })}</span>${stopped}`;
}

function isPersonalCell(view: FileView, fieldName: string | undefined, fieldNumber: number | undefined): boolean {
  return (fieldName !== undefined && view.personalFields.has(`n:${fieldName}`)) || (fieldNumber !== undefined && view.personalFields.has(`i:${fieldNumber}`));
}

function renderSummary(report: Report, views: FileView[], sections: MetadataSectionView[], context: Context): string {
  const { t } = context;
  const invalid = report.files.filter((file) => !file.valid).length;
  const partial = report.files.filter((file) => file.partial).length;
  // A file read only in part may hide errors further down: the page cannot say "Conforme".
  const noErrors = report.valid && report.runErrors.length === 0;
  const valid = noErrors && partial === 0;
  // Personal data does not change conformity to the schema, but an auditor must see it first.
  const flagged = views.filter((view) => view.risk === "high" || view.risk === "medium");
  const personalFiles = flagged.length;
  const personalRisk = flagged.some((view) => view.risk === "high") ? "high" : "medium";
  const verdictText = valid
    ? t.verdictValidText(report.files.length)
    : noErrors
      ? t.verdictIncompleteText(partial, report.files.length)
      : t.verdictInvalidText(invalid, report.files.length);
  const verdictTitle = valid ? t.verdictValid : noErrors ? t.verdictIncomplete : t.verdictInvalid;
  const parts = [
    '<section class="summary" aria-labelledby="summary-title">',
    `<h1 id="summary-title">${escapeHtml(t.title)}</h1>`,
    `<div class="verdict ${valid ? "is-valid" : noErrors ? "is-incomplete" : "is-invalid"}" data-verdict="${valid ? "valid" : noErrors ? "incomplete" : "invalid"}">`,
    `<span class="mark" aria-hidden="true">${valid ? "✓" : noErrors ? "!" : "✗"}</span>`,
    `<div><strong>${escapeHtml(verdictTitle)}</strong><p>${escapeHtml(verdictText)}</p>`,
    invalid > 0 && partial > 0 ? `<p>${escapeHtml(t.verdictIncompleteText(partial, report.files.length))}</p>` : "",
    personalFiles > 0 ? `<p class="risk-${personalRisk}" data-personal-files="${personalFiles}">${escapeHtml(t.personalVerdict(personalFiles))}</p>` : "",
    "</div></div>",
  ];
  if (report.runErrors.length > 0) {
    parts.push(
      `<div class="alert" role="alert"><strong>${escapeHtml(t.runErrorsTitle)}</strong><ul>`,
      ...report.runErrors.map((error) => `<li><code>${escapeHtml(error.code)}</code>${error.file ? ` — ${escapeHtml(error.file)}` : ""} : ${escapeHtml(error.message)}</li>`),
      "</ul></div>",
    );
  }
  parts.push(
    '<ul class="keys">',
    `<li><b>${context.number.format(report.stats.files)}</b><span>${escapeHtml(t.keyFiles)}</span></li>`,
    `<li><b>${context.number.format(report.stats.errors)}</b><span>${escapeHtml(t.keyErrors)}</span></li>`,
    `<li><b>${context.number.format(report.stats.warnings)}</b><span>${escapeHtml(t.keyWarnings)}</span></li>`,
    `<li><b>${escapeHtml(formatDuration(report.durationMs, context))}</b><span>${escapeHtml(t.keyDuration)}</span></li>`,
    "</ul>",
  );
  if (views.length > 0) {
    parts.push(
      '<div class="scroll" tabindex="0" role="region" aria-labelledby="files-caption"><table class="files">',
      `<caption id="files-caption">${escapeHtml(t.filesCaption)}</caption>`,
      `<thead><tr><th scope="col">${escapeHtml(t.colFile)}</th><th scope="col">${escapeHtml(t.colSchema)}</th>`,
      `<th scope="col">${escapeHtml(t.colConformity)}</th><th scope="col" class="num">${escapeHtml(t.colValidCells)}</th>`,
      `<th scope="col">${escapeHtml(t.colPersonalData)}</th><th scope="col" class="num">${escapeHtml(t.colErrors)}</th>`,
      `<th scope="col" class="num">${escapeHtml(t.colWarnings)}</th></tr></thead><tbody>`,
      ...views.map((view) => renderSummaryRow(view, context)),
      "</tbody></table></div>",
    );
  }
  if (sections.length > 0) {
    parts.push(
      '<div class="scroll" tabindex="0" role="region" aria-labelledby="metadata-caption"><table class="metadata-summary">',
      `<caption id="metadata-caption">${escapeHtml(t.metadataSummary)}</caption>`,
      `<thead><tr><th scope="col">${escapeHtml(t.colDescriptor)}</th><th scope="col">${escapeHtml(t.colScore)}</th>`,
      `<th scope="col" class="num">${escapeHtml(t.points)}</th><th scope="col">${escapeHtml(t.colRating)}</th></tr></thead><tbody>`,
      ...sections.flatMap((section) =>
        section.scores.map(
          (score) =>
            `<tr data-score="${escapeHtml(score.id)}"><th scope="row">${escapeHtml(section.descriptor)}</th><td>${escapeHtml(scoreName(score.id))}</td>` +
            `<td class="num">${escapeHtml(scoreText(score, context))}</td><td>${escapeHtml(ratingText(score, context))}</td></tr>`,
        ),
      ),
      "</tbody></table></div>",
    );
  }
  parts.push("</section>");
  return parts.join("\n");
}

function renderSummaryRow(view: FileView, context: Context): string {
  const { file } = view;
  const { t, lang } = context;
  const status = fileStatus(file);
  const percent = file.stats.validCellsPercent;
  return [
    `<tr data-file="${escapeHtml(file.file)}" data-status="${status}" data-risk="${view.risk}">`,
    `<th scope="row"><a href="#${view.id}">${escapeHtml(file.file)}</a></th>`,
    `<td>${schemaLabel(file, context)}</td>`,
    `<td>${fileBadge(file, context)}</td>`,
    `<td class="num">${percent === undefined ? "—" : escapeHtml(formatPercent(percent, lang))}</td>`,
    `<td><span class="risk-${view.risk}">${escapeHtml(t.risk[view.risk])}</span></td>`,
    `<td class="num">${context.number.format(file.stats.errors)}</td>`,
    `<td class="num">${context.number.format(file.stats.warnings)}</td>`,
    "</tr>",
  ].join("");
}

function schemaLabel(file: FileReport, context: Context): string {
  const schema = file.schema;
  if (schema === undefined) return `<span class="muted">${escapeHtml(context.t.noSchema)}</span>`;
  const name = schema.id ?? schema.source;
  return `${escapeHtml(name)}${schema.version ? ` <span class="muted">${escapeHtml(versionLabel(schema.version))}</span>` : ""}`;
}

/** `v1.1.6` whether the catalogue wrote `1.1.6` or `v1.1.6`. */
function versionLabel(version: string): string {
  return /^v\d/i.test(version) ? version : `v${version}`;
}

function renderToc(views: FileView[], sections: MetadataSectionView[], context: Context): string {
  const { t } = context;
  const items = views.map((view) => `<li><a href="#${view.id}">${escapeHtml(view.file.file)}</a></li>`);
  if (sections.length > 0) items.push(`<li><a href="#metadata">${escapeHtml(t.metadataTitle)}</a></li>`);
  items.push(`<li><a href="#audit">${escapeHtml(t.auditTitle)}</a></li>`);
  return `<nav class="toc" aria-labelledby="toc-title"><h2 id="toc-title">${escapeHtml(t.contents)}</h2><ol>${items.join("")}</ol></nav>`;
}

function renderFile(view: FileView, preview: PreviewTable | undefined, context: Context): string {
  const { file, id } = view;
  const { t } = context;
  const facts: Array<[string, string]> = [
    [t.colSchema, schemaLabel(file, context)],
    // Past the error limit the rows counted are only those read, and the label says so.
    file.partial
      ? [t.rowsRead, `${context.number.format(file.stats.rows)} <span class="muted">(${escapeHtml(t.stopped)})</span>`]
      : [t.rows, context.number.format(file.stats.rows)],
    [t.columns, context.number.format(file.stats.fields)],
    [t.colValidCells, file.stats.validCellsPercent === undefined ? "—" : escapeHtml(formatPercent(file.stats.validCellsPercent, context.lang))],
    // A workbook has no encoding: the sheet read says where the rows came from.
    file.sheet ? [t.sheet, escapeHtml(t.sheetText(file.sheet.name, file.sheet.index, file.sheet.format))] : [t.encoding, escapeHtml(file.encoding ?? t.unknown)],
  ];
  if (file.headerMode) facts.push([HEADER_MODE_TERM[context.lang], escapeHtml(headerModeText(file.headerMode, context.lang, context.headerAuto))]);
  const parts = [
    `<section class="file" id="${id}" aria-labelledby="${id}-title" data-file="${escapeHtml(file.file)}">`,
    `<h2 id="${id}-title">${escapeHtml(t.fileHeading(file.file))} ${fileBadge(file, context)}</h2>`,
    `<dl class="facts">${facts.map(([term, value]) => `<div><dt>${escapeHtml(term)}</dt><dd>${value}</dd></div>`).join("")}</dl>`,
  ];
  const notice = partialNotice(file, context.lang, context.maxErrors);
  if (notice) parts.push(`<p class="alert is-warning" data-partial="true">${escapeHtml(notice)}</p>`);
  parts.push(renderFindings(view, context));
  if (preview !== undefined) parts.push(renderPreview(view, preview, context));
  parts.push(renderPersonal(view, context));
  parts.push("</section>");
  return parts.join("\n");
}

function renderFindings(view: FileView, context: Context): string {
  const { t } = context;
  const { id, groups } = view;
  const parts = [`<h3 id="${id}-findings">${escapeHtml(t.findingsTitle)}</h3>`];
  if (groups.length === 0) {
    // "No errors" only when it is true of the whole file: personal data may fail it, and a
    // stopped reading leaves the rest unchecked.
    const personalFails = view.file.findings.some((finding) => finding.category === "personal-data" && finding.severity !== "info" && !finding.accepted);
    const text = view.file.partial ? t.noFindingsInRowsRead : personalFails || !view.file.valid ? t.noSchemaFindings : t.noFindings;
    parts.push(`<p>${escapeHtml(text)}</p>`);
    return parts.join("\n");
  }
  const bars = groups.slice(0, MAX_CHART_BARS).map((group) => ({
    label: group.code,
    value: group.count,
    text: context.number.format(group.count),
    severity: group.severity,
  }));
  parts.push(barChart(bars, t.chartTitle, t.chartDesc(bars.length), `${id}-chart`));
  parts.push(
    '<div class="scroll" tabindex="0" role="region" aria-labelledby="' + id + '-counts">',
    `<table class="counts"><caption id="${id}-counts">${escapeHtml(t.countsCaption)}</caption>`,
    `<thead><tr><th scope="col">${escapeHtml(t.colCode)}</th><th scope="col">${escapeHtml(t.colSeverity)}</th><th scope="col" class="num">${escapeHtml(t.colCount)}</th></tr></thead><tbody>`,
    ...groups.map(
      (group) =>
        `<tr data-code="${escapeHtml(group.code)}" data-count="${group.count}"><th scope="row"><a href="#${id}-g-${escapeHtml(slug(group.code))}"><code>${escapeHtml(group.code)}</code></a>` +
        `${codeTitle(group.code, context.lang) ? ` ${escapeHtml(codeTitle(group.code, context.lang))}` : ""}</th>` +
        `<td><span class="sev-${group.severity}">${escapeHtml(t.severity[group.severity])}</span></td><td class="num">${context.number.format(group.count)}</td></tr>`,
    ),
    "</tbody></table></div>",
  );
  // The toolbar is hidden until the script shows it: without script there is nothing to click.
  parts.push(
    `<div class="toolbar" data-filter="${id}-groups" data-status="${escapeHtml(t.filterStatus)}" hidden>`,
    `<div><label for="${id}-q">${escapeHtml(t.searchLabel)}</label><input id="${id}-q" type="search" autocomplete="off"></div>`,
    `<div><label for="${id}-s">${escapeHtml(t.severityFilter)}</label><select id="${id}-s"><option value="">${escapeHtml(t.allSeverities)}</option>`,
    ...(["error", "warning", "info"] as const).map((severity) => `<option value="${severity}">${escapeHtml(t.severity[severity])}</option>`),
    `</select></div><p role="status"></p></div>`,
    `<div id="${id}-groups">`,
    ...groups.map((group) => renderGroup(view, group, context)),
    "</div>",
  );
  return parts.join("\n");
}

function renderGroup(view: FileView, group: CodeGroup, context: Context): string {
  const { t, lang } = context;
  const groupId = `${view.id}-g-${slug(group.code)}`;
  const info = describeCode(group.code);
  const title = info.title?.[lang];
  const fix = info.fixAdvice?.[lang];
  const parts = [
    `<div class="group" id="${groupId}" data-group="${escapeHtml(group.code)}" data-severity="${group.severity}" data-count="${group.count}">`,
    `<div class="group-head"><h4><code>${escapeHtml(group.code)}</code>${title ? ` — ${escapeHtml(title)}` : ""}</h4>`,
    `<span class="tag sev-${group.severity}">${escapeHtml(t.severity[group.severity])}</span>`,
    `<span class="count">${escapeHtml(t.occurrences(group.count))}</span></div>`,
    '<div class="group-body">',
    `<p class="fix">${fix ? `<strong>${escapeHtml(t.howToFix)} :</strong> ${escapeHtml(fix)} ` : ""}<a href="${escapeHtml(info.helpUri)}">${escapeHtml(t.documentation)}</a></p>`,
  ];
  if (group.entries.length > 0) {
    parts.push(
      `<div class="scroll" tabindex="0" role="region" aria-label="${escapeHtml(`${view.file.file} — ${group.code}`)}"><table class="occurrences">`,
      // Fixed widths: a value or a column name without a break must wrap, not widen the table.
      '<colgroup><col class="c-row"><col class="c-column"><col class="c-value"><col></colgroup>',
      `<thead><tr><th scope="col" class="num">${escapeHtml(t.colRow)}</th><th scope="col">${escapeHtml(t.colColumn)}</th>`,
      `<th scope="col">${escapeHtml(t.colValue)}</th><th scope="col">${escapeHtml(t.colExplanation)}</th></tr></thead><tbody>`,
      ...group.entries.map((entry) => renderOccurrence(view, entry, context)),
      "</tbody></table></div>",
    );
  }
  const hidden = group.count - group.entries.reduce((n, entry) => n + entrySize(entry), 0);
  if (hidden > 0) parts.push(`<p class="more">${escapeHtml(t.moreNotShown(hidden))}</p>`);
  parts.push("</div></div>");
  return parts.join("\n");
}

function renderOccurrence(view: FileView, entry: FindingEntry, context: Context): string {
  const { t } = context;
  const finding = entry.kind === "finding" ? entry.finding : entry.aggregate.example;
  let row: string;
  if (entry.kind === "aggregate") {
    const { count, rows } = entry.aggregate;
    const list = rows.map((rowNumber) => context.number.format(rowNumber)).join(", ") + (count > rows.length ? "…" : "");
    row = `<span class="rows">${escapeHtml(t.aggregatedRows(count, list))}</span>`;
  } else if (finding.rowNumber !== undefined) {
    row = context.number.format(finding.rowNumber) + (finding.rowNumber === 1 ? ` (${escapeHtml(t.header)})` : "");
    if (finding.cellRef !== undefined) {
      // A workbook's cell: its reference, as the spreadsheet's name box shows it.
      row = `${row} <span class="muted">(${escapeHtml(t.cell(finding.cellRef))})</span>`;
    } else if (finding.rowNumber > 1 && finding.line !== undefined && finding.line !== finding.rowNumber) {
      // A quoted cell spanning lines above moves the record down: give the line an editor shows
      // (in a sheet, the sheet's row, below empty rows at its top).
      const place = view.file.sheet ? t.sheetRecord(finding.rowNumber, finding.line) : t.record(finding.rowNumber, finding.line);
      row = `<span title="${escapeHtml(place)}">${row}</span> <span class="muted">(${escapeHtml(place)})</span>`;
    }
  } else if (finding.pointer !== undefined) {
    row = `<code>${escapeHtml(finding.pointer || "/")}</code>`;
  } else {
    row = escapeHtml(t.wholeFile);
  }
  const column =
    finding.fieldName !== undefined
      ? `${escapeHtml(finding.fieldName)}${finding.fieldNumber !== undefined ? ` <span class="muted">(${finding.fieldNumber})</span>` : ""}`
      : finding.fieldNumber !== undefined
        ? String(finding.fieldNumber)
        : "";
  return [
    `<tr data-severity="${finding.severity}"${entry.kind === "aggregate" ? ` data-aggregate="${entry.aggregate.count}"` : ""}>`,
    `<td class="num">${row}</td>`,
    `<td>${column}</td>`,
    `<td>${renderCell(finding.cell, isPersonalCell(view, finding.fieldName, finding.fieldNumber), context)}</td>`,
    `<td>${escapeHtml(finding.message)}${finding.accepted ? ` <span class="tag">${escapeHtml(t.accepted(finding.accepted.reason))}</span>` : ""}</td>`,
    "</tr>",
  ].join("");
}

function renderCell(value: string | undefined, personal: boolean, context: Context): string {
  if (value === undefined) return "";
  if (personal) return `<span class="masked" title="${escapeHtml(context.t.masked)}">${MASK}</span><span class="sr-only">${escapeHtml(context.t.masked)}</span>`;
  const shown = value.length > MAX_VALUE_LENGTH ? `${value.slice(0, MAX_VALUE_LENGTH)}…` : value;
  return `<code class="value">${escapeHtml(shown)}</code>`;
}

function renderPreview(view: FileView, preview: PreviewTable, context: Context): string {
  const { t } = context;
  const firstRow = preview.firstRowNumber ?? 2;
  const rows = preview.rows.slice(0, MAX_PREVIEW_ROWS);
  const labels = preview.labels.slice(0, MAX_PREVIEW_COLUMNS);
  const lastRow = firstRow + rows.length - 1;
  const failingCells = new Map<string, string>();
  const failingRows = new Set<number>();
  const labelIndex = new Map(labels.map((label, index) => [label, index + 1]));
  for (const finding of view.file.findings) {
    if (finding.category === "personal-data" || finding.severity === "info") continue;
    if (finding.rowNumber === undefined || finding.rowNumber < firstRow || finding.rowNumber > lastRow) continue;
    const field = finding.fieldNumber ?? (finding.fieldName !== undefined ? labelIndex.get(finding.fieldName) : undefined);
    if (field === undefined) {
      failingRows.add(finding.rowNumber);
      continue;
    }
    const key = `${finding.rowNumber}:${field}`;
    if (!failingCells.has(key)) failingCells.set(key, finding.message);
  }
  const personalColumns = labels.map((label, index) => isPersonalCell(view, label, index + 1));
  const body = rows.map((cells, index) => {
    const rowNumber = firstRow + index;
    const rowFailing = failingRows.has(rowNumber) || labels.some((_, col) => failingCells.has(`${rowNumber}:${col + 1}`));
    const tds = labels.map((_, col) => {
      const raw = cells[col] ?? "";
      const message = failingCells.get(`${rowNumber}:${col + 1}`);
      const content = personalColumns[col] ? `<span class="masked">${MASK}</span>` : escapeHtml(raw.length > 120 ? `${raw.slice(0, 120)}…` : raw);
      if (message === undefined) return `<td>${content}</td>`;
      return `<td class="failing" title="${escapeHtml(message)}">${content}<span class="sr-only"> (${escapeHtml(t.failingCell)})</span></td>`;
    });
    return `<tr${rowFailing ? ' class="failing-row"' : ""}><th scope="row" class="num">${rowNumber}</th>${tds.join("")}</tr>`;
  });
  return [
    `<h3 id="${view.id}-preview">${escapeHtml(t.previewTitle)}</h3>`,
    `<div class="scroll" tabindex="0" role="region" aria-labelledby="${view.id}-preview-caption"><table class="preview">`,
    `<caption id="${view.id}-preview-caption">${escapeHtml(t.previewCaption(rows.length))}</caption>`,
    `<thead><tr><th scope="col" class="num">#</th>${labels.map((label) => `<th scope="col">${escapeHtml(label)}</th>`).join("")}</tr></thead>`,
    `<tbody>${body.join("\n")}</tbody></table></div>`,
  ].join("\n");
}

function renderPersonal(view: FileView, context: Context): string {
  const { t } = context;
  const parts = [`<h3 id="${view.id}-personal">${escapeHtml(t.personalTitle)}</h3>`];
  if (view.personal.length === 0) {
    parts.push(`<p>${escapeHtml(t.noPersonal)}</p>`);
    return parts.join("\n");
  }
  parts.push('<div class="cards">');
  for (const entry of view.personal) {
    const finding = entry.kind === "finding" ? entry.finding : entry.aggregate.example;
    const data = finding.data;
    const kind = typeof data.kind === "string" ? data.kind : finding.code;
    const column = finding.fieldName ?? (finding.fieldNumber !== undefined ? String(finding.fieldNumber) : "");
    const items: Array<[string, string]> = [];
    if (entry.kind === "aggregate") {
      const { count, rows } = entry.aggregate;
      const list = rows.map((rowNumber) => context.number.format(rowNumber)).join(", ") + (count > rows.length ? "…" : "");
      items.push([t.colRow, escapeHtml(t.aggregatedRows(count, list))]);
    }
    if (data.confidence !== undefined) items.push([t.confidence, renderConfidence(data.confidence, context)]);
    if (data.evidence !== undefined) items.push([t.evidence, renderEvidence(data.evidence, context)]);
    // Only the examples the finding carries, which the detector has already masked.
    if (data.examples !== undefined) items.push([t.examples, renderValue(data.examples, 0, true)]);
    if (data.legal !== undefined) items.push([t.legal, renderValue(data.legal)]);
    parts.push(
      `<article class="card is-${finding.severity}" data-personal="${escapeHtml(kind)}"${entry.kind === "aggregate" ? ` data-aggregate="${entry.aggregate.count}"` : ""}>`,
      `<h4>${escapeHtml(personalHeading(finding, kind, context.lang))}${column ? ` — ${escapeHtml(column)}` : ""}<span class="tag sev-${finding.severity}">${escapeHtml(t.severity[finding.severity])}</span></h4>`,
      `<p>${escapeHtml(finding.message)}${finding.accepted ? ` <span class="tag">${escapeHtml(t.accepted(finding.accepted.reason))}</span>` : ""}</p>`,
      `<dl>${items.map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${value}</dd>`).join("")}</dl>`,
      "</article>",
    );
  }
  parts.push("</div>");
  const hidden = view.personalCount - view.personal.reduce((n, entry) => n + entrySize(entry), 0);
  if (hidden > 0) parts.push(`<p class="more">${escapeHtml(t.moreNotShown(hidden))}</p>`);
  return parts.join("\n");
}

/**
 * A personal-data card's heading: the catalogue's title of a kind's own code (`personal-data-nir`:
 * « Numéros de sécurité sociale (NIR) »), else the kind the finding names.
 */
function personalHeading(finding: Finding, kind: string, lang: Lang): string {
  const info = describeCode(finding.code);
  return (info.check !== finding.code ? info.title?.[lang] : undefined) ?? kind;
}

/**
 * A detector's evidence in words: the keys it records (`share`, `freeText`, `cellsInColumn`...)
 * are identifiers, shown under their label; an identifier without one is left out rather than
 * printed raw. Keys already written for people (with a space or an accent) are kept.
 */
function renderEvidence(evidence: unknown, context: Context): string {
  if (evidence === null || typeof evidence !== "object" || Array.isArray(evidence)) return renderValue(evidence);
  const { t } = context;
  const items: string[] = [];
  for (const [key, value] of Object.entries(evidence as Record<string, unknown>)) {
    if (value === null || value === undefined || value === false) continue;
    const label = t.evidenceLabels[key] ?? (/^[A-Za-z][A-Za-z0-9]*$/.test(key) ? undefined : key);
    if (label === undefined) continue;
    let shown: string;
    if (value === true) shown = escapeHtml(t.yes);
    else if (typeof value === "number" && (key === "share" || key === "checksum") && value >= 0 && value <= 1) shown = escapeHtml(formatPercent(value * 100, context.lang));
    else if (typeof value === "number") shown = context.number.format(value);
    else shown = renderValue(value, 1);
    items.push(`<li><strong>${escapeHtml(label)}</strong> : ${shown}</li>`);
  }
  return items.length > 0 ? `<ul>${items.join("")}</ul>` : "";
}

function renderConfidence(value: unknown, context: Context): string {
  if (typeof value === "number" && value >= 0 && value <= 1) return escapeHtml(formatPercent(value * 100, context.lang));
  return renderValue(value);
}

/** Renders a structured value from finding data or metadata, escaped, with bounded depth and breadth. */
function renderValue(value: unknown, depth = 0, code = false): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return code ? `<code class="value">${escapeHtml(value)}</code>` : escapeHtml(value);
  if (typeof value === "number" || typeof value === "boolean") return escapeHtml(String(value));
  if (depth >= 3) return escapeHtml(JSON.stringify(value));
  if (Array.isArray(value)) {
    const items = value.slice(0, 20).map((item) => `<li>${renderValue(item, depth + 1, code)}</li>`);
    return `<ul>${items.join("")}</ul>`;
  }
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).slice(0, 20);
    return `<ul>${entries.map(([key, item]) => `<li><strong>${escapeHtml(key)}</strong> : ${renderValue(item, depth + 1, code)}</li>`).join("")}</ul>`;
  }
  return "";
}

function renderMetadata(sections: MetadataSectionView[], context: Context): string {
  const { t, lang } = context;
  const parts = ['<section class="metadata" id="metadata" aria-labelledby="metadata-title">', `<h2 id="metadata-title">${escapeHtml(t.metadataTitle)}</h2>`];
  sections.forEach((section, sectionIndex) => {
    parts.push(`<h3>${escapeHtml(section.descriptor)}</h3>`, '<div class="scores">');
    section.scores.forEach((score, scoreIndex) => {
      const gaugeId = `m${sectionIndex + 1}-${scoreIndex + 1}`;
      const caption = `${context.number.format(score.points)} / ${context.number.format(score.max)}`;
      parts.push(
        `<div class="score" data-score="${escapeHtml(score.id)}">`,
        gauge(score.points, score.max, `${scoreName(score.id)} : ${caption}`, caption, gaugeId),
        `<p>${escapeHtml(scoreName(score.id))}</p><p class="muted">${escapeHtml(ratingText(score, context))}</p></div>`,
      );
    });
    parts.push("</div>");
    section.scores.forEach((score, scoreIndex) => {
      const captionId = `m${sectionIndex + 1}-${scoreIndex + 1}-c`;
      parts.push(
        `<div class="scroll" tabindex="0" role="region" aria-labelledby="${captionId}"><table class="criteria">`,
        `<caption id="${captionId}">${escapeHtml(scoreName(score.id))} — ${escapeHtml(scoreText(score, context))}</caption>`,
        `<thead><tr><th scope="col">${escapeHtml(t.criterion)}</th><th scope="col" class="num">${escapeHtml(t.points)}</th><th scope="col">${escapeHtml(t.recommendation)}</th></tr></thead><tbody>`,
        ...score.criteria.map(
          (criterion) =>
            `<tr${criterion.points < criterion.max ? ' class="short"' : ""} data-criterion="${escapeHtml(criterion.id)}"><th scope="row">${escapeHtml(localText(criterion.label, lang) || criterion.id)}</th>` +
            `<td class="num">${context.number.format(criterion.points)} / ${context.number.format(criterion.max)}</td>` +
            `<td>${criterion.points < criterion.max ? escapeHtml(localText(criterion.recommendation, lang)) : ""}</td></tr>`,
        ),
        "</tbody></table></div>",
      );
    });
  });
  parts.push("</section>");
  return parts.join("\n");
}

function scoreName(id: string): string {
  if (id === "datagouv") return "data.gouv.fr";
  if (id === "mqa") return "data.europa.eu (MQA)";
  return id;
}

function scoreText(score: MetadataScoreView, context: Context): string {
  return `${context.number.format(score.points)} / ${context.number.format(score.max)}${score.provisional ? ` (${context.t.provisional})` : ""}`;
}

function ratingText(score: MetadataScoreView, context: Context): string {
  if (score.rating === undefined) return "—";
  return context.t.ratings[score.rating.toLowerCase()] ?? score.rating;
}

function renderAudit(report: Report, context: Context): string {
  const { t } = context;
  const facts: Array<[string, string]> = [
    [t.auditTool, `conforme ${escapeHtml(report.tool.version)}`],
    [t.auditReportVersion, escapeHtml(report.reportVersion)],
    [t.auditDate, `${escapeHtml(formatDate(report.createdAt, context))} <span class="muted">(${escapeHtml(report.createdAt)})</span>`],
    [t.auditDuration, escapeHtml(formatDuration(report.durationMs, context))],
    [t.auditLang, escapeHtml(report.lang)],
  ];
  const rows = report.files.map((file) => {
    const schema = file.schema;
    const source = schema === undefined ? "" : linkOrText(schema.source);
    const schemaText = schema === undefined ? escapeHtml(t.noSchema) : `${escapeHtml(schema.id ?? "—")}${schema.version ? ` ${escapeHtml(versionLabel(schema.version))}` : ""}`;
    return [
      `<tr data-file="${escapeHtml(file.file)}"><th scope="row">${escapeHtml(file.file)}</th>`,
      `<td class="num">${context.number.format(file.stats.bytes)}</td>`,
      `<td><code class="sha">${escapeHtml(file.stats.sha256 ?? t.unknown)}</code></td>`,
      `<td>${escapeHtml(file.sheet ? t.sheetText(file.sheet.name, file.sheet.index, file.sheet.format) : (file.encoding ?? t.unknown))}</td>`,
      `<td><code>${file.dialect ? escapeHtml(JSON.stringify(file.dialect.delimiter)) : "—"}</code></td>`,
      `<td>${schemaText}</td><td>${source}</td>`,
      `<td class="num">${escapeHtml(formatDuration(file.durationMs, context))}</td></tr>`,
    ].join("");
  });
  return [
    '<section class="audit" id="audit" aria-labelledby="audit-title">',
    `<h2 id="audit-title">${escapeHtml(t.auditTitle)}</h2>`,
    `<dl class="facts">${facts.map(([term, value]) => `<div><dt>${escapeHtml(term)}</dt><dd>${value}</dd></div>`).join("")}</dl>`,
    '<div class="scroll" tabindex="0" role="region" aria-labelledby="audit-files"><table class="audit-files">',
    `<caption id="audit-files">${escapeHtml(t.auditFilesCaption)}</caption>`,
    `<thead><tr><th scope="col">${escapeHtml(t.colFile)}</th><th scope="col" class="num">${escapeHtml(t.colBytes)}</th><th scope="col">${escapeHtml(t.colSha256)}</th>`,
    `<th scope="col">${escapeHtml(t.encoding)}</th><th scope="col">${escapeHtml(t.colDialect)}</th><th scope="col">${escapeHtml(t.colSchema)}</th>`,
    `<th scope="col">${escapeHtml(t.colSource)}</th><th scope="col" class="num">${escapeHtml(t.colDuration)}</th></tr></thead>`,
    `<tbody>${rows.join("\n")}</tbody></table></div>`,
    `<h3>${escapeHtml(t.auditOptions)}</h3>`,
    report.options === undefined || Object.keys(report.options).length === 0
      ? `<p>${escapeHtml(t.auditDefaultOptions)}</p>`
      : `<pre class="options">${escapeHtml(JSON.stringify(report.options, null, 2))}</pre>`,
    "</section>",
  ].join("\n");
}

/** A link only for http(s) URLs: a `javascript:` or `data:` source stays plain text. */
function linkOrText(value: string): string {
  if (/^https?:\/\//i.test(value)) return `<a href="${escapeHtml(value)}" class="mono">${escapeHtml(value)}</a>`;
  return `<code>${escapeHtml(value)}</code>`;
}

function slug(code: string): string {
  return code.replace(/[^a-z0-9-]/gi, "_");
}

function formatDate(iso: string, context: Context): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  // UTC, said so, so that the same report reads the same everywhere.
  const text = new Intl.DateTimeFormat(context.t.locale, { dateStyle: "long", timeStyle: "medium", timeZone: "UTC" }).format(date);
  return `${text} UTC`;
}

function formatDuration(ms: number, context: Context): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = new Intl.NumberFormat(context.t.locale, { maximumFractionDigits: 1 }).format(ms / 1000);
  return `${seconds} s`;
}
