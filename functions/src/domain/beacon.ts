/**
 * Public randomness beacons with drand's round arithmetic: round r is published at
 * genesis + (r − 1) × period seconds. A wave names, when it is created, the first round whose
 * value comes out after its pool is frozen, so nobody knows the value while the pool can change.
 */
export interface BeaconClock {
  /** Unix seconds of round 1. */
  genesis: number;
  /** Seconds between rounds. */
  period: number;
}

/** drand's "quicknet" chain (3-second rounds), the default in production. */
export const QUICKNET: BeaconClock = { genesis: 1692803367, period: 3 };

/** The first round published at or after `time`. */
export function firstRoundAtOrAfter(time: Date, clock: BeaconClock): number {
  const seconds = time.getTime() / 1000 - clock.genesis;
  return Math.max(1, Math.ceil(seconds / clock.period) + 1);
}

export function publicationTime(round: number, clock: BeaconClock): Date {
  return new Date((clock.genesis + (round - 1) * clock.period) * 1000);
}
