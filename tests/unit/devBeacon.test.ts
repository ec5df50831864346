import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { chainHashOf, verifyBeaconRound } from "../../functions/src/domain/beaconRound.js";
import { publicationTime, QUICKNET } from "../../functions/src/domain/beacon.js";
import { DEV_CHAIN, DEV_CHAIN_INFO, devBeaconAnswer, devBeaconRound } from "../../scripts/stack/beacon.js";

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

describe("the development beacon's HTTP answers (drand's API)", () => {
  const now = new Date("2026-12-01T03:00:00.000Z");
  const latestRound = Math.floor((now.getTime() / 1000 - QUICKNET.genesis) / QUICKNET.period) + 1;

  it("when /public/latest is asked, then it answers the last round whose time has come, verifiable, as drand does", () => {
    const { status, body } = devBeaconAnswer("/public/latest", now);
    expect(status).toBe(200);
    expect(body).toEqual(devBeaconRound(latestRound));
    expect(publicationTime(latestRound, QUICKNET).getTime()).toBeLessThanOrEqual(now.getTime());
    expect(publicationTime(latestRound + 1, QUICKNET).getTime()).toBeGreaterThan(now.getTime());
    expect(devBeaconAnswer(`/${DEV_CHAIN.chainHash}/public/latest`, now)).toEqual({ status, body });
  });

  it("when a round's time has not come, then 425; an unknown path, 404; the chain's info names its hash", () => {
    expect(devBeaconAnswer(`/public/${latestRound + 1}`, now).status).toBe(425);
    expect(devBeaconAnswer(`/public/${latestRound}`, now)).toEqual({ status: 200, body: devBeaconRound(latestRound) });
    expect(devBeaconAnswer("/public/nope", now).status).toBe(404);
    expect(devBeaconAnswer("/info", now).body).toMatchObject({ hash: DEV_CHAIN.chainHash, schemeID: "bls-unchained-g1-rfc9380" });
  });
});
