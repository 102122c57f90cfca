import { RE2JS } from "re2js";
import { linearRegExp } from "./pattern-linear.js";

/**
 * Thrown when a Table Schema `pattern` cannot be compiled. `detail` is the reason, French and
 * English; the caller adds the property path.
 */
export class PatternError extends Error {
  readonly detail: { fr: string; en: string };
  constructor(detail: { fr: string; en: string }) {
    super(detail.en);
    this.name = "PatternError";
    this.detail = detail;
  }
}

/** A compiled pattern: `test` is true when the WHOLE value matches. Linear time (RE2). */
export interface CompiledPattern {
  source: string;
  /** The RE2 syntax the Python pattern was translated to. */
  translated: string;
  test(value: string): boolean;
}

// Python 3 `str` patterns: `\s` is Unicode whitespace (str.isspace), `\w` is str.isalnum() or "_".
// RE2's own `\s` and `\w` are ASCII only, so they are spelled out. docs.python.org/3/library/re.html
const PY_SPACE = "\\t\\n\\x0B\\f\\r\\x1C-\\x1F \\x{85}\\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}";
const PY_WORD = "\\p{L}\\p{N}_";
// Decision (docs/parity.md, "Valeurs et types"): `\d` is ASCII [0-9], not Python's Unicode Nd.
// French identifiers (SIRET, INSEE, postal codes) are ASCII digits only.
const DIGIT = "0-9";

const MEMO_TRIAL = 2000;
const MEMO_SIZE = 4096;
const MEMO_VALUE_LENGTH = 256;

const fail = (fr: string, en: string): never => {
  throw new PatternError({ fr, en });
};

interface Group {
  /** Index in the output where the group's "(" was written. */
  start: number;
  /** 1-based capturing group number, or 0 for a non-capturing group. */
  number: number;
}

interface ClosedGroup {
  start: number;
  end: number;
  /** The group's last alternative is empty: `(x|)`. */
  emptyLast: boolean;
}

/**
 * Translates a Python `re` pattern (what frictionless compiles) into RE2 syntax. Throws a
 * PatternError for constructs RE2 cannot run in linear time (lookarounds, general
 * backreferences, atomic groups) and for escapes Python itself rejects.
 */
