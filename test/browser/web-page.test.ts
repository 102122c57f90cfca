import { createHash } from "node:crypto";
import { mkdirSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aggregateFindings, fixTable, lintSources, loadTableSchema, tableFormatOf, type Finding, type FixResult, type Report } from "../../packages/core/src/internal.js";
import { typedWorkbook } from "../../packages/core/src/reading/spreadsheet/testing.js";
import { loadYaml, yaml } from "../../packages/core/src/yaml-module.js";
import { buildPage } from "../../packages/web/src/build.node.js";
import { describeShared, repoRoot, sharedDir } from "../shared.js";
import { launchChromium, seriousAxeViolations } from "./chromium.js";

const outputDir = path.join(repoRoot, "test-output/web");
const fixture = (relative: string) => readFileSync(path.join(repoRoot, relative));

/**
 * A loopback server standing for GitHub Pages: it serves the built page at `/` and records every
 * request it receives, so that a request the browser would not report (a beacon, a prefetch)
 * still shows here.
 */
interface Site {
  server: Server;
  url: string;
  received: string[];
}

async function serve(html: string): Promise<Site> {
  const received: string[] = [];
  const server = createServer((request, response) => {
    received.push(`${request.method} ${request.url}`);
    if (request.url === "/") {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      response.end(html);
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, received };
}

let context: BrowserContext;
let close: (() => Promise<void>) | undefined;
const sites: Site[] = [];

beforeAll(async () => {
  ({ context, close } = await launchChromium({ acceptDownloads: true }));
});

afterAll(async () => {
  await close?.();
  for (const site of sites) site.server.close();
});

interface Opened {
  page: Page;
  site: Site;
  /** Every request the page made (any scheme), in order; `loaded` is how many came before `load`. */
  requests: string[];
  loaded: number;
  errors: string[];
}

async function open(html: string): Promise<Opened> {
  const site = await serve(html);
  sites.push(site);
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on("request", (request) => requests.push(request.url()));
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(site.url, { waitUntil: "load" });
  await expect.poll(() => page.locator("html").getAttribute("data-ready")).toBe("true");
  return { page, site, requests, loaded: requests.length, errors };
}

/** Drops files on the drop zone as a user's drag and drop does: a `drop` event carrying a DataTransfer. */
async function drop(page: Page, files: { name: string; bytes: Buffer; type?: string }[]): Promise<void> {
  const transfer = await page.evaluateHandle(
    (payload) => {
      const data = new DataTransfer();
      for (const file of payload) {
        const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
        data.items.add(new File([bytes], file.name, { type: file.type }));
      }
      return data;
    },
    files.map((file) => ({ name: file.name, type: file.type ?? "text/csv", base64: file.bytes.toString("base64") })),
  );
  await page.dispatchEvent("#drop", "drop", { dataTransfer: transfer });
}

async function check(page: Page): Promise<void> {
  await page.locator("#submit").click();
  await expect.poll(() => page.locator("#overall").count(), { timeout: 30_000 }).toBe(1);
}

/** The rows the page lists for a file: code, messageId, first row, field, severity. */
async function shownRows(page: Page, file: string): Promise<string[][]> {
  return page
    .locator(`section.file[data-file="${file}"] table.findings tbody tr`)
    .evaluateAll((rows) => rows.map((row) => ["code", "messageId", "row", "field", "severity"].map((key) => (row as HTMLElement).dataset[key] ?? "")));
}

/** What the page should list, from the same engine run in Node: aggregated as the page shows them. */
function expectedRows(report: Report, file: string): string[][] {
  const findings = report.files.find((one) => one.file === file)!.findings.filter((finding) => finding.category !== "personal-data");
  const rank = { error: 0, warning: 1, info: 2 };
  const severityOf = (entry: ReturnType<typeof aggregateFindings>[number]) => (entry.kind === "aggregate" ? entry.aggregate.severity : entry.finding.severity);
  // Errors first, as the page lists them; the engine's order within a severity.
  const entries = aggregateFindings(findings).sort((a, b) => rank[severityOf(a)] - rank[severityOf(b)]);
  return entries.map((entry) => {
    const finding: Finding = entry.kind === "aggregate" ? entry.aggregate.example : entry.finding;
    const severity = entry.kind === "aggregate" ? entry.aggregate.severity : finding.severity;
    return [finding.code, finding.messageId, finding.rowNumber === undefined ? "" : String(finding.rowNumber), finding.fieldName ?? "", severity];
  });
}

/** What core's `fixTable` gives in Node for the same bytes and schema: what the page must show and offer. */
async function fixInNode(bytes: Buffer, schemaJson: unknown, name: string, maskPersonal = false): Promise<FixResult> {
  const { schema } = loadTableSchema(schemaJson, "schema.json");
  const source = (async function* () {
    yield new Uint8Array(bytes);
  })();
  return fixTable(source, schema, { name, format: tableFormatOf(name), ...(maskPersonal && { maskPersonal: "value" as const }) });
}

/** Waits until every fixed copy of the run is listed. */
async function fixesListed(page: Page): Promise<void> {
  await expect.poll(() => page.locator("#fixed-files").getAttribute("data-state"), { timeout: 30_000 }).toBe("done");
}

/** A fixed copy's section on the page: summary (kind, count) and change rows (kind, row, field). */
async function shownFix(page: Page, file: string): Promise<{ summary: string[][]; changes: string[][] }> {
  const section = page.locator(`section.fixed[data-file="${file}"]`);
  const summary = await section
    .locator(".fix-summary li")
    .evaluateAll((items) => items.map((item) => [(item as HTMLElement).dataset.kind ?? "", (item as HTMLElement).dataset.count ?? ""]));
  const changes = await section
    .locator("table.changes tbody tr")
    .evaluateAll((rows) => rows.map((row) => ["kind", "row", "field"].map((key) => (row as HTMLElement).dataset[key] ?? "")));
  return { summary, changes };
}

function expectedFix(result: FixResult): { summary: string[][]; changes: string[][] } {
  return {
    summary: result.summary.map(({ kind, count }) => [kind, String(count)]),
    changes: result.changes.slice(0, 200).map((change) => [change.kind, change.rowNumber === undefined ? "" : String(change.rowNumber), change.fieldName ?? ""]),
  };
}

/** Clicks a fixed copy's download button and returns the bytes the browser saved. */
async function downloadFixed(page: Page, name: string): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator(`[data-download="${name}"]`).click()]);
  expect(download.suggestedFilename()).toBe(name);
  return readFileSync((await download.path())!);
}

