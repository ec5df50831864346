import { publicationTime } from "../domain/beacon.js";
import { done, refused, type Outcome } from "../domain/outcome.js";
import type { Actor } from "../domain/roles.js";
import { dueWaveState } from "../domain/wave.js";
import type { RefusalOf } from "../schemas/contract.js";
import type { CreateWaveInput } from "../schemas/waves.js";
import type { WavePlan } from "../schemas/wavePlan.js";
import { checkWave, type BeaconPlan, type CreateWavePorts } from "./createWave.js";

export type PlanWaveRefusal = RefusalOf<"planWave">;

export type PlanWavePorts = Pick<CreateWavePorts, "waves" | "programYears" | "clock" | "beaconClock" | "priorityLists">;

/**
 * The plan `createWave` would commit to for this input, shown to the program office before it
 * saves: the same checks (`checkWave`, shared with createWave),
 * the strata's seats, the beacon round with the time it comes out, and the priority list as the
 * plan will record it, with its share and the seats of its round. Nothing is written and no
 * seed is drawn: the seed's commitment exists only once the wave is saved.
 */
export async function planWave(ports: PlanWavePorts, beacon: BeaconPlan, actor: Actor, input: CreateWaveInput): Promise<Outcome<WavePlan, PlanWaveRefusal>> {
  const checked = await checkWave(ports, beacon, actor, input);
  if (!checked.ok) return checked;
  const { waveId, now, opensAt, closesAt, familyLimit, rules, round, priority } = checked.value;
  // Told now rather than at saving: the number is taken (a wave's plan never changes once made).
  if ((await ports.waves.get(waveId)) !== null) return refused("wave-exists");
  return done({
    waveId,
    state: dueWaveState({ state: "scheduled", opensAt, closesAt }, now),
    opensAt: opensAt.toISOString(),
    closesAt: closesAt.toISOString(),
    quota: input.quota,
    familyLimit,
    strata: input.strata,
    seats: [...rules.seats].map(([code, seats]) => ({ code, seats })),
    nationalSeats: rules.nationalSeats,
    beacon: { source: beacon.source, round, chainHash: beacon.chainHash, publishedAt: publicationTime(round, ports.beaconClock).toISOString() },
    ...(priority === undefined ? {} : { priority: { ...priority, seats: rules.prioritySeats ?? 0 } }),
  });
}
