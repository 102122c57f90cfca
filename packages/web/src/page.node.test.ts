import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, renderPage, scriptJson } from "./page.node.js";

const sha = (content: string) => `'sha256-${createHash("sha256").update(content).digest("base64")}'`;
const directives = (csp: string) => new Map(csp.split(/;\s*/).map((part) => [part.split(" ")[0]!, part.split(" ").slice(1)]));

describe("the page's Content-Security-Policy", () => {
  const csp = directives(contentSecurityPolicy("run()", "body{}"));

  it.each([["default-src"], ["connect-src"], ["img-src"], ["form-action"], ["frame-src"], ["worker-src"], ["object-src"], ["base-uri"]])("%s is 'none'", (directive) => {
    expect(csp.get(directive)).toEqual(["'none'"]);
  });

  it("allows only the page's own script and style, by hash, and never unsafe-inline or unsafe-eval", () => {
    expect(csp.get("script-src")).toEqual([sha("run()")]);
    expect(csp.get("style-src")).toEqual([sha("body{}")]);
    expect(contentSecurityPolicy("a", "b")).not.toMatch(/unsafe|\*|https?:|data:|blob:/);
  });
});

describe("renderPage", () => {
  const snapshot = {
    source: "catalogue.json",
    createdAt: "2026-01-02T03:04:05.000Z",
    schemas: [{ id: "scdl/a", title: "A <b>", version: "1.0.0", url: "https://exemple.fr/a.json", schema: { fields: [], note: "</script><script>alert(1)</script>" } }],
  };
  const html = renderPage({ script: 'console.log("</script>")', style: "body{}", snapshot, version: "9.9.9" });

  it("hashes the script exactly as inlined, and is French first", () => {
    const inlined = /<script>([\s\S]*?)<\/script>\s*<\/body>/.exec(html)![1]!;
    expect(inlined).not.toMatch(/<\/script/i);
    expect(html).toContain(`script-src ${sha(inlined)}`);
    expect(html).toMatch(/<html lang="fr">/);
  });

  it("keeps the catalogue inert: escaped in its JSON block and in the options", () => {
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(html).toContain("A &#60;b&#62;");
    const block = /<script type="application\/json" id="conforme-catalogue">([\s\S]*?)<\/script>/.exec(html)![1]!;
    expect(JSON.parse(block)).toEqual(snapshot);
  });

  it("without a catalogue, offers the local schema file only", () => {
    const bare = renderPage({ script: "", style: "", version: "1" });
    expect(bare).toMatch(/id="source-catalogue" value="catalogue" disabled/);
    expect(bare).toMatch(/id="source-file" value="file" checked/);
  });
});

describe("scriptJson", () => {
  it.each([["</script>"], ["<!--"], ["\u2028"]])("escapes %j so the block cannot end early", (value) => {
    const json = scriptJson({ value });
    expect(json).not.toContain("<");
    expect(json).not.toContain("\u2028");
    expect(JSON.parse(json)).toEqual({ value });
  });
});
