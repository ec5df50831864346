import { PAYMENT_PARTNER_CODES, type PaymentPartnerCode } from "../../domain/payouts/partners.js";
import type {
  PartnerCallResult,
  PartnerPayoutReport,
  PartnerPayoutState,
  PaymentPartner,
  PaymentPartners,
  PayoutDestination,
  PayoutInstruction,
  StatementLine,
} from "../../usecases/ports.js";
import { verifyMemoryNotification } from "./paymentNotifications.js";
import { roundTrip } from "./state.js";

export { MEMORY_NOTIFICATION_KEY, MEMORY_SIGNATURE_HEADER, MEMORY_TIMESTAMP_HEADER, signedNotification } from "./paymentNotifications.js";

/**
 * What a memory partner does with the next payout it is sent (`answerNext`):
 * - `accepted`, `paid`, `failed`: it keeps the transaction in that state and answers so;
 * - `timeout`: it keeps the transaction (in `then`, default `paid`) but no answer comes back — the
 *   crash or timeout after the partner acted, which only `status` can settle;
 * - `unreachable`: the call never reached it (a refused connection): no transaction, no answer.
 */
export type MemoryPartnerAnswer =
  | { kind: "accepted" }
  | { kind: "paid" }
  | { kind: "failed"; code: string; message?: string }
  | { kind: "timeout"; then?: "accepted" | "paid" | "failed" }
  | { kind: "unreachable" };

/** A transaction as a memory partner keeps it (one per reference; a retry after `failed` replaces it). */
export interface MemoryPartnerTransaction {
  partner: PaymentPartnerCode;
  reference: string;
  partnerReference: string;
  externalId: string;
  amount: number;
  destination: PayoutDestination;
  remark: string;
  state: PartnerPayoutState;
  code: string;
  message: string;
  at: Date;
  paidAt: Date | null;
  reversedAt: Date | null;
}

export interface MemoryPartnerCall {
  partner: PaymentPartnerCode;
  method: "inquireAccount" | "pay" | "status" | "statement";
  /** The payout's reference (pay, status). */
  reference?: string;
  /** Whether the caller got an answer. */
  answered: boolean;
}

export interface MemoryPaymentPartners extends PaymentPartners {
  /** Every call made to any partner, in order. */
  calls: MemoryPartnerCall[];
  /** Every payment that went out (a transaction reaching `paid`), in order: two for one reference is a double payout. */
  payments: Array<{ partner: PaymentPartnerCode; reference: string; partnerReference: string; amount: number; at: Date }>;
  /** How many times money went out for `reference`, at any partner. */
  timesPaid(reference: string): number;
  /** The partner's current transaction of `reference`. */
  transaction(partner: PaymentPartnerCode, reference: string): MemoryPartnerTransaction | null;
  /** Every transaction the partner ever made, replaced ones (failed, then retried) included. */
  history(partner: PaymentPartnerCode): MemoryPartnerTransaction[];
  /** An account the partner's inquiry finds, in `holderName`. */
  addAccount(partner: PaymentPartnerCode, destination: PayoutDestination, holderName: string): void;
  /**
   * Scripts the answers to the partner's next `pay` calls, in order: each call takes one; unscripted,
   * a payout is paid. A call for a reference the partner has (and has not failed) answers that
   * transaction whatever was scripted, unless the script says `timeout` or `unreachable`.
   */
  answerNext(partner: PaymentPartnerCode, ...answers: MemoryPartnerAnswer[]): void;
  /** The partner's later word on a transaction: `accepted` → `paid` | `failed`, `paid` → `reversed`. Returns what it would report. */
  settle(partner: PaymentPartnerCode, reference: string, state: "paid" | "failed" | "reversed", code?: string): PartnerPayoutReport;
  /** The partner's report of a transaction as it stands (what a notification or `status` says). */
  report(partner: PaymentPartnerCode, reference: string): PartnerPayoutReport;
  /** An outage: while down, nothing reaches the partner (inquiries and statements throw, pay and status go unanswered). */
  down(partner: PaymentPartnerCode, isDown: boolean): void;
}

