import { afterEach, describe, expect, it, vi } from "vitest";
import { BeaconUnverified, httpBeacon } from "../../functions/src/adapters/beacon.js";
import { QUICKNET_CHAIN } from "../../functions/src/domain/beaconRound.js";
import { checkBeaconOfManifest } from "../../scripts/verifyBeacon.js";
import { DEV_CHAIN, DEV_CHAIN_INFO, devBeaconRound } from "../../scripts/stack/beacon.js";

const SOURCE = "http://127.0.0.1:9555";
const ROUND = 4242;

/** The development chain as its beacon serves it (scripts/stack/beacon.ts), behind a fetch a test can tamper with. */
function devSource(tamper: (url: string, body: Record<string, unknown>) => Record<string, unknown> = (_url, body) => body) {
  const urls: string[] = [];
  const fetchUrl = (url: string): Promise<Response> => {
    urls.push(url);
    const info = {
      public_key: DEV_CHAIN_INFO.publicKey,
      period: DEV_CHAIN_INFO.period,
      genesis_time: DEV_CHAIN_INFO.genesisTime,
      hash: DEV_CHAIN.chainHash,
      groupHash: DEV_CHAIN_INFO.groupHash,
      schemeID: "bls-unchained-g1-rfc9380",
      metadata: { beaconID: DEV_CHAIN_INFO.beaconId },
    };
    const round = /\/public\/(\d+)$/.exec(url);
    const body = url.endsWith("/info") ? info : round ? { ...devBeaconRound(Number(round[1])) } : null;
    if (body === null) return Promise.resolve(new Response("", { status: 404 }));
    return Promise.resolve(Response.json(tamper(url, body)));
  };
  return { fetchUrl, urls };
}

const manifestBeacon = (value = devBeaconRound(ROUND).randomness) => ({ source: SOURCE, round: ROUND, value, ...DEV_CHAIN });

describe("verify-draw --check-beacon", () => {
  it("when the round of an http:// source verifies and equals the manifest's value, then it is verified, after fetching the round and the chain's info", async () => {
    const { fetchUrl, urls } = devSource();
    const check = await checkBeaconOfManifest(manifestBeacon(), true, fetchUrl);
    expect(check).toMatchObject({ kind: "verified" });
    expect(urls).toEqual([`${SOURCE}/public/${ROUND}`, `${SOURCE}/info`]);
  });

  it("when the manifest's beacon value is forged (everything else recomputed from it), then it is a mismatch naming both values", async () => {
    const genuine = devBeaconRound(ROUND).randomness;
    const forged = "ab".repeat(32);
    const check = await checkBeaconOfManifest(manifestBeacon(forged), true, devSource().fetchUrl);
    expect(check).toEqual({
      kind: "mismatch",
      message: `beacon round ${ROUND}: published ${forged}, the verified round of chain ${DEV_CHAIN.chainHash} is ${genuine}`,
    });
  });

  it("when the source answers a forged randomness for the round, then it is a mismatch, even if it equals the manifest's value", async () => {
    const forged = "cd".repeat(32);
    const { fetchUrl } = devSource((url, body) => (url.endsWith("/info") ? body : { ...body, randomness: forged }));
    expect(await checkBeaconOfManifest(manifestBeacon(forged), true, fetchUrl)).toEqual({
      kind: "mismatch",
      message: `beacon round ${ROUND} from ${SOURCE} does not verify against chain ${DEV_CHAIN.chainHash}: randomness-not-sha256-of-signature`,
    });
  });

  it("when the source answers another round's signature, then it is a mismatch", async () => {
    const { fetchUrl } = devSource((url, body) => (url.endsWith("/info") ? body : { ...body, signature: devBeaconRound(ROUND + 1).signature }));
    expect(await checkBeaconOfManifest(manifestBeacon(), true, fetchUrl)).toMatchObject({
      kind: "mismatch",
      message: expect.stringContaining("signature-invalid"),
    });
  });

  it("when the manifest names quicknet's chain hash with the development key, then it is a mismatch", async () => {
    const beacon = { ...manifestBeacon(), chainHash: QUICKNET_CHAIN.chainHash };
    expect(await checkBeaconOfManifest(beacon, true, devSource().fetchUrl)).toMatchObject({ kind: "mismatch" });
  });

  it("when the chain's info does not hash to the manifest's chain hash, then it is a mismatch", async () => {
    const { fetchUrl } = devSource((url, body) => (url.endsWith("/info") ? { ...body, groupHash: "00".repeat(32) } : body));
    expect(await checkBeaconOfManifest(manifestBeacon(), true, fetchUrl)).toMatchObject({
      kind: "mismatch",
      message: expect.stringContaining("/info hashes to"),
    });
  });

  it("when the source cannot be reached or the round is not out, then the check could not be done (never verified)", async () => {
    const down = () => Promise.reject(new Error("connect ECONNREFUSED"));
    expect(await checkBeaconOfManifest(manifestBeacon(), true, down)).toEqual({
      kind: "unverifiable",
      message: `beacon round ${ROUND} could not be fetched: ${SOURCE}/public/${ROUND}: connect ECONNREFUSED`,
    });
    const early = () => Promise.resolve(new Response("", { status: 425 }));
    expect(await checkBeaconOfManifest(manifestBeacon(), true, early)).toMatchObject({ kind: "unverifiable" });
  });

  it("when the manifest names no chain and its source names none we know, then the check could not be done", async () => {
    const { source, round, value } = manifestBeacon();
    expect(await checkBeaconOfManifest({ source, round, value }, true, devSource().fetchUrl)).toMatchObject({ kind: "unverifiable" });
  });

  it("when the check is not asked for, then nothing is fetched and the line says the beacon was not checked", async () => {
    const { fetchUrl, urls } = devSource();
    const check = await checkBeaconOfManifest(manifestBeacon(), false, fetchUrl);
    expect(check).toEqual({
      kind: "not-checked",
      line: `  --  beacon round ${ROUND} of ${SOURCE} NOT CHECKED (--check-beacon fetches it and verifies its BLS signature)`,
    });
    expect(urls).toEqual([]);
  });
});

