/**
 * A guard that proves a translated pattern safe for V8's backtracking engine, and the V8 source it
 * then runs as. V8 matches `^(?:p)$` from the first character only; its work is the number of
 * paths through the pattern's choices (alternatives, repetition counts) times the pattern length.
 * Counting paths per construct: a single character is 1 path; a sequence multiplies; alternatives
 * add; `x{n,m}` over an item of c paths gives c^n + ... + c^m; an unbounded `x*`/`x+` over ONE
 * character gives at most (value length + 1) paths. A pattern is accepted when its paths are at
 * most PATH_LIMIT times (length + 1) to the power one: at most one unbounded repetition on the way
 * through any branch, over a single character, never inside another repetition. That excludes
 * the shapes that blow up (`(a+)+`, `(a|a)*`, `\d+\d+$`) and keeps what national schemas write:
 * INSEE codes `([013-9]\d|2[AB1-9])\d{3}`, `(\+33|\+590)(\d){6,9}`, optional groups, URLs
 * `https?://[^\s]*`. Everything else stays with RE2 (linear by construction).
 *
 * The source is also rewritten where V8 (with the `u` flag) reads RE2 syntax differently:
 * `\x{HH}` is `\u{HH}`, `.` is "anything but \n" in RE2 and spelled so, `\z` is `$`, `\A` is `^`,
 * identity escapes of non-syntax characters become code points. Constructs whose meaning differs
 * between the engines (`\b`, `\S` or `\W` inside a class, POSIX classes, flags) are refused.
 */
const PATH_LIMIT = 512;

interface Paths {
  /** Unbounded repetitions on the way (the power of the value length). */
  degree: number;
  /** Paths apart from the unbounded repetitions. */
  count: number;
}

interface Frame {
  branches: Paths[];
  current: Paths;
}

const SYNTAX = "^$\\.*+?()[]{}|/";
const codePoint = (char: string) => `\\u{${char.codePointAt(0)!.toString(16)}}`;

/** A V8 RegExp answering as RE2 on `translated` (RE2 syntax from translatePattern), or undefined. */
export function linearRegExp(translated: string): RegExp | undefined {
  const source = v8Source(translated);
  if (source === undefined) return undefined;
  try {
    return new RegExp(`^(?:${source})$`, "u");
  } catch {
    return undefined;
  }
}

function v8Source(translated: string): string | undefined {
  if (translated.length > 1024) return undefined;
  let out = "";
  const stack: Frame[] = [{ branches: [], current: { degree: 0, count: 1 } }];
  // The item just read, for a quantifier that may follow: its paths and whether it is one character.
  let last: { paths: Paths; single: boolean } | undefined;
  const top = () => stack[stack.length - 1]!;
  const append = (paths: Paths, single: boolean) => {
    const frame = top();
    frame.current = { degree: frame.current.degree + paths.degree, count: frame.current.count * paths.count };
    last = { paths, single };
  };
  const tooMany = (paths: Paths) => paths.degree > 1 || paths.count > PATH_LIMIT;
  let i = 0;
  const n = translated.length;
  while (i < n) {
    const c = translated[i]!;
    if (c === "\\") {
      const e = translated[i + 1];
      if (e === undefined) return undefined;
      if (e === "x" && translated[i + 2] === "{") {
        const close = translated.indexOf("}", i);
        out += `\\u{${translated.slice(i + 3, close)}}`;
        i = close + 1;
      } else if (e === "x" && /^[0-9a-fA-F]{2}$/.test(translated.slice(i + 2, i + 4))) {
        out += translated.slice(i, i + 4);
        i += 4;
      } else if (e === "p" || e === "P") {
        const close = translated.indexOf("}", i);
        out += translated.slice(i, close + 1);
        i = close + 1;
      } else if (e === "z" || e === "A") {
        out += e === "z" ? "$" : "^";
        i += 2;
        append({ degree: 0, count: 1 }, false);
        last = undefined;
        continue;
      } else if ("ntrfv".includes(e)) {
        out += `\\${e}`;
        i += 2;
      } else if (/[A-Za-z0-9]/.test(e)) {
        // \b, \B, \a, \d and the like: the translator spells the classes out, so these are the
        // constructs whose meaning differs between the engines.
        return undefined;
      } else {
        // The translator writes other characters as \x{...}: what is escaped here is ASCII.
        out += SYNTAX.includes(e) ? `\\${e}` : codePoint(e);
        i += 2;
      }
      append({ degree: 0, count: 1 }, true);
      continue;
    }
    if (c === "[") {
      const end = classEnd(translated, i);
      if (end === undefined) return undefined;
      const body = v8Class(translated.slice(i + 1, end));
      if (body === undefined) return undefined;
      out += `[${body}]`;
      i = end + 1;
      append({ degree: 0, count: 1 }, true);
      continue;
    }
    if (c === "(") {
      if (translated[i + 1] === "?") {
        if (translated[i + 2] === ":") {
          out += "(?:";
          i += 3;
        } else if (translated[i + 2] === "P" && translated[i + 3] === "<") {
          out += "(?<";
          i += 4;
        } else if (translated[i + 2] === "<") {
          out += "(?<";
          i += 3;
        } else return undefined; // flags
      } else {
        out += "(";
        i += 1;
      }
      stack.push({ branches: [], current: { degree: 0, count: 1 } });
      last = undefined;
      continue;
    }
    if (c === "|") {
      const frame = top();
      frame.branches.push(frame.current);
      frame.current = { degree: 0, count: 1 };
      out += "|";
      i += 1;
      last = undefined;
      continue;
    }
    if (c === ")") {
      if (stack.length < 2) return undefined;
      const frame = stack.pop()!;
      const paths = alternatives([...frame.branches, frame.current]);
      if (tooMany(paths)) return undefined;
      out += ")";
      i += 1;
      append(paths, false);
      continue;
    }
    if (c === "*" || c === "+" || c === "?" || c === "{") {
      let min: number;
      let max: number;
      let length = 1;
      if (c === "{") {
        const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(translated.slice(i));
        if (!m) {
          // A literal "{" as RE2 reads it.
          out += "\\{";
          i += 1;
          append({ degree: 0, count: 1 }, true);
          continue;
        }
        min = Number(m[1]);
        max = m[2] === undefined ? min : m[3] === "" ? Infinity : Number(m[3]);
        length = m[0].length;
      } else {
        min = c === "+" ? 1 : 0;
        max = c === "?" ? 1 : Infinity;
      }
      if (last === undefined) return undefined;
      const repeated = repetition(last.paths, min, max, last.single);
      if (repeated === undefined) return undefined;
      // Replace the item's share of the frame's paths with the repetition's.
      const frame = top();
      frame.current = {
        degree: frame.current.degree - last.paths.degree + repeated.degree,
        count: (frame.current.count / last.paths.count) * repeated.count,
      };
      out += translated.slice(i, i + length);
      i += length;
      if (translated[i] === "?") {
        out += "?";
        i += 1;
      }
      if (tooMany(frame.current)) return undefined;
      last = undefined;
      continue;
    }
    if (c === ".") {
      out += "[^\\n]";
      i += 1;
      append({ degree: 0, count: 1 }, true);
      continue;
    }
    if (c === "^" || c === "$") {
      out += c;
      i += 1;
      append({ degree: 0, count: 1 }, false);
      last = undefined;
      continue;
    }
    const char = String.fromCodePoint(translated.codePointAt(i)!);
    out += c === "/" || c === "]" || c === "}" ? `\\${c}` : char;
    i += char.length;
    append({ degree: 0, count: 1 }, true);
  }
  if (stack.length !== 1) return undefined;
  const frame = stack[0]!;
  return tooMany(alternatives([...frame.branches, frame.current])) ? undefined : out;
}

