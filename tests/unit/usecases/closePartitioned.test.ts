import { describe, expect, it } from "vitest";
import { PARTITIONS, partitionId, partitionOf } from "../../../functions/src/domain/draw/partitions.js";
import { closePartition } from "../../../functions/src/usecases/close/closePartition.js";
import { drawPool } from "../../../functions/src/usecases/close/drawPool.js";
import { PARTITION_LEASE_SECONDS } from "../../../functions/src/usecases/close/plan.js";
import { joinWave } from "../../../functions/src/usecases/joinWave.js";
import { register } from "../../../functions/src/usecases/register.js";
import { AFTER_CLOSE, CLOSES, closeTick, scenario, SEED, tick } from "./drawScenario.js";
import { createdWave, person, setup, writesOf } from "./fixtures.js";

/**
 * The partitioned close's steps on the memory adapters (docs/draw.md §10): a partition's
 * deliveries (done, older attempt, held, taken over, re-driven), the re-check's reads, the
 * assembly's pages, the draw's check of the committed pages, and the family at its limit.
 */

/** The scenario closed by the schedule, its partition tasks enqueued but not run. */
async function started() {
  const s = await scenario();
  await tick(s.memory, AFTER_CLOSE);
  const partitionOfUid = (uid: string) => partitionOf(s.memory.pseudonyms.pid(uid))!;
  return { ...s, partitionOfUid };
}

describe("a partition's task", () => {
  it("when it runs, then it re-checks its applicants with the wave's close as now, records the excluded and writes its lines in pid order", async () => {
    const { memory, waveId, partitionOfUid } = await started();
    const index = partitionOfUid("u5");
    memory.clock.set(new Date(AFTER_CLOSE.getTime() + 3_600_000));
    const outcome = await closePartition(memory, { waveId, partition: index, attempt: 1 });
    expect(outcome).toMatchObject({ ok: true, value: { took: "taken", tally: { excluded: 1, excludedByReason: { "on-exclusion-list": 1 } } } });
    expect(memory.state.applicants.get("u5")?.eligibility.checkedAt).toEqual(CLOSES);
    expect(memory.state.closePartitions.get(`${waveId}/${partitionId(index)}`)).toMatchObject({ state: "done", attempt: 1, leaseUntil: null, excluded: 1 });
    expect(memory.state.waveCloses.get(waveId)).toMatchObject({ stage: "partitioning", partitionsDone: 1, excluded: 1 });
  });

  it("when a done partition, or an older attempt, is delivered, then it does nothing and writes nothing", async () => {
    const { memory, waveId } = await started();
    await closePartition(memory, { waveId, partition: 3, attempt: 1 });
    expect(await writesOf(memory, () => closePartition(memory, { waveId, partition: 3, attempt: 1 }))).toEqual({
      result: { ok: true, value: { took: "done" } },
      writes: [],
    });
    await closePartition(memory, { waveId, partition: 4, attempt: 2 });
    expect(await writesOf(memory, () => closePartition(memory, { waveId, partition: 4, attempt: 1 }))).toEqual({
      result: { ok: true, value: { took: "done" } },
      writes: [],
    });
    const partition = memory.state.closePartitions.get(`${waveId}/05`)!;
    memory.state.closePartitions.set(`${waveId}/05`, { ...partition, attempt: 3 });
    expect(await writesOf(memory, () => closePartition(memory, { waveId, partition: 5, attempt: 2 }))).toEqual({
      result: { ok: true, value: { took: "superseded" } },
      writes: [],
    });
  });

  it("when a delivery fails midway, then it releases its lease and the retry of the same attempt takes over at once, writing the same lines", async () => {
    const { memory, waveId, partitionOfUid } = await started();
    const index = partitionOfUid("u1");
    const failing = closePartition(
      memory,
      { waveId, partition: index, attempt: 1 },
      {
        afterPage: () => {
          throw new Error("unavailable");
        },
      },
    );
    await expect(failing).rejects.toThrow("unavailable");
    expect(memory.state.closePartitions.get(`${waveId}/${partitionId(index)}`)).toMatchObject({ state: "running", attempt: 1, leaseUntil: AFTER_CLOSE });
    const retried = await closePartition(memory, { waveId, partition: index, attempt: 1 });
    expect(retried).toMatchObject({ ok: true, value: { took: "taken" } });
    expect(memory.state.closePartitions.get(`${waveId}/${partitionId(index)}`)).toMatchObject({ state: "done", attempt: 1, leaseUntil: null });
  });

  it("when a delivery dies midway, then a duplicate is refused while its lease runs, takes over once it lapsed, and a re-drive supersedes the dead attempt", async () => {
    const { memory, waveId, partitionOfUid } = await started();
    const index = partitionOfUid("u1");
    const members = ["u1", "u2", "u3", "u4", "u5"].filter((uid) => partitionOfUid(uid) === index).length;
    const killed = () => {
      throw new Error("killed");
    };
    const dying = closePartition(memory, { waveId, partition: index, attempt: 1 }, { afterPage: killed });
    await expect(dying).rejects.toThrow("killed");
    // A process that dies releases nothing: its lease stands as the last page extended it.
    const id = `${waveId}/${partitionId(index)}`;
    memory.state.closePartitions.set(id, {
      ...memory.state.closePartitions.get(id)!,
      leaseUntil: new Date(AFTER_CLOSE.getTime() + PARTITION_LEASE_SECONDS * 1000),
    });
    expect(memory.state.closePartitions.get(id)).toMatchObject({ state: "running", attempt: 1, processed: members });
    expect(await closePartition(memory, { waveId, partition: index, attempt: 1 })).toEqual({ ok: false, reason: "partition-held" });
    memory.clock.set(new Date(AFTER_CLOSE.getTime() + (PARTITION_LEASE_SECONDS + 1) * 1000));
    const redriven = await closePartition(memory, { waveId, partition: index, attempt: 2 });
    expect(redriven).toMatchObject({ ok: true, value: { took: "taken", tally: { processed: members, chunks: 1 } } });
    expect(await closePartition(memory, { waveId, partition: index, attempt: 1 })).toMatchObject({ ok: true, value: { took: "done" } });
  });

  it("when applicants were last checked against the current lists, then their exclusion entries are not read; those checked against older versions are read in one batch", async () => {
    const { memory, waveId } = await started();
    const asked: string[][] = [];
    const counting = {
      ...memory,
      lists: {
        ...memory.lists,
        hitsOf: async (keys: readonly string[], versions: Parameters<typeof memory.lists.hitsOf>[1]) => (
          asked.push([...keys]),
          memory.lists.hitsOf(keys, versions)
        ),
      },
    };
    // u1–u5 joined before the police list was imported: all checked against older versions. Re-checked now, u1 is current.
    const u1 = memory.state.applicants.get("u1")!;
    memory.state.applicants.set("u1", { ...u1, eligibility: { ...u1.eligibility, listVersions: await memory.lists.versions() } });
    for (let partition = 0; partition < PARTITIONS; partition += 1) await closePartition(counting, { waveId, partition, attempt: 1 });
    expect(asked.flat().sort()).toEqual(["u2", "u3", "u4", "u5"].map((uid) => memory.state.applicants.get(uid)!.nikKey).sort());
    expect(memory.state.waveCloses.get(waveId)).toMatchObject({ stage: "assembling", processed: 5, eligible: 4, excluded: 1 });
  });
});

