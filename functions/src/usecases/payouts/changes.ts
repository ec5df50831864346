import type { Transition, TransitionSource } from "../../domain/payouts/payout.js";
import { installmentId } from "../../domain/payouts/schedule.js";
import type { LedgerEntryDoc, PayoutDoc, PayoutEventDoc } from "../../schemas/payouts.js";
import type { PayoutChange } from "../ports.js";

/** What a change sets besides the state (partner, lease, references, hold…). */
export type PayoutPatch = Partial<Omit<PayoutDoc, "state" | "attempt" | "version" | "updatedAt" | "uid" | "programYear" | "number" | "of" | "amount">>;

/** The words of the change for the timeline: the partner's code and message, or ours; who reviewed. */
export interface ChangeNote {
  code?: string;
  message?: string;
  partnerReference?: string;
  by?: string;
}

/**
 * The documents of one transition: the payout at its next version, its timeline event and one
 * ledger entry per move. Pure: the store writes them in one transaction.
 */
export function changeOf(
  payout: PayoutDoc,
  step: Transition,
  source: TransitionSource,
  now: Date,
  patch: PayoutPatch = {},
  note: ChangeNote = {},
): PayoutChange {
  const next: PayoutDoc = {
    ...payout,
    ...patch,
    state: step.to,
    attempt: step.attempt,
    version: payout.version + 1,
    updatedAt: now,
    ...(step.to === "paid" ? { paidAt: now } : {}),
    // A new attempt or round: what the partner said about the last one no longer describes this payout.
    ...(step.to === "scheduled" || (step.to === "queued" && step.attempt !== payout.attempt) ? { paidAt: null, partnerReference: null } : {}),
    ...(step.to === "held" || patch.hold !== undefined ? {} : { hold: null }),
    ...(step.to === "sending" ? {} : { leaseUntil: null }),
  };
  const event: PayoutEventDoc = {
    at: now,
    from: step.from,
    to: step.to,
    attempt: step.attempt,
    source,
    ...(note.code === undefined ? {} : { code: note.code }),
    ...(note.message === undefined ? {} : { message: note.message }),
    ...(note.partnerReference === undefined ? {} : { partnerReference: note.partnerReference }),
    ...(note.by === undefined ? {} : { by: note.by }),
  };
  const ledger: LedgerEntryDoc[] = step.moves.map((move) => ({
    installmentId: installmentId(payout.uid, payout.programYear, payout.number),
    uid: payout.uid,
    programYear: payout.programYear,
    from: move.from,
    to: move.to,
    amount: move.amount,
    at: now,
    version: next.version,
    cause: `${step.from}>${step.to}`,
  }));
  return { payout: next, event, ledger };
}
