import { describe, expect, it } from "vitest";
import { TRANSACTION_WRITES, winnersFitting } from "../../functions/src/adapters/drawRecords.js";
import { FAMILY_MEMBERS_LISTED } from "../../functions/src/domain/family.js";

/** Writes a run of winners makes, counted the long way: 2 a winner, and per family its card and 2 per listed member. */
function writesOf(winners: Array<{ kkKey: string }>, listed: (kkKey: string) => number): number {
  const families = new Set(winners.map((w) => w.kkKey));
  return winners.length * 2 + [...families].reduce((sum, k) => sum + 1 + 2 * listed(k), 0);
}

describe("winnersFitting: winners applied in one transaction", () => {
  it("when every winner is alone on a card, then 100 fit in 500 writes (5 each: applicant, event, card, own count and event) and the 101st waits", () => {
    const winners = Array.from({ length: 200 }, (_, i) => ({ kkKey: `k${i}` }));
    expect(winnersFitting(winners, () => 1)).toBe(100);
    expect(writesOf(winners.slice(0, 100), () => 1)).toBe(TRANSACTION_WRITES);
  });

  it("when two winners share a card, then the card and its members are counted once", () => {
    const winners = [{ kkKey: "a" }, { kkKey: "a" }, { kkKey: "b" }];
    // a: 2 + 1 + 2×4, its second winner 2 more; b: 2 + 1 + 2×4: 24 in all
    expect(writesOf(winners, () => 4)).toBe(24);
    expect(winnersFitting(winners, () => 4, 24)).toBe(3);
    expect(winnersFitting(winners, () => 4, 23)).toBe(2);
  });

  it("when a card lists the most members it may, then its winner still fits alone (403 writes) and the next waits", () => {
    const winners = [{ kkKey: "big" }, { kkKey: "big too" }];
    const listed = () => FAMILY_MEMBERS_LISTED;
    expect(writesOf(winners.slice(0, 1), listed)).toBe(403);
    expect(winnersFitting(winners, listed)).toBe(1);
    expect(winnersFitting(winners.slice(1), listed)).toBe(1);
  });

  it("when a run is cut, then what fits never exceeds the budget, whatever the families", () => {
    for (let seed = 1; seed <= 50; seed += 1) {
      const winners = Array.from({ length: 100 }, (_, i) => ({ kkKey: `k${(i * seed) % 37}` }));
      const listed = (k: string) => (Number(k.slice(1)) * seed) % 60;
      const fit = winnersFitting(winners, listed);
      expect(fit).toBeGreaterThanOrEqual(1);
      expect(writesOf(winners.slice(0, fit), listed)).toBeLessThanOrEqual(TRANSACTION_WRITES);
      if (fit < winners.length) expect(writesOf(winners.slice(0, fit + 1), listed)).toBeGreaterThan(TRANSACTION_WRITES);
    }
  });

  it("when there are no winners, then none fit", () => {
    expect(winnersFitting([], () => 0)).toBe(0);
  });
});
