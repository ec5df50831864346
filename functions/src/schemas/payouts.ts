import { z } from "zod";
import { PAYOUT_STATES } from "../domain/payouts/payout.js";
import { PAYMENT_PARTNER_CODES, PAYOUT_CHANNELS, type PaymentPartnerSpec } from "../domain/payouts/partners.js";
import { documentId } from "./ids.js";
import { sealedDoc } from "./vault.js";

/**
 * Stored documents of incentive payouts, and the inputs of their callables (shared with the web
 * app). Amounts are whole rupiah. IDs hold Firebase uids and hashes only: no NIK, name, phone or
 * account number is ever part of an ID or an index (account numbers are stored sealed by the
 * personal-data vault on the participant's own `payoutAccounts/{uid}`).
 */

const rupiah = z.number().int().nonnegative();
export const paymentPartnerCode = z.enum(PAYMENT_PARTNER_CODES);
export const payoutChannel = z.enum(PAYOUT_CHANNELS);
export const payoutState = z.enum(PAYOUT_STATES);

/** A bank account number (digits, 5–20) or an e-wallet customer number (an Indonesian mobile number in 62… form). */
export const accountNumber = z
  .string()
  .trim()
  .transform((value) => value.replace(/[\s.-]/g, ""))
  .pipe(z.string().regex(/^\d{5,20}$/, { message: "account-number-format" }));

/** `linkPayoutAccount` input: where the participant wants to be paid. */
export const linkPayoutAccountInput = z.object({
  partner: paymentPartnerCode,
  channel: payoutChannel,
  /** A bank's three-digit clearing code, or the e-wallet's code. */
  institution: z.string().trim().min(2).max(16),
  accountNumber,
  /** The caller's idempotency key (a retried tap links once). */
  requestId: z.string().uuid(),
});
export type LinkPayoutAccountInput = z.infer<typeof linkPayoutAccountInput>;

export const ACCOUNT_STATUSES = ["verified", "review", "refused"] as const;

/** The program office's decision on an account that waited for review (`reviewPayoutAccount`): who, when, why, under which request. */
export const accountReviewDoc = z.object({
  decision: z.enum(["verify", "refuse"]),
  /** The admin's uid. */
  by: z.string(),
  at: z.date(),
  note: z.string(),
  requestId: z.string(),
});
export type AccountReviewDoc = z.infer<typeof accountReviewDoc>;

/** `payoutAccounts/{uid}`: the participant's account, checked through the partner's account inquiry. */
export const payoutAccountDoc = z.object({
  partner: paymentPartnerCode,
  channel: payoutChannel,
  institution: z.string(),
  /**
   * The account number and the holder's name as the partner's inquiry gave it, sealed (context
   * "payout-account"; an e-wallet's number is a phone number): opened only by the send task,
   * just before paying. Exempt from indexing.
   */
  destination: sealedDoc,
  /** The last 4 digits, for screens. */
  masked: z.string(),
  /** Keyed hash of partner + institution + number: how accounts shared by many people are found. */
  accountKey: z.string(),
  /** How well the holder's name matched the registered name (domain/payouts/nameMatch.ts), and the verdict. */
  nameScore: z.number().min(0).max(1),
  nameVerdict: z.enum(["match", "doubtful", "mismatch"]),
  /** verified: payouts may go here; review: an operator must confirm (doubtful name, shared account). */
  status: z.enum(ACCOUNT_STATUSES),
  /** Why it waits for review. */
  flags: z.array(z.enum(["doubtful-name", "shared-account"])),
  linkedAt: z.date(),
  requestId: z.string(),
  /** Set when the program office decided on it after a review; linking another account starts afresh without it. */
  review: accountReviewDoc.optional(),
});
export type PayoutAccountDoc = z.infer<typeof payoutAccountDoc>;

/** The vault's context for a payout account's number and holder's name. */
export const PAYOUT_ACCOUNT_VAULT_CONTEXT = "payout-account";

/** What `payoutAccountDoc.destination` holds once opened. */
export const payoutDestinationSecret = z.object({ accountNumber: z.string().min(1), holderName: z.string() });
export type PayoutDestinationSecret = z.infer<typeof payoutDestinationSecret>;

/** More people than this on one account number marks it `shared-account` (the "joki" pattern). */
export const SHARED_ACCOUNT_LIMIT = 3;

