/**
 * A strict well-formedness check for the XML conforme writes (JUnit): the characters XML 1.0
 * allows (§2.2 Char), one root element, balanced tags, attributes quoted and unique, `&` only
 * starting a predefined or numeric reference (§4.1, §4.6), no `<` in text or attribute values,
 * no `]]>` in text (§2.4). No DOCTYPE, CDATA or processing instruction other than the XML
 * declaration: the JUnit formatter writes none. Returns the first problem, or undefined.
 */
export function xmlProblem(xml: string): string | undefined {
  for (const char of xml) {
    const cp = char.codePointAt(0)!;
    const allowed = cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || cp >= 0x10000;
    if (!allowed) return `character U+${cp.toString(16).toUpperCase().padStart(4, "0")} is not allowed`;
  }
  const NAME = /^[A-Za-z_][\w.-]*/;
  const REFERENCE = /^&(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/;
  const checkText = (text: string, where: string): string | undefined => {
    if (text.includes("]]>")) return `"]]>" in ${where}`;
    for (let at = text.indexOf("&"); at !== -1; at = text.indexOf("&", at + 1)) {
      if (!REFERENCE.test(text.slice(at))) return `bare "&" in ${where}`;
    }
    return undefined;
  };
  let rest = xml.replace(/^<\?xml [^?]*\?>/, "");
  const stack: string[] = [];
  let roots = 0;
  while (rest !== "") {
    const lt = rest.indexOf("<");
    const text = lt === -1 ? rest : rest.slice(0, lt);
    if (stack.length === 0 && text.trim() !== "") return "text outside the root element";
    const textProblem = checkText(text, "text");
    if (textProblem) return textProblem;
    if (lt === -1) break;
    rest = rest.slice(lt);
    if (rest.startsWith("</")) {
      const name = NAME.exec(rest.slice(2))?.[0];
      if (name === undefined || stack.pop() !== name) return `unbalanced </${name ?? ""}>`;
      rest = rest.slice(2 + name.length).replace(/^\s*/, "");
      if (!rest.startsWith(">")) return `bad end tag </${name}>`;
      rest = rest.slice(1);
      continue;
    }
    const name = NAME.exec(rest.slice(1))?.[0];
    if (name === undefined) return `"<" not starting a tag`;
    if (stack.length === 0 && ++roots > 1) return "more than one root element";
    rest = rest.slice(1 + name.length);
    const seen = new Set<string>();
    for (;;) {
      const attribute = /^\s+([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/.exec(rest);
      if (attribute === null) break;
      if (seen.has(attribute[1]!)) return `attribute ${attribute[1]} twice`;
      seen.add(attribute[1]!);
      const valueProblem = checkText(attribute[2] ?? attribute[3] ?? "", `attribute ${attribute[1]}`);
      if (valueProblem) return valueProblem;
      rest = rest.slice(attribute[0].length);
    }
    const close = /^\s*(\/?)>/.exec(rest);
    if (close === null) return `bad start tag <${name}>`;
    if (close[1] !== "/") stack.push(name);
    rest = rest.slice(close[0].length);
  }
  if (stack.length > 0) return `<${stack[stack.length - 1]}> not closed`;
  if (roots !== 1) return "no root element";
  return undefined;
}
