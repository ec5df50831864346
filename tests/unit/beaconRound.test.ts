import { describe, expect, it } from "vitest";
import {
  beaconPublicKey,
  chainHashOf,
  chainOfPlan,
  QUICKNET_CHAIN,
  QUICKNET_INFO,
  signBeaconRound,
  verifyBeaconRound,
} from "../../functions/src/domain/beaconRound.js";

/**
 * A real quicknet round, as https://api.drand.sh/52db9ba7…e971/public/657413 answers it (also
 * published in drand-verify's README): verified here against quicknet's published public key.
 */
const QUICKNET_657413 = {
  round: 657413,
  signature: "b713718a38ae728dfd477991af2822e08d2f305e47718cef9f7848ce4050e7be41076862b98fad56e91a6b85b89cd97b",
  randomness: "fc1873a13f3545aeade8401532ef5519920652eee6b0d2b19ca12643b87b3587",
};

/** drand's "walkthrough" test chain (drand-client's tests): same scheme, another key, a default-less beacon ID. */
const WALKTHROUGH = {
  info: {
    period: 3,
    genesisTime: 1687506816,
    publicKey:
      "81d320f220ee9c79e60e19dedc838c31e3ab919b15481e9feb52f643628c4f6a13fdc52129493875a818109d767272ca0541cbcdcea9335f2870d781b39b845ba8cbd44fdfe4967781cf72ca5917fc9398bcf97ca0548ed5a709016c4b1ff0f3",
    groupHash: "02d678e93908888871b70e3f015b396a8c082bc1493ae5479f8743cb5d972b54",
    beaconId: "walkthrough",
  },
  hash: "af8b6fc95693b058a3a59efe586eb31c2c352fe00cf40c62a427d87c34f7a235",
  round38: {
    round: 38,
    randomness: "b2fc21325a24904a6a9e81a6c63f65f6cec3f0b2400df3f4a56b214770e9ccca",
    signature: "95c93585c513ebbcb4777ff15599b3140e5ec0295faa0e483f3deadd88fa6d43f0d3703e3a4ce106e8fd6c6987f32126",
  },
};

describe("a drand round of the bls-unchained-g1-rfc9380 scheme", () => {
  it("when quicknet's round 657413 is checked against quicknet's public key, then it verifies and its randomness is SHA-256 of its signature", () => {
    expect(verifyBeaconRound(QUICKNET_CHAIN, 657413, QUICKNET_657413)).toEqual({ ok: true, value: QUICKNET_657413.randomness });
  });

  it("when the walkthrough chain's round 38 is checked against its key, then it verifies", () => {
    expect(verifyBeaconRound(WALKTHROUGH.info, 38, WALKTHROUGH.round38)).toEqual({ ok: true, value: WALKTHROUGH.round38.randomness });
  });

  it("when the answer is another round than the one asked for, then it is refused", () => {
    expect(verifyBeaconRound(QUICKNET_CHAIN, 657414, QUICKNET_657413)).toEqual({ ok: false, reason: "round-mismatch" });
  });

  it("when a round's signature is presented as another round's, then the signature does not verify", () => {
    expect(verifyBeaconRound(QUICKNET_CHAIN, 657414, { ...QUICKNET_657413, round: 657414 })).toEqual({ ok: false, reason: "signature-invalid" });
  });

  it("when the signature is another valid round's, then it does not verify for this round", () => {
    const other = { ...WALKTHROUGH.round38, round: 657413 };
    expect(verifyBeaconRound(QUICKNET_CHAIN, 657413, other)).toMatchObject({ ok: false });
  });

  it("when the round is checked against another chain's key, then the signature does not verify", () => {
    expect(verifyBeaconRound(WALKTHROUGH.info, 657413, QUICKNET_657413)).toEqual({ ok: false, reason: "signature-invalid" });
  });

  it("when the randomness is not SHA-256 of the signature, then it is refused even though the signature verifies", () => {
    const forged = { ...QUICKNET_657413, randomness: "00".repeat(32) };
    expect(verifyBeaconRound(QUICKNET_CHAIN, 657413, forged)).toEqual({ ok: false, reason: "randomness-not-sha256-of-signature" });
  });

  it("when the signature is not 48 bytes of hex or decodes to no curve point, then it is refused as malformed", () => {
    expect(verifyBeaconRound(QUICKNET_CHAIN, 657413, { ...QUICKNET_657413, signature: "ab" })).toEqual({ ok: false, reason: "signature-malformed" });
    expect(verifyBeaconRound(QUICKNET_CHAIN, 657413, { ...QUICKNET_657413, signature: "ff".repeat(48) })).toEqual({ ok: false, reason: "signature-malformed" });
  });

  it("when the public key is not 96 bytes of hex, then it is refused", () => {
    expect(verifyBeaconRound({ publicKey: "00" }, 657413, QUICKNET_657413)).toEqual({ ok: false, reason: "public-key-malformed" });
  });

  it("when a round is signed with a secret key, then it verifies under that key's public key and under no other", () => {
    const secretKey = new Uint8Array(32).fill(7);
    const signed = signBeaconRound(secretKey, 12);
    expect(verifyBeaconRound({ publicKey: beaconPublicKey(secretKey) }, 12, signed)).toEqual({ ok: true, value: signed.randomness });
    expect(verifyBeaconRound(QUICKNET_CHAIN, 12, signed)).toEqual({ ok: false, reason: "signature-invalid" });
  });
});

describe("a drand chain's hash", () => {
  it("when computed from quicknet's published info, then it is quicknet's chain hash", () => {
    expect(chainHashOf(QUICKNET_INFO)).toBe(QUICKNET_CHAIN.chainHash);
  });

  it("when computed from the walkthrough chain's info, then it is that chain's published hash", () => {
    expect(chainHashOf(WALKTHROUGH.info)).toBe(WALKTHROUGH.hash);
  });
});

describe("the chain a wave's beacon is verified against", () => {
  it("when the plan records a chain, then that chain", () => {
    const chain = { chainHash: WALKTHROUGH.hash, publicKey: WALKTHROUGH.info.publicKey };
    expect(chainOfPlan({ source: "http://127.0.0.1:9555", ...chain })).toEqual({ ok: true, value: chain });
  });

  it("when the plan records quicknet's hash with another key, then it is refused", () => {
    const plan = { source: "https://api.drand.sh", chainHash: QUICKNET_CHAIN.chainHash, publicKey: WALKTHROUGH.info.publicKey };
    expect(chainOfPlan(plan)).toEqual({ ok: false, reason: "key-not-of-named-chain" });
  });

  it("when an older plan records only a source naming quicknet by hash, then quicknet", () => {
    expect(chainOfPlan({ source: `https://api.drand.sh/${QUICKNET_CHAIN.chainHash}` })).toEqual({ ok: true, value: QUICKNET_CHAIN });
  });

  it("when an older plan records only a source naming no known chain, then it is refused", () => {
    expect(chainOfPlan({ source: "http://127.0.0.1:9555" })).toEqual({ ok: false, reason: "no-chain-recorded" });
  });
});
