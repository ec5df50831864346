import { bls12_381 } from "@noble/curves/bls12-381.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, hexToBytes, utf8ToBytes } from "@noble/hashes/utils.js";
import { done, refused, type Outcome } from "./outcome.js";

/*
 * drand rounds verified as drand defines them (scheme `bls-unchained-g1-rfc9380`, "quicknet"):
 * the BLS signature of the round under the chain's public key, and randomness = SHA-256(signature).
 * Round arithmetic (which round, when it comes out) is in beacon.ts, which stays free of the curve.
 */

/**
 * A drand chain as a wave's plan names it: the chain hash (SHA-256 of its info, see
 * `chainHashOf`) and the group public key every round's signature is checked against, both hex.
 * Scheme `bls-unchained-g1-rfc9380` ("quicknet" and the development chain): the key is a
 * compressed G2 point (96 bytes), each signature a compressed G1 point (48 bytes).
 */
export interface BeaconChain {
  chainHash: string;
  publicKey: string;
}

/** What drand's `GET <source>/public/<round>` answers (hex strings), as received. */
export interface BeaconRound {
  round: number;
  randomness: string;
  signature: string;
}

/** The parts of a chain's `GET <source>/info` its hash covers. */
export interface BeaconChainInfo {
  /** Seconds between rounds. */
  period: number;
  /** Unix seconds of round 1. */
  genesisTime: number;
  /** Hex, 96 bytes. */
  publicKey: string;
  /** Hex (drand's `groupHash`, the genesis seed). */
  groupHash: string;
  /** drand's `metadata.beaconID`; "" or "default" for the chain of drand's default beacon. */
  beaconId: string;
}

/** drand's League of Entropy "quicknet" (https://api.drand.sh/<chainHash>/info), as published. */
export const QUICKNET_INFO: BeaconChainInfo = {
  period: 3,
  genesisTime: 1692803367,
  publicKey:
    "83cf0f2896adee7eb8b5f01fcad3912212c437e0073e911fb90022d3e760183c8c4b450b6a0a6c3ac6a5776a2d1064510d1fec758c921cc22b0e17e63aaf4bcb5ed66304de9cf809bd274ca73bab4af5a6e9c76a4bc09e76eae8991ef5ece45a",
  groupHash: "f477d5c89f21a17c863a7f937c6a6d15859414d2be09cd448d4279af331c5d3e",
  beaconId: "quicknet",
};

export const QUICKNET_CHAIN: BeaconChain = {
  chainHash: "52db9ba70e0cc0f6eaf7803dd07447a1f5477735fd3f661792ba94600c84e971",
  publicKey: QUICKNET_INFO.publicKey,
};

/** The signature suite of drand's `bls-unchained-g1-rfc9380` scheme (RFC 9380 hash to G1). */
export const BEACON_DST = "BLS_SIG_BLS12381G1_XMD:SHA-256_SSWU_RO_NUL_";

/**
 * A chain's hash as drand computes it (chain.Info.Hash): SHA-256 of the period in seconds as a
 * 4-byte big-endian integer ‖ the genesis time as an 8-byte big-endian integer ‖ the public key's
 * bytes ‖ the group hash's bytes ‖ the beacon ID's UTF-8 bytes (left out for drand's default beacon).
 */
export function chainHashOf(info: BeaconChainInfo): string {
  const head = new Uint8Array(12);
  const view = new DataView(head.buffer);
  view.setUint32(0, info.period);
  view.setBigInt64(4, BigInt(info.genesisTime));
  const hash = sha256.create().update(head).update(hexToBytes(info.publicKey)).update(hexToBytes(info.groupHash));
  if (info.beaconId !== "" && info.beaconId !== "default") hash.update(utf8ToBytes(info.beaconId));
  return bytesToHex(hash.digest());
}

/** What an unchained round signs: SHA-256 of the round number as an 8-byte big-endian integer. */
export function roundMessage(round: number): Uint8Array {
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setBigUint64(0, BigInt(round));
  return sha256(bytes);
}

