import { firstRoundAtOrAfter } from "../domain/beacon.js";
import { prepareRules, seedCommitment } from "../domain/draw/index.js";
import { done, refused, type Outcome } from "../domain/outcome.js";
import { findProvince } from "../domain/regions/index.js";
import { mayDo, type Actor } from "../domain/roles.js";
import { dueWaveState } from "../domain/wave.js";
import type { WaveDoc } from "../schemas/documents.js";
import type { CreateWaveInput } from "../schemas/waves.js";
import type { Ports } from "./ports.js";
import type { CreateWaveRefusal, CreateWaveResult } from "../schemas/contract.js";

export type { CreateWaveRefusal };

/** Where the draw's public randomness comes from (configuration, not a port). */
export interface BeaconPlan {
  /** The drand-compatible beacon's URL. */
  source: string;
  /** Seconds between the close and the beacon round: time enough to freeze the pool first. */
  marginSeconds: number;
}

export type CreateWavePorts = Pick<Ports, "waves" | "programYears" | "clock" | "seeds" | "beaconClock" | "audit">;

/** What a valid wave input commits to, before anything is written (createWave saves it; planWave shows it). */
export interface CheckedWave {
  waveId: string;
  now: Date;
  opensAt: Date;
  closesAt: Date;
  familyLimit: number;
  rules: Extract<ReturnType<typeof prepareRules>, { ok: true }>["value"];
  /** The beacon round whose value goes into the draw. */
  round: number;
}

/**
 * The checks of a wave input, in order — the role, the close in the future, provinces as strata,
 * the program year, the quota's rules — and what the wave would then commit to. One function for
 * `createWave` and for `planWave`, so the plan shown is the plan saved.
 */
export async function checkWave(
  ports: Pick<CreateWavePorts, "programYears" | "clock" | "beaconClock">,
  beacon: BeaconPlan,
  actor: Actor,
  input: CreateWaveInput,
): Promise<Outcome<CheckedWave, CreateWaveRefusal>> {
  if (!mayDo(actor, "create-wave")) return refused("not-admin");
  const now = ports.clock.now();
  const closesAt = new Date(input.closesAt);
  if (closesAt <= now) return refused("closes-in-the-past");
  // Strata are provinces (an applicant's stratum is their province code): an unknown code would be a seat nobody can win.
  const strata = input.strata.kind === "shares" ? input.strata.basisPoints : input.strata.kind === "counts" ? input.strata.counts : {};
  if (Object.keys(strata).some((code) => findProvince(code) === null)) return refused("stratum-code-invalid");
  const year = await ports.programYears.get(input.programYear);
  if (year === null) return refused("program-year-not-configured");
  const rules = prepareRules({ quota: input.quota, familyLimit: year.familyLimit, strata: input.strata });
  if (!rules.ok) return rules;
  const round = firstRoundAtOrAfter(new Date(closesAt.getTime() + beacon.marginSeconds * 1000), ports.beaconClock);
  return done({
    waveId: `${input.programYear}-${input.number}`,
    now,
    opensAt: new Date(input.opensAt),
    closesAt,
    familyLimit: year.familyLimit,
    rules: rules.value,
    round,
  });
}

/**
 * A program admin creates a wave. Its quota, strata, family limit, the commitment to its seed
 * and the beacon round are fixed now and public from now on: nothing about the draw can be
 * chosen after anyone has joined.
 */
export async function createWave(
  ports: CreateWavePorts,
  beacon: BeaconPlan,
  actor: Actor,
  input: CreateWaveInput,
): Promise<Outcome<CreateWaveResult, CreateWaveRefusal>> {
  const checked = await checkWave(ports, beacon, actor, input);
  if (!checked.ok) return checked;
  const { waveId, now, opensAt, closesAt, familyLimit, round } = checked.value;

  const seed = ports.seeds.newSeed();
  const times = { opensAt, closesAt };
  const wave = {
    number: input.number,
    programYear: input.programYear,
    state: dueWaveState({ state: "scheduled", ...times }, now),
    ...times,
    quota: input.quota,
    draw: { seedCommitment: seedCommitment(seed), beacon: { source: beacon.source, round }, strata: input.strata, familyLimit },
  } satisfies WaveDoc;
  if (!(await ports.waves.create(waveId, wave, seed))) return refused("wave-exists");
  await ports.audit.append({
    act: "create-wave",
    actor: actor.uid,
    role: actor.claims.role,
    target: waveId,
    key: waveId,
    at: now,
    details: { quota: input.quota, strata: input.strata.kind, seedCommitment: wave.draw.seedCommitment, beaconRound: round },
  });
  return done({ waveId, state: wave.state, draw: wave.draw });
}