describe("the close's beacon (httpBeacon)", () => {
  afterEach(() => vi.unstubAllGlobals());
  const plan = { source: SOURCE, round: ROUND, ...DEV_CHAIN };

  it("when the round verifies against the plan's chain, then its randomness is the value", async () => {
    vi.stubGlobal("fetch", devSource().fetchUrl);
    expect(await httpBeacon.value(plan)).toBe(devBeaconRound(ROUND).randomness);
  });

  it("when the round is not out yet, then null", async () => {
    vi.stubGlobal("fetch", () => Promise.resolve(new Response("", { status: 425 })));
    expect(await httpBeacon.value(plan)).toBeNull();
  });

  it("when the source answers a randomness its signature does not give, then the close fails loudly and draws nothing", async () => {
    vi.stubGlobal("fetch", devSource((_url, body) => ({ ...body, randomness: "ef".repeat(32) })).fetchUrl);
    await expect(httpBeacon.value(plan)).rejects.toThrow(
      new BeaconUnverified(`beacon ${SOURCE} round ${ROUND} does not verify against chain ${DEV_CHAIN.chainHash}: randomness-not-sha256-of-signature`),
    );
  });

  it("when the round is signed by another key than the plan's chain, then it fails loudly", async () => {
    vi.stubGlobal("fetch", devSource().fetchUrl);
    await expect(httpBeacon.value({ ...plan, publicKey: QUICKNET_CHAIN.publicKey, chainHash: "11".repeat(32) })).rejects.toThrow(/signature-invalid/);
  });

  it("when an older plan names no chain and its source names none we know, then it fails loudly without fetching", async () => {
    const fetched = vi.fn();
    vi.stubGlobal("fetch", fetched);
    await expect(httpBeacon.value({ source: SOURCE, round: ROUND })).rejects.toThrow(/names no chain to verify against \(no-chain-recorded\)/);
    expect(fetched).not.toHaveBeenCalled();
  });
});
