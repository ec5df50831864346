import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  auditPath,
  commitPool,
  EMPTY_ROOT,
  entryLeaf,
  entryLine,
  leafHash,
  MerkleStream,
  membershipProof,
  pageMembershipProof,
  rootOf,
  verifyMembership,
  type Candidate,
} from "../../functions/src/domain/draw/index.js";

/** RFC 6962 reference leaves and tree heads (certificate-transparency's merkle tree tests). */
const CT_LEAVES = ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"].map((h) =>
  leafHash(Buffer.from(h, "hex")),
);
const CT_ROOTS = [
  "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
  "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
  "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
  "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
  "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
  "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
  "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
  "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
  "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
];

const entry = fc.record({
  pid: fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/),
  stratum: fc.option(fc.constantFrom("11", "31", "94"), { nil: undefined }),
  family: fc.stringMatching(/^[A-Za-z0-9_-]{1,6}$/),
  familyRecipientsBefore: fc.nat(3),
  priority: fc.option(fc.constant(true as const), { nil: undefined }),
});
const pool = fc.uniqueArray(entry, { selector: (e) => e.pid, maxLength: 70 });
const pageSize = fc.constantFrom(1, 2, 4, 8, 16, 8192);

describe("the pool's Merkle tree", () => {
  it("when built from RFC 6962's reference leaves, then every tree head is RFC 6962's", () => {
    for (let n = 0; n <= 8; n += 1) expect(rootOf(CT_LEAVES.slice(0, n))).toBe(CT_ROOTS[n]);
    expect(EMPTY_ROOT).toBe(CT_ROOTS[0]);
    expect(auditPath(CT_LEAVES, 0).map((h) => h.toString("hex"))).toEqual([
      "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
    ]);
  });

  it("when a pool entry is encoded, then it is one comma-separated line, and a malformed one is refused", () => {
    expect(entryLine({ pid: "Ab-_9", stratum: "31", family: "Kf", familyRecipientsBefore: 1, priority: true })).toBe("Ab-_9,31,Kf,1,1");
    expect(entryLine({ pid: "Ab", family: "Kf", familyRecipientsBefore: 0 })).toBe("Ab,,Kf,0,0");
    expect(() => entryLine({ pid: "a,b", family: "Kf", familyRecipientsBefore: 0 })).toThrow(RangeError);
    expect(() => entryLine({ pid: "ab", family: "Kf", familyRecipientsBefore: -1 })).toThrow(RangeError);
  });

  it("whatever order the pool comes in and however it is paged, then the root is that of all leaves in pid order", () => {
    fc.assert(
      fc.property(pool, pageSize, (entries, size) => {
        const sorted = [...entries].sort((a, b) => (a.pid < b.pid ? -1 : 1));
        const committed = commitPool([...entries].reverse(), size);
        expect(committed.ok && committed.value.root).toBe(rootOf(sorted.map(entryLeaf)));
      }),
    );
  });

  it("when partitions are built apart and their frontiers pushed in order, then the root is the same", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(40), { maxLength: 6 }), fc.nat(60), (cuts, extra) => {
        const leaves = Array.from({ length: extra + cuts.reduce((a, b) => a + b, 0) }, (_, i) => leafHash(Buffer.from(String(i))));
        const whole = new MerkleStream();
        let offset = 0;
        for (const length of [...cuts, extra]) {
          const part = new MerkleStream(offset);
          for (const leaf of leaves.slice(offset, offset + length)) part.push(leaf);
          for (const block of part.frontier()) whole.pushBlock(block);
          offset += length;
        }
        expect(whole.root()).toBe(rootOf(leaves));
      }),
    );
  });

  it("when the same pid appears twice, then the pool is refused", () => {
    const twice = commitPool([
      { pid: "same", family: "a", familyRecipientsBefore: 0 },
      { pid: "same", family: "b", familyRecipientsBefore: 0 },
    ]);
    expect(twice).toEqual({ ok: false, reason: "duplicate-pid" });
  });
});

describe("membership proofs", () => {
  const withProofs = fc.tuple(pool, pageSize).filter(([entries]) => entries.length > 0);

  it("when anyone in the pool asks, then their proof verifies, from the whole pool or from their page alone", () => {
    fc.assert(
      fc.property(withProofs, ([entries, size]) => {
        const committed = commitPool(entries, size);
        if (!committed.ok) throw new Error(committed.reason);
        const c = committed.value;
        c.entries.forEach((e, i) => {
          const proof = membershipProof(c, e.pid)!;
          expect(verifyMembership(e.pid, proof, c.root)).toBe(true);
          const page = Math.floor(i / size);
          const fromPage = pageMembershipProof(c.entries.slice(page * size, (page + 1) * size), page, size, c.pageRoots, c.size, e.pid);
          expect(fromPage).toEqual(proof);
        });
      }),
    );
  });

  it("when the pid, the line, the index or a sibling is not the committed one, then the proof fails", () => {
    fc.assert(
      fc.property(withProofs, fc.nat(), ([entries, size], pick) => {
        const committed = commitPool(entries, size);
        if (!committed.ok) throw new Error(committed.reason);
        const c = committed.value;
        const e: Candidate = c.entries[pick % c.entries.length];
        const proof = membershipProof(c, e.pid)!;
        const outsider = "not-in-the-pool-0"; // longer than any generated pid
        expect(membershipProof(c, outsider)).toBeNull();
        expect(verifyMembership(outsider, proof, c.root)).toBe(false);
        expect(verifyMembership(outsider, { ...proof, entry: { ...e, pid: outsider } }, c.root)).toBe(false);
        expect(verifyMembership(e.pid, { ...proof, entry: { ...e, familyRecipientsBefore: e.familyRecipientsBefore + 1 } }, c.root)).toBe(false);
        expect(verifyMembership(e.pid, { ...proof, entry: { ...e, family: `${e.family}x` } }, c.root)).toBe(false);
        if (c.size > 1) {
          expect(verifyMembership(e.pid, { ...proof, index: (proof.index + 1) % c.size }, c.root)).toBe(false);
          const tampered = [...proof.path];
          tampered[pick % tampered.length] = "0".repeat(64);
          expect(verifyMembership(e.pid, { ...proof, path: tampered }, c.root)).toBe(false);
        }
        expect(verifyMembership(e.pid, proof, "f".repeat(64))).toBe(false);
      }),
    );
  });
});
