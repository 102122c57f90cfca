import type { Dialect } from "../report.js";

/** Delimiters frictionless-py passes to `csv.Sniffer` (frictionless-py's CSV parser, v5). */
export const SNIFF_DELIMITERS = [",", "\t", ";", "|"] as const;

/** Lines of the sample frictionless-py sniffs. */
export const SNIFF_LINES = 100;

/**
 * Guesses the dialect of a CSV sample the way frictionless-py does: Python's `csv.Sniffer` on
 * the first 100 lines, candidates `,` tab `;` `|`, a sniffed `'` quote forced to `"`, and the
 * excel dialect (comma) when sniffing fails. The Sniffer's two steps are reproduced:
 * 1. delimiters seen around quoted cells (`;"1,5";` gives `;`);
 * 2. otherwise, the candidate whose count per line is the most consistent, chunk by chunk of
 *    10 lines, with the header line counted: a `;` file whose data cells hold commas gives `;`
 *    because the header holds none. Ties go to `,` then tab then `;`.
 * `lineTerminator` is the first line break seen ("\r\n" or "\n").
 */
export function sniffDialect(sample: string): Dialect {
  const text = firstLines(sample, SNIFF_LINES);
  const crlf = /\r\n|\n|\r/.exec(text);
  const lineTerminator = crlf !== null && crlf[0] === "\r\n" ? "\r\n" : "\n";
  const delimiter = guessFromQuotes(text) || guessFromCounts(text) || ",";
  return { delimiter, quoteChar: '"', lineTerminator };
}

function firstLines(sample: string, lines: number): string {
  let at = 0;
  for (let k = 0; k < lines; k++) {
    const next = sample.indexOf("\n", at);
    if (next === -1) return sample;
    at = next + 1;
  }
  return sample.slice(0, at);
}

// Python's `\w` on str is Unicode-aware; `[^\w\n"']` there is this class here.
const NOT_WORD = String.raw`[^\p{L}\p{N}\p{M}_\n"']`;

// csv.Sniffer._guess_quote_and_delimiter: the four patterns, tried in order, first match wins.
const QUOTE_PATTERNS = [
  new RegExp(String.raw`(?<delim>${NOT_WORD})(?<space> ?)(?<quote>["']).*?\k<quote>\k<delim>`, "gsmu"),
  new RegExp(String.raw`(?:^|\n)(?<quote>["']).*?\k<quote>(?<delim>${NOT_WORD})(?<space> ?)`, "gsmu"),
  new RegExp(String.raw`(?<delim>${NOT_WORD})(?<space> ?)(?<quote>["']).*?\k<quote>(?:$|\n)`, "gsmu"),
];

function guessFromQuotes(text: string): string {
  for (const pattern of QUOTE_PATTERNS) {
    pattern.lastIndex = 0;
    const counts = new Map<string, number>();
    let matched = false;
    for (const m of text.matchAll(pattern)) {
      matched = true;
      const delim = m.groups?.delim;
      if (delim !== undefined && (SNIFF_DELIMITERS as readonly string[]).includes(delim)) counts.set(delim, (counts.get(delim) ?? 0) + 1);
    }
    // The Sniffer stops at the first pattern that matches at all, candidate or not. The fourth
    // pattern (a quoted cell alone on its line) carries no delimiter, so it is not tried.
    if (matched) return mostFrequent(counts);
  }
  return "";
}

function mostFrequent(counts: Map<string, number>): string {
  let best = "";
  let bestCount = 0;
  // Python's max() keeps the first of equal counts, in insertion (first-seen) order.
  for (const [delim, count] of counts) {
    if (count > bestCount) {
      best = delim;
      bestCount = count;
    }
  }
  return best;
}

// csv.Sniffer._guess_delimiter restricted to the candidates: the sample is split on "\n"
// (empty lines dropped), every occurrence counts, quoted or not. For each candidate, the mode
// of its per-line count is taken, its frequency reduced by the lines that differ; a candidate
// qualifies when that adjusted frequency over the lines read is at least the consistency,
// lowered from 1.0 to 0.9. Lines are read 10 at a time until exactly one candidate qualifies.
function guessFromCounts(text: string): string {
  const lines = text.split("\n").filter((line) => line !== "");
  if (lines.length === 0) return "";
  const chunk = Math.min(10, lines.length);
  const frequencies = SNIFF_DELIMITERS.map(() => new Map<number, number>());
  let qualified: string[] = [];
  for (let start = 0, iteration = 1; start < lines.length; start += chunk, iteration++) {
    for (const line of lines.slice(start, start + chunk)) {
      SNIFF_DELIMITERS.forEach((delim, k) => {
        const count = countOf(line, delim);
        const table = frequencies[k] as Map<number, number>;
        table.set(count, (table.get(count) ?? 0) + 1);
      });
    }
    if (qualified.length === 0) {
      const total = Math.min(chunk * iteration, lines.length);
      const modes = frequencies.map(adjustedMode);
      // The Sniffer lowers the consistency by 0.01 from 1.0 while nothing qualifies, down to 0.9.
      for (let step = 0; step <= 10 && qualified.length === 0; step++) {
        const consistency = 1 - step / 100;
        qualified = SNIFF_DELIMITERS.filter((_, k) => {
          const mode = modes[k];
          return mode !== undefined && mode.count > 0 && mode.frequency > 0 && mode.frequency / total >= consistency - 1e-9;
        });
      }
    }
    if (qualified.length === 1) return qualified[0] as string;
  }
  // Several qualify: the Sniffer's preference order (",", tab, ";"), then the dominant one.
  for (const preferred of [",", "\t", ";"]) if (qualified.includes(preferred)) return preferred;
  return qualified[0] ?? "";
}

function adjustedMode(table: Map<number, number>): { count: number; frequency: number } | undefined {
  if (table.size === 1 && table.has(0)) return undefined;
  let count = 0;
  let frequency = -1;
  let others = 0;
  for (const [c, f] of table) {
    if (f > frequency) {
      if (frequency >= 0) others += frequency;
      count = c;
      frequency = f;
    } else others += f;
  }
  return { count, frequency: frequency - others };
}

function countOf(line: string, delim: string): number {
  let n = 0;
  for (let at = line.indexOf(delim); at !== -1; at = line.indexOf(delim, at + 1)) n++;
  return n;
}