const STATUS_CODE: Record<PartnerPayoutState, string> = { paid: "00", accepted: "03", reversed: "04", failed: "06" };
const INVALID_ACCOUNT = "4041811";
const jakartaDay = (at: Date) => new Date(at.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
const accountKey = (destination: PayoutDestination) => `${destination.channel}:${destination.institution}:${destination.accountNumber}`;

/**
 * Every payment partner of PAYMENT_PARTNERS in memory, for unit tests of the payout use cases: a
 * partner keeps its transactions by our reference — the same reference again answers the
 * transaction it has (unless that one failed: then it is a new attempt), so a use case that sends
 * twice shows in `timesPaid`, not as money lost. Notifications verify when signed as
 * paymentNotifications.ts says (`signedNotification`).
 */
export function memoryPaymentPartners(clock: () => Date = () => new Date()): MemoryPaymentPartners {
  const calls: MemoryPartnerCall[] = [];
  const payments: MemoryPaymentPartners["payments"] = [];
  const current = new Map<string, MemoryPartnerTransaction>();
  const made: MemoryPartnerTransaction[] = [];
  const accounts = new Map<string, string>();
  const scripts = new Map<PaymentPartnerCode, MemoryPartnerAnswer[]>();
  const outages = new Set<PaymentPartnerCode>();
  let serial = 0;

  const keyOf = (partner: PaymentPartnerCode, reference: string) => `${partner}|${reference}`;
  const find = (partner: PaymentPartnerCode, reference: string) => {
    const found = current.get(keyOf(partner, reference));
    if (found === undefined) throw new Error(`${partner} has no transaction ${reference}`);
    return found;
  };
  const reportOf = (tx: MemoryPartnerTransaction): PartnerPayoutReport => ({
    state: tx.state,
    reference: tx.reference,
    partnerReference: tx.partnerReference,
    amount: tx.amount,
    currency: "IDR",
    code: tx.code,
    message: tx.message,
    at: clock(),
  });
  const move = (tx: MemoryPartnerTransaction, state: PartnerPayoutState, code: string = STATUS_CODE[state], message: string = state) => {
    Object.assign(tx, { state, code, message, at: clock() });
    if (state === "paid") {
      tx.paidAt = tx.at;
      payments.push({ partner: tx.partner, reference: tx.reference, partnerReference: tx.partnerReference, amount: tx.amount, at: tx.at });
    }
    if (state === "reversed") tx.reversedAt = tx.at;
  };

  function pay(partner: PaymentPartnerCode, instruction: PayoutInstruction): PartnerCallResult {
    const answer = outages.has(partner) ? { kind: "unreachable" as const } : (scripts.get(partner)?.shift() ?? { kind: "paid" as const });
    const noAnswer = (error: string): PartnerCallResult => {
      calls.push({ partner, method: "pay", reference: instruction.reference, answered: false });
      return { answered: false, error };
    };
    if (answer.kind === "unreachable") return noAnswer("connection refused");
    let tx = current.get(keyOf(partner, instruction.reference));
    if (tx === undefined || tx.state === "failed") {
      serial += 1;
      tx = {
        partner,
        reference: instruction.reference,
        partnerReference: `MEM${String(serial).padStart(8, "0")}`,
        externalId: instruction.externalId,
        amount: instruction.amount,
        destination: structuredClone(instruction.destination),
        remark: instruction.remark,
        state: "accepted",
        code: STATUS_CODE.accepted,
        message: "accepted",
        at: clock(),
        paidAt: null,
        reversedAt: null,
      };
      current.set(keyOf(partner, tx.reference), tx);
      made.push(tx);
      const outcome = answer.kind === "timeout" ? (answer.then ?? "paid") : answer.kind;
      if (!accounts.has(`${partner}|${accountKey(instruction.destination)}`)) move(tx, "failed", INVALID_ACCOUNT, "Invalid Account");
      else if (answer.kind === "failed") move(tx, "failed", answer.code, answer.message ?? "failed");
      else if (outcome !== "accepted") move(tx, outcome);
    }
    if (answer.kind === "timeout") return noAnswer(`timeout (the partner has the transaction, ${tx.state})`);
    calls.push({ partner, method: "pay", reference: instruction.reference, answered: true });
    return { answered: true, report: reportOf(tx) };
  }

  const partners = new Map<PaymentPartnerCode, PaymentPartner>(
    PAYMENT_PARTNER_CODES.map((code) => [
      code,
      {
        code,
        inquireAccount(destination) {
          calls.push({ partner: code, method: "inquireAccount", answered: !outages.has(code) });
          if (outages.has(code)) return Promise.reject(new Error(`${code} is down`));
          const holderName = accounts.get(`${code}|${accountKey(destination)}`);
          return Promise.resolve(holderName === undefined ? { found: false } : { found: true, holderName });
        },
        pay: async (instruction) => {
          await roundTrip();
          return pay(code, instruction);
        },
        status({ reference }) {
          calls.push({ partner: code, method: "status", reference, answered: !outages.has(code) });
          if (outages.has(code)) return Promise.resolve({ answered: false, error: `${code} is down` });
          const tx = current.get(keyOf(code, reference));
          return Promise.resolve(tx === undefined ? { known: false } : { known: true, report: reportOf(tx) });
        },
        verifyNotification: (request, now) => verifyMemoryNotification(code, request, now),
        statement(day) {
          calls.push({ partner: code, method: "statement", answered: !outages.has(code) });
          if (outages.has(code)) return Promise.reject(new Error(`${code} is down`));
          const lines: StatementLine[] = made
            .filter((tx) => tx.partner === code)
            .flatMap((tx) =>
              [
                ...(tx.paidAt !== null && jakartaDay(tx.paidAt) === day ? [{ state: "paid" as const, at: tx.paidAt }] : []),
                ...(tx.reversedAt !== null && jakartaDay(tx.reversedAt) === day ? [{ state: "reversed" as const, at: tx.reversedAt }] : []),
              ].map((line) => ({ ...line, reference: tx.reference, partnerReference: tx.partnerReference, amount: tx.amount })),
            );
          return Promise.resolve(lines);
        },
      } satisfies PaymentPartner,
    ]),
  );

  return {
    calls,
    payments,
    get(code) {
      const partner = partners.get(code);
      if (partner === undefined) throw new Error(`unknown payment partner ${code}`);
      return partner;
    },
    timesPaid: (reference) => payments.filter((payment) => payment.reference === reference).length,
    transaction: (partner, reference) => {
      const tx = current.get(keyOf(partner, reference));
      return tx === undefined ? null : structuredClone(tx);
    },
    history: (partner) => made.filter((tx) => tx.partner === partner).map((tx) => structuredClone(tx)),
    addAccount: (partner, destination, holderName) => void accounts.set(`${partner}|${accountKey(destination)}`, holderName),
    answerNext: (partner, ...answers) => void scripts.set(partner, [...(scripts.get(partner) ?? []), ...answers]),
    settle(partner, reference, state, code) {
      const tx = find(partner, reference);
      const allowed = state === "reversed" ? tx.state === "paid" : tx.state === "accepted";
      if (!allowed) throw new Error(`${partner} cannot move ${reference} from ${tx.state} to ${state}`);
      move(tx, state, code);
      return reportOf(tx);
    },
    report: (partner, reference) => reportOf(find(partner, reference)),
    down: (partner, isDown) => void (isDown ? outages.add(partner) : outages.delete(partner)),
  };
}
