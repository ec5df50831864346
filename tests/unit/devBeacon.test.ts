import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { chainHashOf, verifyBeaconRound } from "../../functions/src/domain/beaconRound.js";
import { DEV_CHAIN, DEV_CHAIN_INFO, devBeaconRound } from "../../scripts/stack/beacon.js";

describe("the development beacon's chain", () => {
  it("when a round is served, then it verifies against the chain's public key as a quicknet round does", () => {
    const round = devBeaconRound(17);
    expect(verifyBeaconRound(DEV_CHAIN, 17, round)).toEqual({ ok: true, value: round.randomness });
  });

  it("when its hash is computed from its info as drand does, then it is the chain hash a plan records", () => {
    expect(chainHashOf(DEV_CHAIN_INFO)).toBe(DEV_CHAIN.chainHash);
  });

  it("when the local project's parameters are read, then they name this chain (hash and public key)", () => {
    const env = Object.fromEntries(
      readFileSync("functions/.env.demo-prakerja", "utf8")
        .split("\n")
        .filter((line) => /^[A-Z_]+=/.test(line))
        .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
    );
    expect({ chainHash: env.BEACON_CHAIN_HASH, publicKey: env.BEACON_PUBLIC_KEY }).toEqual(DEV_CHAIN);
  });
});