describe("the draw's task", () => {
  it("when a pool page no longer has the root committed at the freeze, then the draw stops and nothing is drawn", async () => {
    const { memory, waveId, beaconOut } = await scenario();
    await closeTick(memory, AFTER_CLOSE);
    const page = memory.state.poolPages.get(`${waveId}/000000`)!;
    memory.state.poolPages.set(`${waveId}/000000`, { ...page, entries: page.entries.map((e, i) => (i === 0 ? { ...e, familyRecipientsBefore: 1 } : e)) });
    memory.clock.set(beaconOut());
    await expect(drawPool(memory, waveId, "draw-1")).rejects.toThrow("pool page 0 does not match its commitment");
    expect(memory.state.waves.get(waveId)?.state).toBe("frozen");
    expect([...memory.state.applicants.values()].filter((a) => a.selectedWave === waveId)).toHaveLength(0);
  });

  it("when the beacon round is not out, then the draw is refused, to be tried again", async () => {
    const { memory, waveId } = await scenario();
    await closeTick(memory, AFTER_CLOSE);
    expect(await drawPool(memory, waveId, "draw-1")).toEqual({ ok: false, reason: "beacon-not-out" });
  });
});

describe("a family at its limit", () => {
  it("when a member's selection brings the family card to its limit, then the members left leave the pool once, with the reason in their timeline, and the next close does not read them", async () => {
    const memory = setup({ seeds: [SEED] });
    // Seats for everyone: only the family limit keeps two of the family's four out.
    const waveId = await createdWave(memory, { quota: 6 });
    const kk = "3171010000000077";
    for (let n = 1; n <= 6; n += 1) {
      const uid = `f${n}`;
      const registered = await register(memory, { uid, by: "self", requestId: `self:${uid}`, attemptLimit: 5 }, person(n, n <= 4 ? { kk } : {}));
      if (!registered.ok || !(await joinWave(memory, uid, waveId)).ok) throw new Error("set-up failed");
    }
    await closeTick(memory, AFTER_CLOSE);
    const round = memory.state.waves.get(waveId)!.draw!.beacon.round;
    memory.beacon.publish("https://beacon.test/chain", round);
    await closeTick(memory, new Date(AFTER_CLOSE.getTime() + 7_200_000));
    expect(memory.state.waves.get(waveId)?.state).toBe("drawn");

    const family = ["f1", "f2", "f3", "f4"].map((uid) => ({ uid, ...memory.state.applicants.get(uid)! }));
    const selected = family.filter((a) => a.status === "participant");
    const left = family.filter((a) => a.status === "registered");
    expect(memory.state.families.get(family[0].kkKey)?.recipients).toBe(selected.length);
    expect([selected.length, left.length]).toEqual([2, 2]);
    for (const member of left) {
      expect(member).toMatchObject({ inPool: false, familyRecipients: 2 });
      expect(memory.state.timeline.get(`${member.uid}/family-limit-${waveId}`)).toMatchObject({
        kind: "left-pool-family-limit",
        reasons: ["family-limit-reached"],
        waveId,
      });
    }
    const next = await createdWave(memory, { number: 2, opensAt: "2026-04-01T00:00:00+07:00", closesAt: "2026-04-09T00:00:00+07:00" });
    await closeTick(memory, new Date("2026-04-09T00:01:00+07:00"));
    const inPool = [...memory.state.applicants.values()].filter((a) => a.inPool === true).length;
    expect(memory.state.waveCloses.get(next)).toMatchObject({ processed: inPool, excluded: 0 });
  });
});
