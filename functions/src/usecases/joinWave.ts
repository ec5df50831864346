import { calendarDateIn } from "../domain/calendar.js";
import { done, refused, type Outcome } from "../domain/outcome.js";
import { dueWaveState } from "../domain/wave.js";
import type { ReasonCode } from "../domain/eligibility.js";
import type { TimelineEventDoc } from "../schemas/applicant.js";
import type { WaveDoc } from "../schemas/documents.js";
import { checkEligibility } from "./eligibilityCheck.js";
import type { Clock, ExclusionLists, ProgramYears, Pseudonyms, Registrations } from "./ports.js";

export type JoinWaveRefusal = "wave-not-open" | "not-registered" | "not-eligible" | "already-participant" | "program-year-not-configured";

export interface PoolMembership {
  /** Puts the applicant in the pool and records their pseudonyms, unless already there; true when it did. */
  join(uid: string, pool: { pid: string; familyPid: string; waveId: string }, event: TimelineEventDoc): Promise<boolean>;
}

export interface JoinWavePorts {
  waves: { get(id: string): Promise<WaveDoc | null> };
  registrations: Registrations;
  lists: ExclusionLists;
  programYears: ProgramYears;
  pseudonyms: Pick<Pseudonyms, "pid" | "family">;
  pool: PoolMembership;
  clock: Clock;
}

export interface JoinWaveResult {
  waveId: string;
  pid: string;
  /** False when the person was already in the pool (joined before, or carried over). */
  joined: boolean;
}

/**
 * An eligible applicant joins an open wave once; if not drawn they stay in the pool for every
 * later wave without doing anything (no per-person write carries them over). Eligibility is
 * checked now, and again at the draw.
 */
export async function joinWave(ports: JoinWavePorts, uid: string, waveId: string): Promise<Outcome<JoinWaveResult, JoinWaveRefusal | ReasonCode>> {
  const [wave, applicant] = await Promise.all([ports.waves.get(waveId), ports.registrations.applicant(uid)]);
  const now = ports.clock.now();
  // The clock closes a wave at closesAt even before the schedule records it.
  if (wave === null || wave.draw === undefined || dueWaveState(wave, now) !== "open") return refused("wave-not-open");
  if (applicant === null) return refused("not-registered");
  if (applicant.status !== "registered") return refused("already-participant");
  const pid = ports.pseudonyms.pid(uid);
  if (applicant.inPool === true) return done({ waveId, pid, joined: false });

  const rules = await ports.programYears.get(calendarDateIn(now).year);
  if (rules === null) return refused("program-year-not-configured");
  const decide = await checkEligibility(ports.lists, applicant, rules, now);
  const eligibility = decide(await ports.registrations.family(applicant.kkKey));
  if (!eligibility.eligible) return refused(eligibility.reasons[0] ?? "not-eligible");

  const joined = await ports.pool.join(uid, { pid, familyPid: ports.pseudonyms.family(applicant.kkKey), waveId }, { kind: "joined-pool", at: now, waveId });
  return done({ waveId, pid, joined });
}
