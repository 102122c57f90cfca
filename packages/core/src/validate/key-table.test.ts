import { describe, expect, it } from "vitest";
import { hashKey, KeyTable } from "./key-table.js";

describe("KeyTable", () => {
  it.each([
    {
      name: "new keys return 0",
      ops: [
        ["a", 2],
        ["b", 3],
        ["c", 4],
      ] as const,
      previous: [0, 0, 0],
    },
    {
      name: "a repeated key returns the row that last held it",
      ops: [
        ["a", 2],
        ["a", 3],
        ["a", 7],
      ] as const,
      previous: [0, 2, 3],
    },
    {
      name: "empty string is a key",
      ops: [
        ["", 2],
        ["", 5],
      ] as const,
      previous: [0, 2],
    },
    {
      name: "composite keys with separators",
      ops: [
        ["1\u00002", 2],
        ["12\u0000", 3],
        ["1\u00002", 4],
      ] as const,
      previous: [0, 0, 2],
    },
    {
      name: "case and accents matter",
      ops: [
        ["é", 2],
        ["e\u0301", 3],
        ["É", 4],
        ["é", 5],
      ] as const,
      previous: [0, 0, 0, 2],
    },
  ])("$name", ({ ops, previous }) => {
    const table = new KeyTable();
    expect(ops.map(([key, row]) => table.swap(key, row))).toEqual(previous);
  });

  it("keeps every entry across segment splits, without false duplicates", () => {
    const table = new KeyTable();
    const n = 300_000;
    let duplicates = 0;
    for (let i = 0; i < n; i++) if (table.swap(`AB-${i}`, i + 2) !== 0) duplicates++;
    expect(duplicates).toBe(0);
    expect(table.size).toBe(n);
    let found = 0;
    for (let i = 0; i < n; i += 997) if (table.swap(`AB-${i}`, n + 10) === i + 2) found++;
    expect(found).toBe(Math.ceil(n / 997));
    expect(table.has("AB-5")).toBe(true);
    expect(table.has("AB-300000")).toBe(false);
  });

  it("has and add, for keys without rows", () => {
    const table = new KeyTable();
    table.add("x");
    table.add("x");
    expect(table.size).toBe(1);
    expect([table.has("x"), table.has("y")]).toEqual([true, false]);
  });
});

describe("swapInteger", () => {
  it("stores integers exactly: distinct values never meet, equal values do", () => {
    const table = new KeyTable();
    const values = [0, -1, 1, 2 ** 31 - 1, -(2 ** 31), 2 ** 32, 2 ** 32 + 1, -(2 ** 32), Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 20240105, 20240106];
    values.forEach((value, index) => expect(table.swapInteger(value, index + 2)).toBe(0));
    values.forEach((value, index) => expect(table.swapInteger(value, 100 + index)).toBe(index + 2));
    expect(table.size).toBe(values.length);
  });

  it("keeps two hundred thousand sequential ids apart and finds the duplicate", () => {
    const table = new KeyTable();
    for (let id = 1; id <= 200_000; id++) expect(table.swapInteger(id, id + 1)).toBe(0);
    expect(table.swapInteger(123_456, 999_999)).toBe(123_457);
  });
});

describe("hashKey", () => {
  it("gives distinct 64-bit hashes to near-identical keys", () => {
    const keys = ["", "\u0000", "\u0000\u0000", "a", "a\u0000", "ab", "ba", "aa", "1", "01", "1.0", "10", "\uffff", "\ud83d\ude00"];
    const hashes = new Set(keys.map((key) => hashKey(key).join(":")));
    expect(hashes.size).toBe(keys.length);
  });

  it("gives a million sequential ids distinct hashes, each half spread over the buckets", () => {
    const seen = new Set<string>();
    const buckets = new Uint32Array(1024);
    for (let i = 1; i <= 1_000_000; i++) {
      const [h, l] = hashKey(String(i));
      seen.add(`${h}:${l}`);
      buckets[l & 1023]!++;
    }
    expect(seen.size).toBe(1_000_000);
    // ~977 per bucket; a badly mixed low half would leave buckets empty or crowded.
    expect(Math.min(...buckets)).toBeGreaterThan(800);
    expect(Math.max(...buckets)).toBeLessThan(1150);
  });
});
