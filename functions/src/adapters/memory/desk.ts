import type { Desk } from "../../usecases/ports.js";
import { NO_FAMILY, withMember } from "../../domain/family.js";
import { roundTrip, type Memory } from "./state.js";

/** The desk in memory: the same documents and all-or-nothing resolution as adapters/desk.ts. */
export function memoryDesk(memory: Memory): Desk {
  const { applicants, timeline, nikIndex, operatorDays, nikDisputes, deskReceipts, families } = memory.state;
  return {
    async nikOwner(nikKey) {
      await roundTrip();
      return nikIndex.read(nikKey)?.uid ?? null;
    },
    async assistedOn(operatorUid, day) {
      await roundTrip();
      return operatorDays.read(`${operatorUid}_${day}`)?.count ?? 0;
    },
    async dispute(id) {
      await roundTrip();
      return nikDisputes.read(id) ?? null;
    },
    async openDispute(id, doc) {
      await roundTrip();
      const existing = nikDisputes.read(id);
      if (existing !== undefined) return { created: false, dispute: existing };
      memory.batch().create(nikDisputes, id, doc).commit();
      return { created: true, dispute: structuredClone(doc) };
    },
    async receipt(requestId) {
      await roundTrip();
      return deskReceipts.read(requestId) ?? null;
    },
    async recordReceipt(requestId, doc) {
      await roundTrip();
      const existing = deskReceipts.read(requestId);
      if (existing !== undefined) return existing;
      memory.batch().create(deskReceipts, requestId, doc).commit();
      return structuredClone(doc);
    },
    async resolveDispute(id, decide) {
      await roundTrip();
      // From here to the commit nothing awaits: no other call comes in between, as in a transaction.
      const dispute = nikDisputes.read(id) ?? null;
      const events = dispute === null ? [] : timeline.under(`${dispute.uid}/`);
      const choice = decide({
        dispute,
        nikOwner: dispute === null ? null : (nikIndex.read(dispute.nikKey)?.uid ?? null),
        registration: dispute === null ? null : (applicants.read(dispute.uid) ?? null),
        timeline: events.map(([, event]) => event).sort((a, b) => a.at.getTime() - b.at.getTime()),
        claimantRegistration: dispute === null ? null : (applicants.read(dispute.claimantUid) ?? null),
      });
      if (dispute === null || choice.dispute === undefined) return choice.result;
      const batch = memory.batch().set(nikDisputes, id, choice.dispute);
      if (choice.retie !== undefined) {
        const { moved, claimantEvent, blocked, blockedEvent } = choice.retie;
        const to = choice.dispute.claimantUid;
        batch
          .set(nikIndex, dispute.nikKey, { uid: to, at: claimantEvent.at })
          .create(applicants, to, moved)
          .set(applicants, dispute.uid, blocked)
          .create(timeline, `${dispute.uid}/${memory.autoId()}`, blockedEvent);
        const registration = applicants.read(dispute.uid);
        if (registration !== undefined) batch.set(families, registration.kkKey, withMember(families.read(registration.kkKey) ?? NO_FAMILY, to, false));
        for (const [eventId, event] of events) batch.create(timeline, `${to}/${eventId}`, event);
        batch.create(timeline, `${to}/${memory.autoId()}`, claimantEvent);
      }
      batch.commit();
      return choice.result;
    },
  };
}
