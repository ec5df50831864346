import { describe, expect, it } from "vitest";
import { publicationTime } from "../../../functions/src/domain/beacon.js";
import { estimatedPosition } from "../../../functions/src/domain/draw/estimate.js";
import { myStatus } from "../../../functions/src/schemas/registration.js";
import { getMyStatus } from "../../../functions/src/usecases/getMyStatus.js";
import { joinWave } from "../../../functions/src/usecases/joinWave.js";
import { register } from "../../../functions/src/usecases/register.js";
import { AFTER_CLOSE, closeTick, scenario } from "./drawScenario.js";
import { BEACON, createdWave, person } from "./fixtures.js";

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