export function translatePattern(source: string): string {
  let out = "";
  let inClass = false;
  let classStart = 0;
  let groupCount = 0;
  const stack: Group[] = [];
  const lastBar: number[] = [-1];
  const closed = new Map<number, ClosedGroup>();
  let i = 0;
  const n = source.length;
  while (i < n) {
    const c = source[i]!;
    if (c === "\\") {
      const e = source[i + 1];
      if (e === undefined) fail("le motif se termine par « \\ »", "the pattern ends with a backslash");
      const esc = e!;
      i += 2;
      switch (esc) {
        case "d":
          out += inClass ? DIGIT : `[${DIGIT}]`;
          continue;
        case "D":
          out += inClass ? "[:^digit:]" : `[^${DIGIT}]`;
          continue;
        case "w":
          out += inClass ? PY_WORD : `[${PY_WORD}]`;
          continue;
        case "W":
          // Inside a class RE2 cannot negate a union of Unicode classes: ASCII \W is used there.
          out += inClass ? "\\W" : `[^${PY_WORD}]`;
          continue;
        case "s":
          out += inClass ? PY_SPACE : `[${PY_SPACE}]`;
          continue;
        case "S":
          out += inClass ? "\\S" : `[^${PY_SPACE}]`;
          continue;
        case "u":
        case "U": {
          const len = esc === "u" ? 4 : 8;
          const hex = source.slice(i, i + len);
          if (hex.length !== len || !/^[0-9a-fA-F]+$/.test(hex)) {
            fail(`échappement \\${esc} incomplet`, `incomplete \\${esc} escape`);
          }
          out += `\\x{${hex}}`;
          i += len;
          continue;
        }
        case "x": {
          const hex = source.slice(i, i + 2);
          if (!/^[0-9a-fA-F]{2}$/.test(hex)) fail("échappement \\x incomplet", "incomplete \\x escape");
          out += `\\x{${hex}}`;
          i += 2;
          continue;
        }
        case "Z":
          out += "\\z";
          continue;
        case "A":
          out += "\\A";
          continue;
        case "b":
          out += inClass ? "\\x{08}" : "\\b";
          continue;
        case "B":
          if (inClass) fail("« \\B » n'est pas permis dans une classe", "\\B is not allowed in a class");
          out += "\\B";
          continue;
        case "0":
          out += "\\x{00}";
          continue;
        case "n":
        case "t":
        case "r":
        case "f":
        case "v":
        case "a":
          out += `\\${esc}`;
          continue;
        default:
          break;
      }
      if (esc >= "1" && esc <= "9") {
        out = rewriteBackreference(out, Number(esc), closed, source, i, inClass);
        // The quantifier after the reference goes with it.
        if (source[i] === "+" || source[i] === "*") i += 1;
        continue;
      }
      if (/[A-Za-z]/.test(esc)) {
        fail(`échappement inconnu « \\${esc} »`, `unknown escape "\\${esc}"`);
      }
      const cp = esc.codePointAt(0)!;
      if (cp < 0x80) out += `\\${esc}`;
      else {
        out += `\\x{${cp.toString(16)}}`;
        if (cp > 0xffff) i += 1;
      }
      continue;
    }
    if (inClass) {
      if (c === "]" && out.length > classStart) {
        inClass = false;
        out += c;
      } else if (c === "[") {
        // Python reads "[" inside a class as a literal; RE2 would read "[:" as a POSIX class.
        out += "\\[";
      } else {
        out += c;
      }
      i += 1;
      continue;
    }
    if (c === "[") {
      inClass = true;
      out += "[";
      i += 1;
      if (source[i] === "^") {
        out += "^";
        i += 1;
      }
      // A "]" right after "[" or "[^" is a literal in Python and in RE2.
      classStart = out.length;
      continue;
    }
    if (c === "(") {
      if (source[i + 1] === "?") {
        const rest = source.slice(i + 2, i + 4);
        if (rest.startsWith("=") || rest.startsWith("!") || rest === "<=" || rest === "<!") {
          fail("les assertions avant/arrière ne sont pas prises en charge (RE2)", "lookahead and lookbehind are not supported (RE2)");
        }
        if (rest.startsWith(">")) fail("les groupes atomiques ne sont pas pris en charge", "atomic groups are not supported");
        if (rest.startsWith("#")) {
          const close = source.indexOf(")", i);
          if (close < 0) fail("commentaire non fermé", "unterminated comment");
          i = close + 1;
          continue;
        }
        if (source.startsWith("P=", i + 2)) {
          fail("les références arrière nommées ne sont pas prises en charge", "named backreferences are not supported");
        }
        const named = rest.startsWith("P<") || (rest.startsWith("<") && rest !== "<=" && rest !== "<!");
        stack.push({ start: out.length, number: named ? ++groupCount : 0 });
      } else {
        stack.push({ start: out.length, number: ++groupCount });
      }
      lastBar.push(-1);
      out += c;
      i += 1;
      continue;
    }
    if (c === ")") {
      const group = stack.pop();
      if (group === undefined) fail("parenthèse fermante en trop", "unbalanced parenthesis");
      const bar = lastBar.pop();
      const emptyLast = bar === out.length;
      out += c;
      i += 1;
      if (group!.number > 0) closed.set(group!.number, { start: group!.start, end: out.length, emptyLast });
      continue;
    }
    if (c === "|") {
      out += c;
      lastBar[lastBar.length - 1] = out.length;
      i += 1;
      continue;
    }
    if (c === "{" && source[i + 1] === ",") {
      // Python reads "{,n}" as "{0,n}"; RE2 would read it as literal text.
      const m = /^\{,(\d+)\}/.exec(source.slice(i));
      if (m) {
        out += `{0,${m[1]}}`;
        i += m[0].length;
        continue;
      }
    }
    if ((c === "+" || c === "*" || c === "?" || c === "}") && source[i + 1] === "+") {
      fail("les quantificateurs possessifs ne sont pas pris en charge", "possessive quantifiers are not supported");
    }
    out += c;
    i += 1;
  }
  if (inClass) fail("classe de caractères non fermée", "unterminated character class");
  return out;
}

/**
 * RE2 has no backreferences. National schemas use one idiom: `(code|)\1+code`, a group whose
 * last alternative is empty, repeated by `\1+`. With the group empty it reads "one code"; with it
 * non-empty it only adds runs of the same code glued without separator, which no real list holds.
 * The group is kept empty: `()`. Any other backreference cannot run in linear time and is refused.
 */
function rewriteBackreference(out: string, number: number, closed: Map<number, ClosedGroup>, source: string, next: number, inClass: boolean): string {
  const group = closed.get(number);
  const quantifier = source[next];
  if (inClass || !group || !group.emptyLast || group.end !== out.length || (quantifier !== "+" && quantifier !== "*")) {
    return fail(`la référence arrière « \\${number} » n'est pas prise en charge (RE2, temps linéaire)`, `backreference "\\${number}" is not supported (RE2, linear time)`);
  }
  return `${out.slice(0, group.start)}()`;
}

/**
 * Compiles a Table Schema `pattern` to match the whole value, as `^(?:pattern)$` with `$` at the
 * very end only. frictionless-py compiles `^pattern$` with Python's `re`, where a top-level `|`
 * leaves alternatives half-anchored and `$` also matches before a final newline: both are
 * documented deviations (docs/parity.md, "Valeurs et types"). Matching is linear (RE2), so an
 * untrusted pattern cannot stall validation.
 */