/** `accountUsers/{accountKey}`: the people who linked this account (uids), to catch one agent's account collecting many incentives. */
export const accountUsersDoc = z.object({ uids: z.array(z.string()).max(1000), count: z.number().int().nonnegative(), updatedAt: z.date() });
export type AccountUsersDoc = z.infer<typeof accountUsersDoc>;

/** Why a payout waits for a person: an exclusion-list or rule hit at the pre-payout check, an account under review, a reversal. */
export const HOLD_REASONS = ["eligibility", "no-account", "account-review", "reversed", "quarantined-report", "clawback"] as const;
export const holdDoc = z.object({
  reason: z.enum(HOLD_REASONS),
  /** The eligibility reasons found (codes of domain/eligibility.ts), when that is the reason. */
  details: z.array(z.string()).optional(),
  at: z.date(),
});

/** `payouts/{installmentId}`: one installment and its delivery (domain/payouts/payout.ts). */
export const payoutDoc = z.object({
  uid: z.string(),
  programYear: z.number().int(),
  number: z.number().int().positive(),
  of: z.number().int().positive(),
  amount: rupiah,
  dueAt: z.date(),
  state: payoutState,
  /** Attempts at the partner so far (a retry after `failed` is attempt + 1, with the same reference). */
  attempt: z.number().int().nonnegative(),
  /** The partner, account and reference of the attempt: set when it is queued. */
  partner: paymentPartnerCode.nullable(),
  reference: z.string(),
  externalId: z.string().nullable(),
  sentAt: z.date().nullable(),
  partnerReference: z.string().nullable(),
  /** The task attempt sending it holds it until then; a lapsed lease makes it `unknown`. */
  leaseUntil: z.date().nullable(),
  hold: holdDoc.nullable(),
  /** Bumped on every change: a partner report is applied once per version. */
  version: z.number().int().nonnegative(),
  createdAt: z.date(),
  updatedAt: z.date(),
  paidAt: z.date().nullable(),
  /** The participant's regency (from their registration), so the regional dashboard counts payouts per region; absent on older payouts. */
  regencyCode: z.string().optional(),
});
export type PayoutDoc = z.infer<typeof payoutDoc>;

export const PAYOUT_EVENT_SOURCES = ["schedule", "dispatch", "task", "partner-answer", "notification", "status-poll", "lease-lapsed", "review"] as const;

/** `payouts/{id}/events/{version}`: the payout's timeline, what the participant and an auditor read. */
export const payoutEventDoc = z.object({
  at: z.date(),
  from: payoutState.nullable(),
  to: payoutState,
  attempt: z.number().int().nonnegative(),
  source: z.enum(PAYOUT_EVENT_SOURCES),
  /** The partner's code and message (SNAP responseCode), or our reason. */
  code: z.string().optional(),
  message: z.string().optional(),
  partnerReference: z.string().optional(),
  /** An operator's uid, for `review`. */
  by: z.string().optional(),
});
export type PayoutEventDoc = z.infer<typeof payoutEventDoc>;

export const LEDGER_ACCOUNT = z.string().regex(/^(budget|entitlement|returned|clawback|payout:[a-z-]+|paid:[a-z-]+)$/);

/**
 * `payoutLedger/{entryId}`: one double-entry move. The ID is deterministic (installment, version,
 * index): a transaction retried writes the same IDs and cannot post twice.
 */
export const ledgerEntryDoc = z.object({
  installmentId: z.string(),
  uid: z.string(),
  programYear: z.number().int(),
  from: LEDGER_ACCOUNT,
  to: LEDGER_ACCOUNT,
  amount: z.number().int().positive(),
  at: z.date(),
  /** The payout's version after the change that posted it. */
  version: z.number().int().nonnegative(),
  /** Why: the transition (`queued>sending`) or a clawback act. */
  cause: z.string(),
});
export type LedgerEntryDoc = z.infer<typeof ledgerEntryDoc>;

/** `paymentEvents/{partner}-{hash of event ID}`: a partner's notification, verified and stored once; a task applies it. */
export const paymentEventDoc = z.object({
  partner: paymentPartnerCode,
  eventId: z.string(),
  reference: z.string(),
  state: z.enum(["accepted", "paid", "failed", "reversed"]),
  amount: z.number().nullable(),
  currency: z.string().nullable(),
  partnerReference: z.string().nullable(),
  code: z.string(),
  message: z.string(),
  reportedAt: z.date(),
  receivedAt: z.date(),
  /** Set by the task: applied, ignored (duplicate, stale) or quarantined. */
  outcome: z.enum(["pending", "applied", "ignored", "quarantined"]),
  appliedAt: z.date().nullable(),
});
export type PaymentEventDoc = z.infer<typeof paymentEventDoc>;

