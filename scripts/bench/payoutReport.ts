import { DISPATCH_IN_FLIGHT } from "../../functions/src/usecases/payouts/dispatch.js";
import { DISPATCH_DAY, LIFE_STEPS, type LifeStep, type StepCost } from "./payoutLife.js";
import type { Timings } from "./payoutWatch.js";
import { percentile, table } from "./stats.js";

/**
 * The payouts bench's figures, and what they mean at national scale: 656,000 installments (wave
 * 1's 164,000 participants × 4 monthly installments, 2020) through one queue at Cloud Tasks' cap,
 * T = N / min(queue cap, the sequential-index cap of each collection ÷ its writes per installment,
 * the dispatcher's rate). One write per second sustained per document does not bind: each
 * installment is its own document, written 4 times within seconds (a burst, not a sustained rate).
 */
const PROJECTED = 656_000;
/** Cloud Tasks' highest maxDispatchesPerSecond for one queue. */
const QUEUE_CAP = 500;
/** Firestore's write rate to a collection whose documents hold a monotonically increasing indexed field. */
const SEQUENTIAL_INDEX_CAP = 500;
/** dispatchPayouts' timeout (functions/dispatchPayouts.ts): what one daily run can enqueue. */
const DISPATCH_RUN_SECONDS = 540;

const STEP_NAMES: Record<LifeStep, string> = {
  entitled: "entitled (schedule: payout, timeline, ledger)",
  dispatch: "dispatch (scheduled → queued)",
  send: "send task (queued → sending → sent)",
  webhook: "webhook (partner's event stored)",
  apply: "apply task (sent → paid)",
  notify: "notification (inbox, SMS outbox)",
};

/** Collections whose documents carry a timestamp set at each write, indexed (firestore.indexes.json). */
const SEQUENTIAL = [
  { name: "payouts", field: "updatedAt; sentAt, leaseUntil, paidAt" },
  { name: "payoutLedger", field: "at" },
  { name: "paymentEvents", field: "receivedAt" },
];

export interface PayoutFigures {
  life: Record<LifeStep, StepCost>;
  day: { reads: number; writes: number };
  whole: { reads: number; writes: number };
  timings: Timings;
  outcomes: { paid: number; doubled: number; unbalanced: number; quarantined: number; resent: number };
  shapes: Array<{ reads: number; writes: number }>;
  floorRate: number;
  dispatchFloorRate: number;
  /** The dispatcher in-process over the counted sample: nothing else running, enqueues captured. */
  dispatchAlone: number;
  partner: { code: string; perSecond: number; concurrent: number };
  phases: Array<[string, number]>;
}

const big = (n: number) => Math.round(n).toLocaleString("en-US");
const hours = (seconds: number) => `${big(seconds)} s (${(seconds / 3600).toFixed(2)} h)`;
const ms = (values: number[]) => `${percentile(values, 50).toFixed(0)} ms / ${percentile(values, 95).toFixed(0)} ms`;
const readsWrites = (c: { reads: number; writes: number }) => `${c.reads.toFixed(2)} / ${c.writes.toFixed(2)}`;

