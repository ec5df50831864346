import { randomInt, randomUUID } from "node:crypto";
import { expect } from "vitest";
import { productionPorts } from "../../functions/src/composition.js";
import { configuredPaymentPartners } from "../../functions/src/adapters/payments/index.js";
import { PAYMENT_PARTNERS, type PaymentPartnerCode } from "../../functions/src/domain/payouts/partners.js";
import { expectedPosition, ledgerPosition, type LedgerAccount, type PayoutState } from "../../functions/src/domain/payouts/payout.js";
import { installmentId, payoutReference } from "../../functions/src/domain/payouts/schedule.js";
import { initialPartnerState, payoutDoc, type PayoutDoc } from "../../functions/src/schemas/payouts.js";
import { withDates } from "../../functions/src/schemas/timestamps.js";
import { scheduleChanges } from "../../functions/src/usecases/payouts/schedule.js";
import type { Ports } from "../../functions/src/usecases/ports.js";
import { URLS } from "../../scripts/stack/config.js";
import { localPaymentPartnerSources } from "../../scripts/payments/keys.js";
import { LOCAL_SECRETS } from "../../scripts/stack/index.js";
import { localVault } from "../../scripts/stack/localVault.js";
import type { ApplicantDoc } from "../../functions/src/schemas/applicant.js";
import { vaultKeys } from "./secrets.js";
import { openedPerson } from "./vault.js";
import { adminDb } from "./admin.js";
import { participant, type Participant } from "./partnerSimulator.js";
import { call } from "./stack.js";

/**
 * Payouts on the real stack: the payment-partner simulator (scripts/payments/, a real HTTP server
 * the functions emulator calls and that calls our webhook back), the functions and tasks
 * emulators, and the production adapters in-process for the scheduled jobs a test runs itself.
 */

/** The production ports, with the partners configured as the functions emulator has them (functions/.env.demo-prakerja, .secret.local). */
export function payoutPorts(overrides: Partial<Ports> = {}): Ports {
  // The send task opens the account number and the birth date with the key the functions emulator seals with.
  return productionPorts({
    paymentPartners: configuredPaymentPartners(localPaymentPartnerSources(LOCAL_SECRETS)),
    vault: localVault(LOCAL_SECRETS),
    ...overrides,
  });
}

