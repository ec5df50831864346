import type { Lang } from "@schemas";

/**
 * Money is written the Indonesian way in both languages ("Rp 1.200.000"). Dates and times are
 * written in the page's language ("17 Agustus 2026 pukul 14.05" / "17 August 2026 at 14:05"),
 * always in Jakarta time (WIB): the program's deadlines are set there, whoever reads them.
 */
const thousands = new Intl.NumberFormat("id-ID", { maximumFractionDigits: 0 });

/** "Rp 3.500.000", with a no-break space: "Rp" never ends a line away from its number. */
export function rupiah(amount: number): string {
  return `Rp\u00a0${thousands.format(amount)}`;
}

export function count(value: number): string {
  return thousands.format(value);
}

// British English writes the day before the month and a 24-hour clock, as Indonesian does.
const LOCALES: Record<Lang, string> = { id: "id-ID", en: "en-GB" };

function formatters(options: Intl.DateTimeFormatOptions): Record<Lang, Intl.DateTimeFormat> {
  return { id: new Intl.DateTimeFormat(LOCALES.id, options), en: new Intl.DateTimeFormat(LOCALES.en, options) };
}

const jakartaDateTime = formatters({ timeZone: "Asia/Jakarta", day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit" });

/** A moment, in Jakarta time: "17 Agustus 2026 pukul 14.05 WIB", "17 August 2026 at 14:05 WIB". */
export function jakartaTime(date: Date, lang: Lang): string {
  return `${jakartaDateTime[lang].format(date)} WIB`;
}

const jakartaDay = formatters({ timeZone: "Asia/Jakarta", day: "numeric", month: "long", year: "numeric" });

/** A day in Jakarta, without the time: "17 Agustus 2026", "17 August 2026" (a payout's due date). */
export function jakartaDate(date: Date, lang: Lang): string {
  return jakartaDay[lang].format(date);
}

const jakartaParts = new Intl.DateTimeFormat("en-US", { timeZone: "Asia/Jakarta", year: "numeric", month: "2-digit", day: "2-digit" });

/** The Jakarta day of a moment as YYYY-MM-DD (a file name's date): 2026-11-30T23:30Z is 2026-12-01. */
export function jakartaIsoDay(date: Date): string {
  const parts = jakartaParts.formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/** The calendar year in Jakarta, which decides the current program year. */
export function jakartaYear(date: Date): number {
  return Number(new Intl.DateTimeFormat("en", { timeZone: "Asia/Jakarta", year: "numeric" }).format(date));
}

const longDate = formatters({ timeZone: "UTC", day: "numeric", month: "long", year: "numeric" });

/** A calendar date ("1995-05-17" → "17 Mei 1995", "17 May 1995"): no time of day, so no time zone can shift it. */
export function calendarDate(isoDate: string, lang: Lang): string {
  const [year, month, day] = isoDate.split("-").map(Number);
  if (!year || !month || !day) return isoDate;
  return longDate[lang].format(new Date(Date.UTC(year, month - 1, day)));
}

// Official region data writes provinces and regencies in capitals; districts already read well.
const ACRONYMS = new Set(["DKI"]);
const SMALL_WORDS = new Set(["DAN"]);

/** "KOTA ADMINISTRASI JAKARTA PUSAT" → "Kota Administrasi Jakarta Pusat"; mixed-case names are kept. */
export function regionName(name: string): string {
  if (name !== name.toUpperCase()) return name;
  return name
    .split(" ")
    .map((word, index) => {
      if (ACRONYMS.has(word)) return word;
      if (index > 0 && SMALL_WORDS.has(word)) return word.toLowerCase();
      return word.toLowerCase().replace(/(^|[-/(.'])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
    })
    .join(" ");
}
