/**
 * When two names are "the same". Editions differ in case ("KAB. SORONG", "Kabupaten Sorong") and
 * punctuation ("Konda/ Kondaga", "Konda/Kondaga"); only such differences are ignored. Anything
 * else (a respelling, a rename) is for a human, in exceptions.csv.
 */
export const nameKey = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, "");

/** "KAB. ADM. KEP. SERIBU" and "Kabupaten Administrasi Kepulauan Seribu" give the same key; a kota never matches a kabupaten. */
export function regencyKey(name: string): string {
  const match = /^(kab\.?|kabupaten|kota)\s+(.*)$/i.exec(name.trim());
  if (!match) throw new Error(`a regency name must start with Kab./Kabupaten/Kota: ${name}`);
  const kind = match[1].toLowerCase() === "kota" ? "kota" : "kab";
  const rest = match[2].replace(/^(adm\.|administrasi)\s+/i, "").replace(/^kep\.\s+/i, "kepulauan ");
  return `${kind}:${nameKey(rest)}`;
}

/** Levenshtein similarity in [0, 1], only to suggest a target when the script asks a human. */
export function similarity(a: string, b: string): number {
  const [x, y] = [nameKey(a), nameKey(b)];
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    previous = current;
  }
  return 1 - previous[y.length] / Math.max(x.length, y.length, 1);
}