/** The simulator's control API (docs/payment-partners.md). */
export async function simulator<T = unknown>(method: "GET" | "POST" | "DELETE", path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${URLS.payments}${path}`, {
    method,
    ...(body === undefined ? {} : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

export interface SimTransaction {
  partner: string;
  reference: string;
  accountNumber: string;
  amount: number;
  state: string;
  duplicates: number;
}

/** Makes sure the program office's state document of every payment partner exists (the seed makes them for `npm start`). */
export async function ensurePaymentPartners(): Promise<void> {
  await Promise.all(
    PAYMENT_PARTNERS.map(async (partner) => {
      try {
        await adminDb.doc(`paymentPartners/${partner.code}`).create(initialPartnerState(partner));
      } catch (error) {
        if ((error as { code?: number }).code !== 6) throw error;
      }
    }),
  );
}

export interface Payee extends Participant {
  fullName: string;
  partner: PaymentPartnerCode;
  accountNumber: string;
  /** The installment (the program year of ensureProgramYear has one), its reference at the partner. */
  installment: string;
  reference: string;
}

/**
 * A participant entitled to their incentive: selected (support/partnerSimulator.ts participant),
 * with an account at `partner` in their own name that the simulator knows and they linked through
 * `linkPayoutAccount`, and their installment scheduled as the review of a first training makes it
 * (usecases/payouts/schedule.ts), due already.
 */
export async function payee(partner: PaymentPartnerCode = "bank-nusantara"): Promise<Payee> {
  const person = await participant();
  const stored = (await adminDb.doc(`applicants/${person.uid}`).get()).data() as Pick<ApplicantDoc, "personal" | "programYear">;
  const applicant = { fullName: openedPerson(stored, vaultKeys).fullName, programYear: stored.programYear };
  const accountNumber = String(randomInt(10_000_000, 99_999_999)) + String(randomInt(10, 99));
  const spec = PAYMENT_PARTNERS.find((p) => p.code === partner)!;
  const channel = spec.channels[0];
  const institution = spec.institutions[0];
  await simulator("POST", "/_control/accounts", { partner, institution, number: accountNumber, holderName: applicant.fullName.toUpperCase() });
  const linked = await call("linkPayoutAccount", { partner, channel, institution, accountNumber, requestId: randomUUID() }, person.account.idToken);
  if (linked.error !== undefined) throw new Error(`linkPayoutAccount: ${JSON.stringify(linked.error)}`);
  const ports = payoutPorts();
  const rules = await ports.programYears.get(applicant.programYear);
  if (rules === null) throw new Error(`no program year ${applicant.programYear}`);
  // Reviewed ten days ago: the first installment fell due three working days later.
  await ports.payouts.createAll(scheduleChanges(person.uid, rules, new Date(Date.now() - 10 * 86_400_000)));
  const installment = installmentId(person.uid, applicant.programYear, 1);
  return { ...person, fullName: applicant.fullName, partner, accountNumber, installment, reference: payoutReference(installment) };
}

/** The payout as stored, parsed by its schema (timestamps as Dates). */
export async function payoutOf(id: string): Promise<PayoutDoc> {
  const data = (await adminDb.doc(`payouts/${id}`).get()).data();
  if (data === undefined) throw new Error(`no payout ${id}`);
  return payoutDoc.parse(withDates(data));
}

/** Waits until the payout is in one of `states` (the tasks and webhooks run on their own), answering its state. */
export async function settled(id: string, states: readonly PayoutState[], timeoutMs = 30_000): Promise<PayoutState> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const state = ((await adminDb.doc(`payouts/${id}`).get()).data()?.state ?? "missing") as PayoutState;
    if (states.includes(state)) return state;
    if (Date.now() > until) throw new Error(`payout ${id} is ${state} after ${timeoutMs} ms, not ${states.join("|")}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The payout's timeline, oldest first: `from>to (source)`. */
export async function timelineOf(id: string): Promise<string[]> {
  const docs = (await adminDb.collection(`payouts/${id}/events`).orderBy("at").get()).docs;
  return docs.map((doc) => {
    const event = doc.data() as { from: string | null; to: string; source: string };
    return `${event.from ?? "-"}>${event.to} (${event.source})`;
  });
}

/**
 * The end of every fault test: nothing paid twice — the simulator paid this person's account at
 * most the installment's amount, and holds one transaction for the reference — nothing lost —
 * the payout is in one of `finals` — and the ledger balanced: the installment's money is in
 * exactly the account its state says, and every entry moved it from somewhere to somewhere.
 */
export async function exactlyOnce(who: Payee, finals: readonly PayoutState[]): Promise<PayoutDoc> {
  const payout = await payoutOf(who.installment);
  expect(finals, `payout is ${payout.state}`).toContain(payout.state);
  const { transactions } = await simulator<{ transactions: SimTransaction[] }>("GET", "/_control/transactions");
  const mine = transactions.filter((t) => t.accountNumber === who.accountNumber);
  expect(mine.filter((t) => t.reference === who.reference)).toHaveLength(mine.length === 0 ? 0 : 1);
  const paidToAccount = mine.filter((t) => t.state === "paid").reduce((sum, t) => sum + t.amount, 0);
  expect(paidToAccount).toBeLessThanOrEqual(payout.amount);
  if (payout.state === "paid") expect(paidToAccount).toBe(payout.amount);
  const entries = (await adminDb.collection("payoutLedger").where("installmentId", "==", who.installment).get()).docs.map(
    (doc) => doc.data() as { from: LedgerAccount; to: LedgerAccount; amount: number },
  );
  expect(Object.fromEntries(ledgerPosition(entries))).toEqual(Object.fromEntries(expectedPosition(payout)));
  expect(entries.every((entry) => entry.from !== entry.to && entry.amount === payout.amount)).toBe(true);
  return payout;
}
