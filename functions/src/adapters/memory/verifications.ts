import type { Verifications, VerificationDecisionState } from "../../usecases/ports.js";
import { regionFieldOf } from "../verificationQueue.js";
import { roundTrip, type Memory } from "./state.js";

/** Verification cases in memory: adapters/verifications.ts's query and transaction. */
export function memoryVerifications(memory: Memory): Verifications {
  const { applicants, timeline, verificationDecisions } = memory.state;
  return {
    async cases({ state, region, after, limit }) {
      await roundTrip();
      const field = regionFieldOf(region);
      const key = (at: Date, uid: string) => `${String(at.getTime()).padStart(15, "0")}/${uid}`;
      const start = after === null ? "" : key(after.requestedAt, after.uid);
      return applicants
        .under("")
        .filter(([, applicant]) => applicant.verification?.state === state && (field === null || applicant[field] === region))
        .map(([uid, applicant]) => ({ uid, applicant, order: key(applicant.verification!.requestedAt, uid) }))
        .filter(({ order }) => order > start)
        .sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0))
        .slice(0, limit)
        .map(({ uid, applicant }) => ({ uid, applicant }));
    },
    async decide(uid, requestId, decide) {
      await roundTrip();
      // From here to the commit nothing awaits, as in a transaction.
      const state: VerificationDecisionState = { applicant: applicants.read(uid) ?? null, recorded: verificationDecisions.read(requestId) ?? null };
      const choice = decide(state);
      if (!choice.write) return state;
      memory
        .batch()
        .update(applicants, uid, { verification: choice.verification, eligibility: choice.eligibility })
        .create(timeline, `${uid}/verification-${requestId}`, choice.event)
        .create(verificationDecisions, requestId, choice.record)
        .commit();
      return state;
    },
  };
}