export const QUARANTINE_REASONS = ["amount-mismatch", "currency-mismatch", "unknown-reference", "conflicting-report"] as const;

/** `paymentQuarantine/{eventKey}`: a partner report that was not applied, for the program office to resolve. */
export const quarantineDoc = z.object({
  partner: paymentPartnerCode,
  eventKey: z.string(),
  reference: z.string(),
  installmentId: z.string().nullable(),
  reason: z.enum(QUARANTINE_REASONS),
  reported: z.object({ state: z.string(), amount: z.number().nullable(), currency: z.string().nullable(), code: z.string() }),
  /** Our side when it arrived. */
  ours: z.object({ state: payoutState, amount: rupiah }).nullable(),
  at: z.date(),
  status: z.enum(["open", "resolved"]),
  resolvedBy: z.string().optional(),
  resolvedAt: z.date().optional(),
  note: z.string().optional(),
});
export type QuarantineDoc = z.infer<typeof quarantineDoc>;

/** `paymentPartners/{code}`: the partner as the program office runs it: its queue paused or not. */
export const paymentPartnerStateDoc = z.object({
  name: z.string().min(1),
  channels: z.array(payoutChannel),
  institutions: z.array(z.string()),
  active: z.boolean(),
  /** Paused during the partner's outage: nothing is sent; queued payouts wait and are re-queued on resume. */
  paused: z.boolean(),
  pausedAt: z.date().nullable(),
  pausedBy: z.string().nullable(),
});
export type PaymentPartnerStateDoc = z.infer<typeof paymentPartnerStateDoc>;

/** `reportPayout` input: the participant says an installment marked paid did not arrive, or arrived short. */
export const reportPayoutInput = z.object({
  installmentId: z.string().min(1).max(80),
  kind: z.enum(["not-received", "received-less"]),
  /** Rupiah received, for `received-less`. */
  amountReceived: rupiah.optional(),
  requestId: z.string().uuid(),
});
export type ReportPayoutInput = z.infer<typeof reportPayoutInput>;

/** What the program office found on a participant's report (`resolvePayoutCase`). */
export const PAYOUT_CASE_RESOLUTIONS = ["paid-confirmed", "repaid", "clawback-opened", "other"] as const;

/** `payoutCases/{requestId}`: a participant's report about an installment, opened for reconciliation. */
export const payoutCaseDoc = z.object({
  uid: z.string(),
  installmentId: z.string(),
  kind: z.enum(["not-received", "received-less"]),
  amountReceived: rupiah.nullable(),
  /** The payout as it stood when the report came. */
  stateAtReport: payoutState,
  partner: paymentPartnerCode.nullable(),
  partnerReference: z.string().nullable(),
  status: z.enum(["open", "resolved"]),
  openedAt: z.date(),
  resolvedAt: z.date().nullable(),
  resolution: z.string().nullable(),
  /** What the program office found when it resolved the case (`resolvePayoutCase`); `resolution` is its note, which the participant reads. */
  resolvedAs: z.enum(PAYOUT_CASE_RESOLUTIONS).optional(),
  /** The admin's uid. */
  resolvedBy: z.string().optional(),
  /** The resolving request's idempotency key: the same request again answers as the first did. */
  resolveRequestId: z.string().optional(),
});
export type PayoutCaseDoc = z.infer<typeof payoutCaseDoc>;

/** `setPayoutQueue` input (program office): pause or resume one partner's payouts. */
export const setPayoutQueueInput = z.object({ partner: paymentPartnerCode, paused: z.boolean(), requestId: z.string().uuid() });

/** `reviewPayout` input (program office): a held, failed or reversed payout released (paid again), retried or cancelled. */
export const reviewPayoutInput = z.object({
  installmentId: z.string().min(1).max(80),
  decision: z.enum(["release", "cancel"]),
  note: z.string().trim().min(3).max(500),
  requestId: z.string().uuid(),
});
export type ReviewPayoutInput = z.infer<typeof reviewPayoutInput>;

/** `resolveQuarantine` input (program office). */
export const resolveQuarantineInput = z.object({ id: z.string().min(1).max(200), note: z.string().trim().min(3).max(500) });

