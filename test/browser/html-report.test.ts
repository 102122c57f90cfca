import { mkdirSync } from "node:fs";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatHtml } from "../../packages/core/src/formatters/html.js";
import { badgeMessage, badgeStatus } from "../../packages/core/src/formatters/badge.js";
import { formatJunit } from "../../packages/core/src/formatters/junit.js";
import { formatSarif } from "../../packages/core/src/formatters/sarif.js";
import { hostileReport } from "../../packages/core/src/formatters/testing-report.js";
import type { Finding } from "../../packages/core/src/findings.js";
import { lintWithPreview } from "../../packages/core/src/node.js";
import { hugeFileReport, IMG_CELL, municipalReport, SCRIPT_CELL, subventionsPreview } from "../../packages/core/src/formatters/html/__fixtures__/municipal-report.js";
import { repoRoot } from "../shared.js";
import { launchChromium, seriousAxeViolations } from "./chromium.js";

const outputDir = path.join(repoRoot, "test-output");

let context: BrowserContext;
let close: (() => Promise<void>) | undefined;
/** Every request the pages tried, whatever its scheme; data: URLs are the only ones allowed. */
const requests: string[] = [];

beforeAll(async () => {
  ({ context, close } = await launchChromium({ offline: true }));
  context.on("request", (request) => {
    if (!request.url().startsWith("data:")) requests.push(request.url());
  });
  await context.route("**/*", (route) => route.abort("blockedbyclient"));
});

afterAll(async () => {
  await close?.();
});

interface Loaded {
  page: Page;
  consoleErrors: string[];
  dialogs: string[];
}

async function load(html: string): Promise<Loaded> {
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  const dialogs: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(error.message));
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  // setContent: no navigation request, so any request at all comes from the report itself.
  await page.setContent(html, { waitUntil: "load" });
  return { page, consoleErrors, dialogs };
}

