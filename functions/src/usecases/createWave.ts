import { firstRoundAtOrAfter, publicationTime, type BeaconClock } from "../domain/beacon.js";
import { prepareRules, seedCommitment } from "../domain/draw/index.js";
import { done, refused, type Outcome } from "../domain/outcome.js";
import { findProvince } from "../domain/regions/index.js";
import { PRIORITY_RULE, type WavePriority } from "../domain/priority.js";
import { mayDo, type Actor } from "../domain/roles.js";
import { dueWaveState, poolClash, wibTime, type PoolWindow } from "../domain/wave.js";
import type { WaveDoc, WaveDrawPlan } from "../schemas/documents.js";
import type { CreateWaveInput } from "../schemas/waves.js";
import type { Ports, Seeds } from "./ports.js";
import type { CreateWaveRefusal, CreateWaveResult } from "../schemas/contract.js";

export type { CreateWaveRefusal };

/** Where the draw's public randomness comes from (configuration, not a port). */
export interface BeaconPlan {
  /** The drand-compatible beacon's URL. */
  source: string;
  /** The chain `source` serves, whose public key verifies each round (domain/beaconRound.ts). */
  chainHash: string;
  publicKey: string;
  /** Seconds between the close and the beacon round: time enough to freeze the pool first. */
  marginSeconds: number;
}

export type CreateWavePorts = Pick<Ports, "waves" | "programYears" | "clock" | "seeds" | "beaconClock" | "audit" | "priorityLists">;

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
  /** The declared priority list at its current version (absent: none). */
  priority?: WavePriority;
}

/**
 * The checks of a wave input, in order — the role, the close in the future, provinces as strata,
 * the program year, the quota's rules, the one-pool rule against every wave not yet drawn
 * (domain/wave.ts `poolClash`: `wave-overlaps` or `wave-draw-pending`, naming the other wave and
 * its times in Jakarta time) — and what the wave would then commit to. One function for
 * `createWave` and for `planWave`, so the plan shown is the plan saved.
 */
export async function checkWave(
  ports: Pick<CreateWavePorts, "waves" | "programYears" | "clock" | "beaconClock" | "priorityLists">,
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
  const priority = await declaredPriority(ports, input);
  if (!priority.ok) return priority;
  const share = input.priority === undefined ? {} : { priority: { basisPoints: input.priority.basisPoints } };
  const rules = prepareRules({ quota: input.quota, familyLimit: year.familyLimit, strata: input.strata, ...share });
  if (!rules.ok) return rules;
  const round = drawRound(closesAt, beacon, ports.beaconClock);
  const waveId = waveIdOf(input.programYear, input.number);
  const opensAt = new Date(input.opensAt);
  const candidate: PoolWindow = { waveId, state: "scheduled", opensAt, closesAt, drawAt: publicationTime(round, ports.beaconClock) };
  const clash = poolClash(candidate, await wavesNotDrawn(ports));
  if (clash !== null) {
    const { other } = clash;
    const named = { waveId: other.waveId, opensAt: wibTime(other.opensAt), closesAt: wibTime(other.closesAt), drawAt: wibTime(other.drawAt) };
    return refused(clash.kind === "overlap" ? "wave-overlaps" : "wave-draw-pending", named);
  }
  return done({
    waveId,
    now,
    opensAt,
    closesAt,
    familyLimit: year.familyLimit,
    rules: rules.value,
    round,
    ...(priority.value === null ? {} : { priority: priority.value }),
  });
}

/**
 * The input's priority list as the plan records it: the list must exist and have a completed
 * import, whose version (the current one now) fixes who is flagged in this wave, and the share of
 * the quota its priority round gets. The plan says in words what the flag does (PRIORITY_RULE).
 */
async function declaredPriority(
  ports: Pick<CreateWavePorts, "priorityLists">,
  input: CreateWaveInput,
): Promise<Outcome<WavePriority | null, "priority-list-unknown" | "priority-list-not-imported">> {
  if (input.priority === undefined) return done(null);
  const { listId, basisPoints } = input.priority;
  const list = await ports.priorityLists.get(listId);
  if (list === null) return refused("priority-list-unknown", { listId });
  if (list.currentVersion === 0) return refused("priority-list-not-imported", { listId });
  return done({ listId, version: list.currentVersion, name: list.name, basisPoints, rule: PRIORITY_RULE });
}

