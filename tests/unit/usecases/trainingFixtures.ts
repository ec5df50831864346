import type { MemoryPorts } from "../../../functions/src/adapters/memory/index.js";
import { participantTerms } from "../../../functions/src/domain/training/deadline.js";
import { register } from "../../../functions/src/usecases/register.js";
import { sendPurchaseOtp } from "../../../functions/src/usecases/training/purchase.js";
import { schedules, trainingPartners, trainings } from "../../../scripts/demo-data.js";
import { person, setup } from "./fixtures.js";

/**
 * Training in memory: the demo catalogue (two platforms, two institutions, five trainings, one
 * schedule each starting in ten days), and participants made through registration and then given
 * the terms a draw gives winners.
 */

export const PLATFORM = { clientCode: "platform-belajar" };
export const OTHER_PLATFORM = { clientCode: "kelas-kerja" };
export const INSTITUTION = { clientCode: "akademi-digital" };
export const LPK = { clientCode: "lpk-nusantara" };
/** Self-paced, Rp 750,000, no seat limit. */
export const SELF_PACED = { courseCode: "PMD-001", scheduleCode: "PMD-001-J1", price: 750_000 };
/** Webinar, Rp 500,000, 300 seats. */
export const WEBINAR = { courseCode: "AKT-002", scheduleCode: "AKT-002-J1", price: 500_000 };
/** Offline in Jakarta (31), Rp 1,500,000, 15 seats. */
export const OFFLINE = { courseCode: "TAC-005", scheduleCode: "TAC-005-J1", price: 1_500_000 };

export function trainingSetup(): MemoryPorts {
  const memory = setup();
  const now = memory.clock.now();
  const { trainingPartners: partners, trainings: courses, schedules: runs } = memory.state;
  for (const [code, partner] of Object.entries(trainingPartners(now))) partners.set(code, partner);
  for (const [code, training] of Object.entries(trainings(now))) courses.set(code, training);
  for (const [code, schedule] of Object.entries(schedules(now))) runs.set(code, schedule);
  return memory;
}

/** Person `n` registered as `uid` and selected now: Rp 3.5 million, 30 days to buy. Returns their pid. */
export async function participant(memory: MemoryPorts, uid: string, n: number): Promise<string> {
  const outcome = await register(memory, { uid, by: "self", requestId: `self:${uid}`, attemptLimit: 5 }, person(n));
  if (!outcome.ok) throw new Error(outcome.reason);
  const pid = memory.pseudonyms.pid(uid);
  const terms = participantTerms({ trainingBalance: 3_500_000, firstPurchaseDays: 30 }, memory.clock.now());
  const applicant = memory.state.applicants.read(uid)!;
  memory.state.applicants.set(uid, {
    ...applicant,
    status: "participant",
    pid,
    selectedWave: "2026-1",
    trainingBalance: terms.trainingBalance,
    purchaseDeadline: terms.purchaseDeadline,
    lapseAt: terms.purchaseDeadline,
    remindAt: terms.remindAt,
  });
  memory.state.pidIndex.set(pid, { uid });
  return pid;
}

/** The one-time code the participant was sent last (read off their SMS, as they would). */
export function lastOtp(memory: MemoryPorts, uid: string): string {
  const sms = [...memory.state.sms.values()].filter((m) => m.uid === uid && m.kind === "purchase-otp").at(-1);
  const code = /\b(\d{6})\b/.exec(sms?.body ?? "")?.[1];
  if (code === undefined) throw new Error(`no purchase OTP sent to ${uid}`);
  return code;
}

/** Asks for an OTP for `course` as the platform would; returns the payment token and the code sent. */
export async function otpFor(
  memory: MemoryPorts,
  uid: string,
  pid: string,
  course: { courseCode: string; scheduleCode: string; price: number },
  platform = PLATFORM,
) {
  const sent = await sendPurchaseOtp(memory, platform, {
    userPlatformId: `user-${uid}`,
    prakerjaId: pid,
    courseCode: course.courseCode,
    scheduleCode: course.scheduleCode,
    amount: course.price,
  });
  if (!sent.ok) throw new Error(sent.reason);
  return { token: sent.value.payment_token, otp: lastOtp(memory, uid) };
}
