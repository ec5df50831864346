import type { Lang } from "@schemas";

/** Hours as the page's language writes them: "16", "15,5" (id) or "15.5" (en). */
export function hoursText(hours: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === "id" ? "id-ID" : "en-GB", { maximumFractionDigits: 1 }).format(hours);
}
