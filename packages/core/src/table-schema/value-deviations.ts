/**
 * Reference cases (shared/reference/cases/<id>) where conforme's values and types differ from
 * frictionless-py v5.19 on purpose, with the reason. docs/parity.md, "Valeurs et types", has the
 * French account. A parity test expects these cases to differ, and only in the way described.
 */
export const VALUE_DEVIATIONS: Readonly<Record<string, { expect: string; reason: string }>> = {
  "mut-51-quirk-integer-underscore-s-prenoms": {
    expect: "one type-error on the cell 1_000 (frictionless: valid)",
    reason: "Python int() accepts digit separators; 1_000 in a French file is a typing error, not a number.",
  },
  "mut-55-quirk-pattern-alternation-friches": {
    expect: "one pattern constraint-error on the URL followed by text (frictionless: valid)",
    reason: "patterns are anchored around the whole value, ^(?:pattern)$; frictionless anchors ^pattern$ so a top-level | leaves each branch half-anchored.",
  },
  "mut-56-quirk-pattern-trailing-newline-lieux-covoiturage": {
    expect: "one pattern constraint-error on the INSEE code followed by a newline (frictionless: valid)",
    reason: "$ matches at the very end only; Python's $ also matches before a final newline.",
  },
};
