import type { AccountBook } from "./accounts.js";
import type { FaultRule, RefusalName } from "./faults.js";
import type { Ledger, Transaction } from "./ledger.js";
import type { Notifier, ReportedState, RetryPolicy } from "./notifier.js";

export interface PayoutRequest {
  partner: string;
  reference: string;
  externalId: string;
  amount: number;
  institution: string;
  accountNumber: string;
}

export interface PayoutContext {
  ledger: Ledger;
  accounts: AccountBook;
  notifier: Notifier;
  later: (ms: number, run: () => void) => void;
  callbackDelayMs: number;
  /** The refusal's code and words as this partner's protocol says them. */
  failure: (refusal: RefusalName) => { code: string; message: string };
}

/**
 * What every simulated partner does with a payout, whatever its protocol: the same reference
 * again is the same transaction (counted as a duplicate, never paid twice); an unknown or closed
 * account, or a `failWith` fault, is refused at once; otherwise the payout is accepted, and its
 * outcome happens `delayMs` later and is notified, shaped by the fault rule.
 */
export async function handlePayout(ctx: PayoutContext, request: PayoutRequest, fault: FaultRule): Promise<{ transaction: Transaction; duplicate: boolean }> {
  const existing = ctx.ledger.find(request.partner, request.reference);
  if (existing !== null) {
    existing.duplicates += 1;
    return { transaction: existing, duplicate: true };
  }
  const account = ctx.accounts.find(request.accountNumber);
  const refusal: RefusalName | null =
    fault.failWith !== undefined && fault.failAsync !== true ? fault.failWith : account === null ? "invalid-account" : account.closed ? "closed-account" : null;
  const transaction = ctx.ledger.create({ ...request, state: "pending" }, new Date());
  if (refusal !== null) {
    transaction.state = "failed";
    transaction.failure = ctx.failure(refusal);
    transaction.refusedOnReceipt = true;
    return { transaction, duplicate: false };
  }
  const outcome = fault.failWith !== undefined ? fault.failWith : null;
  const retry: RetryPolicy | false | undefined = fault.retryCallbacks;
  const deliver = async (state: ReportedState) => {
    if (fault.loseCallback === true) return;
    const eventId = ctx.notifier.eventId();
    for (let copy = 0; copy < (fault.duplicateCallbacks ?? 1); copy++) {
      await ctx.notifier.send(request.partner, transaction, state, retry === undefined ? { eventId } : { eventId, retry });
    }
  };
  const settle = async () => {
    if (outcome !== null) {
      transaction.state = "failed";
      transaction.failure = ctx.failure(outcome);
      await deliver("failed");
      return;
    }
    transaction.state = "paid";
    transaction.paidAt = new Date().toISOString();
    await deliver("paid");
    if (fault.outOfOrder === true) await deliver("accepted");
    if (fault.reverseAfterMs !== undefined)
      ctx.later(fault.reverseAfterMs, () => {
        transaction.state = "reversed";
        transaction.reversedAt = new Date().toISOString();
        void deliver("reversed");
      });
  };
  if (fault.callbackBeforeAnswer === true) await settle();
  else ctx.later(fault.delayMs ?? ctx.callbackDelayMs, () => void settle());
  return { transaction, duplicate: false };
}
