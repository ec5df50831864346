import type { MemoryPorts } from "../../../functions/src/adapters/memory/index.js";
import { publicationTime } from "../../../functions/src/domain/beacon.js";
import { advanceWaves } from "../../../functions/src/usecases/advanceWaves.js";
import { joinWave } from "../../../functions/src/usecases/joinWave.js";
import { register } from "../../../functions/src/usecases/register.js";
import { runCloseTasks } from "./closeTasks.js";
import { BEACON, createdWave, listNiks, person, setup, writesOf } from "./fixtures.js";

/** A wave with a pool, for the draw's tests: advanceWaves, closeWave, getMyStatus after a draw, publishedDraw. */

export const SEED = "5e".repeat(32);
export const OPENS = new Date("2026-03-01T00:00:00+07:00");
export const CLOSES = new Date("2026-03-09T00:00:00+07:00");
export const AFTER_CLOSE = new Date(CLOSES.getTime() + 60_000);

/** Wave 2026-1 (quota 2) joined by u1–u5; u5 is put on a list after joining, so the freeze leaves them out. */
export async function scenario(memory: MemoryPorts = setup({ seeds: [SEED] })) {
  const waveId = await createdWave(memory, { quota: 2 });
  for (let n = 1; n <= 5; n += 1) {
    const uid = `u${n}`;
    const registered = await register(
      memory,
      { uid, by: "self", requestId: `self:${uid}`, attemptLimit: 5 },
      person(n, n % 2 === 0 ? { districtCode: "520101" } : {}),
    );
    const joined = await joinWave(memory, uid, waveId);
    if (!registered.ok || !joined.ok) throw new Error("scenario: registration or joining failed");
  }
  await listNiks(memory, "police", [person(5).nik]);
  const round = memory.state.waves.get(waveId)!.draw!.beacon.round;
  const beaconOut = () => {
    memory.beacon.publish(BEACON.source, round);
    return new Date(publicationTime(round, memory.beaconClock).getTime() + 1000);
  };
  return { memory, waveId, beaconOut };
}

/** One run of the schedule at `at` (the clock set to it), with what it wrote. */
export const tick = (memory: MemoryPorts, at: Date, run = "run-1") => {
  memory.clock.set(at);
  return writesOf(memory, () => advanceWaves(memory, at, run));
};

/** One run of the schedule at `at`, then every close task it enqueued (and those they enqueue), as Cloud Tasks would run them. */
export const closeTick = async (memory: MemoryPorts, at: Date, run = "run-1") => {
  const ticked = await tick(memory, at, run);
  await runCloseTasks(memory);
  return ticked;
};
