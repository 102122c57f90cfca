import { describe, expect, it } from "vitest";
import type { Report } from "../report.js";
import { describeCode } from "./catalog.js";
import { formatHtml } from "./html.js";
import { escapeHtml } from "./html/escape.js";
import { hugeFileReport, IMG_CELL, municipalReport, SCRIPT_CELL, subventionsPreview } from "./html/__fixtures__/municipal-report.js";
import { cspHash } from "./html/csp-hash.js";

const preview = { "subventions-2024.csv": subventionsPreview };

function attr(html: string, pattern: RegExp): string[] {
  return [...html.matchAll(pattern)].map((match) => match[1] ?? "");
}

describe("formatHtml", () => {
  const html = formatHtml(municipalReport(), { preview });

  it("is one self-contained page under a CSP that forbids remote loads", () => {
    expect(html.startsWith("<!doctype html>")).toBe(true);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain("unsafe-inline");
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? "";
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? "";
    expect(csp).toContain(`style-src ${cspHash(style)}`);
    expect(csp).toContain(`script-src ${cspHash(script)}`);
    // Only one style and one script element, and nothing loaded from elsewhere.
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html.match(/<style/g)).toHaveLength(1);
    expect(html).not.toMatch(/<(link|img|iframe|object|embed)\b/);
    expect(html).not.toMatch(/<[a-z][^>]*\s(src|srcset|style)=/i);
  });

  it("escapes every cell value", () => {
    expect(html).not.toContain(SCRIPT_CELL);
    expect(html).not.toContain(IMG_CELL);
    expect(html).toContain("&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;");
    expect(html).toContain("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
  });

  it("escapes metadata texts", () => {
    expect(html).toContain("Publiez le fichier à une URL joignable &lt;b&gt;stable&lt;/b&gt;.");
  });

  it("states each file's status in the summary", () => {
    const rows = attr(html, /<tr data-file="([^"]+)" data-status="[^"]+"/g);
    const statuses = attr(html, /<tr data-file="[^"]+" data-status="([^"]+)"/g);
    expect(Object.fromEntries(rows.map((file, i) => [file, statuses[i]]))).toEqual({
      "subventions-2024.csv": "invalid",
      "deliberations-2024.csv": "partially-valid",
      "budget-primitif-2024.csv": "invalid-structure",
      "equipements-sportifs.csv": "valid",
    });
    expect(attr(html, /data-risk="([^"]+)"/g)).toEqual(["medium", "high", "none", "none"]);
    expect(html).toContain('data-verdict="invalid"');
    expect(html).toContain('<p class="risk-high" data-personal-files="2">');
  });

  it("says valid when the report is valid", () => {
    const report = municipalReport();
    const valid: Report = { ...report, valid: true, files: report.files.filter((file) => file.valid && file.findings.length === 0) };
    expect(formatHtml(valid)).toContain('data-verdict="valid"');
  });

  it("groups findings by code with their counts", () => {
    const groups = attr(html, /data-group="([^"]+)" data-severity="[a-z]+" data-count="\d+"/g);
    const counts = attr(html, /data-group="[^"]+" data-severity="[a-z]+" data-count="(\d+)"/g);
    expect(groups.map((code, i) => `${code}:${counts[i]}`)).toEqual([
      "constraint-error:3",
      "type-error:3",
      "french-siret-value:1",
      "extra-label:1",
      "missing-label:1",
      "type-error:1",
    ]);
  });

  it("titles every group and says how to fix it from the code catalogue", () => {
    for (const code of ["constraint-error", "type-error", "french-siret-value", "extra-label", "missing-label"]) {
      const info = describeCode(code);
      const group = html.slice(html.indexOf(`data-group="${code}"`));
      const head = group.slice(0, group.indexOf("</p>"));
      expect(head, code).toContain(`<code>${code}</code> — ${escapeHtml(info.title!.fr)}</h4>`);
      expect(head, code).toContain(escapeHtml(info.fixAdvice!.fr));
      expect(head, code).toContain(`href="${info.helpUri}"`);
    }
    const english = formatHtml(municipalReport(), { preview, lang: "en" });
    expect(english).toContain(`<code>type-error</code> — ${describeCode("type-error").title!.en}</h4>`);
  });

  it("heads a personal-data card with its kind's title from the catalogue", () => {
    const report = municipalReport();
    const file = report.files.find((candidate) => candidate.findings.some((finding) => finding.category === "personal-data"))!;
    file.findings.push({
      code: "personal-data-nir",
      messageId: "nirColumn",
      severity: "error",
      category: "personal-data",
      message: "NIR",
      data: { kind: "nir" },
      fieldNumber: 9,
      fieldName: "nir",
    });
    const headings = [...formatHtml(report).matchAll(/data-personal="([^"]+)"[^>]*>\s*<h4>([^<]+?)(?: — |<)/g)].map((match) => [match[1], match[2]]);
    expect(headings.length).toBeGreaterThan(1);
    expect(headings).toContainEqual(["nir", escapeHtml(describeCode("personal-data-nir").title!.fr)]);
    // The check's own code is generic: its card keeps the kind the finding names.
    expect(headings).toContainEqual(["nom de personne physique", "nom de personne physique"]);
  });

  it("never prints a value of a column flagged as personal data", () => {
    // "Jean Dupont" and "Claire Martin" sit in nomBeneficiaire, which a finding flags.
    expect(html).not.toContain("Dupont");
    expect(html).not.toContain("Claire Martin");
    expect(html).toContain("J••• D•••••");
  });

  it("highlights the failing cells of the preview", () => {
    const failing = [...html.matchAll(/<td class="failing"[^>]*>([^<]*)/g)].map((match) => match[1]);
    expect(failing).toEqual([
      "1 500,00",
      "12345678901234",
      "&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;",
      "prêt de salle",
      "2024-13-01",
      "12k€",
      "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;",
    ]);
  });

  it("renders the metadata section only when the report has one", () => {
    expect(html).toContain('id="metadata"');
    expect(attr(html, /<div class="score" data-score="([^"]+)"/g)).toEqual(["datagouv", "mqa"]);
    const { metadata: _metadata, ...withoutMetadata } = municipalReport();
    expect(formatHtml(withoutMetadata)).not.toContain('id="metadata"');
  });

  it("keeps an audit trail: version, schemas, hashes, date, duration, options", () => {
    const audit = html.slice(html.indexOf('id="audit"'));
    expect(audit).toContain("conforme 0.1.0");
    expect(audit).toContain('<a href="https://schema.data.gouv.fr/schemas/scdl/subventions/2.1.0/schema.json"');
    expect(audit).toContain("scdl/deliberations v2.1.3");
    for (const file of municipalReport().files) expect(audit).toContain(file.stats.sha256);
    expect(audit).toContain("2024-06-03T09:15:42.000Z");
    expect(audit).toContain("1,8 s");
    expect(audit).toContain("&quot;maxErrors&quot;: 1000");
  });

  it("links only http(s) schema sources", () => {
    const report = municipalReport();
    report.files[0]!.schema = { source: "javascript:alert(1)" };
    const out = formatHtml(report);
    expect(out).not.toContain('href="javascript:');
    expect(out).toContain("<code>javascript:alert(1)</code>");
  });

  it("speaks French by default and English on request", () => {
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain("Rapport de conformité des données");
    const en = formatHtml(municipalReport(), { lang: "en" });
    expect(en).toContain('<html lang="en">');
    expect(en).toContain("Data conformity report");
    expect(en).toContain(">valid cells: 92.5%</text>");
    expect(en).not.toContain("Rapport de conformité");
  });

  it("details the first N occurrences per code and counts the rest", () => {
    const out = formatHtml(municipalReport(), { maxPerCode: 1 });
    const subventions = out.slice(out.indexOf('id="f1-groups"'), out.indexOf('id="f2"'));
    expect(subventions.match(/<tr data-severity=/g)).toHaveLength(3);
    expect(subventions).toContain("2 autres occurrences ne sont pas détaillées.");
  });

  it("uses the engine's per-code counts when findings were capped", () => {
    const report = municipalReport();
    report.files[0]!.stats.countsByCode = { "type-error": 125_000 };
    expect(formatHtml(report)).toContain('data-group="type-error" data-severity="error" data-count="125000"');
  });
});

describe("formatHtml on 200 000 findings", () => {
  it("stays small: counts for all, details for the first N per code", () => {
    const report = municipalReport();
    report.files = [hugeFileReport(200_000)];
    const out = formatHtml(report, { maxPerCode: 50 });
    expect(out.length).toBeLessThan(200_000);
    // One column failing on every row: one line per code, its count covering every finding.
    expect(attr(out, /<tr data-severity="error" data-aggregate="(\d+)"/g).map(Number)).toEqual([66_667, 66_667, 66_666]);
    expect(
      attr(out, /data-group="[^"]+" data-severity="[a-z]+" data-count="(\d+)"/g)
        .map(Number)
        .reduce((a, b) => a + b, 0),
    ).toBe(200_000);
    const full = formatHtml(report, { maxPerCode: 50, aggregate: false });
    expect(full.match(/<tr data-severity=/g)).toHaveLength(150);
    expect(full).not.toContain("data-aggregate=");
  });
});
