import { distance } from "fastest-levenshtein";

/**
 * Does the name on a payout account belong to the registered person? Banks and e-wallets answer an
 * account inquiry with the holder's name as they keep it: upper case, sometimes cut to 30–35
 * characters, titles kept or dropped, "Muhammad" spelt four ways, a given name reduced to an
 * initial. An exact comparison would refuse many honest people; a loose one lets an agent ("joki")
 * collect other people's incentives. The rule, in order:
 *
 * 1. Both names are normalised: upper case, accents removed, apostrophes dropped (`Nur'aini` is
 *    `NURAINI` at the bank), other punctuation to spaces, academic and religious titles dropped
 *    (`TITLES`), common spellings of Muhammad made one (`MUHAMMAD`).
 * 2. Each registered word is matched to the holder's words: equal (1), an initial of it or it an
 *    initial (0.9), the holder's name cut inside this word (0.9, only for the last word when the
 *    holder's name is 29+ characters: a cut at 30 just after a word leaves 29), else
 *    1 − Levenshtein distance / longer length — unless that is below `SPELLING_FLOOR`: then it is
 *    another word, not a spelling of this one (0), and the holder's word stays free for the next.
 * 3. The score is the words' average weighted by length, over the registered name's words; a
 *    holder's name with words the registered name lacks loses `EXTRA_WORD_COST` per extra word (a
 *    different person with the same first names): more than 1 − MATCH_THRESHOLD, so that one whole
 *    extra word is never a match. A holder's word in the place of a registered word it does not
 *    match counts once, as that word's miss, not also as an extra word.
 * Names equal but for the spaces between their words (`NUR AINI`, `NURAINI`) match.
 *
 * Verdicts: score ≥ 0.9 `match`; ≥ 0.7 `doubtful` (the account waits for an operator's review);
 * below, `mismatch` (refused: the account is not in the registered name). Thresholds were chosen on
 * the cases in tests/unit/nameMatch.test.ts; tune them there with real inquiry data.
 */
export type NameVerdict = "match" | "doubtful" | "mismatch";

export const MATCH_THRESHOLD = 0.9;
export const DOUBTFUL_THRESHOLD = 0.7;
/** Below this similarity two words are different words (SANTOSO/HARTONO 0.57), not spellings of one (SANTOSO/SANTOSA 0.86). */
export const SPELLING_FLOOR = 0.75;
export const EXTRA_WORD_COST = 0.15;
/** The shortest holder's name a bank may have cut (at 30 characters, trailing space trimmed). */
const CUT_LENGTH = 29;

/** Academic degrees (before and after the name), then religious titles and forms of address. */
const TITLES = new Set([
  ..."IR DR DRS DRA PROF ST SE SH SKOM SPD SAG SIP SSOS SKM SKED SPSI SST AMD AMDKEB AMDKEP MM MT MSI MPD MH MKOM BA BSC MBA".split(" "),
  ..."H HJ HAJI HAJJAH TN NY SDR SDRI BPK IBU".split(" "),
]);

const MUHAMMAD = new Set("MUHAMMAD MUHAMAD MOHAMMAD MOHAMAD MUHAMMED MOHAMMED MUCHAMMAD MUCHAMAD MOCHAMMAD MOCHAMAD MOCH MOHD MUH MHD MOH MUHD".split(" "));

/** The words of a name as compared: upper case, no accents, no punctuation, no titles. */
export function nameWords(name: string): string[] {
  const plain = name
    // Before NFKD, which would turn an acute accent used as an apostrophe into a space.
    .replace(/['\u2019`\u00B4]/g, "")
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toUpperCase()
    // "S.Kom" and "A.Md.Keb" are titles written with dots: join their letters before splitting.
    .replace(/\b[A-Z](?:\.[A-Z]{1,4})+\b/g, (dotted) => dotted.replaceAll(".", ""))
    .replace(/[^A-Z0-9]+/g, " ")
    .trim();
  if (plain === "") return [];
  return plain
    .split(" ")
    .filter((word) => !TITLES.has(word))
    .map((word) => (MUHAMMAD.has(word) ? "MUHAMMAD" : word));
}

function wordScore(registered: string, holder: string, holderCut: boolean): number {
  if (registered === holder) return 1;
  if (registered.length === 1 || holder.length === 1) return registered[0] === holder[0] ? 0.9 : 0;
  if (holderCut && registered.startsWith(holder) && holder.length >= 2) return 0.9;
  const similarity = 1 - distance(registered, holder) / Math.max(registered.length, holder.length);
  return similarity < SPELLING_FLOOR ? 0 : similarity;
}

/** The score (0–1) and verdict of a holder's name against the registered name. */
export function matchName(registeredName: string, holderName: string): { score: number; verdict: NameVerdict } {
  const registered = nameWords(registeredName);
  const holder = nameWords(holderName);
  if (registered.length === 0 || holder.length === 0) return { score: 0, verdict: "mismatch" };
  if (registered.join("") === holder.join("")) return { score: 1, verdict: "match" };
  // Banks cut long names: the holder's last word may be the start of a registered word.
  const holderCut = holderName.trim().length >= CUT_LENGTH;
  const unused = new Set(holder.map((_, index) => index));
  let weighted = 0;
  let weights = 0;
  let missed = 0;
  for (const word of registered) {
    let best = 0;
    let bestIndex = -1;
    for (const index of unused) {
      const score = wordScore(word, holder[index] ?? "", holderCut && index === holder.length - 1);
      if (score > best) [best, bestIndex] = [score, index];
    }
    if (bestIndex >= 0 && best > 0) unused.delete(bestIndex);
    // A registered word missing from a cut name costs little; missing from a whole name it counts as a miss.
    const missingButCut = bestIndex < 0 && holderCut;
    if (bestIndex < 0 && !holderCut) missed += 1;
    weighted += word.length * (missingButCut ? 0.9 : best);
    weights += word.length;
  }
  const score = Math.max(0, Math.round((weighted / weights - EXTRA_WORD_COST * Math.max(0, unused.size - missed)) * 1000) / 1000);
  const verdict: NameVerdict = score >= MATCH_THRESHOLD ? "match" : score >= DOUBTFUL_THRESHOLD ? "doubtful" : "mismatch";
  return { score, verdict };
}
