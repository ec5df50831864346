/**
 * A drand-compatible beacon over HTTP: GET <source>/public/<round> answers
 * `{ "round": n, "randomness": "<64 hex>" }` once the round is out. Production uses a drand
 * chain; the local stack runs a development beacon with the same API (scripts/stack/beacon.ts).
 */
export const httpBeacon = {
  async value(source: string, round: number): Promise<string | null> {
    const response = await fetch(`${source.replace(/\/$/, "")}/public/${round}`, { signal: AbortSignal.timeout(10_000) });
    if (response.status === 404 || response.status === 425) return null;
    if (!response.ok) throw new Error(`beacon ${source} round ${round}: HTTP ${response.status}`);
    const body = (await response.json()) as { round?: number; randomness?: string };
    if (body.round !== round || typeof body.randomness !== "string" || !/^[0-9a-f]{64}$/.test(body.randomness)) {
      throw new Error(`beacon ${source} round ${round}: unexpected answer`);
    }
    return body.randomness;
  },
};
