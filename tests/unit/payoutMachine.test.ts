import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PAYMENT_PARTNER_CODES, type PaymentPartnerCode } from "../../functions/src/domain/payouts/partners.js";
import {
  IN_FLIGHT,
  PAYOUT_STATES,
  accountOf,
  applyReport,
  expectedPosition,
  ledgerPosition,
  transition,
  type LedgerAccount,
  type LedgerMove,
  type PayoutState,
  type PayoutView,
  type ReportView,
} from "../../functions/src/domain/payouts/payout.js";

/** The payout state machine (domain/payouts/payout.ts): which changes it allows, what each moves in the ledger, and how partners' reports apply. */

const P: PaymentPartnerCode = "bank-nusantara";
const AMOUNT = 600_000;

/** A payout in `state`; the partner is set from `queued` on, as dispatch sets it. */
const payout = (state: PayoutState, attempt = 1, partner: PaymentPartnerCode | null = P): PayoutView => ({ state, amount: AMOUNT, attempt, partner });

/**
 * Every change the program may make, and where the money goes (null: it stays where it is).
 * The specification this test holds the machine to, written out rather than read from it.
 */
const ALLOWED: Record<PayoutState, Partial<Record<PayoutState, [LedgerAccount, LedgerAccount] | null>>> = {
  scheduled: { queued: null, held: null },
  queued: { sending: ["entitlement", `payout:${P}`], held: null, queued: null, scheduled: null },
  sending: { sent: null, paid: [`payout:${P}`, `paid:${P}`], failed: [`payout:${P}`, "entitlement"], unknown: null, reversed: [`payout:${P}`, "returned"] },
  sent: { paid: [`payout:${P}`, `paid:${P}`], failed: [`payout:${P}`, "entitlement"], unknown: null, reversed: [`payout:${P}`, "returned"] },
  unknown: {
    sent: null,
    paid: [`payout:${P}`, `paid:${P}`],
    failed: [`payout:${P}`, "entitlement"],
    reversed: [`payout:${P}`, "returned"],
    queued: [`payout:${P}`, "entitlement"],
  },
  paid: { reversed: [`paid:${P}`, "returned"] },
  failed: { queued: null, scheduled: null, held: null },
  reversed: { scheduled: ["returned", "entitlement"], cancelled: null },
  held: { scheduled: null, cancelled: ["entitlement", "returned"] },
  cancelled: {},
};

const allowedFrom = (state: PayoutState) => Object.keys(ALLOWED[state]) as PayoutState[];

/** A new attempt at the partner: queued or scheduled again after a failure, an unknown the partner never had, or a reversal paid again. */
const renews = (from: PayoutState, to: PayoutState) =>
  (to === "queued" || to === "scheduled") && (from === "failed" || from === "unknown" || from === "reversed");

describe("transition: the changes the program makes", () => {
  for (const from of PAYOUT_STATES) {
    for (const to of allowedFrom(from)) {
      const expected = ALLOWED[from][to] ?? null;
      it(`when a ${from} payout becomes ${to}, then it is allowed and moves ${expected === null ? "nothing" : `${expected[0]} → ${expected[1]}`}`, () => {
        const step = transition(payout(from), to);
        expect(step.ok).toBe(true);
        if (!step.ok) return;
        expect(step.value.from).toBe(from);
        expect(step.value.to).toBe(to);
        expect(step.value.moves).toEqual(expected === null ? [] : [{ from: expected[0], to: expected[1], amount: AMOUNT }]);
      });
    }
  }

  it("when any change the specification does not allow is asked, then it is refused as not-allowed, with nothing moved", () => {
    let refused = 0;
    for (const from of PAYOUT_STATES) {
      for (const to of PAYOUT_STATES) {
        if (allowedFrom(from).includes(to)) continue;
        expect(transition(payout(from), to), `${from} → ${to}`).toEqual({ ok: false, reason: "not-allowed" });
        refused += 1;
      }
    }
    const allowed = PAYOUT_STATES.reduce((sum, state) => sum + allowedFrom(state).length, 0);
    expect(refused + allowed).toBe(PAYOUT_STATES.length ** 2);
  });

  it("when a cancelled payout is asked to change at all, then nothing is allowed: it is final", () => {
    for (const to of PAYOUT_STATES) expect(transition(payout("cancelled"), to).ok).toBe(false);
  });

  it("when a failed payout is queued again, then it is a new attempt; an unknown or a released reversal, too; any other change keeps the attempt", () => {
    expect(transition(payout("failed", 1), "queued")).toMatchObject({ ok: true, value: { attempt: 2 } });
    expect(transition(payout("unknown", 2), "queued")).toMatchObject({ ok: true, value: { attempt: 3 } });
    expect(transition(payout("reversed", 1), "scheduled")).toMatchObject({ ok: true, value: { attempt: 2 } });
    for (const from of PAYOUT_STATES) {
      for (const to of allowedFrom(from)) {
        expect(transition(payout(from, 4), to), `${from} → ${to}`).toMatchObject({ ok: true, value: { attempt: renews(from, to) ? 5 : 4 } });
      }
    }
  });

  it("when a payout is sent through another partner than the last attempt's, then the money moves to that partner's account", () => {
    expect(transition(payout("queued", 2, "dompet-kita"), "sending")).toMatchObject({
      ok: true,
      value: { moves: [{ from: "entitlement", to: "payout:dompet-kita", amount: AMOUNT }] },
    });
  });

  it("when the money is with a partner, then it is one of the states the reconciliation poller asks about", () => {
    expect([...IN_FLIGHT].sort()).toEqual(["sending", "sent", "unknown"]);
    for (const state of PAYOUT_STATES) expect(accountOf(state, P).startsWith("payout:")).toBe(IN_FLIGHT.includes(state));
  });
});