/** Every wave not yet drawn (a handful: scheduled, open, closed or frozen), with the time its draw can run. */
async function wavesNotDrawn(ports: Pick<CreateWavePorts, "waves" | "beaconClock">): Promise<PoolWindow[]> {
  const drawing = await Promise.all((await ports.waves.drawing()).map(async (id) => ({ id, wave: await ports.waves.get(id) })));
  const all = [...(await ports.waves.unfinished()), ...drawing];
  return all.flatMap(({ id, wave }) => (wave === null ? [] : [poolWindowOf(id, wave, ports.beaconClock)]));
}

/** A wave made before draws had a plan is drawn at its close, as far as the rule can tell. */
const poolWindowOf = (waveId: string, wave: WaveDoc, clock: BeaconClock): PoolWindow => ({
  waveId,
  state: wave.state,
  opensAt: wave.opensAt,
  closesAt: wave.closesAt,
  drawAt: wave.draw === undefined ? wave.closesAt : publicationTime(wave.draw.beacon.round, clock),
});

/** A wave's document ID: its program year and number, e.g. "2026-7". */
export const waveIdOf = (programYear: number, number: number): string => `${programYear}-${number}`;

/** The beacon round a wave closing at `closesAt` is drawn with: the first one out `marginSeconds` after the close. */
export const drawRound = (closesAt: Date, beacon: Pick<BeaconPlan, "marginSeconds">, clock: BeaconClock): number =>
  firstRoundAtOrAfter(new Date(closesAt.getTime() + beacon.marginSeconds * 1000), clock);

/** What a new wave is made of once its input is checked: the input's fields, the family limit and beacon round it fixes. */
export interface NewWave {
  number: number;
  programYear: number;
  opensAt: Date;
  closesAt: Date;
  quota: number;
  strata: CreateWaveInput["strata"];
  /** The program year's family limit (members of one KK who may win). */
  familyLimit: number;
  /** The beacon round whose value goes into the draw (`drawRound`). */
  round: number;
  priority?: WavePriority;
}

/** A wave document with its draw plan, as every wave created since draws have a plan. */
export type PlannedWaveDoc = WaveDoc & { draw: WaveDrawPlan };

/**
 * A new wave exactly as `createWave` stores it: its ID, the document (state due at `now`; the
 * plan with the commitment to a fresh seed from `seeds` and the beacon's source, chain and round)
 * and the seed for `waveSecrets/{waveId}`. Checks no rule (`checkWave` does): the integration
 * and browser tests seed their setup waves through it (tests/support/waves.ts).
 */
export function newWave(
  plan: NewWave,
  beacon: Omit<BeaconPlan, "marginSeconds">,
  seeds: Seeds,
  now: Date,
): { waveId: string; wave: PlannedWaveDoc; seed: string } {
  const seed = seeds.newSeed();
  const times = { opensAt: plan.opensAt, closesAt: plan.closesAt };
  const wave = {
    number: plan.number,
    programYear: plan.programYear,
    state: dueWaveState({ state: "scheduled", ...times }, now),
    ...times,
    quota: plan.quota,
    draw: {
      seedCommitment: seedCommitment(seed),
      beacon: { source: beacon.source, round: plan.round, chainHash: beacon.chainHash, publicKey: beacon.publicKey },
      strata: plan.strata,
      familyLimit: plan.familyLimit,
      ...(plan.priority === undefined ? {} : { priority: plan.priority }),
    },
  } satisfies PlannedWaveDoc;
  return { waveId: waveIdOf(plan.programYear, plan.number), wave, seed };
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
  const { waveId, now, opensAt, closesAt, familyLimit, round, priority } = checked.value;
  const { number, programYear, quota, strata } = input;
  const { wave, seed } = newWave(
    { number, programYear, opensAt, closesAt, quota, strata, familyLimit, round, ...(priority === undefined ? {} : { priority }) },
    beacon,
    ports.seeds,
    now,
  );
  if (!(await ports.waves.create(waveId, wave, seed))) return refused("wave-exists");
  await ports.audit.append({
    act: "create-wave",
    actor: actor.uid,
    role: actor.claims.role,
    target: waveId,
    key: waveId,
    at: now,
    details: {
      quota: input.quota,
      strata: input.strata.kind,
      seedCommitment: wave.draw.seedCommitment,
      beaconRound: round,
      ...(priority === undefined ? {} : { priorityList: `${priority.listId}-v${priority.version}`, priorityBasisPoints: priority.basisPoints }),
    },
  });
  return done({ waveId, state: wave.state, draw: wave.draw });
}
