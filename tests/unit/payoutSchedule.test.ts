import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  FIRST_PAYOUT_WORKING_DAYS,
  externalIdDigits,
  installmentId,
  installmentOfReference,
  installmentSchedule,
  payoutReference,
} from "../../functions/src/domain/payouts/schedule.js";
import type { ProgramYearDoc } from "../../functions/src/schemas/documents.js";

/** Incentive installments (DOMAIN.md "Incentives and payments"): 2020 Rp 600,000 × 4 monthly, 2023 Rp 600,000 once. */

const INCENTIVE_2020: ProgramYearDoc["incentive"] = { amountPerInstallment: 600_000, installments: 4, surveyAmount: 50_000, surveys: 3 };
const INCENTIVE_2023: ProgramYearDoc["incentive"] = { amountPerInstallment: 600_000, installments: 1, surveyAmount: 50_000, surveys: 2 };

/** A Jakarta wall-clock time (UTC+7) as an instant. */
const jakarta = (local: string) => new Date(`${local}+07:00`);
/** The Jakarta day and weekday an instant falls on. */
const jakartaDay = (at: Date) => new Date(at.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
const weekday = (at: Date) => ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][new Date(at.getTime() + 7 * 3600_000).getUTCDay()];

describe("installmentSchedule", () => {
  it("when a 2020 participant's first training is reviewed, then 4 installments of Rp 600,000 are made, numbered 1–4 of 4", () => {
    const plan = installmentSchedule(INCENTIVE_2020, jakarta("2020-05-04T10:00:00"));
    expect(plan.map(({ number, of, amount }) => ({ number, of, amount }))).toEqual([1, 2, 3, 4].map((number) => ({ number, of: 4, amount: 600_000 })));
    expect(plan.reduce((sum, installment) => sum + installment.amount, 0)).toBe(2_400_000);
  });

  it("when a 2023 participant's training is reviewed, then one installment of Rp 600,000 is made", () => {
    const plan = installmentSchedule(INCENTIVE_2023, jakarta("2023-03-06T10:00:00"));
    expect(plan).toEqual([{ number: 1, of: 1, amount: 600_000, dueAt: jakarta("2023-03-09T00:00:00") }]);
  });

  it("when the review is on a Monday, then the first installment is due on Thursday at 00:00 in Jakarta, 3 working days later", () => {
    expect(FIRST_PAYOUT_WORKING_DAYS).toBe(3);
    const [first] = installmentSchedule(INCENTIVE_2020, jakarta("2020-05-04T10:00:00"));
    expect(first?.dueAt).toEqual(jakarta("2020-05-07T00:00:00"));
    expect(first?.dueAt.toISOString()).toBe("2020-05-06T17:00:00.000Z");
  });

  it("when the review is on a Friday, then the first installment is due on the Wednesday after, the weekend not counted", () => {
    const [first] = installmentSchedule(INCENTIVE_2020, jakarta("2020-05-08T15:00:00"));
    expect([jakartaDay(first.dueAt), weekday(first.dueAt)]).toEqual(["2020-05-13", "Wed"]);
  });

  it("when the review is early on a Friday in Jakarta, still Thursday in UTC, then Jakarta's Friday counts: due on Wednesday, not Tuesday", () => {
    const fridayEarly = jakarta("2020-05-08T00:30:00");
    expect(fridayEarly.getUTCDay()).toBe(4);
    expect(jakartaDay(installmentSchedule(INCENTIVE_2020, fridayEarly)[0].dueAt)).toBe("2020-05-13");
  });

  it("when the review is late on a Friday in Jakarta, then it is still a Friday review", () => {
    expect(jakartaDay(installmentSchedule(INCENTIVE_2020, jakarta("2020-05-08T23:59:59"))[0].dueAt)).toBe("2020-05-13");
  });

  it("when the review is just after midnight on Saturday in Jakarta (Friday in UTC), then it is a weekend review: due on Wednesday", () => {
    const saturdayEarly = jakarta("2020-05-09T00:30:00");
    expect(saturdayEarly.getUTCDay()).toBe(5);
    expect(jakartaDay(installmentSchedule(INCENTIVE_2020, saturdayEarly)[0].dueAt)).toBe("2020-05-13");
  });

  it("when the review is on a Sunday, then the first installment is due on Wednesday", () => {
    expect(jakartaDay(installmentSchedule(INCENTIVE_2020, jakarta("2020-05-10T09:00:00"))[0].dueAt)).toBe("2020-05-13");
  });

  it("when the first installment is due on the 31st, then the next ones fall on each month's last day, without drifting", () => {
    // Tuesday 28 January 2020 → Friday 31 January; 2020 is a leap year.
    const leap = installmentSchedule(INCENTIVE_2020, jakarta("2020-01-28T10:00:00")).map((i) => jakartaDay(i.dueAt));
    expect(leap).toEqual(["2020-01-31", "2020-02-29", "2020-03-31", "2020-04-30"]);
    // Thursday 26 January 2023 → Tuesday 31 January; 2023 is not.
    const common = installmentSchedule(INCENTIVE_2020, jakarta("2023-01-26T10:00:00")).map((i) => jakartaDay(i.dueAt));
    expect(common).toEqual(["2023-01-31", "2023-02-28", "2023-03-31", "2023-04-30"]);
  });

  it("when the installments run past December, then they continue into the next year", () => {
    const plan = installmentSchedule(INCENTIVE_2020, jakarta("2020-11-25T10:00:00")).map((i) => jakartaDay(i.dueAt));
    expect(plan).toEqual(["2020-11-30", "2020-12-30", "2021-01-30", "2021-02-28"]);
  });

  it("when any review time is given, then every installment is due at 00:00 in Jakarta, the first on a working day 3–5 days later, the rest a month apart", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2030-12-31T00:00:00Z"), noInvalidDate: true }), (reviewedAt) => {
        const plan = installmentSchedule(INCENTIVE_2020, reviewedAt);
        for (const installment of plan) expect(new Date(installment.dueAt.getTime() + 7 * 3600_000).getUTCHours()).toBe(0);
        const first = plan[0].dueAt;
        expect(["Mon", "Tue", "Wed", "Thu", "Fri"]).toContain(weekday(first));
        const days = (Date.parse(jakartaDay(first)) - Date.parse(jakartaDay(reviewedAt))) / 86_400_000;
        expect(days).toBeGreaterThanOrEqual(3);
        expect(days).toBeLessThanOrEqual(5);
        for (let n = 1; n < plan.length; n += 1) {
          const [previous, next] = [jakartaDay(plan[n - 1].dueAt), jakartaDay(plan[n].dueAt)];
          const months = (Number(next.slice(0, 4)) - Number(previous.slice(0, 4))) * 12 + Number(next.slice(5, 7)) - Number(previous.slice(5, 7));
          expect(months).toBe(1);
        }
      }),
      { seed: 20200411, numRuns: 300 },
    );
  });
});

