import { SaxesParser, type SaxesTagPlain } from "saxes";

/** Why an XML part was refused or could not be read; the message is English, for `detail`. */
export class XmlError extends Error {
  constructor(
    message: string,
    readonly kind: "malformed" | "doctype" | "depth",
  ) {
    super(message);
  }
}

export interface XmlHandler {
  /** `name` is the local name (prefix dropped); attributes keep their qualified names. */
  open(name: string, attributes: Record<string, string>, depth: number): void;
  close(name: string, depth: number): void;
  text(text: string): void;
}

/** The local part of a qualified name: `table:table-row` is `table-row`, `x:c` is `c`. */
export function localName(qualified: string): string {
  const colon = qualified.indexOf(":");
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}

/** An attribute by its local name, whatever its prefix (`table:number-columns-repeated`). */
export function attribute(attributes: Record<string, string>, local: string): string | undefined {
  const direct = attributes[local];
  if (direct !== undefined) return direct;
  for (const name in attributes) if (localName(name) === local) return attributes[name];
  return undefined;
}

export interface XmlStream {
  write(bytes: Uint8Array): void;
  end(): void;
}

/**
 * A streaming XML reader over the bytes of one part. Neither Office Open XML nor OpenDocument uses
 * a DTD (ECMA-376 Part 2 §8.1.5 and ODF 1.3 Part 3 §2.2 forbid or do not need one), so any
 * DOCTYPE is refused before its content matters: no internal entity is ever expanded (billion
 * laughs) and no external one fetched (XXE). saxes itself expands only the five predefined
 * entities and character references, and fails on any other. Elements nested deeper than
 * `maxDepth` are refused too: a real sheet nests about 6 deep, an ODS about 12.
 */
export function xmlStream(handler: XmlHandler, maxDepth: number): XmlStream {
  const parser = new SaxesParser({ xmlns: false, position: false });
  let depth = 0;
  let decoder: TextDecoder | undefined;
  let head: Uint8Array | undefined = new Uint8Array(0);
  parser.on("doctype", () => {
    throw new XmlError("a DOCTYPE declaration (DTD), which no spreadsheet part has", "doctype");
  });
  parser.on("error", (error) => {
    throw new XmlError(error.message, "malformed");
  });
  parser.on("opentag", (tag: SaxesTagPlain) => {
    depth++;
    if (depth > maxDepth) throw new XmlError(`elements nested more than ${maxDepth} deep`, "depth");
    handler.open(localName(tag.name), tag.attributes as Record<string, string>, depth);
    // A self-closing tag also gets its closetag event from saxes.
  });
  parser.on("closetag", (tag) => {
    handler.close(localName(tag.name), depth);
    depth--;
  });
  parser.on("text", (text) => handler.text(text));
  parser.on("cdata", (text) => handler.text(text));

  const start = (bytes: Uint8Array): void => {
    // ECMA-376 Part 2 §8.1.3 allows UTF-16 parts, announced by their byte order mark.
    const label = bytes[0] === 0xff && bytes[1] === 0xfe ? "utf-16le" : bytes[0] === 0xfe && bytes[1] === 0xff ? "utf-16be" : "utf-8";
    decoder = new TextDecoder(label);
  };
  return {
    write(bytes) {
      if (decoder === undefined) {
        // Two bytes are needed to see a byte order mark.
        const joined = new Uint8Array(head!.length + bytes.length);
        joined.set(head!);
        joined.set(bytes, head!.length);
        if (joined.length < 2) {
          head = joined;
          return;
        }
        head = undefined;
        start(joined);
        bytes = joined;
      }
      const text = decoder!.decode(bytes, { stream: true });
      if (text !== "") parser.write(text);
    },
    end() {
      if (decoder === undefined) start(head ?? new Uint8Array(0));
      const text = decoder!.decode(head ?? new Uint8Array(0));
      head = undefined;
      if (text !== "") parser.write(text);
      parser.close();
    },
  };
}
