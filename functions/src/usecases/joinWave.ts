import { done, refused, type Outcome } from "../domain/outcome.js";
import { dueWaveState } from "../domain/wave.js";
import type { ReasonCode } from "../domain/eligibility.js";
import type { ApplicantDoc, TimelineEventDoc } from "../schemas/applicant.js";
import type { WaveDoc } from "../schemas/documents.js";
import { recheckEligibility } from "./eligibilityCheck.js";
import type { Ports } from "./ports.js";
import type { JoinWaveRefusal, JoinWaveResult } from "../schemas/contract.js";

export type { JoinWaveRefusal, JoinWaveResult };

export type JoinWavePorts = Pick<Ports, "waves" | "registrations" | "lists" | "programYears" | "pseudonyms" | "pool" | "clock" | "vault">;

/** Refusals of joining itself (the callables add who may ask for whom). */
export type JoinRefusal = "wave-not-open" | "not-eligible" | "program-year-not-configured" | "registration-blocked" | ReasonCode;

/** Who asks: the person, or an operator at the desk with the person's consent. */
export type Joiner = { by: "self" } | { by: "operator"; operator: string; requestId: string };

/**
 * An eligible applicant joins an open wave once; if not drawn they stay in the pool for every
 * later wave without doing anything (no per-person write carries them over). Eligibility is
 * checked now, and again at the draw.
 */
export async function joinWave(ports: JoinWavePorts, uid: string, waveId: string): Promise<Outcome<JoinWaveResult, JoinWaveRefusal>> {
  const [wave, applicant] = await Promise.all([ports.waves.get(waveId), ports.registrations.applicant(uid)]);
  if (!isOpen(wave, ports.clock.now())) return refused("wave-not-open");
  if (applicant === null) return refused("not-registered");
  return joinPool(ports, { uid, applicant, waveId, wave }, { by: "self" });
}

/** The wave and the applicant, as the caller read them. */
export interface JoinRequest {
  uid: string;
  applicant: ApplicantDoc;
  waveId: string;
  wave: WaveDoc | null;
}

/**
 * The applicant joins the open wave. A refusal for not being eligible carries the first unmet
 * rule as its reason and every unmet rule in `details.reasons` (REASON_CODES order), so the person
 * learns everything to put right at once.
 */
export async function joinPool(ports: JoinWavePorts, request: JoinRequest, joiner: Joiner): Promise<Outcome<JoinWaveResult, JoinRefusal>> {
  const { uid, applicant, waveId, wave } = request;
  const now = ports.clock.now();
  // The clock closes a wave at closesAt even before the schedule records it.
  if (!isOpen(wave, now)) return refused("wave-not-open");
  // The other side of a NIK dispute: its NIK is someone else's now (usecases/desk/resolveNikDispute.ts).
  if (applicant.status === "blocked") return refused("registration-blocked");
  if (applicant.status === "revoked") return refused("blocked", { reasons: ["blocked"] });
  if (applicant.status !== "registered") return refused("already-participant", { reasons: ["already-participant"] });
  const pid = ports.pseudonyms.pid(uid);
  if (applicant.inPool === true) return done({ waveId, pid, joined: await joinedBy(ports, uid, joiner) });

  // The wave's own program year: a wave still open across New Year keeps the rules it opened under.
  const rules = await ports.programYears.get(wave.programYear);
  if (rules === null) return refused("program-year-not-configured");
  const decide = await recheckEligibility(ports, applicant, rules, now);
  const eligibility = decide(await ports.registrations.family(applicant.kkKey));
  if (!eligibility.eligible) return refused(eligibility.reasons[0] ?? "not-eligible", { reasons: eligibility.reasons });

  const event: TimelineEventDoc =
    joiner.by === "self"
      ? { kind: "joined-pool", at: now, waveId }
      : { kind: "joined-pool", at: now, waveId, by: joiner.operator, requestId: joiner.requestId, consent: true };
  const joined = await ports.pool.join(uid, { pid, familyPid: ports.pseudonyms.family(applicant.kkKey), waveId }, event);
  return done({ waveId, pid, joined: joined || (await joinedBy(ports, uid, joiner)) });
}

function isOpen(wave: WaveDoc | null, now: Date): wave is WaveDoc {
  return wave !== null && wave.draw !== undefined && dueWaveState(wave, now) === "open";
}

/** Already in the pool: joined by this very request (an operator's retry answers as its first call), or not. */
async function joinedBy(ports: JoinWavePorts, uid: string, joiner: Joiner): Promise<boolean> {
  if (joiner.by === "self") return false;
  const timeline = await ports.registrations.timeline(uid);
  return timeline.some((event) => event.kind === "joined-pool" && event.requestId === joiner.requestId);
}