const FIXED_CODES = ["type-error", "constraint-error", "incorrect-label"];

describe("web page built with the examples' catalogue, in headless Chromium", () => {
  let html: string;

  beforeAll(async () => {
    mkdirSync(outputDir, { recursive: true });
    const out = path.join(outputDir, "exemples.html");
    const built = await buildPage({ catalog: "examples/catalogue.json", cwd: repoRoot, out });
    expect(built.schemas).toBe(2);
    html = readFileSync(out, "utf8");
  });

  it("validates a dropped CSV against a bundled schema, lists the engine's findings, and downloads the report, with no request after load", async () => {
    const { page, site, requests, loaded, errors } = await open(html);
    expect(site.received).toEqual(["GET /"]);
    expect(await page.locator("#catalogue option").allTextContents()).toHaveLength(2);

    const bytes = fixture("examples/subventions/subventions-2024.csv");
    await drop(page, [{ name: "subventions-2024.csv", bytes }]);
    await expect.poll(() => page.locator("#chosen li").allTextContents()).toEqual([expect.stringContaining("subventions-2024.csv")]);
    await page.locator("#catalogue").selectOption("exemples/subventions");
    await check(page);

    const schemaJson: unknown = JSON.parse(fixture("examples/subventions/schema.json").toString("utf8"));
    const inNode = await lintSources([{ name: "subventions-2024.csv", bytes: new Uint8Array(bytes) }], { schema: { json: schemaJson, source: "schema.json" } });
    const expected = expectedRows(inNode.report, "subventions-2024.csv");
    expect(expected.length).toBeGreaterThan(2);
    expect(await shownRows(page, "subventions-2024.csv")).toEqual(expected);
    expect(await page.locator("#overall").getAttribute("data-verdict")).toBe("invalid");
    expect(await page.locator("#status").textContent()).toMatch(/^Analyse terminée/);
    // No descriptor: the page says the metadata score is not computed rather than showing one.
    expect(await page.locator('[data-metadata="none"]').count()).toBe(1);

    const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#download-report").click()]);
    expect(download.suggestedFilename()).toBe("rapport-conforme.html");
    const report = readFileSync((await download.path())!, "utf8");
    expect(report).toMatch(/^<!doctype html>/i);
    expect(report).toContain('data-verdict="invalid"');
    expect(report).toContain("subventions-2024.csv");
    expect(report).toContain(createHash("sha256").update(bytes).digest("hex"));
    for (const [code] of expected) expect(report).toContain(code);
    // The report's schema is the catalogue's entry, by id.
    expect(report).toContain("exemples/subventions");

    // After load, the only request is the download's blob: URL, made and read inside the browser.
    expect(requests.slice(loaded).filter((url) => !url.startsWith("blob:"))).toEqual([]);
    expect(site.received).toEqual(["GET /"]);
    expect(errors).toEqual([]);
    await page.screenshot({ path: path.join(outputDir, "page-results.png"), fullPage: false });
    await page.close();
  });

  it("finds personal data in a file with no schema, and works with the network gone", async () => {
    const { page, requests, loaded, errors } = await open(html);
    await context.setOffline(true);
    try {
      await page.locator("#source-none").check();
      await page.locator("#files").setInputFiles({ name: "arretes-2024.csv", mimeType: "text/csv", buffer: fixture("examples/arretes/arretes-2024.csv") });
      await check(page);
      const personal = page.locator('section.file[data-file="arretes-2024.csv"] [data-personal]');
      expect(await personal.getAttribute("data-personal")).toBe("found");
      expect(await personal.locator("li[data-code]").count()).toBeGreaterThan(0);
      // Raw personal values never reach the page's text.
      const shown = (await page.locator("#output").textContent()) ?? "";
      for (const raw of ["06 12 34 56 78", "07 81 22 43 65"]) expect(shown).not.toContain(raw);
      // No schema, no fixed copy: the page says why instead of offering one.
      expect(await page.locator('#fix [data-fix="no-schema"]').count()).toBe(1);
      expect(await page.locator("#mask-personal, [data-download]").count()).toBe(0);
      expect(requests.slice(loaded)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.setOffline(false);
    }
    await page.close();
  });

  it("an Opendatasoft export with `;` and geo_point_2d: no personal data, the file's header as schema", async () => {
    const { page, errors } = await open(html);
    await page.locator("#source-none").check();
    await drop(page, [{ name: "opendatasoft-equipements.csv", bytes: fixture("test/fixtures/real-shaped/opendatasoft-equipements.csv") }]);
    await check(page);
    const file = page.locator('section.file[data-file="opendatasoft-equipements.csv"]');
    expect(await file.locator("[data-personal]").getAttribute("data-personal")).toBe("none");
    expect(await file.locator("[data-verdict]").getAttribute("data-verdict")).toBe("valid");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("fixes an Excel export (Windows-1252, `;`, decimal commas, French dates, lost zeros) against a local schema: change list, notes, download, and the copy re-dropped is clean", async () => {
    const { page, site, requests, loaded, errors } = await open(html);
    const bytes = fixture("test/fixtures/fix/terrasses-excel-1252.csv");
    const schemaBytes = fixture("test/fixtures/fix/terrasses-schema.json");
    const schemaJson: unknown = JSON.parse(schemaBytes.toString("utf8"));
    // A second file, exported by an English-language spreadsheet: its dates are month first.
    const us = Buffer.from("numero,date_arrete,etablissement\r\nAT-2024-006,12/31/2024,Le Kiosque\r\nAT-2024-007,03/04/2024,La Guinguette\r\n");
    await drop(page, [
      { name: "terrasses.csv", bytes },
      { name: "terrasses-us.csv", bytes: us },
    ]);
    await page.locator("#schema-file").setInputFiles({ name: "terrasses-schema.json", mimeType: "application/json", buffer: schemaBytes });
    await check(page);
    const before = (await shownRows(page, "terrasses.csv")).map(([code]) => code);
    for (const code of FIXED_CODES) expect(before).toContain(code);
    await fixesListed(page);
    expect(await page.locator('[data-fix="failed"]').count()).toBe(0);

    // The change list is core's, kind by kind and change by change.
    const inNode = await fixInNode(bytes, schemaJson, "terrasses.csv");
    expect(await shownFix(page, "terrasses.csv")).toEqual(expectedFix(inNode));
    expect(inNode.summary.map(({ kind }) => kind)).toEqual(expect.arrayContaining(["encoding", "delimiter", "header", "leadingZeros", "frenchDate", "decimalComma"]));
    const section = page.locator('section.fixed[data-file="terrasses.csv"]');
    // A long list is folded under its summary; opened, it shows each value before → after.
    await section.locator("details.changes summary").click();
    const zeros = section.locator('tr[data-kind="leadingZeros"][data-row="2"][data-field="code_insee"] code');
    expect(await zeros.first().isVisible()).toBe(true);
    expect(await zeros.allTextContents()).toEqual(["1053", "01053"]);
    // Personal data is left as it is, and the page says so; no error remains in the copy.
    expect(await section.locator("[data-personal-fix]").getAttribute("data-personal-fix")).toBe("kept");
    expect(await section.locator("[data-remaining]").getAttribute("data-remaining")).toBe("0");
    expect(await page.locator("#mask-personal").isChecked()).toBe(false);
    // The month-first file: its dates are not touched, and the note says why.
    const usSection = page.locator('section.fixed[data-file="terrasses-us.csv"]');
    expect(await usSection.locator("[data-note]").evaluateAll((notes) => notes.map((note) => (note as HTMLElement).dataset.note))).toEqual(["monthFirstDates"]);
    expect(await usSection.locator('tr[data-kind="frenchDate"]').count()).toBe(0);
    expect(Number(await usSection.locator("[data-remaining]").getAttribute("data-remaining"))).toBeGreaterThan(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.locator("#fix").screenshot({ path: path.join(outputDir, "page-fix.png") });

    const fixed = await downloadFixed(page, "terrasses-corrige.csv");
    expect(fixed.equals(Buffer.from(inNode.text!, "utf8"))).toBe(true);
    const text = new TextDecoder("utf-8", { fatal: true }).decode(fixed);
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    const lines = text.split("\n");
    expect(lines[0]).toBe("numero,date_arrete,etablissement,adresse,code_postal,code_insee,commune,surface_m2,redevance_annuelle,acces_pmr,demandeur,telephone_demandeur");
    expect(lines[1]).toBe("AT-2024-001,2024-03-12,Café de la Halle,3 place de la Halle,01000,01053,Bourg-en-Bresse,12.5,1250.00,oui,Jean Dupont,06 12 34 56 78");
    expect(text).toContain("Crêperie Sœur Anne");
    expect(text).not.toMatch(/;|\r/);

    // Ticking the box masks the personal values in a new copy, and the list says so.
    await page.locator("#mask-personal").check();
    await fixesListed(page);
    expect(await section.locator("[data-personal-fix]").getAttribute("data-personal-fix")).toBe("masked");
    expect(await section.locator('.fix-summary li[data-kind="maskPersonal"]').count()).toBe(1);
    expect(await shownFix(page, "terrasses.csv")).toEqual(expectedFix(await fixInNode(bytes, schemaJson, "terrasses.csv", true)));
    const masked = (await downloadFixed(page, "terrasses-corrige.csv")).toString("utf8");
    for (const raw of ["06 12 34 56 78", "Jean Dupont"]) {
      expect(masked).not.toContain(raw);
      expect(await page.locator("#fix").textContent()).not.toContain(raw);
    }
    await page.locator("#mask-personal").uncheck();
    await fixesListed(page);

    // The copy dropped again: the codes the fix addressed are gone, and a second fix changes nothing.
    await drop(page, [{ name: "terrasses-corrige.csv", bytes: fixed }]);
    await check(page);
    const after = (await shownRows(page, "terrasses-corrige.csv")).map(([code]) => code);
    for (const code of FIXED_CODES) expect(after).not.toContain(code);
    expect(await page.locator('section.file[data-file="terrasses-corrige.csv"] [data-verdict]').getAttribute("data-verdict")).toBe("valid");
    await fixesListed(page);
    expect(await page.locator('section.fixed[data-file="terrasses-corrige.csv"] [data-fix]').getAttribute("data-fix")).toBe("unchanged");
    expect(await page.locator("[data-download]").count()).toBe(0);

    expect(requests.slice(loaded).filter((url) => !url.startsWith("blob:"))).toEqual([]);
    expect(site.received).toEqual(["GET /"]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("reads a dropped Excel workbook: findings by cell, and a fixed CSV copy of its sheet", async () => {
    const { page, site, requests, loaded, errors } = await open(html);
    // The Excel export of the fix test saved as a workbook, Excel typing its columns (lost zeros in the codes).
    const rows = new TextDecoder("windows-1252")
      .decode(fixture("test/fixtures/fix/terrasses-excel-1252.csv"))
      .trim()
      .split(/\r?\n/)
      .map((line) => line.split(";"));
    const bytes = Buffer.from(typedWorkbook(rows, "Terrasses"));
    const schemaBytes = fixture("test/fixtures/fix/terrasses-schema.json");
    const schemaJson: unknown = JSON.parse(schemaBytes.toString("utf8"));
    await page.locator("#schema-file").setInputFiles({ name: "schema.json", mimeType: "application/json", buffer: schemaBytes });
    await drop(page, [{ name: "terrasses.xlsx", bytes, type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }]);
    await check(page);

    const inNode = await lintSources([{ name: "terrasses.xlsx", bytes: new Uint8Array(bytes) }], { schema: { json: schemaJson, source: "schema.json" } });
    const expected = expectedRows(inNode.report, "terrasses.xlsx");
    expect(expected.map(([code]) => code)).toContain("constraint-error");
    expect(await shownRows(page, "terrasses.xlsx")).toEqual(expected);
    // A finding in a sheet is placed by its cell, as the spreadsheet shows it.
    const cells = await page.locator('section.file[data-file="terrasses.xlsx"] tbody tr[data-cell]').evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.cell));
    expect(cells.length).toBeGreaterThan(0);
    const firstCell = cells[0]!;
    expect(await page.locator(`section.file[data-file="terrasses.xlsx"] tbody tr[data-cell="${firstCell}"]`).first().textContent()).toContain(`cellule ${firstCell}`);

    await fixesListed(page);
    const inNodeFix = await fixInNode(bytes, schemaJson, "terrasses.xlsx");
    expect(inNodeFix.summary[0]?.kind).toBe("workbook");
    expect(await shownFix(page, "terrasses.xlsx")).toEqual(expectedFix(inNodeFix));
    const copy = (await downloadFixed(page, "terrasses-corrige.csv")).toString("utf8");
    expect(copy).toBe(inNodeFix.text);
    expect(copy.split("\n")[1]).toContain("01000");

    expect(requests.slice(loaded).filter((url) => !url.startsWith("blob:"))).toEqual([]);
    expect(site.received).toEqual(["GET /"]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("a damaged .xlsx gets the engine's finding, never a crash", async () => {
    const { page, errors } = await open(html);
    await page.locator("#catalogue").selectOption("exemples/subventions");
    // A zip's local file header signature, as every .xlsx starts (APPNOTE.TXT §4.3.7).
    const bytes = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), Buffer.alloc(300, 0x41)]);
    await drop(page, [{ name: "budget.xlsx", bytes, type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }]);
    await check(page);
    const file = page.locator('section.file[data-file="budget.xlsx"]');
    expect(await file.locator("[data-verdict]").getAttribute("data-verdict")).toBe("invalid");
    expect(await file.locator("tbody tr[data-code]").count()).toBeGreaterThan(0);
    // Bytes that cannot be read as a table get no "fixed" copy, and the page says why.
    await fixesListed(page);
    const fixed = page.locator('section.fixed[data-file="budget.xlsx"]');
    expect(await fixed.locator("[data-fix]").getAttribute("data-fix")).toBe("no-copy");
    expect(await fixed.locator("li").count()).toBe(1);
    expect(await page.locator("[data-download]").count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("validates against a local schema file, and scores a descriptor given beside the data", async () => {
    const { page, errors } = await open(html);
    await page.locator("#files").setInputFiles({ name: "budget.csv", mimeType: "text/csv", buffer: fixture("examples/metadata/moyen/budget.csv") });
    await page.locator("#schema-file").setInputFiles({ name: "schema.json", mimeType: "application/json", buffer: fixture("examples/metadata/moyen/schema.json") });
    expect(await page.locator("#source-file").isChecked()).toBe(true);
    await page.locator("#descriptor").setInputFiles({ name: "datapackage.json", mimeType: "application/json", buffer: fixture("examples/metadata/moyen/datapackage.json") });
    await check(page);
    const scores = await page.locator("[data-score]").evaluateAll((nodes) => nodes.map((node) => [(node as HTMLElement).dataset.score, Number((node as HTMLElement).dataset.max)]));
    expect(scores).toEqual([
      ["datagouv", 9],
      ["mqa", 405],
    ]);
    expect(await page.locator('section.file[data-file="budget.csv"]').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("reads a YAML schema and a conforme.dataset.yml descriptor: the YAML reader and Ajv's precompiled validators run under the CSP", async () => {
    const { page, errors } = await open(html);
    await loadYaml();
    const schemaYaml = yaml().stringify(JSON.parse(fixture("examples/metadata/moyen/schema.json").toString("utf8")));
    await page.locator("#files").setInputFiles({ name: "budget.csv", mimeType: "text/csv", buffer: fixture("examples/metadata/moyen/budget.csv") });
    await page.locator("#schema-file").setInputFiles({ name: "schema.yaml", mimeType: "application/yaml", buffer: Buffer.from(schemaYaml) });
    await page
      .locator("#descriptor")
      .setInputFiles({ name: "conforme.dataset.yml", mimeType: "application/yaml", buffer: fixture("examples/metadata/excellent/conforme.dataset.yml") });
    await check(page);
    expect(await page.locator(".run-errors").count()).toBe(0);
    expect(await page.locator('section.file[data-file="budget.csv"]').count()).toBe(1);
    expect(await page.locator("[data-score]").count()).toBe(2);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("an unreadable descriptor is said as such, the data still validated", async () => {
    const { page, errors } = await open(html);
    await page.locator("#source-none").check();
    await page.locator("#files").setInputFiles({ name: "budget.csv", mimeType: "text/csv", buffer: fixture("examples/metadata/moyen/budget.csv") });
    await page.locator("#descriptor").setInputFiles({ name: "datapackage.json", mimeType: "application/json", buffer: Buffer.from("{ pas du json") });
    await check(page);
    expect(await page.locator(".run-errors li").count()).toBe(1);
    expect(await page.locator("[data-metadata]").getAttribute("data-metadata")).toBe("unread");
    expect(await page.locator('section.file[data-file="budget.csv"]').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("keeps hostile cells and file names inert: shown as text, nothing run or loaded", async () => {
    const { page, site, errors } = await open(html);
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const cell = `<img src="${site.url}cell" onerror="alert(1)">`;
    // Both hostile values are extra cells: the engine quotes them in its findings' messages.
    const csv = `nom,commentaire,ville\nA,B,C,"${cell.replace(/"/g, '""')}"\nD,E,F,<script>alert(2)</script>\n`;
    await page.locator("#source-none").check();
    await drop(page, [{ name: '<svg onload="alert(3)">.csv', bytes: Buffer.from(csv) }]);
    await check(page);
    await page.waitForTimeout(300);
    expect(await page.locator("#output img, #output script, #output svg").count()).toBe(0);
    expect(await page.locator("#output").textContent()).toContain('<svg onload="alert(3)">.csv');
    const shown = (await page.locator("section.file table.findings").textContent()) ?? "";
    expect(shown).toContain("<script>alert(2)</script>");
    expect(shown).toContain("onerror");
    expect(dialogs).toEqual([]);
    expect(site.received).toEqual(["GET /"]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("blocks a request attempted from the page: fetch, image and injected script, by its CSP", async () => {
    const { page, site, errors } = await open(html);
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toContain("unsafe-eval");
    const leak = `${site.url}leak?cellule=06%2012%2034%2056%2078`;
    const outcome = await page.evaluate(async (url) => {
      const violations: string[] = [];
      document.addEventListener("securitypolicyviolation", (event) => violations.push(event.effectiveDirective));
      let fetched = "sent";
      await fetch(url).then(
        () => undefined,
        () => (fetched = "blocked"),
      );
      const beacon = navigator.sendBeacon(url, "x");
      const image = document.createElement("img");
      image.src = `${url}&via=img`;
      document.body.append(image);
      // Injected markup carrying a script, as a hostile cell would if it were ever inserted as HTML.
      const holder = document.createElement("div");
      holder.innerHTML = `<img src="${url}&via=markup">`;
      document.body.append(holder);
      const script = document.createElement("script");
      script.textContent = `fetch(${JSON.stringify(url)} + "&via=script")`;
      document.body.append(script);
      await new Promise((resolve) => setTimeout(resolve, 500));
      return { fetched, beacon, violations };
    }, leak);
    expect(outcome.fetched).toBe("blocked");
    expect(outcome.violations).toEqual(expect.arrayContaining(["connect-src", "img-src", "script-src-elem"]));
    expect(site.received).toEqual(["GET /"]);
    // The browser logs each refusal; nothing else.
    expect(errors.every((message) => /Content Security Policy|Refused/i.test(message))).toBe(true);
    expect(outcome.beacon === false || site.received.length === 1).toBe(true);
    await page.close();
  });

  it("has no serious or critical axe-core violation, before and after an analysis, in both languages", async () => {
    const { page } = await open(html);
    expect(await page.locator("html").getAttribute("lang")).toBe("fr");
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.locator("#catalogue").selectOption("exemples/subventions");
    await page.locator("#files").setInputFiles({ name: "subventions-2024.csv", mimeType: "text/csv", buffer: fixture("examples/subventions/subventions-2024.csv") });
    await check(page);
    await fixesListed(page);
    expect(await page.locator("section.fixed [data-download]").count()).toBe(1);
    expect(await seriousAxeViolations(page)).toEqual([]);
    const message = page.locator('section.file tr[data-code="type-error"] td').last();
    const french = await message.textContent();
    await page.locator("#lang").selectOption("en");
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    // The run is made again in English: messages and the report follow the language.
    await expect.poll(() => page.locator("#status").textContent(), { timeout: 30_000 }).toMatch(/^Done/);
    expect(await page.locator("#overall strong").textContent()).toBe("Not conformant");
    expect(await message.textContent()).not.toBe(french);
    // The fixed copy's section follows the language too, and is audited with the rest.
    await fixesListed(page);
    expect(await page.locator("#fix-title").textContent()).toBe("Fixed files");
    expect(await page.locator('label[for="mask-personal"]').textContent()).toBe("Mask the personal data detected");
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.close();
  });

  it("opens from the disk (file:) and validates there too", async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    await page.goto(pathToFileURL(path.join(outputDir, "exemples.html")).href);
    await page.locator("#catalogue").selectOption("exemples/subventions");
    await drop(page, [{ name: "subventions-2024.csv", bytes: fixture("examples/subventions/subventions-2024.csv") }]);
    await check(page);
    expect(await page.locator("#overall").getAttribute("data-verdict")).toBe("invalid");
    expect(await page.locator('section.file tr[data-code="type-error"]').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("reflows on a 375 px screen with results shown: no sideways scrolling of the page (WCAG 1.4.10)", async () => {
    const { page } = await open(html);
    await page.setViewportSize({ width: 375, height: 800 });
    await page.locator("#catalogue").selectOption("exemples/subventions");
    await page.locator("#files").setInputFiles({ name: "subventions-2024.csv", mimeType: "text/csv", buffer: fixture("examples/subventions/subventions-2024.csv") });
    await check(page);
    const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    await page.close();
  });

  it("the drop zone is a file input reached with the keyboard", async () => {
    const { page } = await open(html);
    // Key presses go to the focused tab: other pages of the context may have been opened before.
    await page.bringToFront();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => document.activeElement?.id);
    expect(["lang", "files"]).toContain(focused);
    if (focused === "lang") await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("files");
    expect(await page.locator('label[for="files"]').count()).toBe(1);
    // Space on the focused input opens the system's file chooser, as a click would.
    const [chooser] = await Promise.all([page.waitForEvent("filechooser", { timeout: 50_000 }), page.keyboard.press("Space")]);
    expect(chooser.isMultiple()).toBe(true);
    await chooser.setFiles({ name: "equipements.csv", mimeType: "text/csv", buffer: fixture("examples/equipements/equipements.csv") });
    await expect.poll(() => page.locator("#chosen li").allTextContents()).toEqual([expect.stringContaining("equipements.csv")]);
    await page.close();
  });
});

describeShared("web page built with schema.data.gouv.fr's catalogue (../shared), in headless Chromium", () => {
  let html: string;

  beforeAll(async () => {
    mkdirSync(outputDir, { recursive: true });
    const out = path.join(outputDir, "national.html");
    const built = await buildPage({ catalog: path.join(sharedDir, "schemas/catalog/schemas.json"), schemas: path.join(sharedDir, "schemas"), cwd: repoRoot, out });
    expect(built.schemas).toBeGreaterThanOrEqual(10);
    html = readFileSync(out, "utf8");
  });

  it("an Excel export (Windows-1252, `;`) against scdl/subventions gives the engine's findings, and the report names the schema", async () => {
    const { page, site, requests, loaded, errors } = await open(html);
    const ids = await page.locator("#catalogue option").evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
    expect(ids).toContain("scdl/subventions");
    await page.locator("#catalogue").selectOption("scdl/subventions");
    const bytes = fixture("test/fixtures/real-shaped/scdl-subventions-excel-1252.csv");
    await drop(page, [{ name: "subventions-excel.csv", bytes }]);
    await check(page);

    const schemaJson: unknown = JSON.parse(readFileSync(path.join(sharedDir, "schemas/scdl/subventions/schema.json"), "utf8"));
    const inNode = await lintSources([{ name: "subventions-excel.csv", bytes: new Uint8Array(bytes) }], { schema: { json: schemaJson, source: "schema.json" } });
    expect(inNode.report.files[0]!.encoding).toBe("windows-1252");
    const expected = expectedRows(inNode.report, "subventions-excel.csv");
    expect(expected.length).toBeGreaterThan(0);
    expect(await shownRows(page, "subventions-excel.csv")).toEqual(expected);

    const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#download-report").click()]);
    const report = readFileSync((await download.path())!, "utf8");
    expect(report).toContain("scdl/subventions");
    expect(report).toContain(createHash("sha256").update(bytes).digest("hex"));
    expect(requests.slice(loaded).filter((url) => !url.startsWith("blob:"))).toEqual([]);
    expect(site.received).toEqual(["GET /"]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("fixes an Excel export of car-pooling places against etalab/schema-lieux-covoiturage: the copy's codes, dates, coordinates and booleans pass, re-dropped", async () => {
    const { page, site, requests, loaded, errors } = await open(html);
    await page.locator("#catalogue").selectOption("etalab/schema-lieux-covoiturage");
    const bytes = fixture("test/fixtures/real-shaped/covoiturage-excel-1252.csv");
    await drop(page, [{ name: "lieux-covoiturage.csv", bytes }]);
    await check(page);
    const before = (await shownRows(page, "lieux-covoiturage.csv")).map(([code]) => code);
    expect(before).toEqual(expect.arrayContaining(["type-error", "constraint-error"]));
    await fixesListed(page);

    const schemaJson: unknown = JSON.parse(readFileSync(path.join(sharedDir, "schemas/etalab/schema-lieux-covoiturage/schema.json"), "utf8"));
    const inNode = await fixInNode(bytes, schemaJson, "lieux-covoiturage.csv");
    expect(inNode.encoding).toBe("windows-1252");
    expect(await shownFix(page, "lieux-covoiturage.csv")).toEqual(expectedFix(inNode));
    expect(await page.locator('section.fixed[data-file="lieux-covoiturage.csv"] [data-remaining]').getAttribute("data-remaining")).toBe("0");

    const fixed = await downloadFixed(page, "lieux-covoiturage-corrige.csv");
    expect(fixed.equals(Buffer.from(inNode.text!, "utf8"))).toBe(true);
    const lines = new TextDecoder("utf-8", { fatal: true }).decode(fixed).split("\n");
    expect(lines[1]).toBe(
      "BBR-01,Parking relais de la gare,Avenue Pierre Sémard,Bourg-en-Bresse,01053,Parking relais,2024-03-12,true,,5.2163,46.1997,40,2,,24/7,Commune de Bourg-en-Bresse,true,Accès par l'avenue de la Gare",
    );
    expect(lines[3]).toContain("Fermé pendant les salons – réouverture prévue");

    await drop(page, [{ name: "lieux-covoiturage-corrige.csv", bytes: fixed }]);
    await check(page);
    const after = (await shownRows(page, "lieux-covoiturage-corrige.csv")).map(([code]) => code);
    for (const code of FIXED_CODES) expect(after).not.toContain(code);
    await fixesListed(page);
    expect(await page.locator('section.fixed[data-file="lieux-covoiturage-corrige.csv"] [data-fix]').getAttribute("data-fix")).toBe("unchanged");

    expect(requests.slice(loaded).filter((url) => !url.startsWith("blob:"))).toEqual([]);
    expect(site.received).toEqual(["GET /"]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