function alternatives(branches: Paths[]): Paths {
  return {
    degree: Math.max(...branches.map((branch) => branch.degree)),
    count: branches.reduce((sum, branch) => sum + branch.count, 0),
  };
}

/** Paths of `item{min,max}`; undefined when the repetition may backtrack more than linearly. */
function repetition(item: Paths, min: number, max: number, single: boolean): Paths | undefined {
  if (max === Infinity) {
    // Unbounded: only over one character, and not over something that already repeats.
    if (!single || item.degree > 0) return undefined;
    return { degree: 1, count: 1 };
  }
  if (item.degree > 0) return undefined;
  let count = 0;
  for (let k = min; k <= max; k++) {
    count += item.count ** k;
    if (count > PATH_LIMIT) return undefined;
  }
  return { degree: 0, count: Math.max(count, 1) };
}

/** Index of the "]" closing the class opened at `start`, as RE2 reads it. */
function classEnd(text: string, start: number): number | undefined {
  let i = start + 1;
  if (text[i] === "^") i += 1;
  if (text[i] === "]") i += 1;
  while (i < text.length) {
    if (text[i] === "\\") i += 2;
    else if (text[i] === "]") return i;
    else i += 1;
  }
  return undefined;
}

/** A class body in V8 `u` syntax, or undefined when the engines would read it differently. */
function v8Class(body: string): string | undefined {
  let out = "";
  let i = 0;
  if (body.startsWith("^")) {
    out += "^";
    i = 1;
  }
  if (body[i] === "]") {
    out += "\\]";
    i += 1;
  }
  while (i < body.length) {
    const c = body[i]!;
    if (c === "[") return undefined; // POSIX class ([:alpha:]) or nested syntax
    if (c === "\\") {
      const e = body[i + 1]!;
      if (e === "x" && body[i + 2] === "{") {
        const close = body.indexOf("}", i);
        out += `\\u{${body.slice(i + 3, close)}}`;
        i = close + 1;
      } else if (e === "x" && /^[0-9a-fA-F]{2}$/.test(body.slice(i + 2, i + 4))) {
        out += body.slice(i, i + 4);
        i += 4;
      } else if (e === "p" || e === "P") {
        const close = body.indexOf("}", i);
        out += body.slice(i, close + 1);
        i = close + 1;
      } else if ("ntrfv".includes(e)) {
        out += `\\${e}`;
        i += 2;
      } else if (/[A-Za-z0-9]/.test(e)) {
        return undefined; // \S, \W, \d...: ASCII in RE2, Unicode or refused in V8
      } else {
        const char = String.fromCodePoint(body.codePointAt(i + 1)!);
        out += SYNTAX.includes(char) || char === "-" ? `\\${char}` : codePoint(char);
        i += 1 + char.length;
      }
      continue;
    }
    const char = String.fromCodePoint(body.codePointAt(i)!);
    // V8's `u` mode refuses some unescaped class characters RE2 reads as literals.
    out += char === "/" || char === "{" || char === "}" || char === "(" || char === ")" || char === "|" ? `\\${char}` : char;
    i += char.length;
  }
  return out;
}
