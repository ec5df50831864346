import { firstRoundAtOrAfter, type BeaconClock } from "../domain/beacon.js";
import { prepareRules, seedCommitment, type RulesReason } from "../domain/draw/index.js";
import { done, refused, type Outcome } from "../domain/outcome.js";
import type { Actor } from "../domain/roles.js";
import { dueWaveState } from "../domain/wave.js";
import type { WaveDoc } from "../schemas/documents.js";
import type { CreateWaveInput } from "../schemas/waves.js";
import type { Clock, ProgramYears } from "./ports.js";

export type CreateWaveRefusal = "not-admin" | "wave-exists" | "program-year-not-configured" | "closes-in-the-past" | RulesReason;

export interface BeaconPlan {
  source: string;
  clock: BeaconClock;
  /** Seconds between the close and the beacon round: time enough to freeze the pool first. */
  marginSeconds: number;
}

export interface CreateWavePorts {
  waves: { create(id: string, wave: WaveDoc, seed: string): Promise<boolean> };
  programYears: ProgramYears;
  clock: Clock;
  /** 32 random bytes as hex, from a CSPRNG: the only randomness of the draw we make ourselves. */
  newSeed(): string;
  beacon: BeaconPlan;
}

/**
 * A program admin creates a wave. Its quota, strata, family limit, the commitment to its seed
 * and the beacon round are fixed now and public from now on: nothing about the draw can be
 * chosen after anyone has joined.
 */
export async function createWave(ports: CreateWavePorts, actor: Actor, input: CreateWaveInput): Promise<Outcome<{ waveId: string; wave: WaveDoc }, CreateWaveRefusal>> {
  if (actor.claims.role !== "admin") return refused("not-admin");
  const now = ports.clock.now();
  const closesAt = new Date(input.closesAt);
  if (closesAt <= now) return refused("closes-in-the-past");
  const year = await ports.programYears.get(input.programYear);
  if (year === null) return refused("program-year-not-configured");
  const rules = prepareRules({ quota: input.quota, familyLimit: year.familyLimit, strata: input.strata });
  if (!rules.ok) return rules;

  const seed = ports.newSeed();
  const round = firstRoundAtOrAfter(new Date(closesAt.getTime() + ports.beacon.marginSeconds * 1000), ports.beacon.clock);
  const times = { opensAt: new Date(input.opensAt), closesAt };
  const wave: WaveDoc = {
    number: input.number,
    programYear: input.programYear,
    state: dueWaveState({ state: "scheduled", ...times }, now),
    ...times,
    quota: input.quota,
    draw: { seedCommitment: seedCommitment(seed), beacon: { source: ports.beacon.source, round }, strata: input.strata, familyLimit: year.familyLimit },
  };
  const waveId = `${input.programYear}-${input.number}`;
  if (!(await ports.waves.create(waveId, wave, seed))) return refused("wave-exists");
  return done({ waveId, wave });
}
