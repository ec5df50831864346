/**
 * The first-purchase deadline: a participant has `firstPurchaseDays` (30 in 2020–2023) from
 * selection to buy a first training, or loses their place (Permenko 3/2021; 344,959 were revoked
 * in 2020, see ../shared/DOMAIN.md). They are reminded 7 days and 1 day before it.
 */

const DAY = 86_400_000;

/** Days before the deadline at which a reminder goes out, earliest first. */
export const REMINDER_DAYS = [7, 1] as const;
export type ReminderDays = (typeof REMINDER_DAYS)[number];

/** What a winner starts with: the year's training balance (rupiah), the deadline, the first reminder due. */
export function participantTerms(rules: { trainingBalance: number; firstPurchaseDays: number }, selectedAt: Date) {
  const purchaseDeadline = new Date(selectedAt.getTime() + rules.firstPurchaseDays * DAY);
  return { trainingBalance: rules.trainingBalance, purchaseDeadline, remindAt: nextReminderAt(purchaseDeadline, selectedAt) };
}

/** The next reminder due after `after` (exclusive of reminders already past by then), or null. */
export function nextReminderAt(deadline: Date, after: Date): Date | null {
  for (const days of REMINDER_DAYS) {
    const at = new Date(deadline.getTime() - days * DAY);
    if (at > after) return at;
  }
  return null;
}

/** Which reminder is due at `remindAt` for this deadline: the days before it, rounded to the nearest listed. */
export function reminderDue(deadline: Date, remindAt: Date): ReminderDays {
  const days = (deadline.getTime() - remindAt.getTime()) / DAY;
  return REMINDER_DAYS.reduce((best, d) => (Math.abs(d - days) < Math.abs(best - days) ? d : best));
}

/** Freed seats added to a wave per transaction: each is one write, under Firestore's 500 per transaction. */
export const SEATS_PER_TRANSACTION = 400;
