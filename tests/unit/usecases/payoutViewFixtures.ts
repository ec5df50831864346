import type { MemoryPorts } from "../../../functions/src/adapters/memory/index.js";
import type { PaymentPartnerCode } from "../../../functions/src/domain/payouts/partners.js";
import type { PayoutState } from "../../../functions/src/domain/payouts/payout.js";
import { installmentId, payoutReference } from "../../../functions/src/domain/payouts/schedule.js";
import type { PayoutAccountDoc, PayoutDoc, PayoutEventDoc, QuarantineDoc } from "../../../functions/src/schemas/payouts.js";
import { sealedDestination } from "../../support/vault.js";

/**
 * Payouts as other use cases leave them (scheduled, sent, paid, held…), stored straight into the
 * memory state with their timelines, for the tests of what people see of them.
 */

const DAY = 86_400_000;

export interface StoredInstallment {
  uid: string;
  number: number;
  of?: number;
  state: PayoutState;
  partner?: PaymentPartnerCode | null;
  amount?: number;
  hold?: PayoutDoc["hold"];
  /** The timeline, oldest first (`from` of each is the one before). */
  events?: Array<Omit<PayoutEventDoc, "from" | "attempt">>;
}

/** Stores the installment and its timeline; its ID. */
export function storeInstallment(memory: MemoryPorts, installment: StoredInstallment): string {
  const now = memory.clock.now();
  const id = installmentId(installment.uid, 2026, installment.number);
  const partner =
    installment.partner === undefined ? (installment.state === "scheduled" || installment.state === "held" ? null : "bank-nusantara") : installment.partner;
  const paid = installment.state === "paid";
  const payout: PayoutDoc = {
    uid: installment.uid,
    programYear: 2026,
    number: installment.number,
    of: installment.of ?? 4,
    amount: installment.amount ?? 600_000,
    dueAt: new Date(now.getTime() - DAY),
    state: installment.state,
    attempt: partner === null ? 0 : 1,
    partner,
    reference: payoutReference(id),
    externalId: partner === null ? null : "0000000000000000000000000000000001",
    sentAt: partner === null ? null : new Date(now.getTime() - DAY / 2),
    partnerReference: paid ? `BN-${installment.number}` : null,
    leaseUntil: null,
    hold: installment.hold ?? null,
    version: (installment.events?.length ?? 1) - 1,
    createdAt: new Date(now.getTime() - 10 * DAY),
    // A minute ago: lists "up to now" (PayoutStore.inState) hold it.
    updatedAt: new Date(now.getTime() - 60_000),
    paidAt: paid ? now : null,
  };
  memory.state.payouts.set(id, payout);
  const events = installment.events ?? [{ at: payout.createdAt, to: "scheduled", source: "schedule", code: "entitled" }];
  events.forEach((event, version) => {
    memory.state.payoutEvents.set(`${id}/${String(version).padStart(4, "0")}`, {
      ...event,
      from: version === 0 ? null : (events[version - 1]?.to ?? null),
      attempt: partner === null ? 0 : 1,
    });
  });
  return id;
}

/** A paid installment's timeline, as the bank reported it. */
export const paidTimeline = (memory: MemoryPorts): StoredInstallment["events"] => {
  const now = memory.clock.now().getTime();
  return [
    { at: new Date(now - 3 * DAY), to: "scheduled", source: "schedule", code: "entitled" },
    { at: new Date(now - 2 * DAY), to: "queued", source: "dispatch" },
    { at: new Date(now - 2 * DAY + 1000), to: "sending", source: "task" },
    { at: new Date(now - 2 * DAY + 2000), to: "sent", source: "partner-answer", code: "2024300", message: "Request In Progress", partnerReference: "BN-1" },
    { at: new Date(now - DAY), to: "paid", source: "notification", code: "2005600", message: "Successful", partnerReference: "BN-1" },
  ];
};

export function storeAccount(memory: MemoryPorts, uid: string, overrides: Partial<PayoutAccountDoc> = {}): void {
  memory.state.payoutAccounts.set(uid, {
    partner: "bank-nusantara",
    channel: "bank",
    institution: "009",
    destination: sealedDestination("1234567890", "SITI NURHALIZA"),
    masked: "••••7890",
    accountKey: "key-1",
    nameScore: 1,
    nameVerdict: "match",
    status: "verified",
    flags: [],
    linkedAt: memory.clock.now(),
    requestId: "6f9619ff-8b86-4011-b42d-00c04fc964ff",
    ...overrides,
  });
}

export function storeQuarantine(memory: MemoryPorts, id: string, overrides: Partial<QuarantineDoc> = {}): void {
  memory.state.paymentQuarantine.set(id, {
    partner: "bank-nusantara",
    eventKey: id,
    reference: "PKJ-u1-2026-1",
    installmentId: "u1-2026-1",
    reason: "amount-mismatch",
    reported: { state: "paid", amount: 500_000, currency: "IDR", code: "2005600" },
    ours: { state: "sent", amount: 600_000 },
    at: memory.clock.now(),
    status: "open",
    ...overrides,
  });
}
