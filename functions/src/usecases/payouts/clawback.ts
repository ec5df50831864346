import { done, refused, type Outcome } from "../../domain/outcome.js";
import { isLapsed, openingMove, repay, repaymentDeadline, repaymentMove } from "../../domain/payouts/clawback.js";
import type { LedgerMove } from "../../domain/payouts/payout.js";
import { mayDo, type Actor } from "../../domain/roles.js";
import type {
  ClawbackDoc,
  ClawbackSummary,
  OpenClawbackInput,
  OpenClawbackResult,
  RecordRepaymentInput,
  RecordRepaymentResult,
} from "../../schemas/clawbacks.js";
import type { RefusalOf } from "../../schemas/contract.js";
import type { LedgerEntryDoc, PayoutDoc } from "../../schemas/payouts.js";
import type { Ports } from "../ports.js";

/**
 * Clawback (domain/payouts/clawback.ts): the program office opens a case on a paid installment
 * found improper, records the participant's repayments, and the daily job escalates a case whose
 * deadline lapsed with something owed. Each act is one transaction (ClawbackStore.act) writing the
 * case, its ledger move and, for a repayment, the repayment under its request ID.
 */

/** The ledger entry of a case's act `version` (0: opening): one per act, so a retried transaction cannot post twice. */
export const clawbackLedgerEntryId = (installmentId: string, version: number): string => `${installmentId}-clawback-${version}`;

export type OpenClawbackRefusal = RefusalOf<"openClawback">;
export type RecordRepaymentRefusal = RefusalOf<"recordRepayment">;

function ledgerEntry(id: string, payout: PayoutDoc, move: LedgerMove, at: Date, cause: string): LedgerEntryDoc {
  // `version` is the payout's: a clawback leaves the payout as it is.
  return { installmentId: id, uid: payout.uid, programYear: payout.programYear, ...move, at, version: payout.version, cause };
}

const openResult = (id: string, clawback: ClawbackDoc, replayed: boolean): OpenClawbackResult => ({
  installmentId: id,
  status: clawback.status,
  amount: clawback.amount,
  outstanding: clawback.outstanding,
  deadline: clawback.deadline.toISOString(),
  replayed,
});

/**
 * Opens `clawbacks/{installmentId}` on a paid installment: the paid amount moves from
 * `paid:<partner>` to `clawback`, due back within the program year's `repaymentDays`. A retry
 * with the same requestId answers as the first call did; another request on the same installment
 * is `clawback-exists`. Reads: payout 1, program year 1, then the transaction's 2; writes 2.
 */
export async function openClawback(
  ports: Pick<Ports, "payouts" | "programYears" | "clawbacks" | "clock" | "audit">,
  actor: Actor,
  input: OpenClawbackInput,
): Promise<Outcome<OpenClawbackResult, OpenClawbackRefusal>> {
  if (!mayDo(actor, "manage-payouts")) return refused("not-admin");
  const id = input.installmentId;
  const found = await ports.payouts.get(id);
  if (found === null) return refused("payout-not-found");
  const year = await ports.programYears.get(found.programYear);
  if (year === null) return refused("program-year-not-configured");
  const now = ports.clock.now();
  const outcome = await ports.clawbacks.act<Outcome<OpenClawbackResult, OpenClawbackRefusal>>(id, null, ({ payout, clawback }) => {
    if (clawback !== null) {
      return {
        result: clawback.requestId === input.requestId ? done(openResult(id, clawback, true)) : refused("clawback-exists", { status: clawback.status }),
      };
    }
    if (payout === null) return { result: refused("payout-not-found") };
    if (payout.state !== "paid" || payout.partner === null) return { result: refused("payout-not-paid", { state: payout.state }) };
    const opened: ClawbackDoc = {
      uid: payout.uid,
      programYear: payout.programYear,
      number: payout.number,
      partner: payout.partner,
      partnerReference: payout.partnerReference,
      amount: payout.amount,
      repaid: 0,
      outstanding: payout.amount,
      reason: input.reason,
      note: input.note,
      status: "open",
      openedAt: now,
      openedBy: actor.uid,
      requestId: input.requestId,
      repaymentDays: year.repaymentDays,
      deadline: repaymentDeadline(now, year.repaymentDays),
      repayments: 0,
      repaidAt: null,
      escalatedAt: null,
      updatedAt: now,
      version: 0,
    };
    const entry = ledgerEntry(id, payout, openingMove(payout.partner, payout.amount), now, "clawback-opened");
    return { clawback: opened, ledger: [{ id: clawbackLedgerEntryId(id, 0), entry }], result: done(openResult(id, opened, false)) };
  });
  if (outcome.ok)
    await ports.audit.append({
      act: "open-clawback",
      actor: actor.uid,
      role: actor.claims.role,
      target: id,
      key: input.requestId,
      at: now,
      details: { reason: input.reason },
    });
  return outcome;
}

