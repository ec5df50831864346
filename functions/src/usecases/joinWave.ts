import { done, refused, type Outcome } from "../domain/outcome.js";
import { dueWaveState } from "../domain/wave.js";
import type { ReasonCode } from "../domain/eligibility.js";
import { checkEligibility } from "./eligibilityCheck.js";
import type { Ports } from "./ports.js";
import type { JoinWaveRefusal, JoinWaveResult } from "../schemas/contract.js";

export type { JoinWaveRefusal, JoinWaveResult };

export type JoinWavePorts = Pick<Ports, "waves" | "registrations" | "lists" | "programYears" | "pseudonyms" | "pool" | "clock">;

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
  if (applicant.status === "revoked") return refused("blocked");
  if (applicant.status !== "registered") return refused("already-participant");
  const pid = ports.pseudonyms.pid(uid);
  if (applicant.inPool === true) return done({ waveId, pid, joined: false });

  // The wave's own program year: a wave still open across New Year keeps the rules it opened under.
  const rules = await ports.programYears.get(wave.programYear);
  if (rules === null) return refused("program-year-not-configured");
  const decide = await checkEligibility(ports.lists, applicant, rules, now);
  const eligibility = decide(await ports.registrations.family(applicant.kkKey));
  if (!eligibility.eligible) return refused(eligibility.reasons[0] ?? "not-eligible");

  const joined = await ports.pool.join(uid, { pid, familyPid: ports.pseudonyms.family(applicant.kkKey), waveId }, { kind: "joined-pool", at: now, waveId });
  return done({ waveId, pid, joined });
}
