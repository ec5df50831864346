import type { Deadlines } from "../../usecases/ports.js";
import { roundTrip, type Memory } from "./state.js";

/** The deadline's bookkeeping in memory, with the Firestore adapter's reads and writes. */
export function memoryDeadlines(memory: Memory): Deadlines {
  const { applicants, budgetLedger, freedSeats, timeline, waves } = memory.state;
  const byTime = (field: "lapseAt" | "remindAt", now: Date) =>
    [...applicants.entries()]
      .filter(([, a]) => a[field] instanceof Date && a[field] <= now)
      .sort(([, a], [, b]) => (a[field] as Date).getTime() - (b[field] as Date).getTime());
  return {
    async lapsed(now, limit) {
      await roundTrip();
      return byTime("lapseAt", now)
        .slice(0, limit)
        .map(([uid]) => uid);
    },
    async revoke(uid, decide) {
      await roundTrip();
      const write = decide(applicants.read(uid) ?? null);
      if (write.kind === "skip") return write;
      memory
        .batch()
        .update(applicants, uid, {
          status: "revoked",
          revokedAt: write.event.at,
          revokedFor: "purchase-deadline-passed",
          trainingBalance: 0,
          lapseAt: null,
          remindAt: null,
        })
        .set(budgetLedger, `unspent-${write.pid}`, write.ledger)
        .set(freedSeats, write.pid, write.seat)
        .set(timeline, `${uid}/revoked`, write.event)
        .commit();
      return write;
    },
    async remindersDue(now, limit) {
      await roundTrip();
      return byTime("remindAt", now)
        .slice(0, limit)
        .map(([uid, applicant]) => ({ uid, applicant: structuredClone(applicant) }));
    },
    async advanceReminder(uid, from, to) {
      await roundTrip();
      if (applicants.read(uid)?.remindAt?.getTime() !== from.getTime()) return false;
      memory.batch().update(applicants, uid, { remindAt: to }).commit();
      return true;
    },
    async unassignedSeats(limit) {
      await roundTrip();
      return [...freedSeats.entries()]
        .filter(([, seat]) => seat.toWave === null)
        .slice(0, limit)
        .map(([pid, seat]) => ({ pid, seat: structuredClone(seat) }));
    },
    async nextScheduledWave(now) {
      await roundTrip();
      const upcoming = [...waves.entries()].filter(([, w]) => w.state === "scheduled" && w.opensAt > now && w.draw !== undefined);
      const [first] = upcoming.sort(([, a], [, b]) => a.opensAt.getTime() - b.opensAt.getTime());
      return first === undefined ? null : { id: first[0], wave: structuredClone(first[1]) };
    },
    async assignSeats(waveId, pids, now) {
      await roundTrip();
      const wave = waves.read(waveId);
      if (wave?.state !== "scheduled" || wave.opensAt <= now) return 0;
      const free = pids.filter((pid) => freedSeats.read(pid)?.toWave === null);
      if (free.length === 0) return 0;
      const byWave = new Map<string, number>();
      const batch = memory.batch();
      for (const pid of free) {
        const from = freedSeats.read(pid)!.fromWave;
        byWave.set(from, (byWave.get(from) ?? 0) + 1);
        batch.update(freedSeats, pid, { toWave: waveId });
      }
      const added = [...byWave].map(([fromWave, seats]) => ({ fromWave, seats, at: now }));
      batch.update(waves, waveId, { quota: wave.quota + free.length, freedSeats: [...(wave.freedSeats ?? []), ...added] }).commit();
      return free.length;
    },
  };
}
