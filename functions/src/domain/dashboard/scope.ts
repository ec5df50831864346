/**
 * Which dashboard a document is: `dashboards/{scope}` with scope "ID" for the whole country (the
 * ISO 3166 code of Indonesia: never confused with a region code, which is all digits), a 2-digit
 * province code or a 4-digit regency/city code (Kemendagri codes without dots). An operator's
 * region claim is itself a scope, so the rules compare the document ID with the claim.
 */
export const NATIONAL_SCOPE = "ID";

export type ScopeLevel = "national" | "province" | "regency";

export function scopeLevel(scope: string): ScopeLevel | null {
  if (scope === NATIONAL_SCOPE) return "national";
  if (/^\d{2}$/.test(scope)) return "province";
  if (/^\d{4}$/.test(scope)) return "regency";
  return null;
}

/** The scope one level up ("3171" → "31" → "ID"); null for the country. */
export function parentScope(scope: string): string | null {
  const level = scopeLevel(scope);
  if (level === "regency") return scope.slice(0, 2);
  if (level === "province") return NATIONAL_SCOPE;
  return null;
}

/**
 * How often the rollup runs (Cloud Scheduler), in minutes: each dashboard document is written once
 * a run, so at most once every 15 minutes — far under Firestore's sustained one write a second per
 * document, whatever the registration rate (1,333 a second nationally at the 2020 peak).
 */
export const ROLLUP_EVERY_MINUTES = 15;

/** Writes a second to one document, when each run writes it `writesPerRun` times. */
export const writesPerSecondPerDocument = (writesPerRun: number, everyMinutes: number = ROLLUP_EVERY_MINUTES): number => writesPerRun / (everyMinutes * 60);

/** Indonesia keeps no daylight saving: Jakarta (WIB) is UTC+7 all year. */
const JAKARTA_OFFSET_MS = 7 * 3600_000;
const DAY_MS = 86_400_000;

/** The Jakarta day (`YYYY-MM-DD`) of an instant. */
export const jakartaDay = (instant: Date): string => new Date(instant.getTime() + JAKARTA_OFFSET_MS).toISOString().slice(0, 10);

/** The instants a Jakarta day starts and ends at: [from, to). */
export function dayBounds(day: string): { from: Date; to: Date } {
  const from = new Date(Date.parse(`${day}T00:00:00Z`) - JAKARTA_OFFSET_MS);
  return { from, to: new Date(from.getTime() + DAY_MS) };
}

/** The last `count` Jakarta days up to the day of `now`, oldest first. */
export function lastDays(now: Date, count: number): string[] {
  const today = Date.parse(`${jakartaDay(now)}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) => new Date(today - (count - 1 - i) * DAY_MS).toISOString().slice(0, 10));
}

/**
 * Which days of the series a run counts again: today and yesterday (registrations still arrive,
 * or arrived after the last run before midnight), and any day of the window the series lacks.
 * Earlier days never change: `registeredAt` is written once.
 */
export function daysToCount(now: Date, window: number, known: ReadonlySet<string>): string[] {
  const days = lastDays(now, Math.max(window, 2));
  return days.filter((day, i) => i >= days.length - 2 || !known.has(day));
}

/** Days a dashboard keeps (about 13 months: a program year and the month before, ~30 KB). */
export const DAYS_KEPT = 400;
