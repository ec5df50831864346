import { done, refused, type Outcome } from "../../domain/outcome.js";
import { paymentPartner } from "../../domain/payouts/partners.js";
import type { RefusalOf } from "../../schemas/contract.js";
import type { MyPayouts, PayoutAccountDoc, PayoutCaseDoc, PayoutEventDoc, ReportPayoutInput } from "../../schemas/payouts.js";
import type { MyPayoutCase, ReportPayoutResult } from "../../schemas/payoutViews.js";
import type { Ports, StoredPayout, StoredPayoutCase } from "../ports.js";

/**
 * The participant's own side of payouts: what they see ("my incentives": their account, each
 * installment with its timeline from the partner's reports, their reports) and the one-tap report
 * that an installment marked paid did not arrive, or arrived short, which opens a case for the
 * program office's reconciliation.
 */

type ParticipantPorts = Pick<Ports, "payouts" | "payoutAccounts" | "payoutCases" | "training">;

/** Everything the participant has of payouts. Someone not (or not yet) a participant gets an empty answer. */
export async function myPayouts(ports: ParticipantPorts, uid: string): Promise<Outcome<MyPayouts, never>> {
  const [applicant, account, installments, cases] = await Promise.all([
    ports.training.applicant(uid),
    ports.payoutAccounts.get(uid),
    ports.payouts.ofParticipant(uid),
    ports.payoutCases.ofParticipant(uid),
  ]);
  return done({
    participant: applicant?.status === "participant",
    account: account === null ? null : accountView(account),
    installments: installments.map(installmentView),
    cases: cases.map(caseView),
  });
}

/** The account as screens show it: never the number, only its last digits. */
function accountView(account: PayoutAccountDoc): NonNullable<MyPayouts["account"]> {
  return {
    partner: account.partner,
    partnerName: paymentPartner(account.partner).name,
    channel: account.channel,
    institution: account.institution,
    masked: account.masked,
    status: account.status,
    flags: [...account.flags],
  };
}

function installmentView({ id, payout, events }: StoredPayout & { events: PayoutEventDoc[] }): MyPayouts["installments"][number] {
  return {
    id,
    number: payout.number,
    of: payout.of,
    amount: payout.amount,
    dueAt: payout.dueAt.toISOString(),
    state: payout.state,
    paidAt: payout.paidAt?.toISOString() ?? null,
    hold: payout.hold?.reason ?? null,
    partner: payout.partner,
    partnerReference: payout.partnerReference,
    events: events.map(eventView),
  };
}

// Who reviewed a payout (an operator's uid) and the note they kept are the program office's to know, not the participant's.
function eventView(event: PayoutEventDoc): MyPayouts["installments"][number]["events"][number] {
  return {
    at: event.at.toISOString(),
    to: event.to,
    source: event.source,
    code: event.code ?? null,
    message: event.source === "review" ? null : (event.message ?? null),
    partnerReference: event.partnerReference ?? null,
  };
}

const caseView = ({ id, doc }: StoredPayoutCase): MyPayoutCase => ({
  id,
  installmentId: doc.installmentId,
  kind: doc.kind,
  status: doc.status,
  openedAt: doc.openedAt.toISOString(),
  resolution: doc.resolution,
});

export type ReportPayoutRefusal = RefusalOf<"reportPayout">;

/**
 * "Tidak diterima" / "Diterima kurang": on an installment of theirs that the partner reported
 * paid, the participant opens `payoutCases/{requestId}` with the payout as it stands. Nothing
 * about the payout changes: the program office reconciles it with the partner's statement. The
 * same request answers the same case; a second report while one is open on that installment
 * answers the open one.
 */
export async function reportPayout(
  ports: Pick<Ports, "payouts" | "payoutCases" | "clock">,
  uid: string,
  input: ReportPayoutInput,
): Promise<Outcome<ReportPayoutResult, ReportPayoutRefusal>> {
  const payout = await ports.payouts.get(input.installmentId);
  // Another person's installment reads as not found: whether it exists is not the caller's to learn.
  if (payout === null || payout.uid !== uid) return refused("installment-not-found");
  if (payout.state !== "paid") return refused("installment-not-paid", { state: payout.state });
  const amountReceived = input.kind === "received-less" ? (input.amountReceived ?? null) : null;
  if (input.kind === "received-less" && (amountReceived === null || amountReceived >= payout.amount)) return refused("amount-received-invalid");
  const doc: PayoutCaseDoc = {
    uid,
    installmentId: input.installmentId,
    kind: input.kind,
    amountReceived,
    stateAtReport: payout.state,
    partner: payout.partner,
    partnerReference: payout.partnerReference,
    status: "open",
    openedAt: ports.clock.now(),
    resolvedAt: null,
    resolution: null,
  };
  const opened = await ports.payoutCases.open(input.requestId, doc);
  // A request ID already used for another person's or another installment's report is not this request.
  if (opened.doc.uid !== uid || opened.doc.installmentId !== input.installmentId) return refused("request-id-reused");
  return done({ case: caseView(opened), opened: opened.kind === "created" });
}
