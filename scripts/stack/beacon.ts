import { bls12_381 } from "@noble/curves/bls12-381.js";
import { createHash } from "node:crypto";
import { createServer, type Server, type ServerResponse } from "node:http";
import { publicationTime, QUICKNET } from "../../functions/src/domain/beacon.js";
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
 * The development randomness beacon, a drand chain of scheme `bls-unchained-g1-rfc9380` with
 * drand's HTTP API: `GET /info` (the chain's info, drand's JSON fields) and `GET /public/<round>`
 * (`{round, randomness, signature}`), also under `/<chainHash>/…` as drand's relays serve a chain.
 * A round is answered only once its time has come (425 Too Early before), as drand does.
 */
export function startDevBeacon(): Promise<Server> {
  const json = (response: ServerResponse, status: number, body: unknown) =>
    response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  const server = createServer((request, response) => {
    const path = (request.url ?? "").replace(new RegExp(`^/${DEV_CHAIN.chainHash}(?=/)`), "");
    if (request.method === "GET" && path === "/info") {
      json(response, 200, {
        public_key: DEV_CHAIN_INFO.publicKey,
        period: DEV_CHAIN_INFO.period,
        genesis_time: DEV_CHAIN_INFO.genesisTime,
        hash: DEV_CHAIN.chainHash,
        groupHash: DEV_CHAIN_INFO.groupHash,
        schemeID: "bls-unchained-g1-rfc9380",
        metadata: { beaconID: DEV_CHAIN_INFO.beaconId },
      });
      return;
    }
    const match = /^\/public\/(\d+)$/.exec(path);
    if (request.method !== "GET" || match === null) {
      response.writeHead(404).end();
      return;
    }
    const round = Number(match[1]);
    if (round < 1 || publicationTime(round, QUICKNET).getTime() > Date.now()) {
      json(response, 425, { error: "round not yet published" });
      return;
    }
    json(response, 200, devBeaconRound(round));
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(BEACON_PORT, HOST, () => resolve(server));
  });
}
