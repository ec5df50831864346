import { createHash } from "node:crypto";
import { done, type Outcome } from "../../domain/outcome.js";
import type { PaymentPartnerCode } from "../../domain/payouts/partners.js";
import { transition } from "../../domain/payouts/payout.js";
import { externalIdDigits } from "../../domain/payouts/schedule.js";
import { PAYOUT_ACCOUNT_VAULT_CONTEXT, payoutDestinationSecret, type PayoutDoc } from "../../schemas/payouts.js";
import { recheckEligibility } from "../eligibilityCheck.js";
import type { PayoutInstruction, Ports } from "../ports.js";
import { decideReport, decideUnknown, notifyPaid, type ReportResult } from "./apply.js";
import { changeOf } from "./changes.js";

/** How long one attempt holds a payout in `sending`: longer than a token request plus the payout call with its timeout. Seconds. */
export const SEND_LEASE_SECONDS = 120;

/** Eligibility reasons that stop a payout. Age is judged at selection, not at each installment; being a participant is the point. */
const IRRELEVANT_AT_PAYOUT = new Set(["under-age", "over-age", "already-participant"]);

/**
 * The pre-payout check: the person's eligibility again, against the exclusion lists and rules as
 * they are now (2020's auditors found 119,494 recipients above the wage ceiling and 54,856
 * students among those paid, because lists were checked once, at selection: DOMAIN.md). The
 * reasons that stop this payout; none: pay. Reads: applicant, program year, family, list entries.
 */
export async function payoutScreen(ports: Pick<Ports, "registrations" | "programYears" | "lists" | "vault">, uid: string, now: Date): Promise<string[]> {
  const applicant = await ports.registrations.applicant(uid);
  if (applicant === null) return ["no-registration"];
  const rules = await ports.programYears.get(applicant.programYear);
  if (rules === null) return ["no-program-year"];
  const decide = await recheckEligibility(ports, applicant, rules, now);
  const decision = decide(await ports.registrations.family(applicant.kkKey));
  return decision.reasons.filter((reason) => !IRRELEVANT_AT_PAYOUT.has(reason));
}

/** SNAP's X-EXTERNAL-ID of an attempt sent on `day`: digits, the same for a re-send of that attempt that day. */
export function externalIdOf(installmentId: string, attempt: number, day: string): string {
  return externalIdDigits(createHash("sha256").update(`${installmentId}:${attempt}:${day}`).digest("hex"));
}

const jakartaDay = (at: Date) => new Date(at.getTime() + 7 * 3600_000).toISOString().slice(0, 10);

export type SendResult =
  /** The task was not this payout's current one (a duplicate delivery, a payout since moved on): nothing done. */
  | { kind: "skipped"; state: PayoutDoc["state"] | "missing" }
  | { kind: "held"; reasons: string[] }
  /** Put back on the schedule: its partner's queue is paused; resuming queues it again. */
  | { kind: "paused" }
  | { kind: "sent"; outcome: ReportResult | "unknown" };

type SendPorts = Pick<
  Ports,
  "payouts" | "paymentPartners" | "registrations" | "programYears" | "lists" | "notifications" | "clock" | "vault" | "payoutAccounts" | "audit"
>;

/**
 * One send task (functions/payBankNusantara.ts and its siblings): takes the queued payout into
 * `sending` under a lease, after the pre-payout check (a hit holds it for review instead), calls the
 * partner with the installment's reference (the same on every attempt), and records the answer:
 * `sent`, `paid`, `failed` — or `unknown` when no trustworthy answer came (timeout, 5xx), which
 * the status poller settles by asking the partner, never by sending again. A crash between the
 * partner call and the record leaves `sending`; its lease lapses and the poller does the same.
 *
 * Refusal `partner-unavailable` is never returned for a partner's failure (that is `unknown`); the
 * task throws only when Firestore fails, and Cloud Tasks retries it (a retry finds the payout no
 * longer queued and does nothing).
 */