/** `reviewPayoutAccount` input (program office): an account waiting for review verified (its held payouts released) or refused. */
export const reviewPayoutAccountInput = z.object({
  uid: documentId,
  /** The account's `linkedAt` as the overview showed it (ISO 8601): a decision is about the account the officer saw, not one linked since. */
  linkedAt: z.iso.datetime({ offset: true }),
  decision: z.enum(["verify", "refuse"]),
  note: z.string().trim().min(3).max(500),
  requestId: z.string().uuid(),
});
export type ReviewPayoutAccountInput = z.infer<typeof reviewPayoutAccountInput>;

/** `resolvePayoutCase` input (program office): a participant's report closed with what was found and a note the participant reads. */
export const resolvePayoutCaseInput = z.object({
  id: documentId,
  resolution: z.enum(PAYOUT_CASE_RESOLUTIONS),
  note: z.string().trim().min(3).max(500),
  requestId: z.string().uuid(),
});
export type ResolvePayoutCaseInput = z.infer<typeof resolvePayoutCaseInput>;

/** What the participant sees (`getMyPayouts`). */
export interface MyPayouts {
  /** Whether the caller is a participant now, and so may link an account (an applicant not selected sees nothing yet). */
  participant: boolean;
  account: {
    partner: string;
    partnerName: string;
    channel: "bank" | "ewallet";
    institution: string;
    masked: string;
    status: "verified" | "review" | "refused";
    flags: string[];
  } | null;
  installments: Array<{
    id: string;
    number: number;
    of: number;
    amount: number;
    dueAt: string;
    state: z.infer<typeof payoutState>;
    paidAt: string | null;
    hold: string | null;
    partner: string | null;
    partnerReference: string | null;
    events: Array<{
      at: string;
      to: z.infer<typeof payoutState>;
      source: string;
      code: string | null;
      message: string | null;
      partnerReference: string | null;
    }>;
  }>;
  cases: Array<{
    id: string;
    installmentId: string;
    kind: "not-received" | "received-less";
    status: "open" | "resolved";
    openedAt: string;
    resolution: string | null;
  }>;
}

/** What `linkPayoutAccount` answers: the account's standing, masked, why it waits for review, and how many held payouts it released. */
export interface LinkPayoutAccountResult {
  status: "verified" | "review" | "refused";
  masked: string;
  flags: Array<"doubtful-name" | "shared-account">;
  released: number;
}

/** What `setPayoutQueue` answers. */
export interface SetPayoutQueueResult {
  partner: string;
  paused: boolean;
  /** Whether Cloud Tasks' own queue was paused/resumed too (not on the local emulator). */
  cloudTasks: boolean;
  /** On resume: payouts queued at once. */
  queued: number;
}

/** What a payment partner's refused notification is told (functions/payments.ts), in both languages. */
export const NOTIFICATION_REFUSAL_TEXT = {
  "signature-missing": {
    id: "Notifikasi tanpa tanda tangan (atau token callback) ditolak. Kirim dengan X-SIGNATURE dan X-TIMESTAMP, atau x-callback-token.",
    en: "A notification without a signature (or callback token) is refused. Send it with X-SIGNATURE and X-TIMESTAMP, or x-callback-token.",
  },
  "signature-invalid": {
    id: "Tanda tangan (atau token callback) notifikasi tidak cocok dengan isi yang diterima.",
    en: "The notification's signature (or callback token) does not match the body received.",
  },
  "timestamp-stale": {
    id: "Waktu notifikasi lebih dari 5 menit dari waktu server. Periksa jam sistem Anda dan kirim ulang dengan tanda tangan baru.",
    en: "The notification's time is more than 5 minutes from the server's. Check your clock and send it again with a new signature.",
  },
  "body-invalid": {
    id: "Isi notifikasi tidak dapat dibaca: bukan JSON, atau ada kolom wajib yang hilang atau salah bentuk.",
    en: "The notification's body cannot be read: not JSON, or a required field is missing or malformed.",
  },
} as const;

/** A payment partner's state document as first made (the seed, a deploy, tests): active, not paused. */
export function initialPartnerState(partner: PaymentPartnerSpec): PaymentPartnerStateDoc {
  return {
    name: partner.name,
    channels: [...partner.channels],
    institutions: [...partner.institutions],
    active: true,
    paused: false,
    pausedAt: null,
    pausedBy: null,
  };
}
