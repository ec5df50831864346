import { logger } from "firebase-functions";

/**
 * Every log line the functions write, by name. Only IDs, codes and counts: never a NIK,
 * a name, a phone number, a token or a whole payload.
 */
export const logs = {
  inputRejected: (fn: string, fields: string[]) => logger.info("input-rejected", { fn, fields }),
  requestRefused: (fn: string, reason: string, uid: string | null) => logger.info("request-refused", { fn, reason, uid }),
  requestFailed: (fn: string, error: unknown) =>
    logger.error("request-failed", { fn, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  // The HTTP edge (edge/http.ts): every line carries the request's ID, also sent in `x-request-id`.
  httpInputRejected: (fn: string, requestId: string, fields: string[]) => logger.info("http-input-rejected", { fn, requestId, fields }),
  /** `caller`: a client code that signed wrongly, or null. */
  httpUnauthenticated: (fn: string, requestId: string, code: string, caller: string | null) =>
    logger.info("http-unauthenticated", { fn, requestId, code, caller }),
  /** `caller`: the uid or partner client code, null for a public request. */
  httpRefused: (fn: string, requestId: string, reason: string, caller: string | null) => logger.info("http-refused", { fn, requestId, reason, caller }),
  httpFailed: (fn: string, requestId: string, code: string, error: unknown) =>
    logger.error("http-failed", { fn, requestId, code, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  roleGranted: (targetUid: string, role: string, region: string | undefined, by: string, applied: boolean) =>
    logger.info("role-granted", { targetUid, role, region, by, applied }),
  roleRevoked: (targetUid: string, revokedRole: string, region: string | undefined, by: string, applied: boolean) =>
    logger.info("role-revoked", { targetUid, revokedRole, region, by, applied }),
  exclusionListImported: (fields: { type: string; version: number; entries: number; rejectedLines: number; current: boolean; by: string; requestId: string }) =>
    logger.info("exclusion-list-imported", fields),
  registered: (uid: string, by: string, reasons: string[], created: boolean) => logger.info("registered", { uid, by, reasons, created }),
  /** `applied`: false when the request had been carried out before (a retry). */
  verificationDecided: (uid: string, decision: string, by: string, requestId: string, applied: boolean) =>
    logger.info("verification-decided", { uid, decision, by, requestId, applied }),
  joinedOnBehalf: (uid: string, waveId: string, by: string, requestId: string, joined: boolean) =>
    logger.info("joined-on-behalf", { uid, waveId, by, requestId, joined }),
  drawStep: (waveId: string, step: string) => logger.info("draw-step", { waveId, step }),
  drawStepFailed: (waveId: string, error: unknown) =>
    logger.error("draw-step-failed", { waveId, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  redemptionSpikes: (courses: string[], coursesSeen: number, scheduledFor: string) => logger.warn("redemption-spikes", { courses, coursesSeen, scheduledFor }),
  deadlinesRun: (
    run: { reminded: number; revoked: number; revokeFailed: number; noticesFailed: number; auditFailed: number; seatsAssigned: number; seatsWaiting: number },
    scheduledFor: string,
  ) => (run.noticesFailed > 0 || run.revokeFailed > 0 || run.auditFailed > 0 ? logger.warn : logger.info)("purchase-deadlines-run", { ...run, scheduledFor }),
  wavesAdvanced: (moves: Array<{ waveId: string; from: string; to: string }>, scheduledFor: string) => logger.info("waves-advanced", { moves, scheduledFor }),
  // Incentive payouts: counts only (no uid, no account, no name).
  payoutsDispatched: (run: { queued: number; held: number; paused: number; requeued: number }) => logger.info("payouts-dispatched", run),
  payoutsPolled: (run: { lapsed: number; settled: number; unchanged: number; quarantined: number; resent: number; unanswered: number; events: number }) =>
    (run.quarantined > 0 || run.unanswered > 0 ? logger.warn : logger.info)("payouts-polled", run),
  payoutSent: (installmentId: string, result: string) => logger.info("payout-sent", { installmentId, result }),
  paymentEventApplied: (key: string, result: string) => logger.info("payment-event-applied", { key, result }),
  // The task edge (edge/task.ts): every line carries the task's ID and how often it was retried before.
  /** `fields`: the paths that did not parse, with zod's issue codes; never their values. */
  taskDropped: (fn: string, taskId: string, retryCount: number, fields: string[]) => logger.warn("task-dropped", { fn, taskId, retryCount, fields }),
  taskDone: (fn: string, taskId: string, retryCount: number) => logger.info("task-done", { fn, taskId, retryCount }),
  /** `retried`: the refusal is thrown so that Cloud Tasks tries again; otherwise the task is done. */
  taskRefused: (fn: string, taskId: string, retryCount: number, reason: string, retried: boolean) =>
    logger.info("task-refused", { fn, taskId, retryCount, reason, retried }),
  taskFailed: (fn: string, taskId: string, retryCount: number, code: string, error: unknown) =>
    logger.error("task-failed", { fn, taskId, retryCount, code, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  exclusionImportExpired: (fields: { type: string; version: number; startedAt: string }) => logger.warn("exclusion-import-expired", fields),
  /** Priority lists: counts only, never a NIK, a keyed NIK or a number. */
  priorityListImported: (fields: {
    listId: string;
    version: number;
    entries: number;
    withPhone: number;
    registered: number;
    current: boolean;
    by: string;
    requestId: string;
  }) => logger.info("priority-list-imported", fields),
  priorityInvitationsSent: (fields: { listId: string; version: number; page: number; read: number; registered: number; invited: number; last: boolean }) =>
    logger.info("priority-invitations-sent", fields),
  // The notification outbox: keys and counts, never an address or a message's text.
  drawResultsSent: (waveId: string, page: number, tally: { sent: number; alreadySent: number; unknown: number; nextPage: number | null }) =>
    logger.info("draw-results-sent", { waveId, page, ...tally }),
  /** One delivery of a close's task (usecases/close/): what it did, in counts only (no pid, no person). */
  closeTaskDone: (task: string, waveId: string, detail: Record<string, string | number | boolean>) =>
    logger.info("close-task-done", { task, waveId, ...detail }),
  smsSent: (id: string, providerId: string) => logger.info("sms-sent", { id, providerId }),
  /** An SMS that did not go out: its document is marked ERROR; someone must look (e.g. no provider configured). */
  smsFailed: (id: string, error: string) => logger.error("sms-failed", { id, error }),
  // Reconciliation and clawback: days, kinds, counts and installment IDs (uids and numbers), never names or account numbers.
  /** A day reported: warned when it found differences or a partner's statement was missing. */
  reconciliationReported: (run: { day: string; differences: number; pages: number; unavailable: string[]; reads: number }) => {
    const { day, differences, pages, unavailable, reads } = run;
    (differences > 0 || unavailable.length > 0 ? logger.warn : logger.info)("reconciliation-reported", { day, differences, pages, unavailable, reads });
  },
  reconciliationSkipped: (day: string, reason: string) => logger.info("reconciliation-skipped", { day, reason }),
  clawbacksEscalated: (installments: string[], scheduledFor: string) =>
    (installments.length > 0 ? logger.warn : logger.info)("clawbacks-escalated", { installments, count: installments.length, scheduledFor }),
  // The regional dashboard's rollup: counts of documents and queries, never a figure about a person.
  dashboardsRolledUp: (run: { documents: number; queries: number; ms: number; scheduledFor: string }) => logger.info("dashboards-rolled-up", run),
  // The audit log's daily roots: days, roots and counts only.
  auditDaysSealed: (sealed: Array<{ day: string; root: string; chains: number; entries: number }>, scheduledFor: string) =>
    logger.info("audit-days-sealed", { sealed, count: sealed.length, scheduledFor }),
};
