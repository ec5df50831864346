import { z } from "zod";
import { CLAWBACK_REASONS, CLAWBACK_STATUSES } from "../domain/payouts/clawback.js";
import { paymentPartnerCode } from "./payouts.js";

/**
 * Clawback cases (domain/payouts/clawback.ts): stored documents and the program office's
 * callables. Amounts are whole rupiah. A case is `clawbacks/{installmentId}`: one per paid
 * installment, so opening one twice is impossible by construction.
 */

const rupiah = z.number().int().nonnegative();
const installmentId = z.string().trim().min(1).max(80);

/** `openClawback` input (program office): a paid installment found improper. */
export const openClawbackInput = z.object({
  installmentId,
  reason: z.enum(CLAWBACK_REASONS),
  /** What was found (a list and its version, a fraud report's number): for the case file, no NIK or name. */
  note: z.string().trim().min(3).max(500),
  /** The caller's idempotency key: a retried open answers as the first did. */
  requestId: z.string().uuid(),
});
export type OpenClawbackInput = z.infer<typeof openClawbackInput>;

/** `recordRepayment` input (program office): money the participant paid back, in part or in full. */
export const recordRepaymentInput = z.object({
  installmentId,
  amount: z.number().int().positive(),
  /** The bank transfer's or the treasury receipt's reference. */
  reference: z.string().trim().min(1).max(64),
  requestId: z.string().uuid(),
});
export type RecordRepaymentInput = z.infer<typeof recordRepaymentInput>;

/** `clawbacks/{installmentId}`: one repayment case. */
export const clawbackDoc = z.object({
  uid: z.string(),
  programYear: z.number().int(),
  number: z.number().int().positive(),
  /** The partner that paid it (the ledger account `paid:<partner>` the amount left). */
  partner: paymentPartnerCode,
  partnerReference: z.string().nullable(),
  amount: z.number().int().positive(),
  repaid: rupiah,
  /** amount − repaid, stored so that the overview can show it without arithmetic in a query. */
  outstanding: rupiah,
  reason: z.enum(CLAWBACK_REASONS),
  note: z.string(),
  status: z.enum(CLAWBACK_STATUSES),
  openedAt: z.date(),
  openedBy: z.string(),
  requestId: z.string(),
  /** The program year's figure when it opened (the regulation: 60), and the moment it lapses. */
  repaymentDays: z.number().int().positive(),
  deadline: z.date(),
  repayments: z.number().int().nonnegative(),
  repaidAt: z.date().nullable(),
  escalatedAt: z.date().nullable(),
  updatedAt: z.date(),
  /** 0 when opened, +1 on every act: the ledger entry of act n is `{installmentId}-clawback-{n}`. */
  version: z.number().int().nonnegative(),
});
export type ClawbackDoc = z.infer<typeof clawbackDoc>;

/** `clawbacks/{installmentId}/repayments/{requestId}`: one repayment, recorded once per request. */
export const repaymentDoc = z.object({
  amount: z.number().int().positive(),
  reference: z.string(),
  at: z.date(),
  by: z.string(),
  outstandingAfter: rupiah,
  /** The case's version this repayment made. */
  version: z.number().int().positive(),
});
export type RepaymentDoc = z.infer<typeof repaymentDoc>;

/** What `openClawback` answers. `replayed`: the same request was carried out before. */
export interface OpenClawbackResult {
  installmentId: string;
  status: z.infer<typeof clawbackDoc>["status"];
  amount: number;
  outstanding: number;
  deadline: string;
  replayed: boolean;
}

/** What `recordRepayment` answers. */
export interface RecordRepaymentResult {
  installmentId: string;
  status: z.infer<typeof clawbackDoc>["status"];
  repaid: number;
  outstanding: number;
  replayed: boolean;
}

/** One case as the program office's overview lists it (`openClawbacks`). */
export interface ClawbackSummary {
  installmentId: string;
  uid: string;
  programYear: number;
  number: number;
  partner: string;
  amount: number;
  repaid: number;
  outstanding: number;
  reason: z.infer<typeof clawbackDoc>["reason"];
  status: z.infer<typeof clawbackDoc>["status"];
  openedAt: string;
  deadline: string;
  escalatedAt: string | null;
  repayments: number;
}
