/**
 * Signs of abuse the program office should see (lessons of France's CPF and Singapore's
 * SkillsFuture, ../shared/DOMAIN.md): flags, never refusals — a person may rightly book two
 * trainings, and a course may rightly be popular.
 */

export interface Booked {
  redeemCode: string;
  startsAt: Date;
  /** When its sessions end; absent for a self-paced training, which overlaps nothing (it is followed at any hour). */
  endsAt?: Date | undefined;
}

/** The other bookings whose scheduled sessions overlap `booking` in time (self-paced ones never do). */
export function overlapping(booking: Booked, others: readonly Booked[]): string[] {
  const { endsAt } = booking;
  if (endsAt === undefined) return [];
  return others
    .filter((o) => o.redeemCode !== booking.redeemCode && o.endsAt !== undefined && o.startsAt < endsAt && booking.startsAt < o.endsAt)
    .map((o) => o.redeemCode);
}

/** A course's redemptions in one hour are a spike above this multiple of its hourly mean over the 7 days before… */
export const SPIKE_MULTIPLE = 5;
/** …and above this many, so a quiet course's first dozen redemptions are not a spike. */
export const SPIKE_MINIMUM = 30;

/** Whether `lastHour` redemptions are a spike against `previousWeek` redemptions (7 × 24 hours before it). */
export function isSpike(lastHour: number, previousWeek: number): boolean {
  const hourlyMean = previousWeek / (7 * 24);
  return lastHour >= SPIKE_MINIMUM && lastHour > SPIKE_MULTIPLE * hourlyMean;
}
