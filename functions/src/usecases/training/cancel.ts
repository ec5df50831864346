import { done, refused, type Outcome } from "../../domain/outcome.js";
import { invoiceKey as invoiceKeyOf } from "../../domain/training/codes.js";
import { nextReminderAt } from "../../domain/training/deadline.js";
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
 *   longer redeem it), what the institution accrued for it is held, and the balance is restored
 *   at once, pending the program office's review.
 * When the buyer then holds no training, the first-purchase deadline applies again: undoing a
 * purchase does not keep a seat forever. The participant's own two are idempotent: a retry after
 * a lost answer answers the balance again.
 */

type CancelPorts = Pick<Ports, "training" | "clock">;

export type VoidRefusal = "transaction-not-found" | "transaction-already-void" | "voucher-redeemed";
export type CancelRefusal = "voucher-not-found" | "voucher-not-cancellable" | "cooling-off-over" | "schedule-started";
export type ReportRefusal = "voucher-not-found" | "voucher-not-cancellable";

/** `payment/void`: the platform's own invoice and transaction only. Published codes: ERRVOD40001 (not found), ERRPLT40028 (already void). */
export async function voidPurchase(
  ports: CancelPorts,
  caller: { clientCode: string },
  input: { invoiceCode: string; transactionCode: string },
): Promise<Outcome<{ invoice_code: string; transaction_code: string; status: "VOID" }, VoidRefusal>> {
  const now = ports.clock.now();
  const purchase = await ports.training.purchase(invoiceKeyOf(caller.clientCode, input.invoiceCode));
  if (purchase === null || purchase.transactionCode !== input.transactionCode) return refused("transaction-not-found");
  const write = await ports.training.cancel(purchase.redeemCode, (facts): CancelWrite<VoidRefusal> => {
    if (facts.purchase?.status === "VOID" || facts.voucher?.state === "cancelled") return { kind: "refused", reason: "transaction-already-void" };
    if (facts.voucher?.state !== "issued") return { kind: "refused", reason: "voucher-redeemed" };
    return undone(facts, now, { kind: "cancelled", by: "platform" }) ?? { kind: "refused", reason: "transaction-not-found" };
  });
  if (write.kind === "refused") return refused(write.reason);
  return done({ invoice_code: input.invoiceCode, transaction_code: input.transactionCode, status: "VOID" });
}

/** The participant cancels their own purchase within the cooling-off window (domain/training/purchase.ts mayCancel). */
export async function cancelMyPurchase(ports: CancelPorts, uid: string, redeemCode: string): Promise<Outcome<{ balance: number }, CancelRefusal>> {
  const now = ports.clock.now();
  const write = await ports.training.cancel(redeemCode, (facts): CancelWrite<CancelRefusal | "already-done"> => {
    const { voucher } = facts;
    if (voucher === null || voucher.uid !== uid) return { kind: "refused", reason: "voucher-not-found" };
    // A retry after a lost answer finds it cancelled by the participant: the same answer, nothing written.
    if (voucher.state === "cancelled" && voucher.cancelledBy === "participant") return { kind: "refused", reason: "already-done" };
    if (voucher.state !== "issued") return { kind: "refused", reason: "voucher-not-cancellable" };
    const may = mayCancel(voucher.issuedAt, voucher.startsAt, now);
    if (may !== "ok") return { kind: "refused", reason: may };
    return undone(facts, now, { kind: "cancelled", by: "participant" }) ?? { kind: "refused", reason: "voucher-not-found" };
  });
  if (write.kind === "refused") {
    const { reason } = write;
    return reason === "already-done" ? done({ balance: await balanceOf(ports, uid) }) : refused(reason);
  }
  return done({ balance: write.balance });
}

/** "I did not buy this": frozen and refunded at once, whatever the window; the seat stays held until the review. */
export async function reportPurchase(ports: CancelPorts, uid: string, redeemCode: string): Promise<Outcome<{ balance: number }, ReportRefusal>> {
  const now = ports.clock.now();
  const write = await ports.training.cancel(redeemCode, (facts): CancelWrite<ReportRefusal | "already-done"> => {
    const { voucher } = facts;
    if (voucher === null || voucher.uid !== uid) return { kind: "refused", reason: "voucher-not-found" };
    if (voucher.state === "frozen") return { kind: "refused", reason: "already-done" };
    if (voucher.state !== "issued" && voucher.state !== "redeemed") return { kind: "refused", reason: "voucher-not-cancellable" };
    return undone(facts, now, { kind: "frozen" }) ?? { kind: "refused", reason: "voucher-not-found" };
  });
  if (write.kind === "refused") {
    const { reason } = write;
    return reason === "already-done" ? done({ balance: await balanceOf(ports, uid) }) : refused(reason);
  }
  return done({ balance: write.balance });
}

const balanceOf = async (ports: CancelPorts, uid: string) => (await ports.training.applicant(uid))?.trainingBalance ?? 0;

/**
 * The voucher undone — cancelled (the seat freed, the invoice void) or frozen (the seat held, the
 * institution's accruals held) — with the price back on the balance, and the deadline back when the
 * buyer holds nothing else. Null when the voucher or its buyer is gone.
 */
function undone(
  facts: CancelFacts,
  now: Date,
  how: { kind: "cancelled"; by: NonNullable<VoucherDoc["cancelledBy"]> } | { kind: "frozen" },
): Extract<CancelWrite, { kind: "cancelled" }> | null {
  const { voucher, applicant, schedule } = facts;
  if (voucher === null || applicant === null) return null;
  const deadline = applicant.purchaseDeadline;
  const holdsNothing = facts.otherActive === 0 && deadline !== undefined && applicant.status === "participant";
  const base = {
    kind: "cancelled" as const,
    balance: (applicant.trainingBalance ?? 0) + voucher.amount,
    deadline: holdsNothing ? { lapseAt: deadline, remindAt: nextReminderAt(deadline, now) } : null,
  };
  if (how.kind === "frozen")
    return {
      ...base,
      voucher: { ...voucher, state: "frozen", frozenAt: now },
      booked: null,
      purchaseStatus: null,
      event: { kind: "training-reported", at: now, courseCode: voucher.courseCode, amount: voucher.amount },
      hold: facts.settlements.filter((s) => s.entry.state === "accrued").map((s) => s.id),
    };
  return {
    ...base,
    voucher: { ...voucher, state: "cancelled", cancelledAt: now, cancelledBy: how.by },
    booked: schedule === null || schedule.capacity === null ? null : Math.max(0, schedule.booked - 1),
    purchaseStatus: "VOID",
    event: { kind: "training-cancelled", at: now, courseCode: voucher.courseCode, amount: voucher.amount },
    hold: [],
  };
}
