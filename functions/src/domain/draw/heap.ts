import { compareAscii } from "./bytes.js";
import type { KeyedRank } from "./keyed.js";
import type { Candidate, Ranked } from "./types.js";

/**
 * A number that orders like the draw's order on its first criterion: the first 48 bits of the
 * rank (`prefix`, the first 6 bytes read big-endian), exact in a double. Equal keys (a 48-bit
 * tie) fall back to the full comparison.
 */
export const heapKey = (prefix: number): number => prefix;

const keyOf = (entry: Ranked): number => heapKey(parseInt(entry.rank.slice(0, 12), 16));

const RANK_BYTES = 32;

/**
 * The best `capacity` candidates seen so far, in the draw's order. A max-heap: the worst kept
 * candidate sits at the root, so a newcomer is compared once and, past the first few hundred
 * thousand, almost always turned away. The kept set is the top `capacity` of everything offered,
 * whatever the order of the offers: that is what makes the draw independent of read order.
 *
 * Layout (profiled at 10M IDs): the heap orders positions; each position points to a slot, and
 * a slot holds a candidate's fields and its rank's 32 bytes in preallocated blocks. Sifting
 * compares numeric keys in a typed array and moves two numbers, never strings; a newcomer takes
 * the evicted root's slot. A kept candidate is copied into its slot, never referenced: its pid and
 * family key (43-character keyed IDs) as their 32 bytes, the rest as numbers. The millions of
 * candidates admitted for a while and then evicted thus leave no object behind to be promoted and
 * collected later (they made the scan's peak heap four times its live set). Objects and the rank's
 * 64 hex digits are made only for the candidates kept at the end (sorted).
 */
export class TopHeap {
  /** By position: the key (heapKey) and the slot. */
  private readonly keys: Float64Array;
  private readonly slots: Int32Array;
  /** By slot: the candidate's fields (see TokenSlots) and its rank bytes (at slot × 32). */
  private readonly pids: TokenSlots;
  private readonly families: TokenSlots;
  private readonly strata: Array<string | undefined>;
  private readonly recipients: Float64Array;
  private readonly priorities: Uint8Array;
  private readonly ranks: Uint8Array;
  /** One string per stratum code, whatever string each candidate brought. */
  private readonly codes = new Map<string, string>();
  /** The newcomer's rank bytes, compared with the root's on a 48-bit tie. */
  private readonly incoming = new Uint8Array(RANK_BYTES);
  private count = 0;

  constructor(readonly capacity: number) {
    this.keys = new Float64Array(capacity);
    this.slots = new Int32Array(capacity);
    this.pids = new TokenSlots(capacity);
    this.families = new TokenSlots(capacity);
    this.strata = new Array<string | undefined>(capacity).fill(undefined);
    this.recipients = new Float64Array(capacity);
    this.priorities = new Uint8Array(capacity);
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
   * each candidate to the pool's heap and to its stratum's), by pid: one object, not two.
   */
  sorted(made = new Map<string, Ranked>()): Ranked[] {
    const positions = Array.from({ length: this.count }, (_, i) => i);
    positions.sort((i, j) => this.keys[i] - this.keys[j] || this.compareSlots(this.slots[i], this.slots[j]));
    return positions.map((position) => {
      const slot = this.slots[position];
      const pid = this.pids.get(slot);
      const known = made.get(pid);
      if (known) return known;
      const rank = Buffer.from(this.ranks.buffer, this.ranks.byteOffset + slot * RANK_BYTES, RANK_BYTES).toString("hex");
      const ranked: Ranked = {
        pid,
        stratum: this.strata[slot],
        family: this.families.get(slot),
        familyRecipientsBefore: this.recipients[slot],
        priority: this.priorities[slot] === 1 ? true : this.priorities[slot] === 0 ? false : undefined,
        rank,
      };
      made.set(pid, ranked);
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
    this.pids.set(slot, entry.pid);
    this.families.set(slot, entry.family);
    this.strata[slot] = entry.stratum === undefined ? undefined : this.code(entry.stratum);
    this.recipients[slot] = entry.familyRecipientsBefore;
    // 1 true, 0 false, 2 absent: the flag is given back as it came.
    this.priorities[slot] = entry.priority === true ? 1 : entry.priority === false ? 0 : 2;
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
    return compareAscii(this.pids.get(a), this.pids.get(b));
  }

  private compareIncoming(entry: Candidate, slot: number): number {
    for (let i = 0; i < RANK_BYTES; i += 1) {
      const difference = this.incoming[i] - this.ranks[slot * RANK_BYTES + i];
      if (difference !== 0) return difference;
    }
    return compareAscii(entry.pid, this.pids.get(slot));
  }

  private code(stratum: string): string {
    const known = this.codes.get(stratum);
    if (known !== undefined) return known;
    this.codes.set(stratum, stratum);
    return stratum;
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

/**
 * Keyed IDs (pids, family keys) by slot: a canonical 43-character base64url token is kept as its
 * 32 bytes in one preallocated block (written in place, nothing allocated), and given back as the
 * same text; a token of another shape (the test vectors' short IDs) is kept as it is.
 */
class TokenSlots {
  private readonly bytes: Buffer;
  private readonly text: Array<string | undefined>;

  constructor(capacity: number) {
    this.bytes = Buffer.alloc(capacity * TOKEN_BYTES);
    this.text = new Array<string | undefined>(capacity).fill(undefined);
  }

  /**
   * Packs a canonical token without a regular expression (it was a sixth of the scan's own cost
   * at 10 M IDs): 43 characters whose last is canonical (CANONICAL_LAST), no `+` or `/` (which
   * Node's decoder also takes), and 32 bytes decoded, which only 43 characters of the alphabet
   * give (Node skips any other character, and stops at `=`: fewer bytes). Anything else is kept as
   * text; the bytes a failed decode left in the slot are never read.
   */
  set(slot: number, token: string): void {
    const packable =
      token.length === 43 &&
      CANONICAL_LAST[token.charCodeAt(42)] === 1 &&
      token.indexOf("+") < 0 &&
      token.indexOf("/") < 0 &&
      this.bytes.write(token, slot * TOKEN_BYTES, TOKEN_BYTES, "base64url") === TOKEN_BYTES;
    this.text[slot] = packable ? undefined : token;
  }

  get(slot: number): string {
    return this.text[slot] ?? this.bytes.toString("base64url", slot * TOKEN_BYTES, (slot + 1) * TOKEN_BYTES);
  }
}

const TOKEN_BYTES = 32;
/**
 * 32 bytes in unpadded base64url, canonically: the last of its 43 characters carries 4 bits, its
 * 2 low bits zero (A, E, I … 8). Only such a token decodes to bytes that encode back to itself.
 */
const CANONICAL_LAST = new Uint8Array(128);
for (const c of "AEIMQUYcgkosw048") CANONICAL_LAST[c.charCodeAt(0)] = 1;
