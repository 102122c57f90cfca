import { describe, expect, it } from "vitest";
import { xmlProblem } from "./xml.js";

describe("xmlProblem", () => {
  it.each(['<?xml version="1.0" encoding="UTF-8"?>\n<a x="1 &amp; 2"><b/>text &lt; &#10; &#x41;</a>\n', "<a><b y='q'></b></a>"])("accepts %j", (xml) => {
    expect(xmlProblem(xml)).toBeUndefined();
  });

  it.each([
    ["<a>&</a>", "bare"],
    ["<a>&nbsp;</a>", "bare"],
    ["<a><b></a></b>", "unbalanced"],
    ["<a>x</a><b/>", "root"],
    ['<a x="<"/>', "start tag"],
    ['<a x="1" x="2"/>', "twice"],
    ["<a>\u0000</a>", "U+0000"],
    ["<a>\ud800</a>", "U+D800"],
    ["<a>]]></a>", "]]>"],
    ["<a>< b</a>", "<"],
    ["<a>", "not closed"],
    ["x<a/>", "outside"],
  ])("refuses %j", (xml, problem) => {
    expect(xmlProblem(xml)).toContain(problem);
  });
});
