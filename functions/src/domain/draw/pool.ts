import { done, refused, type Outcome } from "../outcome.js";
import { compareAscii, HEX32 } from "./bytes.js";
import { auditPath, entryLeaf, MerkleStream, rootFromPath } from "./merkle.js";
import type { Candidate } from "./types.js";

/**
 * The frozen pool, committed. Published in pages of a power-of-two size, in pid order: then
 * every full page is a perfect subtree of the pool's tree, the root of the page roots (taken as
 * RFC 6962 leaves-already-hashed) is the pool root, and one person can check their membership
 * from the manifest and their own page alone.
 */
export interface PoolCommitment {
  root: string;
  size: number;
  pageSize: number;
  /** Sorted by pid, bytewise. */
  entries: Candidate[];
  pageRoots: string[];
}

export interface MembershipProof {
  /** The person's own pool line: all of it is committed. */
  entry: Candidate;
  index: number;
  size: number;
  /** Sibling hashes from the leaf up (hex): first within the page, then among the page roots. */
  path: string[];
}

export const isPowerOfTwo = (n: number): boolean => Number.isSafeInteger(n) && n > 0 && (n & (n - 1)) === 0;

export const DEFAULT_PAGE_SIZE = 8192;

/** In memory: fine for a verifier's test or a small wave; production streams (docs/draw.md). */
export function commitPool(entries: Iterable<Candidate>, pageSize = DEFAULT_PAGE_SIZE): Outcome<PoolCommitment, "duplicate-pid" | "page-size-invalid"> {
  if (!isPowerOfTwo(pageSize)) return refused("page-size-invalid");
  const sorted = [...entries].sort((a, b) => compareAscii(a.pid, b.pid));
  for (let i = 1; i < sorted.length; i += 1) if (sorted[i - 1].pid === sorted[i].pid) return refused("duplicate-pid");
  const pageRoots: string[] = [];
  const top = new MerkleStream();
  for (let start = 0; start < sorted.length; start += pageSize) {
    const page = new MerkleStream();
    for (const entry of sorted.slice(start, start + pageSize)) page.push(entryLeaf(entry));
    const root = page.root();
    pageRoots.push(root);
    top.push(Buffer.from(root, "hex"));
  }
  return done({ root: top.root(), size: sorted.length, pageSize, entries: sorted, pageRoots });
}

/** The proof from a page alone: `page` holds the entries of page `pageIndex`, in pid order. */
export function pageMembershipProof(
  page: readonly Candidate[],
  pageIndex: number,
  pageSize: number,
  pageRoots: readonly string[],
  size: number,
  pid: string,
): MembershipProof | null {
  const at = page.findIndex((entry) => entry.pid === pid);
  if (at < 0) return null;
  const inPage = auditPath(page.map(entryLeaf), at);
  const amongPages = auditPath(
    pageRoots.map((root) => Buffer.from(root, "hex")),
    pageIndex,
  );
  return { entry: page[at], index: pageIndex * pageSize + at, size, path: [...inPage, ...amongPages].map((h) => h.toString("hex")) };
}

export function membershipProof(pool: PoolCommitment, pid: string): MembershipProof | null {
  let lo = 0;
  let hi = pool.entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareAscii(pool.entries[mid].pid, pid) < 0) lo = mid + 1;
    else hi = mid;
  }
  if (pool.entries[lo]?.pid !== pid) return null;
  const pageIndex = Math.floor(lo / pool.pageSize);
  const page = pool.entries.slice(pageIndex * pool.pageSize, (pageIndex + 1) * pool.pageSize);
  return pageMembershipProof(page, pageIndex, pool.pageSize, pool.pageRoots, pool.size, pid);
}

export function verifyMembership(pid: string, proof: MembershipProof, root: string): boolean {
  if (proof.entry.pid !== pid || !proof.path.every((h) => HEX32.test(h))) return false;
  let leaf: Buffer;
  try {
    leaf = entryLeaf(proof.entry);
  } catch {
    return false;
  }
  return (
    rootFromPath(
      leaf,
      proof.index,
      proof.size,
      proof.path.map((h) => Buffer.from(h, "hex")),
    ) === root
  );
}
