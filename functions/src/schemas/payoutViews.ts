import { z } from "zod";
import type { PaymentPartnerCode } from "../domain/payouts/partners.js";
import type { PayoutState } from "../domain/payouts/payout.js";
import type { ClawbackSummary } from "./clawbacks.js";
import type { HOLD_REASONS, MyPayouts, PAYOUT_CASE_RESOLUTIONS, QUARANTINE_REASONS } from "./payouts.js";
import type { ReconciliationOverview } from "./reconciliation.js";

/**
 * What people see of payouts: the participant's own (`getMyPayouts`, `reportPayout`) and the
 * program office's overview (`payoutOverview`, `resolveQuarantine`). Inputs are in payouts.ts
 * beside the other payout callables'; the answers' shapes and the two empty inputs are here.
 * The web app takes the payment partners' list from here (`PAYMENT_PARTNERS`: names, channels,
 * banks and e-wallets) so the account form offers exactly what the functions accept.
 */

export { PAYMENT_PARTNERS, PAYOUT_CHANNELS, type PaymentPartnerCode, type PayoutChannel } from "../domain/payouts/partners.js";
export { PAYOUT_STATES, type PayoutState } from "../domain/payouts/payout.js";

/** `getMyPayouts`: nothing to send. */
export const getMyPayoutsInput = z.object({}).nullish();

/** `payoutOverview`: nothing to send. */
export const payoutOverviewInput = z.object({}).nullish();

/** One of the participant's reports, as they see it. */
export type MyPayoutCase = MyPayouts["cases"][number];

/** What `reportPayout` answers: the case, and whether this call opened it (false: an earlier one stands, from the same request or still open). */
export interface ReportPayoutResult {
  case: MyPayoutCase;
  opened: boolean;
}

/** Payout states the overview counts per partner: where money waits, travels or needs a person. */
export const COUNTED_STATES = ["queued", "sending", "sent", "unknown", "failed", "held"] as const satisfies readonly PayoutState[];
export type CountedState = (typeof COUNTED_STATES)[number];

/** One payment partner as the program office runs it. Times ISO 8601. */
export interface PartnerQueueView {
  code: PaymentPartnerCode;
  name: string;
  channels: string[];
  /** Null before the partner's state document exists (not onboarded in this project yet). */
  state: { active: boolean; paused: boolean; pausedAt: string | null; pausedBy: string | null } | null;
  counts: Record<CountedState, number>;
  /** Tasks waiting in the partner's Cloud Tasks queue (production: Cloud Tasks' stats; locally the emulator's); null when it cannot be told. */
  queueDepth: number | null;
}

/** A payout waiting for a person's review. */
export interface HeldPayoutView {
  id: string;
  number: number;
  of: number;
  amount: number;
  dueAt: string;
  partner: string | null;
  reason: (typeof HOLD_REASONS)[number];
  /** The eligibility reasons found, when that is the reason (codes of domain/eligibility.ts). */
  details: string[];
  heldAt: string;
}

/** A partner report put aside instead of applied. */
export interface QuarantineView {
  id: string;
  partner: string;
  reference: string;
  installmentId: string | null;
  reason: (typeof QUARANTINE_REASONS)[number];
  reported: { state: string; amount: number | null; currency: string | null; code: string };
  ours: { state: PayoutState; amount: number } | null;
  at: string;
}

/** A participant's report still open. */
export interface OpenCaseView {
  id: string;
  installmentId: string;
  kind: "not-received" | "received-less";
  amountReceived: number | null;
  stateAtReport: PayoutState;
  partner: string | null;
  partnerReference: string | null;
  openedAt: string;
}

/**
 * A payout account waiting for the program office's review (a doubtful name match, or an account
 * number shared by more people than SHARED_ACCOUNT_LIMIT): what the officer needs to decide, never
 * the full number nor the holder's or the participant's name.
 */
export interface AccountInReviewView {
  uid: string;
  partner: PaymentPartnerCode;
  channel: "bank" | "ewallet";
  institution: string;
  /** The last 4 digits only. */
  masked: string;
  nameScore: number;
  nameVerdict: "match" | "doubtful" | "mismatch";
  flags: Array<"doubtful-name" | "shared-account">;
  /** ISO 8601; sent back with the decision (`reviewPayoutAccount`), so it is about this account and not one linked since. */
  linkedAt: string;
}

/** What `reviewPayoutAccount` answers: the account's new standing, who decided when, and how many held payouts it released. */
export interface ReviewPayoutAccountResult {
  uid: string;
  status: "verified" | "refused";
  decidedAt: string;
  decidedBy: string;
  released: number;
}

/** What `resolvePayoutCase` answers. */
export interface ResolvePayoutCaseResult {
  id: string;
  resolution: (typeof PAYOUT_CASE_RESOLUTIONS)[number];
  resolvedAt: string;
  resolvedBy: string;
}

/** What `payoutOverview` answers (program office; auditors read the same, without acting on it). */
export interface PayoutOverview {
  generatedAt: string;
  /** Auditors see everything and may change nothing: the page shows no buttons. */
  readOnly: boolean;
  partners: PartnerQueueView[];
  /** Held payouts across all partners (most have none yet: held before dispatch). */
  heldTotal: number;
  held: HeldPayoutView[];
  quarantine: QuarantineView[];
  cases: OpenCaseView[];
  /** Payout accounts waiting for a decision (`reviewPayoutAccount`), oldest link first. */
  accountsInReview: AccountInReviewView[];
  /** The latest day's three-way reconciliation (usecases/payouts/report.ts reconciliationSummary); null before the first report. */
  report: ReconciliationOverview | null;
  /** Repayment cases with something owed, soonest deadline first (usecases/payouts/clawback.ts openClawbacks). */
  clawbacks: ClawbackSummary[];
}

/** What `resolveQuarantine` answers. */
export interface ResolveQuarantineResult {
  id: string;
  resolvedAt: string;
  resolvedBy: string;
}

/** Field messages of the payout callables' inputs (schemas/payouts.ts), in both languages (MESSAGES in messages.ts). */
export const PAYOUT_MESSAGES = {
  "account-number-format": {
    id: "Nomor rekening atau nomor e-wallet harus 5–20 angka (spasi, titik dan tanda hubung boleh).",
    en: "The account or e-wallet number must be 5–20 digits (spaces, dots and dashes are fine).",
  },
} as const satisfies Record<string, { id: string; en: string }>;
