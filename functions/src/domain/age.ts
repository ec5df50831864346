import { calendarDateIn, compareDates, isLeapYear, parseIsoDate, PROGRAM_TIME_ZONE, type CalendarDate } from "./calendar.js";

/**
 * Whole years of age on the calendar date that `reference` falls on in `timeZone`.
 *
 * - The birthday itself counts: on the 18th birthday the person is 18.
 * - Someone born on 29 February has their birthday on 1 March in a non-leap year, so they turn
 *   18 on 1 March (the usual legal reading: the age is reached once the full number of years has
 *   elapsed, and 28 February would be a day short).
 * - The date is taken where the applicant lives, not in UTC: at 23:30 UTC the day before a
 *   birthday it is already 06:30 on the birthday in Jakarta.
 *
 * `birthDate` is trusted (parsed at the edge); an impossible date is a programming error. Before
 * the birth date the result is negative.
 */
export function ageOn(birthDate: string, reference: Date, timeZone: string = PROGRAM_TIME_ZONE): number {
  const birth = parseIsoDate(birthDate);
  if (!birth) throw new RangeError("ageOn: birthDate must be a real YYYY-MM-DD date");
  const today = calendarDateIn(reference, timeZone);
  const years = today.year - birth.year;
  return compareDates(today, birthdayIn(today.year, birth)) >= 0 ? years : years - 1;
}

function birthdayIn(year: number, birth: CalendarDate): CalendarDate {
  if (birth.month === 2 && birth.day === 29 && !isLeapYear(year)) return { year, month: 3, day: 1 };
  return { year, month: birth.month, day: birth.day };
}
