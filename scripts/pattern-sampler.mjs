// Seeded random values for benchmarks and tests: a deterministic generator, and a sampler that
// writes strings a Table Schema `pattern` (Python `re` syntax) should accept.

/** A small deterministic generator (mulberry32), so that every run reads the same bytes. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// A sampler for the Python `re` subset the schemas use: literals, escapes, classes, groups,
// alternation, greedy and lazy quantifiers, anchors and backreferences. Samples are kept only
// when conforme's own compiled pattern accepts them, so the generated file is valid.
const WORD = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_éèà";
const PRINTABLE = `${WORD} -.,'/:()`;
const ESCAPES = { d: "0123456789", w: WORD, s: " ", D: "abcXYZ-", W: " -.", S: WORD };

export function parsePattern(source) {
  let i = 0;
  let groups = 0;
  const readClass = () => {
    let negated = false;
    if (source[i] === "^") {
      negated = true;
      i++;
    }
    const chars = [];
    let first = true;
    while (i < source.length && (source[i] !== "]" || first)) {
      first = false;
      let c = source[i++];
      if (c === "\\") {
        const e = source[i++];
        if (ESCAPES[e]) {
          chars.push(...ESCAPES[e]);
          continue;
        }
        c = e === "u" ? String.fromCharCode(parseInt(source.slice(i, (i += 4)), 16)) : e === "t" ? "\t" : e;
      }
      if (source[i] === "-" && source[i + 1] !== "]" && i + 1 < source.length) {
        i++;
        let end = source[i++];
        if (end === "\\") {
          const e = source[i++];
          end = e === "u" ? String.fromCharCode(parseInt(source.slice(i, (i += 4)), 16)) : e;
        }
        for (let code = c.codePointAt(0); code <= end.codePointAt(0) && code - c.codePointAt(0) < 400; code++) chars.push(String.fromCodePoint(code));
      } else chars.push(c);
    }
    i++;
    return negated ? { set: [...PRINTABLE].filter((c) => !chars.includes(c)) } : { set: chars };
  };
  const atom = () => {
    const c = source[i++];
    if (c === "(") {
      let number = 0;
      if (source[i] === "?") {
        if (source[i + 1] === ":") i += 2;
        else if (source[i + 1] === "P" && source[i + 2] === "<") {
          i = source.indexOf(">", i) + 1;
          number = ++groups;
        } else throw new Error(`unsupported group in ${source}`);
      } else number = ++groups;
      const inner = alternation();
      i++;
      return { group: inner, number };
    }
    if (c === "[") return readClass();
    if (c === ".") return { set: [...PRINTABLE] };
    if (c === "^" || c === "$") return { empty: true };
    if (c === "\\") {
      const e = source[i++];
      if (ESCAPES[e]) return { set: [...ESCAPES[e]] };
      if (e >= "1" && e <= "9") return { backref: Number(e) };
      if (e === "u") return { set: [String.fromCharCode(parseInt(source.slice(i, (i += 4)), 16))] };
      return { set: [e] };
    }
    return { set: [c] };
  };
  const quantified = () => {
    const node = atom();
    let min;
    let max;
    const q = source[i];
    if (q === "*" || q === "+" || q === "?") {
      i++;
      min = q === "+" ? 1 : 0;
      max = q === "?" ? 1 : min + 3;
    } else if (q === "{" && /^\{\d*(,\d*)?\}/.test(source.slice(i))) {
      const [, a, b] = /^\{(\d*)(?:,(\d*))?\}/.exec(source.slice(i));
      i = source.indexOf("}", i) + 1;
      min = Number(a || 0);
      max = b === undefined ? min : b === "" ? min + 3 : Number(b);
    } else return node;
    if (source[i] === "?") i++;
    return { node, min, max };
  };
  const sequence = () => {
    const items = [];
    while (i < source.length && source[i] !== "|" && source[i] !== ")") items.push(quantified());
    return items;
  };
  function alternation() {
    const branches = [sequence()];
    while (source[i] === "|") {
      i++;
      branches.push(sequence());
    }
    return branches;
  }
  const tree = alternation();
  if (i < source.length) throw new Error(`unbalanced ${source}`);
  return tree;
}

export function sample(tree, next) {
  const captured = new Map();
  const pick = (list) => list[Math.floor(next() * list.length)];
  const walk = (item) => {
    if (item.node) {
      const times = item.min + Math.floor(next() * (Math.min(item.max, item.min + 4) - item.min + 1));
      let text = "";
      for (let k = 0; k < times; k++) text += walk(item.node);
      return text;
    }
    if (item.empty) return "";
    if (item.backref) return captured.get(item.backref) ?? "";
    if (item.group) {
      const text = pick(item.group).map(walk).join("");
      if (item.number) captured.set(item.number, text);
      return text;
    }
    return item.set.length > 0 ? pick(item.set) : "";
  };
  return pick(tree).map(walk).join("");
}
