/**
 * The keys seen so far in a column or a key (unique, primaryKey, uniqueKeys, a foreign key to
 * the same table), kept as 64-bit hashes with the row number that last held each one, in an
 * open-addressing table over one Int32Array: three slots per entry (high half, low half, row).
 *
 * Why hashes: a Map<string, number> holds every key string (a cell, or a slice of the 1 MiB
 * chunk it was read from, which it keeps alive) plus ~40 bytes of Map entry; at a million rows
 * that was over 100 MB for a primary key and a unique column, and a lookup cost ~0.8 µs (cache
 * misses through the entry and the key string). Here an entry is 12 bytes, at most half the
 * table is full, and a lookup touches one cache line.
 *
 * The price is a false duplicate when two different keys share all 64 bits. For n distinct keys
 * the probability that any two collide is about n² / 2^65 (birthday bound): 3e-8 for a million
 * keys, 3e-4 for a hundred million. The two halves come from two different mixing functions
 * (a MurmurHash3 round and an xxHash32 round, per UTF-16 code unit, each ending with MurmurHash3's
 * finalizer), so that inputs colliding in one function do not collide in the other by
 * construction. Documented in docs/parity.md.
 */
export class KeyTable {
  // [hi, lo, row] per entry; row 0 marks an empty entry (data rows are numbered from 2).
  private slots: Int32Array;
  private mask: number;
  private count = 0;

  constructor(initialCapacity = 1024) {
    let capacity = 16;
    while (capacity < initialCapacity) capacity *= 2;
    this.slots = new Int32Array(capacity * 3);
    this.mask = capacity - 1;
  }

  /** Distinct keys stored. */
  get size(): number {
    return this.count;
  }

  /**
   * Records that `rowNumber` (>= 1) holds `key`. Returns the row that held it before (the last
   * one), or 0 when the key is new.
   */
  swap(key: string, rowNumber: number): number {
    hash(key);
    return this.put(hi, lo, rowNumber);
  }

  /** Whether a key with this hash was recorded. */
  has(key: string): boolean {
    hash(key);
    const slots = this.slots;
    const mask = this.mask;
    for (let i = lo & mask; ; i = (i + 1) & mask) {
      const at = i * 3;
      if (slots[at + 2] === 0) return false;
      if (slots[at] === hi && slots[at + 1] === lo) return true;
    }
  }

  /** Records `key` without a row (foreign keys to the same table). */
  add(key: string): void {
    hash(key);
    this.put(hi, lo, 1);
  }

  private put(h: number, l: number, rowNumber: number): number {
    let slots = this.slots;
    let mask = this.mask;
    for (let i = l & mask; ; i = (i + 1) & mask) {
      const at = i * 3;
      const row = slots[at + 2]!;
      if (row === 0) {
        slots[at] = h;
        slots[at + 1] = l;
        slots[at + 2] = rowNumber;
        if (++this.count * 2 > mask + 1) this.grow();
        return 0;
      }
      if (slots[at] === h && slots[at + 1] === l) {
        slots[at + 2] = rowNumber;
        return row;
      }
    }
  }

  // Doubles the table; entries are re-placed from their stored hashes.
  private grow(): void {
    const old = this.slots;
    const capacity = (this.mask + 1) * 2;
    const slots = new Int32Array(capacity * 3);
    const mask = capacity - 1;
    for (let at = 0; at < old.length; at += 3) {
      const row = old[at + 2]!;
      if (row === 0) continue;
      const l = old[at + 1]!;
      let i = l & mask;
      while (slots[i * 3 + 2] !== 0) i = (i + 1) & mask;
      slots[i * 3] = old[at]!;
      slots[i * 3 + 1] = l;
      slots[i * 3 + 2] = row;
    }
    this.slots = slots;
    this.mask = mask;
  }
}

// Output of hash(): module state rather than an allocated pair, on the per-row path.
let hi = 0;
let lo = 0;

/** 64-bit hash of `key` as two 32-bit halves; exported for tests. */
export function hashKey(key: string): [number, number] {
  hash(key);
  return [hi, lo];
}

function hash(key: string): void {
  let a = 0x2545f491;
  let b = 0x165667b1;
  const n = key.length;
  for (let i = 0; i < n; i++) {
    const c = key.charCodeAt(i);
    // MurmurHash3 (x86_32) body round on the code unit.
    let k = Math.imul(c, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    a ^= Math.imul(k, 0x1b873593);
    a = (a << 13) | (a >>> 19);
    a = (Math.imul(a, 5) + 0xe6546b64) | 0;
    // xxHash32 round on the code unit.
    b = (b + Math.imul(c, 0x85ebca77)) | 0;
    b = (b << 13) | (b >>> 19);
    b = Math.imul(b, 0x9e3779b1);
  }
  hi = fmix(a ^ n);
  lo = fmix(b ^ n);
}

// MurmurHash3's 32-bit finalizer: every input bit affects every output bit.
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
