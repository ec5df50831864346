/**
 * A rank as a position a layperson reads ("about number 1,234 of 56,789"). Ranks are HMAC-SHA-256
 * outputs, uniform over 2^256, so the share of a pool ranked before a rank r is about r / 2^256:
 * the position is about 1 + floor(r / 2^256 × count). The first 13 hex digits (52 bits) carry all
 * the precision a double holds. An estimate (off by about √count at most, in practice): the exact
 * position needs every pool entry's rank (the transparency page computes it from the pool pages).
 * `count` is the entries the position is among: the whole pool, a stratum, or the priority entries.
 */
export function estimatedPosition(rank: string, count: number): number {
  const share = parseInt(rank.slice(0, 13), 16) / 2 ** 52;
  return Math.min(count, 1 + Math.floor(share * count));
}
