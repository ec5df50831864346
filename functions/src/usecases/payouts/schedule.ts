import { installmentId, installmentSchedule, payoutReference } from "../../domain/payouts/schedule.js";
import type { ProgramYearDoc } from "../../schemas/documents.js";
import type { PayoutDoc } from "../../schemas/payouts.js";
import type { PayoutChange } from "../ports.js";

/**
 * The payouts of a new entitlement: one per installment of the program year, each `scheduled`,
 * with its first timeline event and its ledger entry moving the amount from the budget to the
 * participant's entitlement. Written in the same transaction as the entitlement
 * (usecases/training/participant.ts reviewTraining), so a participant is entitled with their
 * schedule or not at all. Writes per installment: 3 (payout, event, ledger entry).
 */
export function scheduleChanges(uid: string, programYear: ProgramYearDoc, reviewedAt: Date, regencyCode?: string): PayoutChange[] {
  return installmentSchedule(programYear.incentive, reviewedAt).map((planned) => {
    const id = installmentId(uid, programYear.year, planned.number);
    const payout: PayoutDoc = {
      uid,
      programYear: programYear.year,
      number: planned.number,
      of: planned.of,
      amount: planned.amount,
      dueAt: planned.dueAt,
      state: "scheduled",
      attempt: 0,
      partner: null,
      reference: payoutReference(id),
      externalId: null,
      sentAt: null,
      partnerReference: null,
      leaseUntil: null,
      hold: null,
      version: 0,
      createdAt: reviewedAt,
      updatedAt: reviewedAt,
      paidAt: null,
      ...(regencyCode === undefined ? {} : { regencyCode }),
    };
    return {
      payout,
      event: { at: reviewedAt, from: null, to: "scheduled", attempt: 0, source: "schedule", code: "entitled" },
      ledger: [
        {
          installmentId: id,
          uid,
          programYear: programYear.year,
          from: "budget",
          to: "entitlement",
          amount: planned.amount,
          at: reviewedAt,
          version: 0,
          cause: "entitled",
        },
      ],
    };
  });
}
