import { bls12_381 } from "@noble/curves/bls12-381.js";
import { createHash } from "node:crypto";
import { createServer, type Server } from "node:http";
import { firstRoundAtOrAfter, publicationTime, QUICKNET } from "../../functions/src/domain/beacon.js";
import { beaconPublicKey, chainHashOf, signBeaconRound, type BeaconChainInfo, type BeaconRound } from "../../functions/src/domain/beaconRound.js";
import { HOST } from "./config.js";

export const BEACON_PORT = 9555;

/**
 * DEVELOPMENT ONLY: the secret key of the local development beacon's chain. It is in the
 * repository, so anyone can sign any round of this chain: a wave whose plan names this chain
 * (its public key, `DEV_CHAIN.chainHash`) has no unpredictable draw. Production waves name
 * drand's quicknet (functions/src/config.ts); this chain exists so that every local draw and
 * every test on the stack verifies real BLS signatures exactly as production does.
 * Derived: SHA-384("prakerja development beacon: development only"), 48 bytes, reduced to a
 * scalar of the curve by @noble/curves (`utils.randomSecretKey(seed)`, RFC 9380 hash to field).
 */
export const DEV_BEACON_SECRET_KEY = bls12_381.utils.randomSecretKey(createHash("sha384").update("prakerja development beacon: development only").digest());

/**
 * The development chain's info as `GET /info` serves it, in drand's layout: quicknet's scheme and
 * timing (a round every 3 s from quicknet's genesis), its own key, a group hash of a fixed string.
 */
export const DEV_CHAIN_INFO: BeaconChainInfo = {
  period: QUICKNET.period,
  genesisTime: QUICKNET.genesis,
  publicKey: beaconPublicKey(DEV_BEACON_SECRET_KEY),
  groupHash: createHash("sha256").update("prakerja development beacon group").digest("hex"),
  beaconId: "prakerja-dev",
};

/** What a wave's plan records for this chain (functions/.env.demo-prakerja sets the same values). */
export const DEV_CHAIN = { chainHash: chainHashOf(DEV_CHAIN_INFO), publicKey: DEV_CHAIN_INFO.publicKey };

const signed = new Map<number, BeaconRound>();

/** Round `round` of the development chain, signed: randomness = SHA-256(signature). */
export function devBeaconRound(round: number): BeaconRound {
  let answer = signed.get(round);
  if (answer === undefined) {
    answer = signBeaconRound(DEV_BEACON_SECRET_KEY, round);
    signed.set(round, answer);
  }
  return answer;
}

/** The development chain's randomness of a round (what a draw on the stack uses). */
export function devBeaconValue(round: number): string {
  return devBeaconRound(round).randomness;
}

/**
 * What the development beacon answers to `GET <path>` at `now`, in drand's HTTP API: `/info` (the
 * chain's info, drand's JSON fields), `/public/<round>` (`{round, randomness, signature}`, 425 Too
 * Early before the round's time, as drand answers) and `/public/latest` (the last round out), also
 * under `/<chainHash>/…` as drand's relays serve a chain; 404 otherwise.
 */
export function devBeaconAnswer(url: string, now: Date): { status: number; body?: unknown } {
  const path = url.replace(new RegExp(`^/${DEV_CHAIN.chainHash}(?=/)`), "");
  if (path === "/info") {
    return {
      status: 200,
      body: {
        public_key: DEV_CHAIN_INFO.publicKey,
        period: DEV_CHAIN_INFO.period,
        genesis_time: DEV_CHAIN_INFO.genesisTime,
        hash: DEV_CHAIN.chainHash,
        groupHash: DEV_CHAIN_INFO.groupHash,
        schemeID: "bls-unchained-g1-rfc9380",
        metadata: { beaconID: DEV_CHAIN_INFO.beaconId },
      },
    };
  }
  if (path === "/public/latest") {
    const next = firstRoundAtOrAfter(now, QUICKNET);
    const latest = publicationTime(next, QUICKNET).getTime() > now.getTime() ? next - 1 : next;
    return { status: 200, body: devBeaconRound(latest) };
  }
  const match = /^\/public\/(\d+)$/.exec(path);
  if (match === null) return { status: 404 };
  const round = Number(match[1]);
  if (round < 1 || publicationTime(round, QUICKNET).getTime() > now.getTime()) return { status: 425, body: { error: "round not yet published" } };
  return { status: 200, body: devBeaconRound(round) };
}

/** The development randomness beacon on BEACON_PORT: devBeaconAnswer over HTTP (GET only). */
export function startDevBeacon(): Promise<Server> {
  const server = createServer((request, response) => {
    const { status, body } = request.method === "GET" ? devBeaconAnswer(request.url ?? "", new Date()) : { status: 404 };
    if (body === undefined) response.writeHead(status).end();
    else response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(BEACON_PORT, HOST, () => resolve(server));
  });
}
