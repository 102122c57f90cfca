import type { Node } from "yaml";
import { yaml } from "../yaml-module.js";

/** A descriptor as read: its text and a way to turn JSON Pointers into line and column. */
export interface SourceText {
  text: string;
  /** Parsed value (plain JSON data). */
  value: unknown;
  /** 1-based line and column of the value (or key, for an object member) a pointer names. */
  locate(pointer: string): { line: number; column: number } | undefined;
  /** Syntax errors, with their position. */
  errors: { message: string; line: number; column: number }[];
}

function unescape(segment: string): string {
  return segment.replace(/~1/g, "/").replace(/~0/g, "~");
}

/**
 * Parses YAML or JSON with one position-aware parser: JSON is YAML 1.2, and the `yaml` package
 * keeps source ranges, so pointers map to lines for both. Needs `loadYaml()` first.
 */
export function parseSourceText(text: string): SourceText {
  const { LineCounter, isMap, isScalar, isSeq, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const errors = doc.errors.map((error) => ({ message: error.message, ...position(error.pos[0]) }));
  const value: unknown = errors.length > 0 ? undefined : doc.toJS({ maxAliasCount: 100 });
  return {
    text,
    value,
    errors,
    locate(pointer) {
      let node: unknown = doc.contents;
      let anchor: Node | undefined = doc.contents ?? undefined;
      const segments = pointer === "" ? [] : pointer.slice(1).split("/").map(unescape);
      for (const segment of segments) {
        if (isMap(node)) {
          const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === segment);
          if (!pair) return anchor?.range ? position(anchor.range[0]) : undefined;
          anchor = (isScalar(pair.key) ? pair.key : undefined) ?? anchor;
          node = pair.value;
        } else if (isSeq(node)) {
          const item = node.items[Number(segment)];
          if (item === undefined) return anchor?.range ? position(anchor.range[0]) : undefined;
          node = item;
          anchor = item as Node;
        } else {
          break;
        }
      }
      return anchor?.range ? position(anchor.range[0]) : { line: 1, column: 1 };
    },
  };
}

/** A source without positions (RDF inputs): every pointer maps to the first line. */
export function opaqueSource(text: string, value: unknown): SourceText {
  return { text, value, errors: [], locate: () => undefined };
}
