/**
 * Money and dates are written the Indonesian way in both languages: amounts are rupiah
 * ("Rp 1.200.000") and the program's deadlines are set in Jakarta time (WIB), whoever reads them.
 */
const thousands = new Intl.NumberFormat("id-ID", { maximumFractionDigits: 0 });

export function rupiah(amount: number): string {
  return `Rp ${thousands.format(amount)}`;
}

export function count(value: number): string {
  return thousands.format(value);
}

const jakartaDateTime = new Intl.DateTimeFormat("id-ID", {
  timeZone: "Asia/Jakarta",
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

export function jakartaTime(date: Date): string {
  return `${jakartaDateTime.format(date)} WIB`;
}

/** The calendar year in Jakarta, which decides the current program year. */
export function jakartaYear(date: Date): number {
  return Number(new Intl.DateTimeFormat("en", { timeZone: "Asia/Jakarta", year: "numeric" }).format(date));
}

const longDate = new Intl.DateTimeFormat("id-ID", { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" });

/** A calendar date ("1995-05-17" → "17 Mei 1995"): no time of day, so no time zone can shift it. */
export function calendarDate(isoDate: string): string {
  const [year, month, day] = isoDate.split("-").map(Number);
  if (!year || !month || !day) return isoDate;
  return longDate.format(new Date(Date.UTC(year, month - 1, day)));
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
