import { describe, expect, it } from "vitest";
import { escapeXml, formatJunit } from "./junit.js";
import { sampleReport } from "./testing-report.js";

const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

describe("formatJunit", () => {
  const xml = formatJunit(sampleReport());

  it("has a suite per file plus one for run errors, a failing case per unaccepted error or warning", () => {
    expect(count(xml, /<testsuite /g)).toBe(3);
    expect(count(xml, /<testcase /g)).toBe(4);
    expect(count(xml, /<failure type="error"/g)).toBe(2);
    expect(count(xml, /<error type="schema-error"/g)).toBe(1);
    expect(xml).toMatch(/<testsuites name="conforme" tests="4" failures="2" errors="1"/);
  });

  it("escapes what XML cannot carry", () => {
    expect(escapeXml(`<a href="x">&'\u0001`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&apos;");
    expect(xml).not.toMatch(/<b>/);
    expect(xml).toContain("&lt;b&gt;invalide&lt;/b&gt;");
  });
});