const report = (state: ReportView["state"], amount: number | null = AMOUNT, currency: string | null = "IDR"): ReportView => ({ state, amount, currency });

describe("applyReport: what partners say", () => {
  it.each([
    ["sent", "accepted"],
    ["paid", "paid"],
    ["failed", "failed"],
    ["reversed", "reversed"],
  ] as const)("when a %s payout gets its report (%s) again, then the duplicate is ignored", (state, said) => {
    expect(applyReport(payout(state), report(said))).toEqual({ kind: "ignore", reason: "duplicate" });
  });

  it("when a late accepted arrives after paid, then it is ignored as stale", () => {
    expect(applyReport(payout("paid"), report("accepted"))).toEqual({ kind: "ignore", reason: "stale" });
  });

  it.each(["sending", "sent", "unknown"] as const)("when a %s payout is reported accepted or paid, then it moves forward", (state) => {
    const accepted = applyReport(payout(state), report("accepted"));
    if (state === "sent") expect(accepted).toEqual({ kind: "ignore", reason: "duplicate" });
    else expect(accepted).toMatchObject({ kind: "apply", transition: { from: state, to: "sent", moves: [] } });
    expect(applyReport(payout(state), report("paid"))).toMatchObject({
      kind: "apply",
      transition: { from: state, to: "paid", moves: [{ from: `payout:${P}`, to: `paid:${P}`, amount: AMOUNT }] },
    });
  });

  it("when a paid payout is reversed, then the reversal applies and the money returns from the partner's paid account", () => {
    expect(applyReport(payout("paid"), report("reversed"))).toEqual({
      kind: "apply",
      transition: { from: "paid", to: "reversed", attempt: 1, moves: [{ from: `paid:${P}`, to: "returned", amount: AMOUNT }] },
    });
  });

  it.each(["sending", "sent", "unknown"] as const)(
    "when a reversal arrives before the paid report (%s, out of order), then it applies, and the paid that follows is stale",
    (state) => {
      const reversal = applyReport(payout(state), report("reversed"));
      expect(reversal).toEqual({
        kind: "apply",
        transition: { from: state, to: "reversed", attempt: 1, moves: [{ from: `payout:${P}`, to: "returned", amount: AMOUNT }] },
      });
      expect(applyReport(payout("reversed"), report("paid"))).toEqual({ kind: "ignore", reason: "stale" });
      expect(applyReport(payout("reversed"), report("accepted"))).toEqual({ kind: "ignore", reason: "stale" });
    },
  );

  it("when failed is reported after paid, or paid after failed, then the report is quarantined, never applied", () => {
    expect(applyReport(payout("paid"), report("failed"))).toEqual({ kind: "quarantine", reason: "conflicting-report" });
    expect(applyReport(payout("failed"), report("paid"))).toEqual({ kind: "quarantine", reason: "conflicting-report" });
  });

  it("when a failed payout is reported reversed, then it is quarantined: nothing was paid to reverse", () => {
    expect(applyReport(payout("failed"), report("reversed"))).toEqual({ kind: "quarantine", reason: "conflicting-report" });
  });

  it.each(["scheduled", "held", "cancelled"] as const)("when a %s payout (never sent, or stopped) is reported on, then the report is quarantined", (state) => {
    for (const said of ["accepted", "paid", "failed", "reversed"] as const) {
      expect(applyReport(payout(state), report(said)), said).toEqual({ kind: "quarantine", reason: "conflicting-report" });
    }
  });

  it("when a payout queued for a new attempt hears about the earlier one, then accepted and failed are stale, paid and reversed quarantined", () => {
    expect(applyReport(payout("queued", 2), report("accepted"))).toEqual({ kind: "ignore", reason: "stale" });
    expect(applyReport(payout("queued", 2), report("failed"))).toEqual({ kind: "ignore", reason: "stale" });
    expect(applyReport(payout("queued", 2), report("paid"))).toEqual({ kind: "quarantine", reason: "conflicting-report" });
    expect(applyReport(payout("queued", 2), report("reversed"))).toEqual({ kind: "quarantine", reason: "conflicting-report" });
  });

  it("when a partner reports another amount, then it is quarantined, whatever the state", () => {
    for (const state of PAYOUT_STATES) {
      expect(applyReport(payout(state), report("paid", 500_000)), state).toEqual({ kind: "quarantine", reason: "amount-mismatch" });
      expect(applyReport(payout(state), report("paid", 0)), state).toEqual({ kind: "quarantine", reason: "amount-mismatch" });
      expect(applyReport(payout(state), report("paid", 600_001)), state).toEqual({ kind: "quarantine", reason: "amount-mismatch" });
    }
  });

  it("when a partner reports another currency, then it is quarantined before the amount is looked at", () => {
    expect(applyReport(payout("sent"), report("paid", AMOUNT, "USD"))).toEqual({ kind: "quarantine", reason: "currency-mismatch" });
    expect(applyReport(payout("sent"), report("paid", 1, "idr"))).toEqual({ kind: "quarantine", reason: "currency-mismatch" });
  });

  it("when a partner's report says no amount or currency (a status answer without one), then the state alone decides", () => {
    expect(applyReport(payout("sent"), report("paid", null, null))).toMatchObject({ kind: "apply", transition: { to: "paid" } });
  });

  it("when a failure is reported and the payout is retried, then the retry is a new attempt of the same payout", () => {
    const failed = applyReport(payout("sent", 1), report("failed"));
    expect(failed).toMatchObject({
      kind: "apply",
      transition: { from: "sent", to: "failed", attempt: 1, moves: [{ from: `payout:${P}`, to: "entitlement" }] },
    });
    expect(transition(payout("failed", 1), "queued")).toMatchObject({ ok: true, value: { attempt: 2, moves: [] } });
  });
});

