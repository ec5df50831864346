import { describe, expect, it } from "vitest";
import { publicationTime } from "../../../functions/src/domain/beacon.js";
import { estimatedPosition } from "../../../functions/src/domain/draw/estimate.js";
import { myStatus } from "../../../functions/src/schemas/registration.js";
import { getMyStatus } from "../../../functions/src/usecases/getMyStatus.js";
import { joinWave } from "../../../functions/src/usecases/joinWave.js";
import { register } from "../../../functions/src/usecases/register.js";
import { importPriorityList } from "../../../functions/src/usecases/importPriorityList.js";
import { AFTER_CLOSE, closeTick, scenario, SEED } from "./drawScenario.js";
import { admin, BEACON, createdWave, csvItems, person, setup } from "./fixtures.js";

/** getMyStatus after two drawn waves: every draw whose pool a person was in stays shown, newest first. */

const WAVE_2_OPENS = new Date("2026-03-10T00:00:00+07:00");
const WAVE_2_CLOSES = new Date("2026-03-15T00:00:00+07:00");

/** Wave 2026-1 drawn (u1–u4 in its pool, 2 seats); wave 2026-2 (1 seat) joined by u6 as well, then drawn. */
async function twoDrawnWaves() {
  const { memory, waveId: first, beaconOut } = await scenario();
  await closeTick(memory, AFTER_CLOSE);
  await closeTick(memory, beaconOut());
  const second = await createdWave(memory, { number: 2, quota: 1, opensAt: WAVE_2_OPENS.toISOString(), closesAt: WAVE_2_CLOSES.toISOString() });
  await closeTick(memory, WAVE_2_OPENS);
  const registered = await register(memory, { uid: "u6", by: "self", requestId: "self:u6", attemptLimit: 5 }, person(6));
  const joined = await joinWave(memory, "u6", second);
  if (!registered.ok || !joined.ok) throw new Error("u6 could not join wave 2");
  await closeTick(memory, new Date(WAVE_2_CLOSES.getTime() + 60_000));
  const round = memory.state.waves.get(second)!.draw!.beacon.round;
  memory.beacon.publish(BEACON.source, round);
  await closeTick(memory, new Date(publicationTime(round, memory.beaconClock).getTime() + 1000));
  expect(memory.state.waves.get(second)?.state).toBe("drawn");
  const drawsOf = async (uid: string) => {
    const status = await getMyStatus(memory, uid);
    if (!status.ok) throw new Error(status.reason);
    expect(myStatus.safeParse(status.value).success).toBe(true);
    return status.value.draw;
  };
  return { memory, first, second, drawsOf };
}

describe("getMyStatus: a person's draws", () => {
  it("when a later wave is drawn, then a winner of the earlier wave still sees their winning draw, and only it", async () => {
    const { memory, first, drawsOf } = await twoDrawnWaves();
    const winners = ["u1", "u2", "u3", "u4"].filter((uid) => memory.state.applicants.read(uid)?.selectedWave === first);
    expect(winners).toHaveLength(2);
    for (const uid of winners) {
      const draw = await drawsOf(uid);
      expect(draw?.draws?.map((d) => [d.waveId, d.selected, d.withinCutoff])).toEqual([[first, true, true]]);
      expect(draw?.latest).toEqual(draw?.draws?.[0]);
    }
  });

  it("when a person was in both pools, then both draws are shown, newest first, each with its rank, cut-offs and positions", async () => {
    const { memory, first, second, drawsOf } = await twoDrawnWaves();
    const carried = ["u1", "u2", "u3", "u4"].filter((uid) => memory.state.applicants.read(uid)?.selectedWave !== first);
    expect(carried).toHaveLength(2);
    for (const uid of carried) {
      const draw = await drawsOf(uid);
      expect(draw?.draws?.map((d) => d.waveId)).toEqual([second, first]);
      const [inSecond, inFirst] = draw!.draws!;
      expect(inFirst).toMatchObject({ selected: false, withinCutoff: false });
      expect(inSecond.selected).toBe(memory.state.applicants.read(uid)?.selectedWave === second);
      const manifest = await memory.published.manifest(first);
      expect(inFirst.poolSize).toBe(manifest?.poolSize);
      expect(inFirst.cutoff.national).toBe(manifest?.result.national.cutoff?.rank ?? null);
      expect(inFirst.position.national).toBe(estimatedPosition(inFirst.rank, manifest!.poolSize));
      expect(inFirst.position.national).toBeGreaterThanOrEqual(1);
      expect(inFirst.position.national).toBeLessThanOrEqual(manifest!.poolSize);
    }
  });

  it("when a person joined for the later wave, then only its draw is shown; a person left out at both freezes sees none", async () => {
    const { second, drawsOf } = await twoDrawnWaves();
    expect((await drawsOf("u6"))?.draws?.map((d) => d.waveId)).toEqual([second]);
    const excluded = await drawsOf("u5");
    expect(excluded?.draws).toBeUndefined();
    expect(excluded?.latest).toBeUndefined();
  });
});

