import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTS, type AuditRecord } from "../../functions/src/domain/audit/acts.js";
import {
  actKeyId,
  auditDay,
  chainIdFor,
  dayRoot,
  ENTRY_FIELDS,
  entryHash,
  GENESIS,
  nextDay,
  nextEntry,
  previousDay,
  sha256Hex,
  type AuditEntry,
} from "../../functions/src/domain/audit/chain.js";
import { describeBreak, verifyLog } from "../../functions/src/domain/audit/verify.js";
import { memoryAuditDays, memoryAuditReader, memoryChainedAuditLog, type MemoryAuditStore } from "../../functions/src/adapters/memory/auditLog.js";
import { sealAuditDays, SEAL_PAGE } from "../../functions/src/usecases/sealAuditDays.js";

const at = (iso: string) => new Date(iso);

const record = (over: Partial<AuditRecord> = {}): AuditRecord => ({
  act: "grant-role",
  actor: "admin-1",
  role: "admin",
  target: "uid-7",
  key: "req-1",
  at: at("2026-03-02T03:00:00.000Z"),
  ...over,
});

async function logWith(records: AuditRecord[]): Promise<MemoryAuditStore> {
  const log = memoryChainedAuditLog();
  for (const r of records) await log.append(r);
  return log.store;
}

const verify = (store: MemoryAuditStore) => verifyLog(memoryAuditReader(store));

function entriesOf(store: MemoryAuditStore, chain: string): AuditEntry[] {
  const entries = store.entries.get(chain);
  if (!entries) throw new Error(`no chain ${chain}`);
  return entries;
}

