import { sha256, STRATUM_CODE, TOKEN } from "./bytes.js";
import type { Candidate } from "./types.js";

/**
 * The pool commitment: a Merkle tree over the pool lines sorted by pid, with exactly the shape
 * and hashing of RFC 6962 §2.1 (Certificate Transparency): leaf = SHA-256(0x00 ‖ line),
 * node = SHA-256(0x01 ‖ left ‖ right), and a level with an odd count lifts its last node
 * unchanged to the next level (the same tree as RFC 6962's "largest power of two" split).
 * Following a published standard lets auditors reuse existing libraries and test vectors; the
 * 0x00/0x01 prefixes stop a leaf from passing for an inner node (second-preimage attacks).
 *
 * The leaf is the whole line, not the pid alone: family key, prior recipients, stratum and
 * priority decide who wins, so they must be frozen before the randomness exists as well.
 */

const LEAF = Uint8Array.of(0);
const NODE = Uint8Array.of(1);

/** RFC 6962: the hash of an empty tree is the hash of the empty string. */
export const EMPTY_ROOT = sha256().toString("hex");

/** `pid,stratum,family,familyRecipientsBefore,priority` — no field can contain a comma. */
export function entryLine(entry: Candidate): string {
  const stratum = entry.stratum ?? "";
  const malformed =
    !TOKEN.test(entry.pid) ||
    !TOKEN.test(entry.family) ||
    (stratum !== "" && !STRATUM_CODE.test(stratum)) ||
    !Number.isSafeInteger(entry.familyRecipientsBefore) ||
    entry.familyRecipientsBefore < 0;
  if (malformed) throw new RangeError("entryLine: malformed pool entry");
  return `${entry.pid},${stratum},${entry.family},${entry.familyRecipientsBefore},${entry.priority === true ? 1 : 0}`;
}

export const leafHash = (data: Uint8Array): Buffer => sha256(LEAF, data);
export const entryLeaf = (entry: Candidate): Buffer => leafHash(Buffer.from(entryLine(entry), "utf8"));
export const nodeHash = (left: Uint8Array, right: Uint8Array): Buffer => sha256(NODE, left, right);

/** A perfect subtree over leaves [start, start + 2^height). */
export interface MerkleBlock {
  start: number;
  height: number;
  hash: Buffer;
}

/**
 * Builds the root from leaves arriving in order, keeping O(log n) hashes: the stack holds
 * perfect subtrees, merged like carries in binary addition. Started at `offset`, it builds one
 * partition's `frontier()`; pushing the frontiers of consecutive partitions, in order, into a
 * stream started at 0 gives the root of the whole pool (partitions built in parallel).
 */
export class MerkleStream {
  private readonly stack: MerkleBlock[] = [];
  private next: number;

  constructor(private readonly offset = 0) {
    this.next = offset;
  }

  get size(): number {
    return this.next - this.offset;
  }

  push(leaf: Buffer): void {
    this.pushBlock({ start: this.next, height: 0, hash: leaf });
  }

  pushBlock(block: MerkleBlock): void {
    if (block.start !== this.next) throw new RangeError("MerkleStream: blocks must be contiguous and in order");
    this.stack.push(block);
    this.next = block.start + 2 ** block.height;
    for (;;) {
      const right = this.stack[this.stack.length - 1];
      const left = this.stack[this.stack.length - 2];
      // Equal heights are siblings only when the left one starts on a boundary of the pair.
      if (!left || left.height !== right.height || left.start % 2 ** (left.height + 1) !== 0) return;
      this.stack.splice(-2, 2, { start: left.start, height: left.height + 1, hash: nodeHash(left.hash, right.hash) });
    }
  }

  frontier(): MerkleBlock[] {
    return [...this.stack];
  }

  /** Folds the right spine: each lone last node is lifted until it meets its left sibling. */
  root(): string {
    if (this.offset !== 0) throw new RangeError("MerkleStream: only a stream started at 0 has a root");
    if (this.stack.length === 0) return EMPTY_ROOT;
    let hash = this.stack[this.stack.length - 1].hash;
    for (let i = this.stack.length - 2; i >= 0; i -= 1) hash = nodeHash(this.stack[i].hash, hash);
    return hash.toString("hex");
  }
}

export function rootOf(leaves: Iterable<Buffer>): string {
  const stream = new MerkleStream();
  for (const leaf of leaves) stream.push(leaf);
  return stream.root();
}

/** RFC 6962 PATH(m, D[n]): the siblings from the leaf up, skipping levels where it is lifted. */
export function auditPath(nodes: readonly Buffer[], index: number): Buffer[] {
  if (!Number.isInteger(index) || index < 0 || index >= nodes.length) throw new RangeError("auditPath: index out of range");
  const path: Buffer[] = [];
  let level = nodes;
  let i = index;
  while (level.length > 1) {
    const sibling = i % 2 === 0 ? i + 1 : i - 1;
    if (sibling < level.length) path.push(level[sibling]);
    const up: Buffer[] = [];
    for (let j = 0; j < level.length; j += 2) up.push(j + 1 < level.length ? nodeHash(level[j], level[j + 1]) : level[j]);
    level = up;
    i = Math.floor(i / 2);
  }
  return path;
}

/** RFC 9162 §2.1.3.2: recomputes the root from a leaf, its index, the tree size and its path. */
export function rootFromPath(leaf: Buffer, index: number, size: number, path: readonly Buffer[]): string | null {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) return null;
  let fn = index;
  let sn = size - 1;
  let hash = leaf;
  for (const sibling of path) {
    if (sn === 0) return null;
    if (fn % 2 === 1 || fn === sn) {
      hash = nodeHash(sibling, hash);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      hash = nodeHash(hash, sibling);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? hash.toString("hex") : null;
}
