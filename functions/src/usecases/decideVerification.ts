import { calendarDateIn } from "../domain/calendar.js";
import { done, refused, type Outcome } from "../domain/outcome.js";
import { canSeeRegion, mayDo, type Actor } from "../domain/roles.js";
import { isDecidable } from "../domain/verification.js";
import type { ApplicantDoc, TimelineEventDoc, VerificationDoc } from "../schemas/applicant.js";
import type { DecideVerificationRefusal } from "../schemas/contract.js";
import type { DecideVerificationInput, DecideVerificationResult, VerificationDecisionDoc } from "../schemas/verification.js";
import { recheckEligibility } from "./eligibilityCheck.js";
import type { Ports } from "./ports.js";
import { verificationViewOf } from "./verificationView.js";

export type { DecideVerificationRefusal };

export type DecideVerificationPorts = Pick<Ports, "registrations" | "verifications" | "lists" | "programYears" | "clock" | "vault" | "audit">;

/**
 * An operator of the person's region (or an admin) has seen the person's documents at the labor
 * office and decides their case: `verified` with the documents seen — eligibility is then decided
 * as usual, the NIK's differing digits no longer count — or `rejected` with a reason, which the
 * person is told. A rejected case may be decided again on a later visit; a verified one is final.
 * Every decision is recorded once under its request's ID (`verificationDecisions/{requestId}`:
 * who, when, what was seen) with a timeline event naming the operator; a retry answers as the
 * first call did and writes nothing.
 */
export async function decideVerification(
  ports: DecideVerificationPorts,
  actor: Actor,
  input: DecideVerificationInput,
): Promise<Outcome<DecideVerificationResult, DecideVerificationRefusal>> {
  if (!mayDo(actor, "decide-verification")) return refused("not-operator-or-admin");
  if (actor.uid === input.uid) return refused("own-case");
  const applicant = await ports.registrations.applicant(input.uid);
  if (applicant?.verification === undefined) return refused("case-not-found");
  if (!canSeeRegion(actor.claims, applicant.districtCode)) return refused("person-outside-region");

  const now = ports.clock.now();
  const rules = await ports.programYears.get(calendarDateIn(now).year);
  if (rules === null) return refused("program-year-not-configured");
  const record: VerificationDecisionDoc = {
    uid: input.uid,
    districtCode: applicant.districtCode,
    decision: input.decision,
    by: actor.uid,
    at: now,
    documentsSeen: input.documentsSeen,
    ...(input.decision === "rejected" ? { rejection: input.rejection } : {}),
  };
  const { uid: _uid, districtCode: _district, ...decision } = record;
  const verification: VerificationDoc = {
    ...applicant.verification,
    state: input.decision,
    decision: { ...decision, requestId: input.requestId },
  };
  const decide = await recheckEligibility(ports, { ...applicant, verification }, rules, now);
  const eligibility = decide(await ports.registrations.family(applicant.kkKey));
  const event: TimelineEventDoc = {
    kind: input.decision === "verified" ? "identity-verified" : "identity-rejected",
    at: now,
    eligible: eligibility.eligible,
    reasons: eligibility.reasons,
    by: actor.uid,
    requestId: input.requestId,
    documentsSeen: input.documentsSeen,
    ...(input.decision === "rejected" ? { rejection: input.rejection } : {}),
  };

  let decided = false;
  const state = await ports.verifications.decide(input.uid, input.requestId, ({ applicant: current, recorded }) => {
    // A transaction may run this more than once: only the last run's choice counts.
    decided = recorded === null && isDecidable(current?.verification);
    return decided ? { write: true, verification, eligibility, event, record } : { write: false };
  });

  const audit = () =>
    ports.audit.append({
      act: "decide-verification",
      actor: actor.uid,
      role: actor.claims.role,
      target: input.uid,
      key: input.requestId,
      at: now,
      region: applicant.districtCode,
      details: {
        decision: input.decision,
        documentsSeen: input.documentsSeen.join(","),
        ...(record.rejection === undefined ? {} : { rejection: record.rejection }),
      },
    });
  if (decided) {
    await audit();
    return done(resultOf(input.uid, { ...applicant, verification, eligibility }, true));
  }
  if (state.recorded !== null) {
    if (!sameDecision(state.recorded, record) || state.applicant === null) return refused("request-id-reused");
    // A retry after a crash between the decision and its audit entry records it now (idempotent by key).
    await audit();
    return done(resultOf(input.uid, state.applicant, false));
  }
  return state.applicant?.verification === undefined ? refused("case-not-found") : refused("already-verified");
}

/** A retry: the same person, the same operator, the same decision on the same documents. */
function sameDecision(recorded: VerificationDecisionDoc, asked: VerificationDecisionDoc): boolean {
  return (
    recorded.uid === asked.uid &&
    recorded.by === asked.by &&
    recorded.decision === asked.decision &&
    recorded.rejection === asked.rejection &&
    recorded.documentsSeen.join() === asked.documentsSeen.join()
  );
}

function resultOf(uid: string, applicant: ApplicantDoc, decided: boolean): DecideVerificationResult {
  const { eligible, reasons } = applicant.eligibility;
  return { uid, verification: verificationViewOf(applicant)!, eligibility: { eligible, reasons }, decided };
}
