import type { PaymentPartnerCode } from "../../domain/payouts/partners.js";
import { transition, type PayoutState } from "../../domain/payouts/payout.js";
import type { PayoutDecision, Ports, StoredPayout } from "../ports.js";
import { decideReport, decideUnknown, notifyPaid } from "./apply.js";
import { changeOf } from "./changes.js";
import { enqueueSend } from "./dispatch.js";
import { applyEventTaskKey } from "./events.js";

/** A payout `unknown` this long is asked about (seconds): at once, practically — nobody knows whether it was paid. */
export const UNKNOWN_AFTER_SECONDS = 60;
/** A payout `sent` this long without the partner's callback is asked about (seconds): a lost callback must not leave money unexplained. */
export const SENT_AFTER_SECONDS = 15 * 60;
/** A stored partner event still pending this long had its task lost: enqueued again (seconds). */
export const EVENT_PENDING_SECONDS = 5 * 60;

const PAGE = 200;

export interface PollCounts {
  /** `sending` whose lease lapsed (a crash during the partner call): made `unknown`. */
  lapsed: number;
  /** Asked about, by what the partner said. */
  settled: number;
  unchanged: number;
  quarantined: number;
  /** The partner has no such transaction: an `unknown` payout it never received is queued again (same reference). */
  resent: number;
  /** The partner could not be asked: left for the next run. */
  unanswered: number;
  /** Stored partner events whose task was enqueued again. */
  events: number;
}

type PollPorts = Pick<Ports, "payouts" | "paymentPartners" | "tasks" | "notifications" | "clock">;

/**
 * The status poller (functions/pollPayouts.ts, every 10 minutes): no payout stays in the dark.
 * A `sending` payout whose lease lapsed becomes `unknown`; every `unknown` payout, and every `sent`
 * one without a callback for `SENT_AFTER_SECONDS`, is asked about through the partner's status
 * API by our reference, and what the partner says is applied as a callback would be. An `unknown`
 * payout the partner never received is queued again (a new attempt, the same reference). Pending
 * partner events whose task was lost are enqueued again.
 *
 * Cost per payout asked about: 1 query read + 1 status call + (when it changed) 1 read and 3
 * writes. Nothing is read for payouts that are settled.
 */
export async function pollPayouts(ports: PollPorts, now: Date): Promise<PollCounts> {
  const counts: PollCounts = { lapsed: 0, settled: 0, unchanged: 0, quarantined: 0, resent: 0, unanswered: 0, events: 0 };
  for (const { id, payout } of await all(ports, "sending", "leaseUntil", now)) {
    const moved = await ports.payouts.change(id, {}, ({ payout: current }) =>
      current !== null && current.leaseUntil !== null && current.leaseUntil < now
        ? decideUnknown(current, payout.attempt, "lease-lapsed", now, "lease-lapsed")
        : { result: "ignored" as const },
    );
    if (moved === "applied") counts.lapsed += 1;
  }
  const asked: StoredPayout[] = [
    ...(await all(ports, "unknown", "updatedAt", new Date(now.getTime() - UNKNOWN_AFTER_SECONDS * 1000))),
    ...(await all(ports, "sent", "updatedAt", new Date(now.getTime() - SENT_AFTER_SECONDS * 1000))),
  ];
  for (const { id, payout } of asked) {
    if (payout.partner === null || payout.externalId === null || payout.sentAt === null) continue;
    const partner: PaymentPartnerCode = payout.partner;
    const status = await ports.paymentPartners.get(partner).status({ reference: payout.reference, externalId: payout.externalId, sentAt: payout.sentAt });
    if ("answered" in status) {
      counts.unanswered += 1;
      continue;
    }
    if (!status.known) {
      if (payout.state !== "unknown") {
        counts.unchanged += 1;
        continue;
      }
      const requeued = await ports.payouts.change(id, {}, ({ payout: current }): PayoutDecision<StoredPayout["payout"] | null> => {
        if (current === null || current.state !== "unknown" || current.version !== payout.version) return { result: null };
        const step = transition(current, "queued", partner);
        if (!step.ok) return { result: null };
        const change = changeOf(
          current,
          step.value,
          "status-poll",
          now,
          {},
          { code: "not-at-partner", message: "The partner has no such transaction: sent again with the same reference." },
        );
        return { change, result: change.payout };
      });
      if (requeued !== null) {
        await enqueueSend(ports, id, requeued);
        counts.resent += 1;
      }
      continue;
    }
    const result = await ports.payouts.change(id, {}, ({ payout: current, clawback }) =>
      decideReport(id, current, status.report, "status-poll", now, `${id}-status-${payout.version}`, partner, clawback),
    );
    if (result === "applied") {
      counts.settled += 1;
      if (status.report.state === "paid") await notifyPaid(ports, id);
    } else if (result === "quarantined") counts.quarantined += 1;
    else counts.unchanged += 1;
  }
  for (const { key } of await ports.payouts.pendingEvents(new Date(now.getTime() - EVENT_PENDING_SECONDS * 1000), PAGE)) {
    await ports.tasks.enqueue("applyPaymentEvent", { key }, { key: `${applyEventTaskKey(key)}-${now.getTime()}` });
    counts.events += 1;
  }
  return counts;
}

async function all(ports: Pick<Ports, "payouts">, state: PayoutState, field: "updatedAt" | "leaseUntil", before: Date): Promise<StoredPayout[]> {
  const found: StoredPayout[] = [];
  let after: StoredPayout | undefined;
  for (;;) {
    const page = await ports.payouts.inState(state, field, before, PAGE, after);
    found.push(...page);
    if (page.length < PAGE) return found;
    after = page.at(-1);
  }
}