describe("audit chain: hashes and IDs", () => {
  it("when SHA-256 is taken of published vectors, then it matches them (the same in the browser as in Node)", () => {
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("when an instant is after 17:00 UTC, then its audit day is the next Jakarta day", () => {
    expect(auditDay(at("2026-03-01T16:59:59.999Z"))).toBe("2026-03-01");
    expect(auditDay(at("2026-03-01T17:00:00.000Z"))).toBe("2026-03-02");
    expect(nextDay("2028-02-28")).toBe("2028-02-29");
    expect(previousDay("2026-01-01")).toBe("2025-12-31");
  });

  it("when a person acts, then the chain is their day's; the system's spread over 16 chains by key; an odd uid goes by its hash", () => {
    expect(chainIdFor("2026-03-02", "admin-1", "k")).toBe("2026-03-02~admin-1");
    const shards = new Set(Array.from({ length: 400 }, (_, n) => chainIdFor("2026-03-02", "system", `key-${n}`)));
    expect(shards.size).toBe(16);
    expect(chainIdFor("2026-03-02", "command:ops", "k")).toMatch(/^2026-03-02~h-[0-9a-f]{40}$/);
    expect(actKeyId("a|b", "c", "d")).not.toBe(actKeyId("a", "b|c", "d"));
  });

  it("when an entry follows another, then it holds the hash before it and its own hash covers every field", () => {
    const first = nextEntry("2026-03-02~admin-1", null, record());
    const second = nextEntry("2026-03-02~admin-1", first, record({ key: "req-2", details: { purpose: "audit" }, region: "31" }));
    expect(first).toMatchObject({ seq: 1, prev: GENESIS });
    expect(second).toMatchObject({ seq: 2, prev: first.hash });
    expect(entryHash(second)).toBe(second.hash);
    for (const change of [
      { target: "uid-8" },
      { region: "32" },
      { details: { purpose: "other" } },
      { at: at("2026-03-02T03:00:00.001Z") },
      { act: "revoke-role" },
    ])
      expect(entryHash({ ...second, ...change })).not.toBe(second.hash);
  });
});

describe("audit chain: appending (memory store, same rules as Firestore)", () => {
  it("when the same act is appended twice, then it is recorded once", async () => {
    const log = memoryChainedAuditLog();
    await log.append(record());
    await log.append(record());
    expect(log.records).toHaveLength(1);
    expect(log.store.heads.get("2026-03-02~admin-1")).toMatchObject({ seq: 1 });
  });

  it("when a day is sealed, then a late act dated that day goes on the next day's chain and the log stays intact", async () => {
    const log = memoryChainedAuditLog();
    await log.append(record());
    await sealAuditDays({ auditDays: memoryAuditDays(log.store) }, at("2026-03-03T00:00:00Z"));
    await log.append(record({ key: "late" }));
    expect(log.store.heads.get("2026-03-03~admin-1")).toMatchObject({ seq: 1, day: "2026-03-03" });
    expect(await verify(log.store)).toMatchObject({ ok: true, summary: { sealedDays: 1, entries: 2 } });
  });
});

describe("audit chain: verifying", () => {
  const threeDays = () =>
    logWith([
      record(),
      record({ key: "req-2", target: "uid-8" }),
      record({ key: "req-3", target: "uid-9" }),
      record({ actor: "system", role: "system", act: "revoke-participant", key: "deadline-uid-5" }),
      record({ key: "req-4", at: at("2026-03-03T03:00:00Z") }),
      record({ key: "req-5", at: at("2026-03-05T03:00:00Z") }),
    ]);

  it("when nothing was changed, then the log is intact, sealed days have no gap (a day without acts too) and today is checked unsealed", async () => {
    const store = await threeDays();
    const report = await sealAuditDays({ auditDays: memoryAuditDays(store) }, at("2026-03-05T10:00:00Z"));
    expect(report.sealed.map((s) => s.day)).toEqual(["2026-03-02", "2026-03-03", "2026-03-04"]);
    expect(report.sealed[2]).toMatchObject({ chains: 0, entries: 0 });
    const verdict = await verify(store);
    expect(verdict).toEqual({ ok: true, summary: { days: 4, sealedDays: 3, chains: 4, entries: 6, lastRoot: report.sealed[2]?.root } });
  });

  it("when sealing runs again, then nothing changes", async () => {
    const store = await threeDays();
    const days = memoryAuditDays(store);
    await sealAuditDays({ auditDays: days }, at("2026-03-05T10:00:00Z"));
    const before = [...store.days.values()];
    expect(await sealAuditDays({ auditDays: days }, at("2026-03-05T11:00:00Z"))).toEqual({ sealed: [] });
    expect([...store.days.values()]).toEqual(before);
  });

  it("when a sealer stopped after marking a day, then the next run finishes it with the prev it recorded", async () => {
    const store = await threeDays();
    const days = memoryAuditDays(store);
    await days.beginSeal("2026-03-02", GENESIS);
    const report = await sealAuditDays({ auditDays: days }, at("2026-03-03T10:00:00Z"));
    expect(report.sealed.map((s) => s.day)).toEqual(["2026-03-02"]);
    expect((await verify(store)).ok).toBe(true);
  });

  it("when one entry's target is edited, then the first broken link is that entry's hash", async () => {
    const store = await threeDays();
    const entry = entriesOf(store, "2026-03-02~admin-1")[1];
    entry.target = "uid-0";
    const verdict = await verify(store);
    expect(verdict).toMatchObject({ ok: false, broken: { problem: "hash-mismatch", day: "2026-03-02", chain: "2026-03-02~admin-1", seq: 2 } });
    if (!verdict.ok) expect(describeBreak(verdict.broken)).toMatch(/^hash-mismatch at day 2026-03-02, chain 2026-03-02~admin-1, seq 2: expected [0-9a-f]{64}/);
  });

  it("when an entry is edited and its hash recomputed, then the next entry's prev link breaks", async () => {
    const store = await threeDays();
    const entries = entriesOf(store, "2026-03-02~admin-1");
    const forged = { ...entries[0], target: "uid-0" };
    entries[0] = { ...forged, hash: entryHash(forged) };
    expect(await verify(store)).toMatchObject({ ok: false, broken: { problem: "prev-mismatch", seq: 2 } });
  });

  it("when an entry is removed, then the seq gap is named", async () => {
    const store = await threeDays();
    entriesOf(store, "2026-03-02~admin-1").splice(1, 1);
    expect(await verify(store)).toMatchObject({ ok: false, broken: { problem: "seq-gap", chain: "2026-03-02~admin-1", seq: 2 } });
  });

  it("when the last entry is removed, then the head no longer matches", async () => {
    const store = await threeDays();
    entriesOf(store, "2026-03-02~admin-1").pop();
    expect(await verify(store)).toMatchObject({ ok: false, broken: { problem: "head-mismatch", chain: "2026-03-02~admin-1", seq: 3 } });
  });

  it("when a chain is reordered, then the first swapped place is named", async () => {
    const store = await threeDays();
    const entries = entriesOf(store, "2026-03-02~admin-1");
    [entries[0], entries[1]] = [entries[1], entries[0]];
    expect(await verify(store)).toMatchObject({ ok: false, broken: { problem: "seq-gap", seq: 1 } });
  });

  it("when a whole chain of a sealed day is removed, then that day's root breaks", async () => {
    const store = await threeDays();
    await sealAuditDays({ auditDays: memoryAuditDays(store) }, at("2026-03-05T10:00:00Z"));
    const system = [...store.heads.keys()].find((id) => id.includes("~system-")) as string;
    store.heads.delete(system);
    store.entries.delete(system);
    expect(await verify(store)).toMatchObject({ ok: false, broken: { problem: "root-mismatch", day: "2026-03-02" } });
  });

  it("when a day root is altered, then that day is named; when a day record is removed, then the gap is named", async () => {
    const store = await threeDays();
    await sealAuditDays({ auditDays: memoryAuditDays(store) }, at("2026-03-05T10:00:00Z"));
    const day = store.days.get("2026-03-03");
    if (day?.state !== "sealed") throw new Error("not sealed");
    store.days.set("2026-03-03", { ...day, root: sha256Hex("forged") });
    expect(await verify(store)).toMatchObject({ ok: false, broken: { problem: "root-mismatch", day: "2026-03-03" } });
    store.days.set("2026-03-03", day);
    store.days.delete("2026-03-03");
    expect(await verify(store)).toMatchObject({ ok: false, broken: { problem: "day-not-sealed", day: "2026-03-03" } });
  });

  it("when a day's prev is rewritten along with its root, then the link to the day before breaks", async () => {
    const store = await threeDays();
    await sealAuditDays({ auditDays: memoryAuditDays(store) }, at("2026-03-05T10:00:00Z"));
    const day = store.days.get("2026-03-04");
    if (day?.state !== "sealed") throw new Error("not sealed");
    const prev = sha256Hex("elsewhere");
    store.days.set("2026-03-04", { ...day, prev, root: dayRoot("2026-03-04", prev, []) });
    expect(await verify(store)).toMatchObject({ ok: false, broken: { problem: "day-link-mismatch", day: "2026-03-04" } });
  });

  it("when a field is added to an entry (not covered by its hash), then that entry is a broken link naming the field", async () => {
    const store = await threeDays();
    await sealAuditDays({ auditDays: memoryAuditDays(store) }, at("2026-03-05T10:00:00Z"));
    const entry = entriesOf(store, "2026-03-02~admin-1")[1];
    if (entry === undefined) throw new Error("no entry");
    const hash = entry.hash;
    Object.assign(entry, { comment: "injected" });
    expect(entryHash(entry)).toBe(hash);
    const verdict = await verify(store);
    expect(verdict).toMatchObject({
      ok: false,
      broken: { problem: "unexpected-field", day: "2026-03-02", chain: "2026-03-02~admin-1", seq: 2, found: "comment" },
    });
    if (!verdict.ok)
      expect(describeBreak(verdict.broken)).toMatch(
        /^unexpected-field at day 2026-03-02, chain 2026-03-02~admin-1, seq 2: expected only chain, seq, .*, found comment$/,
      );
  });

  it("when a field is added to a chain's head or to a day's record, then it is a broken link naming the field", async () => {
    const store = await threeDays();
    await sealAuditDays({ auditDays: memoryAuditDays(store) }, at("2026-03-05T10:00:00Z"));
    const head = store.heads.get("2026-03-03~admin-1");
    if (head === undefined) throw new Error("no head");
    Object.assign(head, { note: "x" });
    expect(await verify(store)).toMatchObject({
      ok: false,
      broken: { problem: "unexpected-field", day: "2026-03-03", chain: "2026-03-03~admin-1", found: "note" },
    });
    Reflect.deleteProperty(head, "note");
    expect((await verify(store)).ok).toBe(true);
    const day = store.days.get("2026-03-04");
    if (day === undefined) throw new Error("no day");
    Object.assign(day, { reviewedBy: "someone", aNote: "y" });
    expect(await verify(store)).toMatchObject({ ok: false, broken: { problem: "unexpected-field", day: "2026-03-04", found: "aNote, reviewedBy" } });
  });

  it("when an entry holds every optional field, then its stored fields are exactly ENTRY_FIELDS and each but the hash changes the hash", () => {
    const entry = nextEntry("2026-03-02~admin-1", null, record({ region: "31", details: { field: "nik" } }));
    expect(Object.keys(entry).sort()).toEqual([...ENTRY_FIELDS].sort());
    const changed = {
      chain: "2026-03-02~admin-2",
      seq: 2,
      prev: "f".repeat(64),
      act: "revoke-role",
      actor: "admin-2",
      role: "auditor",
      target: "uid-8",
      key: "req-9",
      at: at("2026-03-02T04:00:00Z"),
      region: "32",
      details: { field: "kk" },
    };
    for (const field of ENTRY_FIELDS.filter((f) => f !== "hash")) expect(entryHash({ ...entry, [field]: changed[field] }), field).not.toBe(entry.hash);
  });

  it("when an open day's chain grew after its head was read, then the newer entries are not a break; on a sealed day an entry past the head is", async () => {
    const store = await threeDays();
    const chain = "2026-03-02~admin-1";
    const head = store.heads.get(chain);
    if (head === undefined) throw new Error("no head");
    const extra = nextEntry(chain, head, record({ key: "req-9" }));
    entriesOf(store, chain).push(extra);
    expect((await verify(store)).ok).toBe(true);
    await sealAuditDays({ auditDays: memoryAuditDays(store) }, at("2026-03-03T10:00:00Z"));
    expect(await verify(store)).toMatchObject({ ok: false, broken: { problem: "head-mismatch", chain, seq: 3 } });
  });

  it("when a day has more chains than a seal page, then its root is the root of all of them in ID order", async () => {
    const records = Array.from({ length: SEAL_PAGE + 5 }, (_, n) =>
      record({ actor: `operator-${String(n).padStart(4, "0")}`, role: "operator", key: `r${n}` }),
    );
    const store = await logWith(records);
    const [sealed] = (await sealAuditDays({ auditDays: memoryAuditDays(store) }, at("2026-03-03T10:00:00Z"))).sealed;
    expect(sealed?.root).toBe(dayRoot("2026-03-02", GENESIS, store.heads.values()));
    expect(sealed).toMatchObject({ chains: SEAL_PAGE + 5, entries: SEAL_PAGE + 5 });
  });

  it("when any act of any log is altered in any field, then verification fails at that entry (property)", async () => {
    const act = fc.constantFrom(...AUDIT_ACTS);
    const arbitraryRecord = fc.record({
      act,
      actor: fc.constantFrom("admin-1", "operator-2", "system"),
      role: fc.constantFrom("admin", "operator", "system"),
      target: fc.string({ maxLength: 12 }),
      key: fc.uuid(),
      at: fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 0, 4) }).map((ms) => new Date(ms)),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(arbitraryRecord, { minLength: 1, maxLength: 20 }),
        fc.nat(),
        fc.string({ minLength: 1, maxLength: 5 }),
        async (records, pick, junk) => {
          const store = await logWith(records);
          await sealAuditDays({ auditDays: memoryAuditDays(store) }, at("2026-01-03T12:00:00Z"));
          expect((await verify(store)).ok).toBe(true);
          const all = [...store.entries.values()].flat();
          const victim = all[pick % all.length];
          victim.target = `${victim.target}${junk}`;
          expect(await verify(store)).toMatchObject({ ok: false, broken: { problem: "hash-mismatch", chain: victim.chain, seq: victim.seq } });
        },
      ),
      { numRuns: 60 },
    );
  });
});