describe("installment IDs and partner references", () => {
  const uid = "Xq3bT9kLmN2pR7sV1wY4zA6cD8eF"; // a Firebase uid: 28 letters and digits

  it("when an installment is named, then its ID is uid-year-number and its reference is that ID, prefixed", () => {
    expect(installmentId(uid, 2020, 1)).toBe(`${uid}-2020-1`);
    expect(payoutReference(installmentId(uid, 2020, 4))).toBe(`PKJ-${uid}-2020-4`);
  });

  it("when a reference of ours comes back from a partner, then it names its installment again", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9]{1,40}$/), fc.integer({ min: 2020, max: 2099 }), fc.integer({ min: 1, max: 99 }), (someUid, year, number) => {
        const id = installmentId(someUid, year, number);
        expect(installmentOfReference(payoutReference(id))).toBe(id);
        expect(payoutReference(id).length).toBeLessThanOrEqual(64);
      }),
      { seed: 20230101, numRuns: 300 },
    );
  });

  it.each([
    ["another program's reference", "INV-2020-000123"],
    ["our prefix alone", "PKJ-"],
    ["no installment number", `PKJ-${uid}-2020`],
    ["a three-digit installment number", `PKJ-${uid}-2020-100`],
    ["a two-digit year", `PKJ-${uid}-20-1`],
    ["the prefix in lower case", `pkj-${uid}-2020-1`],
    ["something after the number", `PKJ-${uid}-2020-1-retry`],
    ["something before the prefix", `X-PKJ-${uid}-2020-1`],
    ["a uid longer than 40 characters", `PKJ-${"a".repeat(41)}-2020-1`],
    ["a path in the uid", `PKJ-../${uid}-2020-1`],
    ["an empty string", ""],
  ])("when a partner reports a reference that is not ours (%s), then it names no installment", (_, reference) => {
    expect(installmentOfReference(reference)).toBeNull();
  });

  it("when an attempt's key hash is given, then SNAP's X-EXTERNAL-ID is 34 digits, the same for the same hash", () => {
    const hash = "ab".repeat(32);
    expect(externalIdDigits(hash)).toMatch(/^\d{34}$/);
    expect(externalIdDigits(hash)).toBe(externalIdDigits(hash));
    expect(externalIdDigits("cd".repeat(32))).not.toBe(externalIdDigits(hash));
  });
});
