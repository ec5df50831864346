import { calendarDateIn } from "../../functions/src/domain/calendar.js";
import { adminDb } from "./admin.js";

export { newKk, person, type PersonOptions } from "../../scripts/fixtures/people.js";

/** The current program year's rules must exist for registration; created once, never changed. */
export async function ensureProgramYear(): Promise<void> {
  const year = calendarDateIn(new Date()).year;
  try {
    await adminDb.doc(`programYears/${year}`).create({
      year,
      trainingBalance: 3_500_000,
      incentive: { amountPerInstallment: 600_000, installments: 1, surveyAmount: 50_000, surveys: 2 },
      firstPurchaseDays: 30,
      familyLimit: 2,
      socialAidExcludes: true,
      repaymentDays: 60,
    });
  } catch (error) {
    if ((error as { code?: number }).code !== 6) throw error;
  }
}
