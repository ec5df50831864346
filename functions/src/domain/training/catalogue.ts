/**
 * The training catalogue's vocabulary: who the partners are and how a training is delivered.
 * Digital platforms (marketplaces) sell trainings; training institutions (lembaga pelatihan, LP)
 * deliver them and confirm redemption, attendance and completion over the partner API.
 */

export const PARTNER_KINDS = ["digital-platform", "institution"] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

/** Self-paced online (video), webinar (live online), offline (in a classroom, in one province). */
export const LEARNING_METHODS = ["self-paced", "webinar", "offline"] as const;
export type LearningMethod = (typeof LEARNING_METHODS)[number];

/** Partner API `course_learning_method` labels, as the program's responses carry them. */
export const LEARNING_METHOD_LABEL: Record<LearningMethod, string> = {
  "self-paced": "Daring Asinkronus",
  webinar: "Daring Sinkronus",
  offline: "Luring",
};

/**
 * The search words of a training: lower-case words (letters and digits) of its title, category
 * and institution, each once, at most 100. Stored with the training, so a search is one
 * `array-contains` query with no full-text engine.
 */
export function keywordsOf(training: { title: string; category: string; institutionName: string }): string[] {
  const words = wordsOf(`${training.title} ${training.category} ${training.institutionName}`);
  return [...new Set(words)].slice(0, 100);
}

/** Lower-case words of a text without accents (letters and digits, at least 2 characters): how keywords are made. */
function wordsOf(text: string): string[] {
  return text
    .toLocaleLowerCase("id-ID")
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= 2);
}

/**
 * The one keyword a search looks for (`array-contains` takes one value): the longest word of what
 * was typed, made as keywords are ("Teknisi  AC" → "teknisi"; ties: the first). Null when no
 * word is long enough: the search is then no filter at all.
 */
export function searchWordOf(typed: string): string | null {
  let best: string | null = null;
  for (const word of wordsOf(typed)) if (best === null || word.length > best.length) best = word;
  return best;
}
