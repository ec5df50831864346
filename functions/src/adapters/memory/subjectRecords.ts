import type { SubjectRecords } from "../../usecases/ports.js";
import type { Memory } from "./state.js";

/** The right of access's reads over the memory state (adapters/subjectRecords.ts in Firestore). */
export function memorySubjectRecords(memory: Memory): SubjectRecords {
  const { state } = memory;
  return {
    entitlement: (uid) => Promise.resolve(state.entitlements.read(uid) ?? null),
    inbox: (uid) => Promise.resolve(state.inbox.under(`${uid}/`).map(([key, doc]) => ({ key, doc }))),
    clawbacksOf: (uid) =>
      Promise.resolve(
        state.clawbacks
          .under("")
          .filter(([, doc]) => doc.uid === uid)
          .map(([installmentId, doc]) => ({ installmentId, doc, repayments: state.clawbackRepayments.under(`${installmentId}/`).map(([, r]) => r) })),
      ),
  };
}
