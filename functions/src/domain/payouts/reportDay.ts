/**
 * The days of the reconciliation report: a day is a calendar date in Asia/Jakarta (UTC+7 all
 * year, no daylight saving), `YYYY-MM-DD`, as partners' statements are. Working days are Monday
 * to Friday; public holidays are not known here (as in schedule.ts).
 */
import { formatIsoDate, parseIsoDate } from "../calendar.js";

const JAKARTA_OFFSET_MS = 7 * 3600_000;
const DAY_MS = 86_400_000;

const utcMidnight = (day: string): number | null => {
  const date = parseIsoDate(day);
  return date === null ? null : Date.UTC(date.year, date.month - 1, date.day);
};

const dayOf = (utc: number): string => {
  const date = new Date(utc);
  return formatIsoDate({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() });
};

/** The day's first instant and the next day's first instant (Jakarta), or null for a date that does not exist. */
export function dayBounds(day: string): { start: Date; end: Date } | null {
  const midnight = utcMidnight(day);
  if (midnight === null) return null;
  return { start: new Date(midnight - JAKARTA_OFFSET_MS), end: new Date(midnight + DAY_MS - JAKARTA_OFFSET_MS) };
}

/** The Jakarta day `instant` falls on. */
export const jakartaDay = (instant: Date): string => dayOf(Math.floor((instant.getTime() + JAKARTA_OFFSET_MS) / DAY_MS) * DAY_MS);

/** The day `days` calendar days before `day` (a valid day). */
export function daysBefore(day: string, days: number): string {
  const midnight = utcMidnight(day);
  if (midnight === null) throw new Error(`not a day: ${day}`);
  return dayOf(midnight - days * DAY_MS);
}

/** The day `days` working days (Monday–Friday) before `day`. */
export function workingDaysBefore(day: string, days: number): string {
  let midnight = utcMidnight(day);
  if (midnight === null) throw new Error(`not a day: ${day}`);
  for (let left = days; left > 0;) {
    midnight -= DAY_MS;
    const weekday = new Date(midnight).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return dayOf(midnight);
}
