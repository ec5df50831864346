import { chainOfPlan, verifyBeaconRound } from "../domain/beaconRound.js";
import type { WaveDrawPlan } from "../schemas/documents.js";

/**
 * A beacon answer that does not verify against the wave's chain, or a plan naming no chain to
 * verify against. Thrown, never drawn with: the close fails with this message and is retried.
 */
export class BeaconUnverified extends Error {
  override name = "BeaconUnverified";
}

/**
 * A drand chain over HTTP: GET <source>/public/<round> answers `{ "round": n, "randomness":
 * "<64 hex>", "signature": "<96 hex>" }` once the round is out (404 or 425 before). Each answer
 * is verified against the chain the wave's plan records (domain/beaconRound.ts) before its
 * randomness is returned. Production uses drand's quicknet; the local stack runs a development
 * chain with the same API and scheme (scripts/stack/beacon.ts).
 */
export const httpBeacon = {
  async value(beacon: WaveDrawPlan["beacon"]): Promise<string | null> {
    const { source, round } = beacon;
    const chain = chainOfPlan(beacon);
    if (!chain.ok) throw new BeaconUnverified(`beacon ${source} round ${round}: the wave's plan names no chain to verify against (${chain.reason})`);
    const response = await fetch(`${source.replace(/\/$/, "")}/public/${round}`, { signal: AbortSignal.timeout(10_000) });
    if (response.status === 404 || response.status === 425) return null;
    if (!response.ok) throw new Error(`beacon ${source} round ${round}: HTTP ${response.status}`);
    const body = (await response.json()) as { round?: unknown; randomness?: unknown; signature?: unknown };
    if (typeof body.round !== "number" || typeof body.randomness !== "string" || typeof body.signature !== "string") {
      throw new BeaconUnverified(`beacon ${source} round ${round}: the answer is not a drand round (round, randomness, signature)`);
    }
    const verified = verifyBeaconRound(chain.value, round, { round: body.round, randomness: body.randomness, signature: body.signature });
    if (!verified.ok) throw new BeaconUnverified(`beacon ${source} round ${round} does not verify against chain ${chain.value.chainHash}: ${verified.reason}`);
    return verified.value;
  },
};