export function payoutReport(f: PayoutFigures): string {
  const { timings, outcomes, partner } = f;
  const count = timings.paid + timings.stuck.length;
  const paidRate = timings.paid / timings.seconds;
  const dispatchRate = count / timings.dispatchSeconds;
  const collections = new Map<string, number>();
  for (const step of LIFE_STEPS) for (const [name, n] of f.life[step].byCollection) collections.set(name, (collections.get(name) ?? 0) + n);
  const hot = SEQUENTIAL.map((c) => {
    const writes = DISPATCH_DAY.reduce((total, step) => total + (f.life[step].byCollection.get(c.name) ?? 0), 0);
    return { ...c, writes, rate: SEQUENTIAL_INDEX_CAP / Math.max(writes, 1e-9) };
  });
  const production = Math.min(QUEUE_CAP, ...hot.map((h) => h.rate));
  const phases = new Map<string, number>();
  for (const [name, seconds] of f.phases) phases.set(name, (phases.get(name) ?? 0) + seconds);

  return [
    `Payouts (${count} installments due, after a warm-up; ${partner.code}'s queue: ${partner.perSecond}/s, ${partner.concurrent} at once; the simulator notifies 500 ms after accepting; local emulators)`,
    table([
      ["dispatchPayouts (fired): scheduled → queued", `${timings.dispatchSeconds.toFixed(1)} s, ${dispatchRate.toFixed(1)} payouts/s`],
      [
        `  floor: its Firestore work as bare transactions, ${DISPATCH_IN_FLIGHT} at once (as it runs)`,
        `${f.dispatchFloorRate.toFixed(1)} payouts/s (${f.shapes[0].reads}r+${f.shapes[0].writes}w each)`,
      ],
      ["  ratio dispatcher / its floor", (dispatchRate / f.dispatchFloorRate).toFixed(2)],
      ["  the dispatcher alone (in-process, no tasks beside it, enqueues captured)", `${f.dispatchAlone.toFixed(1)} payouts/s`],
      ["fired → all paid", `${timings.seconds.toFixed(1)} s, ${paidRate.toFixed(1)} payouts/s`],
      [
        "  floor: the dispatch day's Firestore work as bare transactions",
        `${f.floorRate.toFixed(1)} payouts/s (${f.shapes.map((s) => `${s.reads}r+${s.writes}w`).join(", ")}; ${partner.concurrent} at once)`,
      ],
      ["  ratio paid / floor", (paidRate / f.floorRate).toFixed(2)],
      ["queued → paid p50 / p95", ms(timings.queuedToPaid)],
      ["  queued → sending (in the queue)", ms(timings.queuedToSending)],
      ["  sending → sent (partner call, answer recorded)", ms(timings.sendingToSent)],
      ["  sent → paid (notification, webhook, apply task)", ms(timings.sentToPaid)],
      [
        "exactly once",
        `${outcomes.paid} paid, ${timings.stuck.length} stuck, ${outcomes.doubled} paid twice, ${outcomes.unbalanced} ledgers unbalanced, ${outcomes.quarantined} quarantined, ${outcomes.resent} sent again`,
      ],
      ["bench time", [...phases].map(([name, seconds]) => `${name} ${seconds.toFixed(0)} s`).join(", ")],
    ]),
    "",
    `Firestore reads / writes per installment (counted in-process, the same use cases and adapters)`,
    table([
      ...LIFE_STEPS.map((step): [string, string] => [STEP_NAMES[step], readsWrites(f.life[step])]),
      ["dispatch day (queued → paid)", readsWrites(f.day)],
      ["whole life", readsWrites(f.whole)],
      ["writes by collection", [...collections].map(([name, n]) => `${name} ${n.toFixed(2)}`).join(", ")],
    ]),
    "",
    `${big(PROJECTED)} installments (wave 1: 164,000 × 4, 2020) through one queue at Cloud Tasks' ${QUEUE_CAP} dispatches/s`,
    table([
      ["the queue alone", `${big(PROJECTED)} / ${QUEUE_CAP}/s = ${hours(PROJECTED / QUEUE_CAP)}`],
      ...hot.map((h): [string, string] => [
        `${h.name} (${h.field})`,
        `${h.writes.toFixed(2)} writes each → ≤ ${big(h.rate)} installments/s → ${hours(PROJECTED / h.rate)}`,
      ]),
      ["production: max(queue, busiest sequential index)", `${big(production)} installments/s → ${hours(PROJECTED / production)}`],
      [
        `the dispatcher, ${DISPATCH_IN_FLIGHT} at once (this run)`,
        `${dispatchRate.toFixed(1)}/s → ${hours(PROJECTED / dispatchRate)}; ${big(dispatchRate * DISPATCH_RUN_SECONDS)} per ${DISPATCH_RUN_SECONDS} s run`,
      ],
      [`${partner.code}'s own rate (${partner.perSecond}/s)`, hours(PROJECTED / partner.perSecond)],
      ["Firestore operations of the dispatch days", `${big(f.day.reads * PROJECTED)} reads, ${big(f.day.writes * PROJECTED)} writes`],
      ["at this run's end-to-end rate (emulators)", hours(PROJECTED / paidRate)],
    ]),
  ].join("\n");
}
