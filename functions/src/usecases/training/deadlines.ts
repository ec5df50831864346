import { nextReminderAt, reminderDue, SEATS_PER_TRANSACTION } from "../../domain/training/deadline.js";
import type { Ports, RevokeWrite } from "../ports.js";

/**
 * The first-purchase deadline, run by the clock (functions/expirePurchaseDeadlines.ts, hourly):
 * 1. reminders 7 days and 1 day before the deadline (in the app, by SMS and email);
 * 2. at the deadline, a participant who bought nothing is revoked — a permanent block, the
 *    reason in their timeline, their unspent balance returned to the program's budget ledger,
 *    their seat freed;
 * 3. freed seats are added, before it opens, to the next scheduled wave's quota (a recovery wave
 *    is simply a wave created for them), publicly: `waves/{id}.freedSeats` says from which wave.
 * Every step is idempotent and resumable: a revocation is one transaction keyed by the person, a
 * reminder is sent under a key before `remindAt` moves, seats are marked as they are taken. A run
 * that dies is finished by the next one. `now` is the schedule's own time (a late or repeated run
 * decides the same way; the dev scheduler's accelerated clock works), so tests move it.
 */

type DeadlinePorts = Pick<Ports, "deadlines" | "notifications" | "audit">;

/** How many people one step handles per page, and at once. */
const PAGE = 200;
const AT_ONCE = 8;

export interface DeadlineRun {
  reminded: number;
  revoked: number;
  /** Revocations whose transaction failed (contention, an outage): still lapsed, the next run revokes them. */
  revokeFailed: number;
  /** Revocation notices that could not be written (the revocation stands; the person sees it in the app). */
  noticesFailed: number;
  /** Revocations whose audit entry could not be written (the revocation stands; logged as a warning). */
  auditFailed: number;
  seatsAssigned: number;
  /** Freed seats still waiting for a scheduled wave (none exists, or it opened already). */
  seatsWaiting: number;
}

export async function runDeadlines(ports: DeadlinePorts, now: Date, options: { maxPerStep?: number } = {}): Promise<DeadlineRun> {
  const max = options.maxPerStep ?? 50_000;
  const reminded = await sendReminders(ports, now, max);
  const { revoked, noticesFailed, auditFailed, failed } = await revokeLapsed(ports, now, max);
  const { assigned, waiting } = await assignFreedSeats(ports, now);
  return { reminded, revoked, revokeFailed: failed, noticesFailed, auditFailed, seatsAssigned: assigned, seatsWaiting: waiting };
}

async function sendReminders(ports: DeadlinePorts, now: Date, max: number): Promise<number> {
  let sent = 0;
  for (;;) {
    const due = await ports.deadlines.remindersDue(now, PAGE);
    if (due.length === 0 || sent >= max) return sent;
    let moved = 0;
    await inParallel(due, async ({ uid, applicant }) => {
      const { remindAt, purchaseDeadline, pid } = applicant;
      if (remindAt === null || remindAt === undefined || purchaseDeadline === undefined || pid === undefined) return;
      const days = reminderDue(purchaseDeadline, remindAt);
      await ports.notifications.send(`deadline-${days}d-${pid}`, {
        kind: days === 7 ? "deadline-reminder-7d" : "deadline-reminder-1d",
        uid,
        params: { purchaseDeadline, trainingBalance: applicant.trainingBalance ?? 0 },
      });
      if (await ports.deadlines.advanceReminder(uid, remindAt, nextReminderAt(purchaseDeadline, remindAt))) moved += 1;
    });
    sent += moved;
    // Nothing moved: what is left is not ours to move (e.g. a missing pid); stop rather than spin.
    if (moved === 0) return sent;
  }
}

async function revokeLapsed(
  ports: DeadlinePorts,
  now: Date,
  max: number,
): Promise<{ revoked: number; noticesFailed: number; auditFailed: number; failed: number }> {
  let revoked = 0;
  let noticesFailed = 0;
  let auditFailed = 0;
  // People whose transaction failed this run (each counted once, however often it was tried).
  const failed = new Set<string>();
  for (;;) {
    const lapsed = await ports.deadlines.lapsed(now, PAGE);
    if (lapsed.length === 0 || revoked >= max) return { revoked, noticesFailed, auditFailed, failed: failed.size };
    let done = 0;
    await inParallel(lapsed, async (uid) => {
      const write = await revokeOne(uid);
      if (write === null) {
        failed.add(uid);
        return;
      }
      if (write.kind !== "revoke") return;
      done += 1;
      // The clock's act on the audit log, keyed by the person: a revocation is once per person.
      try {
        await ports.audit.append({
          act: "revoke-participant",
          actor: "system",
          role: "system",
          target: uid,
          key: `purchase-deadline-${uid}`,
          at: now,
          details: { reason: "purchase-deadline-passed", balanceReturned: write.balance },
        });
      } catch {
        auditFailed += 1;
      }
      // The revocation stands whatever happens to its notice: a failed notice is counted and
      // logged by the caller, never a reason to stop revoking the others.
      try {
        await ports.notifications.send(`revoked-${write.pid}`, { kind: "revoked", uid, params: { reason: "purchase-deadline-passed" } });
      } catch {
        noticesFailed += 1;
      }
    });
    revoked += done;
    if (done === 0) return { revoked, noticesFailed, auditFailed, failed: failed.size };
  }

  /** One person's revocation; null when its transaction failed (contention, an outage): the next run tries again. */
  async function revokeOne(uid: string): Promise<RevokeWrite | null> {
    try {
      return await ports.deadlines.revoke(uid, (applicant): RevokeWrite => {
        // Re-read inside the transaction: a purchase that just happened, or a run before this one, wins.
        if (applicant?.status !== "participant" || (applicant.firstPurchaseAt ?? null) !== null) return { kind: "skip" };
        if (applicant.lapseAt === null || applicant.lapseAt === undefined || applicant.lapseAt > now || applicant.pid === undefined) return { kind: "skip" };
        const fromWave = applicant.selectedWave ?? "unknown";
        const balance = applicant.trainingBalance ?? 0;
        return {
          kind: "revoke",
          pid: applicant.pid,
          balance,
          ledger: { kind: "unspent-returned", amount: balance, programYear: applicant.programYear, waveId: fromWave, at: now },
          seat: { fromWave, at: now, toWave: null },
          event: { kind: "revoked", at: now, waveId: fromWave, amount: balance },
        };
      });
    } catch {
      return null;
    }
  }
}

async function assignFreedSeats(ports: DeadlinePorts, now: Date): Promise<{ assigned: number; waiting: number }> {
  let assigned = 0;
  for (;;) {
    const seats = await ports.deadlines.unassignedSeats(SEATS_PER_TRANSACTION);
    if (seats.length === 0) return { assigned, waiting: 0 };
    const next = await ports.deadlines.nextScheduledWave(now);
    const added =
      next === null
        ? 0
        : await ports.deadlines.assignSeats(
            next.id,
            seats.map((s) => s.pid),
            now,
          );
    assigned += added;
    if (added === 0) return { assigned, waiting: seats.length };
  }
}

/** Runs `work` over the items, AT_ONCE at a time. */
async function inParallel<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += AT_ONCE) await Promise.all(items.slice(i, i + AT_ONCE).map(work));
}