export async function sendPayout(ports: SendPorts, task: { installmentId: string; attempt: number; version: number }): Promise<Outcome<SendResult, never>> {
  const id = task.installmentId;
  const now = ports.clock.now();
  const before = await ports.payouts.get(id);
  if (before === null || before.state !== "queued" || before.attempt !== task.attempt || before.version !== task.version) {
    return done({ kind: "skipped", state: before?.state ?? "missing" });
  }
  const reasons = await payoutScreen(ports, before.uid, now);
  // The account number is opened before the claim; the claim pays it only if the account is still the one opened.
  const linked = await ports.payoutAccounts.get(before.uid);
  const opened =
    linked === null
      ? null
      : { sealed: linked.destination, ...payoutDestinationSecret.parse(await ports.vault.open(linked.destination, PAYOUT_ACCOUNT_VAULT_CONTEXT)) };
  const partnerState = before.partner === null ? null : await ports.payouts.partnerState(before.partner);
  const claim = await ports.payouts.change(id, { withAccount: true }, ({ payout, account }) => {
    type Claim = SendResult | { kind: "send"; instruction: PayoutInstruction; partner: PaymentPartnerCode };
    const skip = (): { result: Claim } => ({ result: { kind: "skipped", state: payout?.state ?? "missing" } });
    if (payout === null || payout.state !== "queued" || payout.attempt !== task.attempt || payout.version !== task.version) return skip();
    const hold = (reason: "eligibility" | "no-account" | "account-review", details: string[]) => {
      const step = transition(payout, "held");
      if (!step.ok) return skip();
      const patch = { hold: { reason, ...(details.length > 0 ? { details } : {}), at: now } };
      return {
        change: changeOf(payout, step.value, "task", now, patch, { code: reason, message: details.join(",") }),
        result: { kind: "held" as const, reasons: details.length > 0 ? details : [reason] },
      };
    };
    if (reasons.length > 0) return hold("eligibility", reasons);
    if (account === null) return hold("no-account", []);
    if (account.status !== "verified") return hold("account-review", []);
    const moved = account.partner !== payout.partner || opened === null || opened.sealed.ciphertext !== account.destination.ciphertext;
    if (partnerState?.paused === true || moved) {
      // Paused, or the participant linked another account since it was queued (or since it was opened above): back on the schedule; the dispatcher queues it again.
      const step = transition(payout, "scheduled");
      if (!step.ok) return skip();
      return {
        change: changeOf(payout, step.value, "task", now, {}, { code: partnerState?.paused === true ? "partner-paused" : "account-changed" }),
        result: { kind: "paused" as const },
      };
    }
    const step = transition(payout, "sending", account.partner);
    if (!step.ok) return skip();
    const externalId = externalIdOf(id, payout.attempt, jakartaDay(now));
    const change = changeOf(
      payout,
      step.value,
      "task",
      now,
      { externalId, sentAt: now, leaseUntil: new Date(now.getTime() + SEND_LEASE_SECONDS * 1000) },
      { code: "sending" },
    );
    const instruction: PayoutInstruction = {
      reference: payout.reference,
      externalId,
      amount: payout.amount,
      destination: { channel: account.channel, institution: account.institution, accountNumber: opened.accountNumber },
      remark: `Insentif Prakerja ${payout.number}/${payout.of}`,
    };
    return { change, result: { kind: "send" as const, instruction, partner: account.partner } };
  });
  if (claim.kind === "held") {
    // The pre-payout check held it: on the audit log as the system's act, once per send task.
    await ports.audit.append({
      act: "hold-payout",
      actor: "system",
      role: "system",
      target: id,
      key: `${id}-held-${task.attempt}-${task.version}`,
      at: now,
      details: { reasons: claim.reasons.join(",") },
    });
  }
  if (claim.kind !== "send") return done(claim);
  const partner = claim.partner;
  const answer = await ports.paymentPartners.get(partner).pay(claim.instruction);
  const at = ports.clock.now();
  const outcome = await ports.payouts.change(id, {}, ({ payout, clawback }) =>
    answer.answered
      ? decideReport(id, payout, answer.report, "partner-answer", at, `${id}-answer-${task.attempt}`, partner, clawback)
      : decideUnknown(payout, task.attempt, "partner-answer", at, answer.error),
  );
  if (answer.answered && answer.report.state === "paid") await notifyPaid(ports, id);
  return done({ kind: "sent", outcome: answer.answered ? outcome : "unknown" });
}
