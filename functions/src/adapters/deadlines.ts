import { FieldValue } from "firebase-admin/firestore";
import { SEATS_PER_TRANSACTION } from "../domain/training/deadline.js";
import { applicantDoc } from "../schemas/applicant.js";
import { freedSeatDoc } from "../schemas/training.js";
import { waveDoc } from "../schemas/documents.js";
import type { Deadlines } from "../usecases/ports.js";
import { applicants, budgetLedger, fields, freedSeats, getAll, timeline, waves } from "./collections.js";
import { db } from "./firebase.js";

/**
 * The deadline's bookkeeping in Firestore. A revocation is one transaction of five writes (the
 * applicant, the budget ledger entry, the freed seat, the timeline event — all keyed by the
 * person's pid or uid, so a repeated run finds them written and skips). Cost per lapsed
 * participant: one query read, one transaction read, four writes.
 */
export const firestoreDeadlines: Deadlines = {
  async lapsed(now, limit) {
    const snapshot = await applicants().where("lapseAt", "<=", now).orderBy("lapseAt").limit(limit).get();
    return snapshot.docs.map((doc) => doc.id);
  },
  async revoke(uid, decide) {
    return db().runTransaction(async (tx) => {
      const applicant = (await tx.get(applicants().doc(uid))).data() ?? null;
      const write = decide(applicant);
      if (write.kind === "skip") return write;
      tx.update(
        applicants().doc(uid),
        fields(applicantDoc, {
          status: "revoked",
          revokedAt: write.event.at,
          revokedFor: "purchase-deadline-passed",
          trainingBalance: 0,
          lapseAt: null,
          remindAt: null,
        }),
      );
      tx.set(budgetLedger().doc(`unspent-${write.pid}`), write.ledger);
      tx.set(freedSeats().doc(write.pid), write.seat);
      tx.set(timeline(uid).doc("revoked"), write.event);
      return write;
    });
  },
  async remindersDue(now, limit) {
    const snapshot = await applicants().where("remindAt", "<=", now).orderBy("remindAt").limit(limit).get();
    return snapshot.docs.map((doc) => ({ uid: doc.id, applicant: doc.data() }));
  },
  async advanceReminder(uid, from, to) {
    return db().runTransaction(async (tx) => {
      const applicant = (await tx.get(applicants().doc(uid))).data();
      if (applicant?.remindAt?.getTime() !== from.getTime()) return false;
      tx.update(applicants().doc(uid), fields(applicantDoc, { remindAt: to }));
      return true;
    });
  },
  async unassignedSeats(limit) {
    const snapshot = await freedSeats().where("toWave", "==", null).limit(limit).get();
    return snapshot.docs.map((doc) => ({ pid: doc.id, seat: doc.data() }));
  },
  async nextScheduledWave(now) {
    const snapshot = await waves().where("state", "==", "scheduled").get();
    const upcoming = snapshot.docs.map((doc) => ({ id: doc.id, wave: doc.data() })).filter(({ wave }) => wave.opensAt > now && wave.draw !== undefined);
    return upcoming.sort((a, b) => a.wave.opensAt.getTime() - b.wave.opensAt.getTime())[0] ?? null;
  },
  async assignSeats(waveId, pids, now) {
    if (pids.length > SEATS_PER_TRANSACTION) throw new Error(`assignSeats: ${pids.length} seats in one transaction (at most ${SEATS_PER_TRANSACTION})`);
    return db().runTransaction(async (tx) => {
      const wave = (await tx.get(waves().doc(waveId))).data();
      if (wave?.state !== "scheduled" || wave.opensAt <= now) return 0;
      const seats = await getAll(pids.map((pid) => freedSeats().doc(pid)));
      const free = pids.filter((_, i) => seats[i]?.toWave === null);
      if (free.length === 0) return 0;
      const byWave = new Map<string, number>();
      for (const pid of free) {
        const from = seats[pids.indexOf(pid)]!.fromWave;
        byWave.set(from, (byWave.get(from) ?? 0) + 1);
        tx.update(freedSeats().doc(pid), fields(freedSeatDoc, { toWave: waveId }));
      }
      const added = [...byWave].map(([fromWave, n]) => ({ fromWave, seats: n, at: now }));
      tx.update(waves().doc(waveId), {
        ...fields(waveDoc, { quota: wave.quota + free.length }),
        freedSeats: FieldValue.arrayUnion(...added),
      });
      return free.length;
    });
  },
};
