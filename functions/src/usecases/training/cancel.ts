import { done, refused, type Outcome } from "../../domain/outcome.js";
import { invoiceKey as invoiceKeyOf } from "../../domain/training/codes.js";
import { mayCancel } from "../../domain/training/purchase.js";
import type { VoucherDoc } from "../../schemas/training.js";
import type { CancelFacts, CancelWrite, Ports } from "../ports.js";

/**
 * Undoing a purchase, each time in one transaction that returns the price to the training balance
 * exactly once (the voucher's state moves only forward: a second cancellation finds it
 * `cancelled` and changes nothing):
 * - the platform voids its transaction (`payment/void`) before the code is redeemed;
 * - the participant cancels within the cooling-off window, before the training starts;
 * - the participant reports "I did not buy this": the voucher is frozen (the institution can no
 *   longer redeem it) and the balance restored at once, pending the program office's review.
 * The participant's own two are idempotent: a retry after a lost answer answers the balance again.
 */

type CancelPorts = Pick<Ports, "training" | "clock">;

export type VoidRefusal = "transaction-not-found" | "transaction-already-void" | "voucher-redeemed";
export type CancelRefusal = "voucher-not-found" | "voucher-not-cancellable" | "cooling-off-over" | "schedule-started";

/** `payment/void`: the platform's own invoice and transaction only. Published codes: ERRVOD40001 (not found), ERRPLT40028 (already void). */
export async function voidPurchase(
  ports: CancelPorts,
  caller: { clientCode: string },
  input: { invoiceCode: string; transactionCode: string },
): Promise<Outcome<{ invoice_code: string; transaction_code: string; status: "VOID" }, VoidRefusal>> {
  const now = ports.clock.now();
  const purchase = await ports.training.purchase(invoiceKeyOf(caller.clientCode, input.invoiceCode));
  if (purchase === null || purchase.transactionCode !== input.transactionCode) return refused("transaction-not-found");
  const write = await ports.training.cancel(purchase.redeemCode, (facts) => {
    if (facts.purchase?.status === "VOID" || facts.voucher?.state === "cancelled") return { kind: "refused", reason: "transaction-already-void" };
    if (facts.voucher?.state !== "issued") return { kind: "refused", reason: "voucher-redeemed" };
    return cancellation(facts, now, "platform");
  });
  if (write.kind === "refused") return refused(write.reason as VoidRefusal);
  return done({ invoice_code: input.invoiceCode, transaction_code: input.transactionCode, status: "VOID" });
}

/** The participant cancels their own purchase within the cooling-off window (domain/training/purchase.ts mayCancel). */
export async function cancelMyPurchase(ports: CancelPorts, uid: string, redeemCode: string): Promise<Outcome<{ balance: number }, CancelRefusal>> {
  const now = ports.clock.now();
  const write = await ports.training.cancel(redeemCode, (facts) => {
    const { voucher } = facts;
    if (voucher === null || voucher.uid !== uid) return { kind: "refused", reason: "voucher-not-found" };
    // A retry after a lost answer finds it cancelled by the participant: the same answer, nothing written.
    if (voucher.state === "cancelled" && voucher.cancelledBy === "participant") return { kind: "refused", reason: "already-done" };
    if (voucher.state !== "issued") return { kind: "refused", reason: "voucher-not-cancellable" };
    const may = mayCancel(voucher.issuedAt, voucher.startsAt, now);
    if (may !== "ok") return { kind: "refused", reason: may };
    return cancellation(facts, now, "participant");
  });
  if (write.kind === "refused" && write.reason === "already-done") return done({ balance: (await ports.training.applicant(uid))?.trainingBalance ?? 0 });
  if (write.kind === "refused") return refused(write.reason as CancelRefusal);
  return done({ balance: write.balance });
}

/** "I did not buy this": frozen and refunded at once, whatever the window; the seat stays held until the review. */
export async function reportPurchase(
  ports: CancelPorts,
  uid: string,
  redeemCode: string,
): Promise<Outcome<{ balance: number }, "voucher-not-found" | "voucher-not-cancellable">> {
  const now = ports.clock.now();
  const write = await ports.training.cancel(redeemCode, ({ voucher, applicant }): CancelWrite => {
    if (voucher === null || voucher.uid !== uid || applicant === null) return { kind: "refused", reason: "voucher-not-found" };
    if (voucher.state === "frozen") return { kind: "refused", reason: "already-done" };
    if (voucher.state !== "issued" && voucher.state !== "redeemed") return { kind: "refused", reason: "voucher-not-cancellable" };
    return {
      kind: "cancelled",
      voucher: { ...voucher, state: "frozen", frozenAt: now },
      balance: (applicant.trainingBalance ?? 0) + voucher.amount,
      booked: null,
      purchaseStatus: null,
      event: { kind: "training-reported", at: now, courseCode: voucher.courseCode, amount: voucher.amount },
    };
  });
  if (write.kind === "refused" && write.reason === "already-done") return done({ balance: (await ports.training.applicant(uid))?.trainingBalance ?? 0 });
  if (write.kind === "refused") return refused(write.reason as "voucher-not-found" | "voucher-not-cancellable");
  return done({ balance: write.balance });
}

function cancellation(facts: CancelFacts, now: Date, by: NonNullable<VoucherDoc["cancelledBy"]>): CancelWrite {
  const { voucher, applicant, schedule } = facts;
  if (voucher === null || applicant === null) return { kind: "refused", reason: "voucher-not-found" };
  return {
    kind: "cancelled",
    voucher: { ...voucher, state: "cancelled", cancelledAt: now, cancelledBy: by },
    balance: (applicant.trainingBalance ?? 0) + voucher.amount,
    booked: schedule === null || schedule.capacity === null ? null : Math.max(0, schedule.booked - 1),
    purchaseStatus: "VOID",
    event: { kind: "training-cancelled", at: now, courseCode: voucher.courseCode, amount: voucher.amount },
  };
}