describe("HTML report in headless Chromium", () => {
  const html = formatHtml(municipalReport(), { preview: { "subventions-2024.csv": subventionsPreview } });

  it("opens without console error, network request or dialog, and keeps hostile cells inert", async () => {
    const { page, consoleErrors, dialogs } = await load(html);
    // Give any injected handler (onerror on a broken image) the chance to fire.
    await page.waitForTimeout(300);
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(await page.locator("img").count()).toBe(0);
    expect(await page.locator("script").count()).toBe(1);
    const preview = page.locator("#f1 table.preview");
    await expect.poll(() => preview.textContent()).toContain(SCRIPT_CELL);
    expect(await preview.textContent()).toContain(IMG_CELL);
    await page.close();
  });

  it("shows the expected verdicts on the first screen", async () => {
    const { page } = await load(html);
    expect(await page.locator("[data-verdict]").getAttribute("data-verdict")).toBe("invalid");
    await expect.poll(() => page.locator(".verdict strong").textContent()).toBe("Non conforme");
    const badges: Record<string, string> = {};
    for (const row of await page.locator("table.files tbody tr").all()) {
      const file = (await row.getAttribute("data-file")) ?? "";
      badges[file] = (await row.locator("svg text").nth(1).textContent()) ?? "";
    }
    expect(badges).toEqual({
      "subventions-2024.csv": "cellules valides : 92,5\u00a0%",
      "deliberations-2024.csv": "partiellement valide",
      "budget-primitif-2024.csv": "structure invalide",
      "equipements-sportifs.csv": "valide",
    });
    const summary = await page.locator("section.summary").boundingBox();
    expect(summary?.y).toBeLessThan(900);
    mkdirSync(outputDir, { recursive: true });
    await page.screenshot({ path: path.join(outputDir, "report-first-screen.png") });
    await page.close();
  });

  it("filters findings by text and severity once the script runs under the CSP", async () => {
    const { page, consoleErrors } = await load(html);
    const toolbar = page.locator('[data-filter="f1-groups"]');
    await expect.poll(() => toolbar.isVisible()).toBe(true);
    await toolbar.locator("input").fill("siret");
    const visibleGroups = () =>
      page
        .locator("#f1-groups [data-group]")
        .evaluateAll((nodes) => nodes.filter((node) => (node as HTMLElement).offsetParent !== null).map((node) => node.getAttribute("data-group")));
    expect(await visibleGroups()).toEqual(["french-siret-value"]);
    await toolbar.locator("input").fill("12k");
    expect(await visibleGroups()).toEqual(["type-error"]);
    expect(await page.locator('#f1-groups [data-group="type-error"] tbody tr:visible').count()).toBe(1);
    await toolbar.locator("input").fill("");
    await toolbar.locator("select").selectOption("warning");
    expect(await visibleGroups()).toEqual([]);
    expect(await toolbar.locator("[role=status]").textContent()).toBe("0 groupe(s) affiché(s) sur 3");
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it("reads fully without script: no control shown, every group and occurrence present", async () => {
    const { page } = await load(html.replace(/<script>[\s\S]*?<\/script>/, ""));
    expect(await page.locator("script").count()).toBe(0);
    expect(await page.locator(".toolbar:visible").count()).toBe(0);
    expect(await page.locator("#f1-groups [data-group]:visible").count()).toBe(3);
    expect(await page.locator("#f1-groups tbody tr:visible").count()).toBe(7);
    await page.close();
  });

  it("has no serious or critical axe-core violation", async () => {
    const { page } = await load(html);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.close();
  });

  it("prints to a multi-page PDF without interactive controls", async () => {
    const { page } = await load(html);
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".toolbar").first().isVisible()).toBe(false);
    const pdf = (await page.pdf({ format: "A4", printBackground: true })).toString("latin1");
    const pages = pdf.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? [];
    // One page at least per file (each starts on a new page), plus metadata and audit trail.
    expect(pages.length).toBeGreaterThanOrEqual(6);
    await page.close();
  });

  it("renders in English with lang en", async () => {
    const { page, consoleErrors } = await load(formatHtml(municipalReport(), { lang: "en" }));
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    expect(await page.locator(".verdict strong").textContent()).toBe("Not conformant");
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it("opens a report on 200 000 findings with its first rows per code", async () => {
    const report = municipalReport();
    report.files = [hugeFileReport(200_000)];
    const { page, consoleErrors } = await load(formatHtml(report));
    // One column failing on every row: one line per code, with its count.
    expect(await page.locator("#f1-groups tbody tr[data-aggregate]").count()).toBe(3);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });
});

describe("reports with long and hostile values, in headless Chromium", () => {
  /** Values without a break opportunity: a URL, a hash, a file path, a pattern. */
  function longReport() {
    const report = municipalReport();
    const long = "https://data.example-commune.fr/explore/dataset/" + "subventions-versees-aux-associations-".repeat(8) + "2024/download?format=csv";
    const file = report.files[0]!;
    file.file = `donnees/${"tres-long-nom-de-repertoire-".repeat(6)}subventions.csv`;
    file.schema = { id: "scdl/subventions", version: "v2.1.0", source: long };
    const findings: Finding[] = Array.from({ length: 12 }, (_, index) => ({
      code: "constraint-error",
      messageId: "pattern",
      severity: "error",
      category: "schema",
      message: `La valeur « ${long} » de la colonne « ${"idBeneficiaireTresLong".repeat(4)} » n'a pas le format attendu (motif ^[0-9]{14}$|^${"[A-Z]{2}[0-9]{9}".repeat(10)}$).`,
      data: {},
      rowNumber: index + 2,
      line: index + 2,
      fieldNumber: 3,
      fieldName: "idBeneficiaireTresLong".repeat(4),
      cell: long,
    }));
    file.findings = [...findings, ...file.findings];
    file.partial = true;
    return report;
  }

  it("never scrolls sideways at 1280 px, and the verdict says the reading stopped", async () => {
    for (const aggregate of [true, false]) {
      const { page, consoleErrors } = await load(formatHtml(longReport(), { preview: { "subventions-2024.csv": subventionsPreview }, aggregate }));
      const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      expect(widths.scroll).toBeLessThanOrEqual(1280);
      expect(widths.scroll).toBeLessThanOrEqual(widths.client);
      // Nor does any table but the data preview (as wide as the file has columns) scroll inside.
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll(".scroll")]
          .filter((node) => !node.querySelector("table.preview") && node.scrollWidth > node.clientWidth + 1)
          .map((node) => `${node.querySelector("table")?.className}: ${node.scrollWidth} > ${node.clientWidth}`),
      );
      expect(wide).toEqual([]);
      expect(await page.locator('[data-partial="true"]').count()).toBeGreaterThan(0);
      expect(await page.locator("text=vv2.1.0").count()).toBe(0);
      expect(consoleErrors).toEqual([]);
      if (aggregate) {
        mkdirSync(outputDir, { recursive: true });
        await page.locator("#f1").scrollIntoViewIfNeeded();
        await page.screenshot({ path: path.join(outputDir, "report-long-values-1280.png"), fullPage: false });
      }
      await page.close();
    }
  });

  it("keeps hostile file names, schema titles and cells inert", async () => {
    const before = requests.length;
    const { page, consoleErrors, dialogs } = await load(formatHtml(hostileReport()));
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(requests.slice(before)).toEqual([]);
    expect(await page.locator("img, iframe, object, embed").count()).toBe(0);
    expect(await page.locator("script").count()).toBe(1);
    expect(await page.locator("style").count()).toBe(1);
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    await page.close();
  });

  it("parses the JUnit output of hostile data as well-formed XML and SARIF as JSON", async () => {
    const report = hostileReport();
    const page = await context.newPage();
    const xml = formatJunit(report);
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, "application/xml");
      return { error: doc.getElementsByTagName("parsererror").length, failures: doc.getElementsByTagName("failure").length };
    }, xml);
    expect(parsed.error).toBe(0);
    expect(parsed.failures).toBeGreaterThan(0);
    expect(() => JSON.parse(formatSarif(report))).not.toThrow();
    await page.close();
  });
});

