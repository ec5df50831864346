import { isSpike } from "../../domain/training/flags.js";
import type { Ports } from "../ports.js";

const HOUR = 3_600_000;

/**
 * The hourly watch over redemptions (functions/watchRedemptions.ts): a course redeemed far above
 * its normal rate in the last hour (domain/training/flags.ts isSpike: ≥ 30 and more than 5 times
 * its hourly mean of the 7 days before) is flagged for the program office, once per course and
 * hour (`trainingFlags/spike-<course>-<hour>`). Cost: one read per redemption of the last hour,
 * and one count (one read per 1,000) per course above the minimum.
 */
export async function watchRedemptions(ports: Pick<Ports, "training">, now: Date): Promise<{ courses: number; flagged: string[] }> {
  const hourStart = new Date(now.getTime() - HOUR);
  const recent = await ports.training.redemptionsSince(hourStart);
  const flagged: string[] = [];
  for (const { courseCode, institutionCode, count } of recent) {
    if (!isSpike(count, 0)) continue;
    const previousWeek = await ports.training.courseRedemptions(courseCode, new Date(hourStart.getTime() - 7 * 24 * HOUR), hourStart);
    if (!isSpike(count, previousWeek)) continue;
    const id = `spike-${courseCode}-${now.toISOString().slice(0, 13)}`;
    const written = await ports.training.flag(id, {
      kind: "redemption-spike",
      courseCode,
      institutionCode,
      lastHour: count,
      hourlyMean: previousWeek / (7 * 24),
      at: now,
      state: "open",
    });
    if (written) flagged.push(courseCode);
  }
  return { courses: recent.length, flagged };
}
