import { done, refused, type Outcome } from "../../domain/outcome.js";
import { COOLING_OFF_HOURS, mayCancel, OTP_MAX_ATTEMPTS } from "../../domain/training/purchase.js";
import type { MyTraining } from "../../schemas/myTraining.js";
import type { ProgramYearDoc } from "../../schemas/documents.js";
import { scheduleChanges } from "../payouts/schedule.js";
import type { Ports, ReviewWrite } from "../ports.js";

/** An entitlement without its installments would be money owed and never paid: no program year, no entitlement (the review fails and can be retried). */
function incentiveRules(programYear: ProgramYearDoc | null, year: number | undefined): ProgramYearDoc {
  if (programYear === null) throw new Error(`no program year ${year ?? "(no applicant)"} to schedule the incentive from`);
  return programYear;
}

/**
 * The participant's own side of training: what they hold ("my training"), and the review of a
 * completed training, whose first one makes them entitled to incentives.
 */

type ParticipantPorts = Pick<Ports, "training" | "clock">;

/** "My training": the balance, the deadline while it applies, and every voucher. Refused for someone not (or no longer) a participant. */
export async function myTraining(ports: ParticipantPorts, uid: string): Promise<Outcome<MyTraining, "not-participant" | "participant-revoked">> {
  const now = ports.clock.now();
  const applicant = await ports.training.applicant(uid);
  if (applicant?.status === "revoked") return refused("participant-revoked");
  if (applicant === null || applicant.status !== "participant") return refused("not-participant");
  const [vouchers, tokens] = await Promise.all([ports.training.vouchersOf(uid), ports.training.paymentTokensOf(uid)]);
  const waiting = tokens.filter(
    ({ token }) => token.usedFor === undefined && token.declined !== true && token.expiresAt > now && token.attempts < OTP_MAX_ATTEMPTS,
  );
  const courseCodes = [...new Set([...vouchers.map((v) => v.courseCode), ...waiting.map((w) => w.token.courseCode)])];
  const platformCodes = [...new Set([...vouchers.map((v) => v.platformCode), ...waiting.map((w) => w.token.platformCode)])];
  const [courses, platforms] = await Promise.all([
    Promise.all(courseCodes.map((code) => ports.training.training(code))),
    Promise.all(platformCodes.map((code) => ports.training.partner(code))),
  ]);
  const course = new Map(courses.filter((c) => c !== null).map((c) => [c.courseCode, c]));
  const platformName = new Map(platformCodes.map((code, i) => [code, platforms[i]?.name ?? code]));
  return done({
    prakerjaId: applicant.pid ?? "",
    pending: waiting.map(({ tokenHash, token }) => ({
      id: tokenHash,
      platform: platformName.get(token.platformCode) ?? token.platformCode,
      title: course.get(token.courseCode)?.title ?? token.courseCode,
      amount: token.amount,
      code: token.otp,
      expiresAt: token.expiresAt.toISOString(),
    })),
    balance: applicant.trainingBalance ?? 0,
    deadline: (applicant.firstPurchaseAt ?? null) === null ? (applicant.purchaseDeadline?.toISOString() ?? null) : null,
    vouchers: vouchers
      .sort((a, b) => b.issuedAt.getTime() - a.issuedAt.getTime())
      .map((v) => ({
        redeemCode: v.redeemCode,
        courseCode: v.courseCode,
        title: course.get(v.courseCode)?.title ?? v.courseCode,
        institution: course.get(v.courseCode)?.institutionName ?? v.institutionCode,
        platform: platformName.get(v.platformCode) ?? v.platformCode,
        scheduleCode: v.scheduleCode,
        startsAt: v.startsAt.toISOString(),
        amount: v.amount,
        state: v.state,
        sessions: v.attended.filter((s) => s <= 10),
        postTest: v.attended.includes(999),
        cancellableUntil:
          v.state === "issued" && mayCancel(v.issuedAt, v.startsAt, now) === "ok"
            ? new Date(Math.min(v.issuedAt.getTime() + COOLING_OFF_HOURS * 3600_000, v.startsAt.getTime())).toISOString()
            : null,
        reviewed: v.review !== undefined,
      })),
  });
}

export type ReviewRefusal = "voucher-not-found" | "training-not-completed" | "already-reviewed";

/**
 * The participant rates (1–5) and reviews a training they completed. The first completed and
 * reviewed training makes them entitled to incentives: `entitlements/{uid}` is created in the same
 * transaction, once — the one event the payouts work consumes.
 */
export async function reviewTraining(
  ports: ParticipantPorts & Pick<Ports, "registrations" | "programYears">,
  uid: string,
  input: { redeemCode: string; rating: number; text: string },
): Promise<Outcome<{ entitled: boolean }, ReviewRefusal>> {
  const now = ports.clock.now();
  // The incentive rules of the person's program year, read before the transaction (they do not change under it).
  const applicant = await ports.registrations.applicant(uid);
  const programYear = applicant === null ? null : await ports.programYears.get(applicant.programYear);
  const write = await ports.training.review(input.redeemCode, ({ voucher, entitlement }): ReviewWrite<ReviewRefusal> => {
    if (voucher === null || voucher.uid !== uid) return { kind: "refused", reason: "voucher-not-found" };
    if (voucher.state !== "completed" || voucher.completedAt === undefined) return { kind: "refused", reason: "training-not-completed" };
    if (voucher.review !== undefined) return { kind: "refused", reason: "already-reviewed" };
    return {
      kind: "reviewed",
      voucher: { ...voucher, review: { rating: input.rating, text: input.text, at: now } },
      // The region travels with the entitlement and its payouts, so the regional dashboard counts them per regency.
      entitlement:
        entitlement === null
          ? {
              redeemCode: voucher.redeemCode,
              completedAt: voucher.completedAt,
              reviewedAt: now,
              at: now,
              ...(applicant === null ? {} : { regencyCode: applicant.regencyCode }),
            }
          : null,
      schedule: entitlement === null ? scheduleChanges(uid, incentiveRules(programYear, applicant?.programYear), now, applicant?.regencyCode) : [],
      event: { kind: "training-reviewed", at: now, courseCode: voucher.courseCode },
    };
  });
  if (write.kind === "refused") return refused(write.reason);
  return done({ entitled: true });
}

/** "I did not ask for this": the participant declines a purchase waiting for its code; the platform's authorize is refused. */
export async function declinePurchase(ports: Pick<Ports, "training">, uid: string, id: string): Promise<Outcome<{ declined: true }, "purchase-not-found">> {
  return (await ports.training.declinePaymentToken(id, uid)) ? done({ declined: true }) : refused("purchase-not-found");
}
