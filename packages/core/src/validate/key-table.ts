/**
 * The keys seen so far in a column or a key (unique, primaryKey, uniqueKeys, a foreign key to
 * the same table), kept as 64-bit hashes with the row number that last held each one, in
 * open-addressing segments of an Int32Array each: three slots per entry (high half, low half,
 * row).
 *
 * Why hashes: a Map<string, number> holds every key string (a cell, or a slice of the 1 MiB
 * chunk it was read from, which it keeps alive) plus ~40 bytes of Map entry; at a million rows
 * that was over 100 MB for a primary key and a unique column, and a lookup cost ~0.8 µs (cache
 * misses through the entry and the key string). Here an entry is 12 bytes, segments are filled
 * to 70 % at most (about half on average), and a lookup touches one or two cache lines.
 *
 * The price is a false duplicate when two different keys share all 64 bits. For n distinct keys
 * the probability that any two collide is about n² / 2^65 (birthday bound): 3e-8 for a million
 * keys, 3e-4 for a hundred million. The two halves come from two different mixing functions
 * (a MurmurHash3 round and an xxHash32 round, per UTF-16 code unit, each ending with MurmurHash3's
 * finalizer), so that inputs colliding in one function do not collide in the other by
 * construction. Documented in docs/parity.md.
 */
export class KeyTable {
  // Extendible hashing (Fagin et al., 1979): a directory indexed by the top `depth` bits of the
  // high half points to segments of SEGMENT_SLOTS entries, each an open-addressing table indexed
  // by the low half. A segment past MAX_LOAD splits in two, its entries re-placed through one
  // scratch segment shared by all tables. Growing therefore never copies the whole table nor
  // leaves a discarded one behind: doubling one big typed array left the previous one (half
  // the size) as garbage, and 30 MB of those waited for a full collection at a million rows.
  private directory: Int32Array[];
  private depths: number[];
  private depth = 0;
  private count = 0;

  constructor() {
    this.directory = [new Int32Array(COUNT_AT + 1)];
    this.depths = [0];
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

  /**
   * `swap` for a key that is one safe integer (integer, date and year values): stored exactly,
   * without a string nor a hash, so that two integers never collide. The 64 bits of the integer
   * are mixed by a bijection (fmix is invertible), which spreads sequential ids over the
   * segments as the hash does.
   */
  swapInteger(value: number, rowNumber: number): number {
    const low = value >>> 0;
    const high = Math.floor(value / 4294967296) | 0;
    // (fmix(low), high ^ fmix(low ^ c)) determines (high, low): no false duplicate.
    return this.put(fmix(low), high ^ fmix(low ^ 0x9e3779b9), rowNumber);
  }

  /** Whether a key with this hash was recorded. */
  has(key: string): boolean {
    hash(key);
    const segment = this.directory[this.depth === 0 ? 0 : hi >>> (32 - this.depth)]!;
    for (let i = lo & SEGMENT_MASK; ; i = (i + 1) & SEGMENT_MASK) {
      const at = i * 3;
      if (segment[at + 2] === 0) return false;
      if (segment[at] === hi && segment[at + 1] === lo) return true;
    }
  }

  /** Records `key` without a row (foreign keys to the same table). */
  add(key: string): void {
    hash(key);
    this.put(hi, lo, 1);
  }

  private put(h: number, l: number, rowNumber: number): number {
    const slot = this.depth === 0 ? 0 : h >>> (32 - this.depth);
    const segment = this.directory[slot]!;
    for (let i = l & SEGMENT_MASK; ; i = (i + 1) & SEGMENT_MASK) {
      const at = i * 3;
      const row = segment[at + 2]!;
      if (row === 0) {
        segment[at] = h;
        segment[at + 1] = l;
        segment[at + 2] = rowNumber;
        this.count++;
        if (++segment[COUNT_AT]! > MAX_LOAD) this.split(slot);
        return 0;
      }
      if (segment[at] === h && segment[at + 1] === l) {
        segment[at + 2] = rowNumber;
        return row;
      }
    }
  }

  // Splits the segment the directory slot points to on the next bit of the high half.
  private split(slot: number): void {
    const old = this.directory[slot]!;
    const local = this.depths[slot]!;
    // 32 bits used: the entries share their whole high half; let the segment fill (never seen
    // short of billions of keys).
    if (local === 32) {
      if (old[COUNT_AT]! >= SEGMENT_SLOTS - 2) throw new RangeError("KeyTable: too many keys share a hash");
      return;
    }
    if (local === this.depth) {
      // Double the directory: each slot becomes two pointing to the same segment.
      const directory: Int32Array[] = [];
      const depths: number[] = [];
      for (let k = 0; k < this.directory.length; k++) {
        directory.push(this.directory[k]!, this.directory[k]!);
        depths.push(this.depths[k]!, this.depths[k]!);
      }
      this.directory = directory;
      this.depths = depths;
      this.depth++;
      slot *= 2;
    }
    const high = new Int32Array(COUNT_AT + 1);
    scratch.set(old);
    old.fill(0);
    const bit = 31 - local;
    for (let at = 0; at < COUNT_AT; at += 3) {
      const row = scratch[at + 2]!;
      if (row === 0) continue;
      const h = scratch[at]!;
      const l = scratch[at + 1]!;
      const target = (h >>> bit) & 1 ? high : old;
      let i = l & SEGMENT_MASK;
      while (target[i * 3 + 2] !== 0) i = (i + 1) & SEGMENT_MASK;
      target[i * 3] = h;
      target[i * 3 + 1] = l;
      target[i * 3 + 2] = row;
      target[COUNT_AT]!++;
    }
    // Directory slots sharing the segment: the first half keeps it, the second gets `high`.
    const span = 1 << (this.depth - local);
    const first = slot & ~(span - 1);
    for (let k = first; k < first + span; k++) {
      this.depths[k] = local + 1;
      if (k >= first + span / 2) this.directory[k] = high;
    }
    // Every entry on one side (improbable): split that side again.
    if (old[COUNT_AT]! > MAX_LOAD) this.split(first);
    else if (high[COUNT_AT]! > MAX_LOAD) this.split(first + span / 2);
  }
}

// 4096 entries of 12 bytes (48 KiB) per segment, then the segment's entry count.
const SEGMENT_SLOTS = 4096;
const SEGMENT_MASK = SEGMENT_SLOTS - 1;
const COUNT_AT = SEGMENT_SLOTS * 3;
const MAX_LOAD = Math.floor(SEGMENT_SLOTS * 0.7);
const scratch = new Int32Array(COUNT_AT + 1);

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
