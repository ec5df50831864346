import { DISPATCH_IN_FLIGHT } from "../../functions/src/usecases/payouts/dispatch.js";
import { randomUUID } from "node:crypto";
import { URLS } from "../stack/config.js";
import { fireSchedule } from "../stack/scheduler.js";
import { DISPATCH_DAY, LIFE_STEPS, meterLifeCycle, sum, type LifeStep } from "./payoutLife.js";
import { payoutReport } from "./payoutReport.js";
import { ensurePartnerStates, seedPayees, type Payee } from "./payoutSeed.js";
import { paidCount, payoutOutcomes, waitUntilPaid, warmUpFunctions, type Timings } from "./payoutWatch.js";
import { runConcurrently } from "./stats.js";

/**
 * Incentive payouts on the local stack (`npm run bench -- payouts`):
 * 1. Firestore reads and writes per installment over its whole life, step by step, counted
 *    in-process on the same use cases and adapters (payoutLife.ts).
 * 2. Dispatch throughput through the Cloud Tasks emulator: N installments due, each with a verified
 *    account the simulator knows, dispatched by the `dispatchPayouts` schedule (fired in the
 *    functions emulator), then sent by the partner's task function, notified by the simulator
 *    through Hosting's webhook, and applied by `applyPaymentEvent` — until every one is `paid`.
 *    Workers are started first and a round is run to warm up (the functions emulator starts a
 *    worker per concurrent request).
 * 3. Floors from the same run: the same Firestore work as bare transactions.
 * 4. 656,000 installments through one queue at Cloud Tasks' 500 dispatches/s (payoutReport.ts).
 */
const COUNT = Number(process.env.BENCH_PAYOUTS ?? 300);
const WARM_UP = Number(process.env.BENCH_PAYOUT_WARMUP ?? 10);
const SAMPLE = Number(process.env.BENCH_PAYOUT_SAMPLE ?? 20);
/** Installments of the dispatcher's floor (its step as bare transactions, as many at once as the dispatcher runs). */
const DISPATCH_FLOOR = Math.min(COUNT, 100);
/** Workers started before the warm-up round for the webhook and the apply task (the send task gets its queue's concurrency). */
const OTHER_WORKERS = 10;
const PARTNER = "bank-nusantara" as const;

export async function benchPayouts(): Promise<string> {
  const { db } = await import("../../functions/src/adapters/firebase.js");
  const { programYears } = await import("../../functions/src/adapters/collections.js");
  const { paymentPartner } = await import("../../functions/src/domain/payouts/partners.js");
  const demo = await import("../demo-data.js");
  const spec = paymentPartner(PARTNER);
  const rules = { ...demo.programYear, year: new Date().getFullYear() };
  await programYears().doc(String(rules.year)).set(rules);
  await ensurePartnerStates();
  const run = randomUUID().replace(/-/g, "").slice(0, 8);
  const phases: Array<[string, number]> = [];
  const timed = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const began = Date.now();
    const result = await work();
    phases.push([name, (Date.now() - began) / 1000]);
    return result;
  };

  // 1. Reads and writes per installment, by step.
  const { costs: life, dispatchRate: dispatchAlone } = await timed("counted lives", () => meterLifeCycle(run, SAMPLE, PARTNER, rules));
  const cost = (steps: readonly LifeStep[]) => ({ reads: sum(steps, life, (c) => c.reads), writes: sum(steps, life, (c) => c.writes) });

  // 3. Floors: each step of the dispatch day as one bare transaction reading and writing as many
  // documents as the step does — per installment in a row, as many installments at once as the
  // partner's queue allows; and the dispatch step alone one installment at a time, as the dispatcher runs.
  const shapes = DISPATCH_DAY.map((step) => ({ reads: Math.round(life[step].reads), writes: Math.max(1, Math.round(life[step].writes)) }));
  const bare = async (shape: { reads: number; writes: number }) => {
    const id = randomUUID();
    await db().runTransaction(async (tx) => {
      await Promise.all(Array.from({ length: shape.reads }, (_, n) => tx.get(db().doc(`benchFloorRead/${id}-${n}`))));
      for (let n = 0; n < shape.writes; n += 1) tx.set(db().doc(`benchFloorWrite/${id}-${n}`), { at: new Date(), n });
    });
  };
  const floor = await timed("floors", () =>
    runConcurrently(COUNT, spec.rate.concurrent, async () => {
      for (const shape of shapes) await bare(shape);
    }),
  );
  const dispatchFloor = await timed("floors", () => runConcurrently(DISPATCH_FLOOR, DISPATCH_IN_FLIGHT, () => bare(shapes[0])));

  // 2. Through the emulators: workers started a few at a time, a warm-up round, then the measured one.
  await timed("workers started", () => warmUpFunctions(spec.rate.concurrent, OTHER_WORKERS));
  const round = async (from: number, count: number): Promise<{ payees: Payee[]; timings: Timings }> => {
    const payees = await timed("set-up", () =>
      seedPayees({ run, from, count, partner: PARTNER, programYear: rules, simulatorUrl: URLS.payments, withInstallments: true, now: new Date() }),
    );
    const before = await paidCount();
    const fired = Date.now();
    await fireSchedule("dispatchPayouts", new Date());
    const timings = await waitUntilPaid(payees, fired, before);
    return { payees, timings };
  };
  const warm = await timed("warm-up round", () => round(SAMPLE, WARM_UP));
  if (warm.timings.stuck.length > 0)
    throw new Error(`warm-up: ${warm.timings.stuck.length} installments not paid: ${JSON.stringify(warm.timings.stuck.slice(0, 5))}`);
  const { payees, timings } = await timed("measured round", () => round(SAMPLE + WARM_UP, COUNT));
  const outcomes = await timed("checks", () => payoutOutcomes(payees));

  return payoutReport({
    life,
    day: cost(DISPATCH_DAY),
    whole: cost(LIFE_STEPS),
    timings,
    outcomes,
    shapes,
    floorRate: COUNT / floor.seconds,
    dispatchFloorRate: DISPATCH_FLOOR / dispatchFloor.seconds,
    dispatchAlone,
    partner: { code: PARTNER, perSecond: spec.rate.perSecond, concurrent: spec.rate.concurrent },
    phases,
  });
}
