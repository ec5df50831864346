import { done, refused, type Outcome } from "../../domain/outcome.js";
import { PAYMENT_PARTNERS, type PaymentPartnerCode } from "../../domain/payouts/partners.js";
import { mayDo, type Actor } from "../../domain/roles.js";
import type { RefusalOf } from "../../schemas/contract.js";
import type { PaymentPartnerStateDoc, QuarantineDoc } from "../../schemas/payouts.js";
import {
  COUNTED_STATES,
  type CountedState,
  type HeldPayoutView,
  type OpenCaseView,
  type PartnerQueueView,
  type PayoutOverview,
  type QuarantineView,
  type ResolveQuarantineResult,
} from "../../schemas/payoutViews.js";
import type { Ports, StoredPayout, StoredPayoutCase } from "../ports.js";
import { accountInReviewView } from "./accountReview.js";
import { openClawbacks } from "./clawback.js";
import { reconciliationSummary } from "./report.js";

/**
 * The program office's side of payouts: one overview of every partner's queue (paused or not,
 * and how many payouts wait, travel or failed), the payouts held for review, the partner reports
 * in quarantine, the participants' open reports, the latest reconciliation report and the
 * clawbacks still owed — and resolving a quarantined report. Auditors read the overview; only
 * admins act. Releasing or cancelling a held payout is `reviewPayout`'s, pausing a queue
 * `setPayoutQueue`'s, deciding an account in review `reviewPayoutAccount`'s (accountReview.ts),
 * closing a participant's report `resolvePayoutCase`'s (caseResolution.ts).
 *
 * Reads of one overview: 3 partner documents, 19 aggregations (6 states × 3 partners, and every
 * held payout; each one read per 1,000 entries), at most OVERVIEW_LIMIT each of held payouts,
 * quarantined reports, open cases, clawbacks and accounts in review, and the latest report with
 * its first page.
 */

/** How many of each list the overview shows (oldest first): the page is a worklist, not an archive. */
export const OVERVIEW_LIMIT = 50;

type OverviewPorts = Pick<Ports, "payouts" | "payoutAccounts" | "payoutCases" | "reconciliation" | "clawbacks" | "taskQueues" | "clock">;

export async function payoutOverview(ports: OverviewPorts, actor: Actor): Promise<Outcome<PayoutOverview, RefusalOf<"payoutOverview">>> {
  if (!mayDo(actor, "read-payouts")) return refused("not-admin-or-auditor");
  const now = ports.clock.now();
  const [partners, heldTotal, held, quarantine, cases, report, clawbacks, accountsInReview] = await Promise.all([
    Promise.all(PAYMENT_PARTNERS.map((spec) => partnerView(ports, spec))),
    ports.payouts.count("held"),
    ports.payouts.inState("held", "updatedAt", now, OVERVIEW_LIMIT),
    ports.payouts.openQuarantine(OVERVIEW_LIMIT),
    ports.payoutCases.openCases(OVERVIEW_LIMIT),
    reconciliationSummary(ports, OVERVIEW_LIMIT),
    openClawbacks(ports, OVERVIEW_LIMIT),
    ports.payoutAccounts.inReview(OVERVIEW_LIMIT),
  ]);
  return done({
    generatedAt: now.toISOString(),
    readOnly: !mayDo(actor, "manage-payouts"),
    partners,
    heldTotal,
    held: held.map(heldView),
    quarantine: quarantine.map(quarantineView),
    cases: cases.map(caseView),
    report,
    clawbacks,
    accountsInReview: accountsInReview.map(accountInReviewView),
  });
}

