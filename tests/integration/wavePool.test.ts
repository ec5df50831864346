import { createHash, randomBytes, randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPublication, seedCommitment, type Candidate } from "../../functions/src/domain/draw/index.js";
import { COLLECTIONS } from "../../functions/src/schemas/collections.js";
import { drawManifest } from "../../functions/src/schemas/draw.js";
import { adminDb } from "../support/admin.js";
import { ensureProgramYear, person } from "../support/people.js";
import { accountWith, call, type SignedIn } from "../support/stack.js";

/**
 * One pool for every wave, on the local stack: createWave refuses a wave that would share the
 * pool's time with one not yet drawn, naming it; and getMyStatus keeps every draw a person was
 * in, after later waves are drawn. Waves made here are deleted at the end.
 */

const DAY = 86_400_000;
const HOUR = 3_600_000;
const made: string[] = [];
let admin: SignedIn;

beforeAll(async () => {
  await ensureProgramYear();
  admin = await accountWith({ role: "admin" }, "admin");
});
afterAll(async () => {
  for (const id of made)
    await Promise.all([adminDb.doc(`waves/${id}`).delete(), adminDb.doc(`waveSecrets/${id}`).delete(), adminDb.doc(`waveDraws/${id}`).delete()]);
});

const year = new Date().getFullYear();
const iso = (at: Date) => at.toISOString();

describe("createWave: one open wave at a time", () => {
  it("when a wave would overlap a scheduled one, or close before its draw, then it is refused naming that wave and its window; after both, it is created", async () => {
    // Far in the future, on a random day of 2150–2180 (2190 is the console test's): no other file's wave is near.
    const opensAt = new Date(Date.UTC(2150 + randomInt(0, 30), 0, 1) + randomInt(0, 300) * DAY);
    const closesAt = new Date(opensAt.getTime() + 7 * DAY);
    const wave = (number: number, opens: Date, closes: Date) => ({ number, programYear: year, opensAt: iso(opens), closesAt: iso(closes), quota: 10 });
    const first = randomInt(10_000_000, 20_000_000);
    const created = await call("createWave", wave(first, opensAt, closesAt), admin.idToken);
    expect(created.error).toBeUndefined();
    const firstId = `${year}-${first}`;
    made.push(firstId);

    const overlapping = wave(first + 1, new Date(opensAt.getTime() + 3 * DAY), new Date(closesAt.getTime() + 3 * DAY));
    const refused = await call("createWave", overlapping, admin.idToken);
    expect(refused.error).toMatchObject({ status: "FAILED_PRECONDITION", details: { reason: "wave-overlaps", waveId: firstId } });
    expect(refused.error?.message).toContain(`gelombang ${firstId} (dibuka`);
    expect(refused.error?.message).toContain(`wave ${firstId} (open`);
    expect((await call("planWave", overlapping, admin.idToken)).error).toMatchObject({ details: { reason: "wave-overlaps", waveId: firstId } });

    // Opens after the handover hour but closes a second later: before the first wave's beacon round
    // (BEACON_MARGIN_SECONDS after its close, 15 s on the stack) plus the hour.
    const early = wave(first + 1, new Date(closesAt.getTime() + HOUR), new Date(closesAt.getTime() + HOUR + 1000));
    expect((await call("createWave", early, admin.idToken)).error).toMatchObject({ details: { reason: "wave-draw-pending", waveId: firstId } });
    expect((await adminDb.doc(`waves/${year}-${first + 1}`).get()).exists).toBe(false);

    const next = await call("createWave", wave(first + 1, new Date(closesAt.getTime() + HOUR), new Date(closesAt.getTime() + 7 * DAY)), admin.idToken);
    expect(next.error).toBeUndefined();
    made.push(`${year}-${first + 1}`);
  });
});

const token = (text: string) => createHash("sha256").update(text).digest("base64url");