export type BeaconRoundRefusal = "round-mismatch" | "public-key-malformed" | "signature-malformed" | "signature-invalid" | "randomness-not-sha256-of-signature";

const hex = (length: number) => new RegExp(`^[0-9a-f]{${length * 2}}$`);

/**
 * Checks one round as drand defines it for the `bls-unchained-g1-rfc9380` scheme: the answer is
 * the round asked for, its signature is a valid BLS signature (on G1, DST `BEACON_DST`) of
 * `roundMessage(round)` under the chain's public key (on G2), and its randomness is
 * SHA-256(signature). Answers the verified randomness (64 hex), or why the round does not verify.
 * Takes a few milliseconds (a pairing check); the first call also builds the curve's tables.
 */
export function verifyBeaconRound(chain: Pick<BeaconChain, "publicKey">, round: number, answer: BeaconRound): Outcome<string, BeaconRoundRefusal> {
  if (answer.round !== round) return refused("round-mismatch");
  if (!hex(96).test(chain.publicKey)) return refused("public-key-malformed");
  if (!hex(48).test(answer.signature)) return refused("signature-malformed");
  const signature = hexToBytes(answer.signature);
  const bls = bls12_381.shortSignatures;
  let valid: boolean;
  try {
    valid = bls.verify(signature, bls.hash(roundMessage(round), BEACON_DST), hexToBytes(chain.publicKey));
  } catch {
    // Bytes that decode to no point of the group (noble throws on decoding).
    return refused("signature-malformed");
  }
  if (!valid) return refused("signature-invalid");
  const randomness = bytesToHex(sha256(signature));
  if (answer.randomness !== randomness) return refused("randomness-not-sha256-of-signature");
  return done(randomness);
}

/**
 * Signs a round as a drand chain of this scheme does: the development chain's beacon and tests
 * sign with a key everyone knows (adapters/developmentBeacon.ts); production rounds come from drand.
 */
export function signBeaconRound(secretKey: Uint8Array, round: number): BeaconRound {
  const bls = bls12_381.shortSignatures;
  const signature = bls.Signature.toBytes(bls.sign(bls.hash(roundMessage(round), BEACON_DST), secretKey));
  return { round, randomness: bytesToHex(sha256(signature)), signature: bytesToHex(signature) };
}

/** A chain's public key (hex, compressed G2) from its secret key. */
export function beaconPublicKey(secretKey: Uint8Array): string {
  return bls12_381.shortSignatures.getPublicKey(secretKey).toHex(true);
}

export type BeaconChainRefusal = "no-chain-recorded" | "key-not-of-named-chain";

/** Chains whose key we know from their publisher, by chain hash. */
const KNOWN_CHAINS: readonly BeaconChain[] = [QUICKNET_CHAIN];

/**
 * The chain a wave's beacon is verified against. A plan made since verification was built
 * records `chainHash` and `publicKey`; an older plan records only its source, and is verified
 * against a chain we know when the source names it by hash as drand's relays do
 * (`https://api.drand.sh/<chainHash>`): the hash commits to the key. Refused: a plan naming no
 * chain we can establish, and a key other than the one of the chain its hash names.
 */
export function chainOfPlan(beacon: { source: string; chainHash?: string; publicKey?: string }): Outcome<BeaconChain, BeaconChainRefusal> {
  const { chainHash, publicKey } = beacon;
  if (chainHash !== undefined && publicKey !== undefined) {
    const known = KNOWN_CHAINS.find((chain) => chain.chainHash === chainHash);
    if (known !== undefined && known.publicKey !== publicKey) return refused("key-not-of-named-chain");
    return done({ chainHash, publicKey });
  }
  const named = /\/([0-9a-f]{64})\/?$/.exec(beacon.source)?.[1];
  const known = KNOWN_CHAINS.find((chain) => chain.chainHash === named);
  return known === undefined ? refused("no-chain-recorded") : done(known);
}
