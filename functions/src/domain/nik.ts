import { calendarDateIn, compareDates, formatIsoDate, isRealDate, PROGRAM_TIME_ZONE } from "./calendar.js";
import { done, refused, type Outcome } from "./outcome.js";
import { currentRegionOf, type CurrentRegion } from "./regions/index.js";

/**
 * NIK (Nomor Induk Kependudukan) and KK (Kartu Keluarga) numbers: 16 digits starting with the
 * 6-digit district code of the office that issued them. A NIK goes on with the birth date as
 * DDMMYY (day + 40 for women) and a 4-digit serial. Only the structure is checked here; whether
 * the number was really issued is for the civil registry (Dukcapil).
 */
export const SEXES = ["male", "female"] as const;
export type Sex = (typeof SEXES)[number];

export type NikRefusal = "nik-format" | "nik-region-unknown" | "nik-birth-date-invalid" | "nik-serial-zero";
export type KkRefusal = "kk-format" | "kk-equals-nik" | "kk-region-unknown";

/**
 * Where the NIK's digits and the KTP (as declared on the form) disagree. The civil registry never
 * reissues a NIK after a birth-date or sex correction, so such a NIK is evidence to be checked
 * against the documents at the labor office, not a reason to refuse.
 */
export const NIK_DISCREPANCIES = ["nik-birth-date-differs", "nik-sex-differs"] as const;
export type NikDiscrepancy = (typeof NIK_DISCREPANCIES)[number];

export interface Nik extends CurrentRegion {
  /** YYYY-MM-DD */
  birthDate: string;
  sex: Sex;
  serial: string;
}

const SIXTEEN_DIGITS = /^\d{16}$/;

/**
 * Reads a NIK. The region is the *current* district of the issuing office: a code from before a
 * province split (see regions/formerCodes.ts) is valid and mapped to today's region.
 *
 * The year has two digits. It is read as the latest year ending in those digits whose date is not
 * after `today` (in Jakarta), so every reading is an age from 0 to 99: someone aged 100 or more
 * would be read a century too young, which a working-age program can accept (the form's birth
 * date would then differ, and crossCheckNik sends the case to verification).
 */
export function parseNik(nik: string, today: Date): Outcome<Nik, NikRefusal> {
  if (!SIXTEEN_DIGITS.test(nik)) return refused("nik-format");
  const region = currentRegionOf(nik.slice(0, 6));
  if (!region) return refused("nik-region-unknown");

  const rawDay = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const sex: Sex = rawDay > 40 ? "female" : "male";
  const day = sex === "female" ? rawDay - 40 : rawDay;
  const year = centuryFor(Number(nik.slice(10, 12)), month, day, today);
  if (!isRealDate(year, month, day)) return refused("nik-birth-date-invalid");

  const serial = nik.slice(12, 16);
  if (serial === "0000") return refused("nik-serial-zero");
  return done({ ...region, birthDate: formatIsoDate({ year, month, day }), sex, serial });
}

function centuryFor(twoDigitYear: number, month: number, day: number, today: Date): number {
  const now = calendarDateIn(today, PROGRAM_TIME_ZONE);
  const latest = now.year - ((((now.year - twoDigitYear) % 100) + 100) % 100);
  return compareDates({ year: latest, month, day }, now) > 0 ? latest - 100 : latest;
}

/**
 * Reads a KK number: its prefix follows the same region rules as a NIK's (valid in any decree
 * edition, placed in today's district). A KK equal to the person's NIK is refused: each such
 * person would be a family of one, and the limit of recipients per family card would do nothing.
 * Neither region is compared with the declared domicile: people move without new numbers.
 */
export function parseKk(kk: string, nik: string): Outcome<CurrentRegion, KkRefusal> {
  if (!SIXTEEN_DIGITS.test(kk)) return refused("kk-format");
  if (kk === nik) return refused("kk-equals-nik");
  const region = currentRegionOf(kk.slice(0, 6));
  return region ? done(region) : refused("kk-region-unknown");
}

/**
 * What the form (the KTP) says against what the NIK encodes, in NIK_DISCREPANCIES order; empty
 * when they agree. A difference does not refuse: the declared date decides age, and the case waits
 * for an operator to see the documents. The region is deliberately not compared: the NIK names the
 * office that issued it, and people move (for work, above all the people this program is for)
 * without getting a new NIK, so the form's district is where they live now and may differ.
 */
export function crossCheckNik(nik: Nik, form: { birthDate: string; sex: Sex }): NikDiscrepancy[] {
  const found: NikDiscrepancy[] = [];
  if (form.birthDate !== nik.birthDate) found.push("nik-birth-date-differs");
  if (form.sex !== nik.sex) found.push("nik-sex-differs");
  return found;
}