export function compilePattern(source: string): CompiledPattern {
  const translated = translatePattern(source);
  // V8 where it provably cannot backtrack more than linearly (pattern-linear.ts), RE2 elsewhere.
  const fast = fixedShapeRegExp(translated) ?? linearRegExp(translated);
  // Compiling with RE2 also proves the pattern valid as RE2 reads it. Where V8 compiled it and
  // RE2's remaining refusals cannot apply, that compilation is skipped: it cost 2 to 10 ms a
  // pattern, more for the first (RE2 decodes its Unicode tables), at every start-up.
  if (fast && re2AcceptsWhatV8Does(translated)) return { source, translated, test: (value: string) => fast.test(value) };
  let re: RE2JS;
  try {
    re = RE2JS.compile(`(?:${translated})`);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return fail(`expression régulière invalide : ${reason}`, `invalid regular expression: ${reason}`);
  }
  if (fast) return { source, translated, test: (value: string) => fast.test(value) };
  // Pattern columns often repeat values (codes, lists of days): a bounded memo saves the ~1 µs
  // an RE2 match costs in JavaScript.
  // Columns of distinct values (identifiers) never hit: after a trial, a memo that saves less
  // than a third of the matches is dropped, so those columns pay for RE2 alone.
  let memo: Map<string, boolean> | null = new Map<string, boolean>();
  let lookups = 0;
  let hits = 0;
  const test = (value: string): boolean => {
    if (memo === null) return re.testExact(value);
    lookups++;
    const known = memo.get(value);
    if (known !== undefined) {
      hits++;
      return known;
    }
    const result = re.testExact(value);
    if (lookups === MEMO_TRIAL && hits * 3 < lookups) {
      memo = null;
      return result;
    }
    if (memo.size >= MEMO_SIZE) memo.clear();
    if (value.length <= MEMO_VALUE_LENGTH) memo.set(value, result);
    return result;
  };
  return { source, translated, test };
}

const RE2_MAX_REPEAT = 1000;

/**
 * True when RE2 cannot refuse a translated pattern that V8 (`u` flag) has compiled. Both engines
 * refuse the same unbalanced groups, empty or reversed classes, dangling and nested quantifiers;
 * what only RE2 refuses is counted here (re2js's Parser): a repeat count over 1000, also when
 * nested repeats multiply past it ("invalid repeat count"), capture names other than ASCII word
 * characters (V8 takes any identifier), and sizes past its limits, out of reach at 512
 * characters with repeats multiplying to 1000 at most. The product of every count in the
 * pattern bounds the product along any nesting.
 */
export function re2AcceptsWhatV8Does(translated: string): boolean {
  if (translated.length > 512 || translated.includes("(?<") || translated.includes("(?P<")) return false;
  let product = 1;
  for (let i = 0; i < translated.length; i++) {
    const c = translated[i];
    if (c === "\\") {
      // `\x{hex}` and `\p{class}` are not counts; any other escape is one character.
      const e = translated[i + 1];
      i += (e === "x" || e === "p" || e === "P") && translated[i + 2] === "{" ? translated.indexOf("}", i) - i : 1;
      if (i < 0) return false;
      continue;
    }
    if (c !== "{") continue;
    const count = /^\{([0-9]+)(?:,([0-9]*))?\}/.exec(translated.slice(i));
    if (!count) continue;
    product *= Math.max(Number(count[1]), count[2] ? Number(count[2]) : 0, 1);
    if (product > RE2_MAX_REPEAT) return false;
  }
  return true;
}

// A branch of literals and positive ASCII classes, each repeated an exact number of times,
// optionally anchored at its ends: `[A-Z]{2}-[0-9]{4}`, `[0-9]{5}|2[AB][0-9]{3}`, `\d{14}`.
const FIXED_ITEM = String.raw`(?:[A-Za-z0-9 _,;:/@'"%&=<>#!~-]|\\[-.\/\\^$|()[\]{}*+?]|\[(?!\^)(?:[A-Za-z0-9 _,;:/@'"%&=<>#!~.]|\\[-\\\]^])(?:[A-Za-z0-9 _,;:/@'"%&=<>#!~.-]|\\[-\\\]^])*\])(?:\{[0-9]{1,4}\})?`;
const FIXED_BRANCH = `\\^?(?:${FIXED_ITEM})*\\$?`;
const FIXED_SHAPE = new RegExp(`^${FIXED_BRANCH}(?:\\|${FIXED_BRANCH})*$`);

/**
 * Most national-schema patterns (SIRET, INSEE and postal codes, identifiers) are fixed-shape:
 * every item is a literal or a positive ASCII class repeated an exact number of times, and the
 * only choice is between top-level branches. V8's backtracking engine cannot blow up on those
 * (each branch is tried once from the start and consumes one character per step), and on ASCII
 * items it answers exactly as RE2 does, ten times faster. Anything else stays with RE2.
 */
export function fixedShapeRegExp(translated: string): RegExp | undefined {
  if (translated.length > 512 || !FIXED_SHAPE.test(translated)) return undefined;
  try {
    return new RegExp(`^(?:${translated})$`);
  } catch {
    return undefined;
  }
}
