import { compareOrder } from "./order.js";
import type { Ranked } from "./types.js";

/**
 * The best `capacity` candidates seen so far, in the draw's order. A max-heap: the worst kept
 * candidate sits at the root, so a newcomer is compared once and, past the first few hundred
 * thousand, almost always turned away. The kept set is the top `capacity` of everything offered,
 * whatever the order of the offers: that is what makes the draw independent of read order.
 */
export class TopHeap {
  private readonly items: Ranked[] = [];
  /** First 48 bits of the worst rank, for turning most newcomers away without a hex string. */
  private worstPrefix = 0;

  constructor(readonly capacity: number) {}

  get size(): number {
    return this.items.length;
  }

  /**
   * -1: certainly not kept; 1: certainly kept; 0: compare in full. `prefix` is the first 6 bytes
   * of the newcomer's rank as a number.
   */
  admits(priority: boolean, prefix: number): -1 | 0 | 1 {
    if (this.capacity === 0) return -1;
    if (this.items.length < this.capacity) return 1;
    const worst = this.items[0]!;
    const worstPriority = worst.priority === true;
    if (priority !== worstPriority) return priority ? 1 : -1;
    return prefix > this.worstPrefix ? -1 : prefix < this.worstPrefix ? 1 : 0;
  }

  offer(entry: Ranked): void {
    if (this.capacity === 0) return;
    if (this.items.length < this.capacity) {
      this.items.push(entry);
      this.up(this.items.length - 1);
    } else if (compareOrder(entry, this.items[0]!) < 0) {
      this.items[0] = entry;
      this.down(0);
    } else {
      return;
    }
    this.worstPrefix = parseInt(this.items[0]!.rank.slice(0, 12), 16);
  }

  /** Best first. */
  sorted(): Ranked[] {
    return [...this.items].sort((a, b) => compareOrder(a, b));
  }

  private worse(i: number, j: number): boolean {
    return compareOrder(this.items[i]!, this.items[j]!) > 0;
  }

  private swap(i: number, j: number): void {
    const t = this.items[i]!;
    this.items[i] = this.items[j]!;
    this.items[j] = t;
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
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < this.items.length && this.worse(l, worst)) worst = l;
      if (r < this.items.length && this.worse(r, worst)) worst = r;
      if (worst === i) return;
      this.swap(i, worst);
      i = worst;
    }
  }
}