/** A drawn wave stored as the draw leaves it (wave, frozen pool and manifest), with `pool` in it and `winners` among its winners. */
async function drawnWave(waveId: string, closesAt: Date, pool: Candidate[], quota: number): Promise<string[]> {
  const seed = randomBytes(32).toString("hex");
  const plan = {
    seedCommitment: seedCommitment(seed),
    beacon: { source: "https://beacon.test/chain", round: 1_000 },
    strata: { kind: "none" as const },
    familyLimit: 2,
  };
  const built = await buildPublication({
    waveId,
    pool,
    rules: { quota, familyLimit: 2, strata: plan.strata },
    seed,
    seedCommitment: plan.seedCommitment,
    beacon: { ...plan.beacon, value: randomBytes(32).toString("hex") },
    createdAt: closesAt.toISOString(),
    excludedByReason: {},
    provinceOf: () => "31",
    pageSize: 16,
  });
  if (!built.ok) throw new Error(built.reason);
  const manifest = drawManifest.parse(JSON.parse(JSON.stringify(built.value.manifest)));
  made.push(waveId);
  await adminDb
    .collection(COLLECTIONS.waves)
    .doc(waveId)
    .set({
      number: randomInt(30_000_000, 40_000_000),
      programYear: year,
      state: "drawn",
      opensAt: new Date(closesAt.getTime() - 7 * DAY),
      closesAt,
      quota,
      draw: plan,
    });
  await adminDb
    .collection(COLLECTIONS.waveDraws)
    .doc(waveId)
    .set({
      poolRoot: manifest.poolRoot,
      poolSize: manifest.poolSize,
      pageSize: manifest.pool.pageSize,
      pageRoots: manifest.pool.pages.map((p) => p.root),
      excludedByReason: {},
      frozenAt: closesAt,
      manifest,
    });
  return manifest.winners.pids ?? [];
}

describe("getMyStatus: every draw stays visible", () => {
  it("when a later wave is drawn, then the earlier wave's winner still sees their winning draw, and a person in both pools sees both, newest first", async () => {
    const now = Date.now();
    const people = await Promise.all(
      [0, 1, 2, 3].map(async (i) => {
        const account = await accountWith(null, `draws${i}`);
        expect((await call("register", person(), account.idToken)).error).toBeUndefined();
        return account;
      }),
    );
    const pids = people.map((p) => token(`pool-${p.uid}`));
    // Everyone joined 40 days ago; two earlier waves' pools were drawn 20 and 10 days ago.
    for (const [i, account] of people.entries()) {
      const ref = adminDb.doc(`applicants/${account.uid}`);
      await ref.update({ registeredAt: new Date(now - 45 * DAY), pid: pids[i], familyPid: token(`family-${account.uid}`), inPool: true });
      await ref
        .collection("timeline")
        .doc("joined-test")
        .set({ kind: "joined-pool", at: new Date(now - 40 * DAY), waveId: "earlier" });
    }
    const entry = (pid: string): Candidate => ({ pid, stratum: "31", family: token(`f-${pid}`), familyRecipientsBefore: 0 });
    const first = `it-${randomBytes(6).toString("hex")}-a`;
    const second = `it-${randomBytes(6).toString("hex")}-b`;
    const firstWinners = await drawnWave(first, new Date(now - 20 * DAY), pids.map(entry), 1);
    const winner = people[pids.indexOf(firstWinners[0])];
    await adminDb.doc(`applicants/${winner.uid}`).update({ status: "participant", selectedWave: first, inPool: false });
    await drawnWave(second, new Date(now - 10 * DAY), pids.filter((pid) => pid !== firstWinners[0]).map(entry), 1);

    type Draws = { draw: { draws?: Array<{ waveId: string; selected: boolean; position: { national: number }; poolSize: number }> } };
    const drawsOf = async (account: SignedIn) => {
      const status = await call("getMyStatus", {}, account.idToken);
      expect(status.error).toBeUndefined();
      // Other files' draws may be in the list too (the pool is global): only this test's two are looked at.
      return ((status.result as Draws).draw.draws ?? []).filter((d) => d.waveId === first || d.waveId === second);
    };
    expect(await drawsOf(winner)).toMatchObject([{ waveId: first, selected: true, poolSize: 4 }]);
    const carried = people.find((p) => p !== winner)!;
    const both = await drawsOf(carried);
    expect(both.map((d) => d.waveId)).toEqual([second, first]);
    expect(both[0]).toMatchObject({ poolSize: 3 });
    expect(both[1]).toMatchObject({ selected: false, poolSize: 4 });
    for (const draw of both) expect(draw.position.national).toBeGreaterThanOrEqual(1);
  });
});
