import { compareAscii } from "./bytes.js";
import type { KeyedRank } from "./keyed.js";
import type { Candidate, Ranked } from "./types.js";

/** Priority entries get keys below every other: the numeric key then follows the draw's order. */
const NOT_PRIORITY = 2 ** 48;

/**
 * A number that orders like the draw's order on its first two criteria: priority, then the first
 * 48 bits of the rank (`prefix`, the first 6 bytes read big-endian). Below 2^49, so exact.
 * Equal keys (a 48-bit tie) fall back to the full comparison.
 */
export const heapKey = (priority: boolean, prefix: number): number => (priority ? 0 : NOT_PRIORITY) + prefix;

const keyOf = (entry: Ranked): number => heapKey(entry.priority === true, parseInt(entry.rank.slice(0, 12), 16));

const RANK_BYTES = 32;

/**
 * The best `capacity` candidates seen so far, in the draw's order. A max-heap: the worst kept
 * candidate sits at the root, so a newcomer is compared once and, past the first few hundred
 * thousand, almost always turned away. The kept set is the top `capacity` of everything offered,
 * whatever the order of the offers: that is what makes the draw independent of read order.
 *
 * Layout (profiled at 10M IDs): the heap orders positions; each position points to a slot, and
 * a slot holds a candidate and its rank's 32 bytes in one preallocated block. Sifting compares
 * numeric keys in a typed array and moves two numbers, never strings; a newcomer takes the
 * evicted root's slot; the rank's 64 hex digits are written only for the candidates kept at the
 * end (sorted), not for the millions that pass through.
 */
export class TopHeap {
  /** By position: the key (heapKey) and the slot. */
  private readonly keys: Float64Array;
  private readonly slots: Int32Array;
  /** By slot: the candidate and its rank bytes (at slot × 32). */
  private readonly entries: Candidate[] = [];
  private readonly ranks: Uint8Array;
  /** The newcomer's rank bytes, compared with the root's on a 48-bit tie. */
  private readonly incoming = new Uint8Array(RANK_BYTES);
  private count = 0;

  constructor(readonly capacity: number) {
    this.keys = new Float64Array(capacity);
    this.slots = new Int32Array(capacity);
    this.ranks = new Uint8Array(capacity * RANK_BYTES);
  }

  get size(): number {
    return this.count;
  }

  /** -1: certainly not kept; 1: certainly kept; 0: compare in full (see heapKey). */
  admits(key: number): -1 | 0 | 1 {
    if (this.capacity === 0) return -1;
    if (this.count < this.capacity) return 1;
    const worst = this.keys[0];
    return key > worst ? -1 : key < worst ? 1 : 0;
  }

  /** Offers a ranked entry (e.g. a partition's kept candidate, see mergePartitions). */
  offer(entry: Ranked, key = keyOf(entry)): void {
    if (this.capacity === 0) return;
    this.incoming.set(Buffer.from(entry.rank, "hex"));
    this.take(entry, key);
  }

  /** Offers `candidate` with the rank `rank` holds now (the scan: no hex, no copy of the rank). */
  offerRanked(candidate: Candidate, key: number, rank: Pick<KeyedRank, "copyTo">): void {
    if (this.capacity === 0) return;
    rank.copyTo(this.incoming, 0);
    this.take(candidate, key);
  }

  /**
   * Best first. `made` shares one Ranked object per kept candidate between heaps (the scan offers
   * the same candidate object to the pool's heap and to its stratum's): one rank string, not two.
   */
  sorted(made = new Map<Candidate, Ranked>()): Ranked[] {
    const positions = Array.from({ length: this.count }, (_, i) => i);
    positions.sort((i, j) => this.keys[i] - this.keys[j] || this.compareSlots(this.slots[i], this.slots[j]));
    return positions.map((position) => {
      const slot = this.slots[position];
      const entry = this.entries[slot];
      const known = made.get(entry);
      if (known) return known;
      const { pid, stratum, family, familyRecipientsBefore, priority } = entry;
      const rank = Buffer.from(this.ranks.buffer, this.ranks.byteOffset + slot * RANK_BYTES, RANK_BYTES).toString("hex");
      const ranked = { pid, stratum, family, familyRecipientsBefore, priority, rank };
      made.set(entry, ranked);
      return ranked;
    });
  }

  /** The newcomer's rank bytes are in `incoming`. */
  private take(entry: Candidate, key: number): void {
    let slot: number;
    let position: number;
    if (this.count < this.capacity) {
      slot = position = this.count;
      this.count += 1;
    } else {
      const worst = this.keys[0];
      if (key > worst || (key === worst && this.compareIncoming(entry, this.slots[0]) >= 0)) return;
      slot = this.slots[0]!;
      position = 0;
    }
    this.entries[slot] = entry;
    this.ranks.set(this.incoming, slot * RANK_BYTES);
    this.keys[position] = key;
    this.slots[position] = slot;
    if (position === 0 && this.count === this.capacity) this.down(0);
    else this.up(position);
  }

  /** The full order between two kept entries of equal keys: rank bytes, then pid. */
  private compareSlots(a: number, b: number): number {
    const ranks = this.ranks;
    for (let i = 0; i < RANK_BYTES; i += 1) {
      const difference = ranks[a * RANK_BYTES + i] - ranks[b * RANK_BYTES + i];
      if (difference !== 0) return difference;
    }
    return compareAscii(this.entries[a].pid, this.entries[b].pid);
  }

  private compareIncoming(entry: Candidate, slot: number): number {
    for (let i = 0; i < RANK_BYTES; i += 1) {
      const difference = this.incoming[i] - this.ranks[slot * RANK_BYTES + i];
      if (difference !== 0) return difference;
    }
    return compareAscii(entry.pid, this.entries[slot].pid);
  }

  private worse(i: number, j: number): boolean {
    const difference = this.keys[i] - this.keys[j];
    return difference !== 0 ? difference > 0 : this.compareSlots(this.slots[i], this.slots[j]) > 0;
  }

  private swap(i: number, j: number): void {
    const key = this.keys[i];
    this.keys[i] = this.keys[j]!;
    this.keys[j] = key;
    const slot = this.slots[i];
    this.slots[i] = this.slots[j]!;
    this.slots[j] = slot;
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.worse(i, parent)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number): void {
    const n = this.count;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < n && this.worse(l, worst)) worst = l;
      if (r < n && this.worse(r, worst)) worst = r;
      if (worst === i) return;
      this.swap(i, worst);
      i = worst;
    }
  }
}