/**
 * Records a repayment: partial is fine, more than is owed is `amount-exceeds-outstanding` (details:
 * `outstanding`); the case is `repaid` when nothing is left. Idempotent on requestId: a retry
 * writes nothing and answers with the case as it stands; the same requestId with another amount
 * or reference is `request-id-reused`. Reads: 3 (transaction); writes 3.
 */
export async function recordRepayment(
  ports: Pick<Ports, "clawbacks" | "clock" | "audit">,
  actor: Actor,
  input: RecordRepaymentInput,
): Promise<Outcome<RecordRepaymentResult, RecordRepaymentRefusal>> {
  if (!mayDo(actor, "manage-payouts")) return refused("not-admin");
  const id = input.installmentId;
  const now = ports.clock.now();
  const outcome = await ports.clawbacks.act<Outcome<RecordRepaymentResult, RecordRepaymentRefusal>>(id, input.requestId, ({ payout, clawback, repayment }) => {
    if (clawback === null || payout === null) return { result: refused("clawback-not-found") };
    const answer = (doc: ClawbackDoc, replayed: boolean) =>
      done<RecordRepaymentResult>({ installmentId: id, status: doc.status, repaid: doc.repaid, outstanding: doc.outstanding, replayed });
    if (repayment !== null) {
      const same = repayment.amount === input.amount && repayment.reference === input.reference;
      return { result: same ? answer(clawback, true) : refused("request-id-reused") };
    }
    const next = repay(clawback, input.amount);
    if (!next.ok) return { result: refused(next.reason, next.details) };
    const version = clawback.version + 1;
    const updated: ClawbackDoc = {
      ...clawback,
      ...next.value,
      repayments: clawback.repayments + 1,
      repaidAt: next.value.status === "repaid" ? now : null,
      updatedAt: now,
      version,
    };
    return {
      clawback: updated,
      repayment: { amount: input.amount, reference: input.reference, at: now, by: actor.uid, outstandingAfter: next.value.outstanding, version },
      ledger: [{ id: clawbackLedgerEntryId(id, version), entry: ledgerEntry(id, payout, repaymentMove(input.amount), now, "clawback-repayment") }],
      result: answer(updated, false),
    };
  });
  if (outcome.ok)
    await ports.audit.append({
      act: "record-repayment",
      actor: actor.uid,
      role: actor.claims.role,
      target: id,
      key: input.requestId,
      at: now,
      details: { amount: input.amount, status: outcome.value.status, outstanding: outcome.value.outstanding },
    });
  return outcome;
}

/** Lapsed cases read per page by the daily job. */
const ESCALATION_PAGE = 200;

/**
 * The daily job (functions/escalateClawbacks.ts): every open case whose deadline passed with
 * something owed becomes `escalated` (a civil claim), each in its own transaction that checks
 * again, so a case is escalated exactly once however often the job runs. Reads: 1 per lapsed case
 * + 3 per transaction; writes 1 per case escalated.
 */
export async function escalateClawbacks(ports: Pick<Ports, "clawbacks">, now: Date): Promise<{ escalated: string[] }> {
  const escalated: string[] = [];
  for (;;) {
    const page = await ports.clawbacks.lapsed(now, ESCALATION_PAGE);
    let changed = 0;
    for (const { id } of page) {
      const moved = await ports.clawbacks.act(id, null, ({ clawback }) => {
        if (clawback === null || !isLapsed(clawback, now)) return { result: false };
        return { clawback: { ...clawback, status: "escalated", escalatedAt: now, updatedAt: now, version: clawback.version + 1 }, result: true };
      });
      if (moved) {
        escalated.push(id);
        changed += 1;
      }
    }
    // A page that escalated nothing would come back the same: stop rather than loop.
    if (page.length < ESCALATION_PAGE || changed === 0) return { escalated };
  }
}

/** Cases with something owed (open, then escalated alike), soonest deadline first: for the program office's overview. */
export async function openClawbacks(ports: Pick<Ports, "clawbacks">, limit: number): Promise<ClawbackSummary[]> {
  return (await ports.clawbacks.outstanding(limit)).map(({ id, clawback }) => ({
    installmentId: id,
    uid: clawback.uid,
    programYear: clawback.programYear,
    number: clawback.number,
    partner: clawback.partner,
    amount: clawback.amount,
    repaid: clawback.repaid,
    outstanding: clawback.outstanding,
    reason: clawback.reason,
    status: clawback.status,
    openedAt: clawback.openedAt.toISOString(),
    deadline: clawback.deadline.toISOString(),
    escalatedAt: clawback.escalatedAt?.toISOString() ?? null,
    repayments: clawback.repayments,
  }));
}