describe("the ledger: every rupiah somewhere, and where the state says", () => {
  it("when a schedule is made, then the entitlement holds the amount", () => {
    const created: LedgerMove[] = [{ from: "budget", to: "entitlement", amount: AMOUNT }];
    expect(ledgerPosition(created)).toEqual(expectedPosition(payout("scheduled", 0, null)));
  });

  it("when any sequence of allowed changes is made (a random walk, seeded), then the ledger's position is the one the state expects", () => {
    const partners = fc.constantFrom(...PAYMENT_PARTNER_CODES);
    const walk = fc.array(fc.tuple(fc.nat(), partners), { maxLength: 40 });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), walk, (amount, steps) => {
        let view: PayoutView = { state: "scheduled", amount, attempt: 0, partner: null };
        const moves: LedgerMove[] = [{ from: "budget", to: "entitlement", amount }];
        for (const [choice, partner] of steps) {
          const options = allowedFrom(view.state);
          if (options.length === 0) break;
          const to = options[choice % options.length];
          // Dispatch chooses the partner when it queues; every other change keeps it.
          const next = to === "queued" ? partner : view.partner;
          const step = transition(view, to, next);
          expect(step.ok, `${view.state} → ${to}`).toBe(true);
          if (!step.ok) return;
          expect(step.value.attempt).toBe(view.attempt + (renews(view.state, to) ? 1 : 0));
          moves.push(...step.value.moves);
          view = { ...view, state: to, attempt: step.value.attempt, partner: next };
          const position = ledgerPosition(moves);
          expect(position).toEqual(expectedPosition(view));
          expect([...position.values()].reduce((sum, balance) => sum + balance, 0)).toBe(amount);
        }
      }),
      { seed: 10_2026, numRuns: 500 },
    );
  });

  it("when partners' reports are applied in any order (seeded), then whatever applies keeps the ledger where the state expects", () => {
    const states = fc.constantFrom<ReportView["state"]>("accepted", "paid", "failed", "reversed");
    fc.assert(
      fc.property(fc.array(states, { maxLength: 12 }), (said) => {
        let view: PayoutView = payout("sending");
        const moves: LedgerMove[] = [
          { from: "budget", to: "entitlement", amount: AMOUNT },
          { from: "entitlement", to: `payout:${P}`, amount: AMOUNT },
        ];
        let paidOnce = 0;
        for (const state of said) {
          const outcome = applyReport(view, report(state));
          if (outcome.kind !== "apply") continue;
          moves.push(...outcome.transition.moves);
          if (outcome.transition.to === "paid") paidOnce += 1;
          view = { ...view, state: outcome.transition.to };
          expect(ledgerPosition(moves)).toEqual(expectedPosition(view));
        }
        expect(paidOnce).toBeLessThanOrEqual(1);
      }),
      { seed: 20_2026, numRuns: 500 },
    );
  });

  it("when ledger moves cancel out, then the zero balances are left out of the position, and the budget never shows", () => {
    const moves: LedgerMove[] = [
      { from: "budget", to: "entitlement", amount: AMOUNT },
      { from: "entitlement", to: `payout:${P}`, amount: AMOUNT },
      { from: `payout:${P}`, to: "entitlement", amount: AMOUNT },
    ];
    expect(ledgerPosition(moves)).toEqual(new Map([["entitlement", AMOUNT]]));
    expect(ledgerPosition([])).toEqual(new Map());
  });

  it("when a state with the money at a partner has no partner, then it is a programming error, thrown", () => {
    expect(() => accountOf("sending", null)).toThrow();
    expect(accountOf("held", null)).toBe("entitlement");
  });
});