describe("HTML report of the real engine on the bundled examples, in headless Chromium", () => {
  it("opens offline without console error or request, shows the verdicts and the masked preview", async () => {
    const { report, previews } = await lintWithPreview(["examples"], { cwd: repoRoot, offline: true });
    expect(report.runErrors).toEqual([]);
    expect(report.files.length).toBeGreaterThanOrEqual(5);
    const before = requests.length;
    const { page, consoleErrors, dialogs } = await load(formatHtml(report, { preview: previews }));
    await page.waitForTimeout(200);
    expect(consoleErrors).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(requests.slice(before)).toEqual([]);

    // The examples hold deliberate errors: the overall verdict is "non conforme", and each file's
    // badge says what the engine decided for it.
    expect(await page.locator("[data-verdict]").getAttribute("data-verdict")).toBe("invalid");
    await expect.poll(() => page.locator(".verdict strong").textContent()).toBe("Non conforme");
    const shown: Record<string, string> = {};
    for (const row of await page.locator("table.files tbody tr").all()) {
      shown[(await row.getAttribute("data-file")) ?? ""] = (await row.locator("svg text").nth(1).textContent()) ?? "";
    }
    // A file failing on personal data alone is "invalide", never "valide".
    const statusOf = (file: (typeof report.files)[number]) => {
      const status = badgeStatus(file);
      return !file.valid && (status === "valid" || status === "partially-valid") ? "invalid" : status;
    };
    const expected = Object.fromEntries(
      report.files.map((file) => [file.file, badgeMessage({ status: statusOf(file), validCellsPercent: file.stats.validCellsPercent, lang: "fr" })]),
    );
    expect(shown).toEqual(expected);
    expect(new Set(Object.values(shown)).size).toBeGreaterThanOrEqual(2);

    // One preview per file; failing cells are marked; the decrees' personal columns are masked.
    expect(await page.locator("table.preview").count()).toBe(report.files.length);
    expect(await page.locator("table.preview td.failing").count()).toBeGreaterThan(0);
    const decrees = page.locator('section.file[data-file="examples/arretes/arretes-2024.csv"] table.preview');
    expect(await decrees.locator(".masked").count()).toBeGreaterThan(0);
    const decreesText = (await decrees.textContent()) ?? "";
    for (const raw of ["Jean Dupont", "Claire Martin", "06 12 34 56 78", "07 81 22 43 65"]) expect(decreesText).not.toContain(raw);

    // The audit trail names every file with its SHA-256 and its schema.
    const audit = (await page.locator("#audit").textContent()) ?? "";
    for (const file of report.files) {
      expect(file.stats.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(audit).toContain(file.stats.sha256);
    }
    const summary = await page.locator("section.summary").boundingBox();
    expect(summary?.y).toBeLessThan(900);
    mkdirSync(outputDir, { recursive: true });
    await page.screenshot({ path: path.join(outputDir, "examples-report-first-screen.png") });
    await page.close();
  });
});