/** One aggregation per (partner, state): a count reads one index entry per 1,000 payouts, never the payouts. */
async function partnerView(ports: Pick<Ports, "payouts" | "taskQueues">, spec: (typeof PAYMENT_PARTNERS)[number]): Promise<PartnerQueueView> {
  const code: PaymentPartnerCode = spec.code;
  const counts: Record<CountedState, number> = { queued: 0, sending: 0, sent: 0, unknown: 0, failed: 0, held: 0 };
  // The queue's depth is a figure for the screen: Cloud Tasks unreachable must not hide the rest.
  const depth = ports.taskQueues.depth(spec.queue).catch(() => null);
  const [state, queueDepth] = await Promise.all([
    ports.payouts.partnerState(code),
    depth,
    ...COUNTED_STATES.map(async (counted) => {
      counts[counted] = await ports.payouts.count(counted, code);
    }),
  ]);
  return { code, name: spec.name, channels: [...spec.channels], state: state === null ? null : stateView(state), counts, queueDepth };
}

const stateView = (state: PaymentPartnerStateDoc): NonNullable<PartnerQueueView["state"]> => ({
  active: state.active,
  paused: state.paused,
  pausedAt: state.pausedAt?.toISOString() ?? null,
  pausedBy: state.pausedBy,
});

function heldView({ id, payout }: StoredPayout): HeldPayoutView {
  return {
    id,
    number: payout.number,
    of: payout.of,
    amount: payout.amount,
    dueAt: payout.dueAt.toISOString(),
    partner: payout.partner,
    // A held payout always says why; one without (written before holds carried reasons) reads as a review of its account.
    reason: payout.hold?.reason ?? "account-review",
    details: payout.hold?.details ?? [],
    heldAt: (payout.hold?.at ?? payout.updatedAt).toISOString(),
  };
}

const quarantineView = ({ id, doc }: { id: string; doc: QuarantineDoc }): QuarantineView => ({
  id,
  partner: doc.partner,
  reference: doc.reference,
  installmentId: doc.installmentId,
  reason: doc.reason,
  reported: { ...doc.reported },
  ours: doc.ours === null ? null : { ...doc.ours },
  at: doc.at.toISOString(),
});

const caseView = ({ id, doc }: StoredPayoutCase): OpenCaseView => ({
  id,
  installmentId: doc.installmentId,
  kind: doc.kind,
  amountReceived: doc.amountReceived,
  stateAtReport: doc.stateAtReport,
  partner: doc.partner,
  partnerReference: doc.partnerReference,
  openedAt: doc.openedAt.toISOString(),
});

/**
 * Marks a quarantined partner report resolved, with who and a note (what was found, what was
 * agreed with the partner). The money is not moved here: a payout the report was about is
 * reviewed with `reviewPayout`. Sending the same note again (a retried call) answers as the
 * first time did; a report resolved otherwise is refused.
 */
export async function resolveQuarantine(
  ports: Pick<Ports, "payoutCases" | "clock" | "audit">,
  actor: Actor,
  input: { id: string; note: string },
): Promise<Outcome<ResolveQuarantineResult, RefusalOf<"resolveQuarantine">>> {
  if (!mayDo(actor, "manage-payouts")) return refused("not-admin");
  const now = ports.clock.now();
  const outcome = await ports.payoutCases.resolveQuarantine(
    input.id,
    (current): { doc: QuarantineDoc | null; result: Outcome<ResolveQuarantineResult, RefusalOf<"resolveQuarantine">> } => {
      if (current === null) return { doc: null, result: refused("quarantine-not-found") };
      if (current.status === "resolved") {
        const at = current.resolvedAt;
        const same = at !== undefined && current.resolvedBy === actor.uid && current.note === input.note;
        return { doc: null, result: same ? done({ id: input.id, resolvedAt: at.toISOString(), resolvedBy: actor.uid }) : refused("quarantine-resolved") };
      }
      return {
        doc: { ...current, status: "resolved", resolvedBy: actor.uid, resolvedAt: now, note: input.note },
        result: done({ id: input.id, resolvedAt: now.toISOString(), resolvedBy: actor.uid }),
      };
    },
  );
  // A report is resolved once: its ID is the act's key, and a retry records nothing new. The note stays in the report, not the log.
  if (outcome.ok)
    await ports.audit.append({
      act: "resolve-quarantine",
      actor: actor.uid,
      role: actor.claims.role,
      target: input.id,
      key: `quarantine-${input.id}`,
      at: new Date(outcome.value.resolvedAt),
    });
  return outcome;
}
