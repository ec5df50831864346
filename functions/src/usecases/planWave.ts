import { firstRoundAtOrAfter, publicationTime } from "../domain/beacon.js";
import { prepareRules } from "../domain/draw/index.js";
import { done, refused, type Outcome } from "../domain/outcome.js";
import { findProvince } from "../domain/regions/index.js";
import { mayDo, type Actor } from "../domain/roles.js";
import { dueWaveState } from "../domain/wave.js";
import type { RefusalOf } from "../schemas/contract.js";
import type { CreateWaveInput } from "../schemas/waves.js";
import type { WavePlan } from "../schemas/wavePlan.js";
import type { BeaconPlan, CreateWavePorts } from "./createWave.js";

export type PlanWaveRefusal = RefusalOf<"planWave">;

export type PlanWavePorts = Pick<CreateWavePorts, "waves" | "programYears" | "clock" | "beaconClock">;

/**
 * The plan `createWave` would commit to for this input, shown to the program office before it
 * saves: the same checks in the same order (tests/unit/usecases/planWave.test.ts compares the two),
 * the strata's seats, and the beacon round with the time it comes out. Nothing is written and no
 * seed is drawn: the seed's commitment exists only once the wave is saved.
 */
export async function planWave(ports: PlanWavePorts, beacon: BeaconPlan, actor: Actor, input: CreateWaveInput): Promise<Outcome<WavePlan, PlanWaveRefusal>> {
  if (!mayDo(actor, "create-wave")) return refused("not-admin");
  const now = ports.clock.now();
  const closesAt = new Date(input.closesAt);
  if (closesAt <= now) return refused("closes-in-the-past");
  const strata = input.strata.kind === "shares" ? input.strata.basisPoints : input.strata.kind === "counts" ? input.strata.counts : {};
  if (Object.keys(strata).some((code) => findProvince(code) === null)) return refused("stratum-code-invalid");
  const year = await ports.programYears.get(input.programYear);
  if (year === null) return refused("program-year-not-configured");
  const rules = prepareRules({ quota: input.quota, familyLimit: year.familyLimit, strata: input.strata });
  if (!rules.ok) return rules;
  const waveId = `${input.programYear}-${input.number}`;
  // Told now rather than at saving: the number is taken (a wave's plan never changes once made).
  if ((await ports.waves.get(waveId)) !== null) return refused("wave-exists");

  const round = firstRoundAtOrAfter(new Date(closesAt.getTime() + beacon.marginSeconds * 1000), ports.beaconClock);
  const opensAt = new Date(input.opensAt);
  return done({
    waveId,
    state: dueWaveState({ state: "scheduled", opensAt, closesAt }, now),
    opensAt: opensAt.toISOString(),
    closesAt: closesAt.toISOString(),
    quota: input.quota,
    familyLimit: year.familyLimit,
    strata: input.strata,
    seats: [...rules.value.seats].map(([code, seats]) => ({ code, seats })),
    nationalSeats: rules.value.nationalSeats,
    beacon: { source: beacon.source, round, publishedAt: publicationTime(round, ports.beaconClock).toISOString() },
  });
}