describe("getMyStatus: a draw with a priority round", () => {
  /** Wave 2026-1 (quota 2, half of it for the list "korban-phk": 1 seat) joined by u1–u5; u2 and u3 are on the list. */
  async function priorityDraw() {
    const memory = setup({ seeds: [SEED] });
    const listed = await importPriorityList(
      memory,
      admin,
      { listId: "korban-phk", name: "Korban PHK 2026", description: "Pekerja terkena PHK", source: "BPJS Ketenagakerjaan, Maret 2026" },
      csvItems([2, 3].map((n, i) => ({ kind: "entry" as const, line: i + 2, nik: person(n).nik }))),
      () => {},
    );
    if (!listed.ok) throw new Error(listed.reason);
    const waveId = await createdWave(memory, { quota: 2, priority: { listId: "korban-phk", basisPoints: 5000 } });
    for (let n = 1; n <= 5; n += 1) {
      const registered = await register(memory, { uid: `u${n}`, by: "self", requestId: `self:u${n}`, attemptLimit: 5 }, person(n));
      const joined = await joinWave(memory, `u${n}`, waveId);
      if (!registered.ok || !joined.ok) throw new Error("registration or joining failed");
    }
    await closeTick(memory, AFTER_CLOSE);
    const round = memory.state.waves.get(waveId)!.draw!.beacon.round;
    memory.beacon.publish(BEACON.source, round);
    await closeTick(memory, new Date(publicationTime(round, memory.beaconClock).getTime() + 1000));
    expect(memory.state.waves.get(waveId)?.state).toBe("drawn");
    const statusOf = async (uid: string) => {
      const status = await getMyStatus(memory, uid);
      if (!status.ok) throw new Error(status.reason);
      expect(myStatus.safeParse(status.value).success).toBe(true);
      return status.value.draw!.latest!;
    };
    return { memory, waveId, statusOf };
  }

  it("when a person's line was on the list, then their status shows the priority round: their place among the listed, its seat, and how far it went", async () => {
    const { memory, waveId, statusOf } = await priorityDraw();
    const result = (await memory.published.manifest(waveId))!.result;
    expect(result.priority).toMatchObject({ seats: 1, pool: 2, selected: 1 });
    const listed = await Promise.all(["u2", "u3"].map(statusOf));
    // The better-ranked of the two takes the round's seat; the other is reached by it or not, as its cut-off says.
    const [first, second] = [...listed].sort((a, b) => (a.rank < b.rank ? -1 : 1));
    expect(first.selected).toBe(true);
    for (const draw of listed) {
      expect(draw.priorityRound).toEqual({
        pool: 2,
        seats: 1,
        position: estimatedPosition(draw.rank, 2),
        cutoffPosition: estimatedPosition(result.priority!.cutoff!.rank, 2),
      });
    }
    expect(result.priority!.cutoff!.rank).toBe(first.rank);
    expect(second.priorityRound!.position).toBeGreaterThanOrEqual(first.priorityRound!.position);
  });

  it("when a person's line was not on the list, then their status has no priority round", async () => {
    const { statusOf } = await priorityDraw();
    for (const uid of ["u1", "u4", "u5"]) expect((await statusOf(uid)).priorityRound).toBeUndefined();
  });
});

describe("estimatedPosition", () => {
  it.each([
    ["0".repeat(64), 1000, 1],
    ["8" + "0".repeat(63), 1000, 501],
    ["f".repeat(64), 1000, 1000],
    ["4" + "0".repeat(63), 56_789, 14_198],
  ])("when the rank is %s in a pool of %i, then the position is about %i", (rank, count, position) => {
    expect(estimatedPosition(rank, count)).toBe(position);
  });
});
