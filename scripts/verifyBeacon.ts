import { chainHashOf, chainOfPlan, QUICKNET_CHAIN, verifyBeaconRound } from "../functions/src/domain/beaconRound.js";
import type { DrawManifestDoc } from "../functions/src/schemas/draw.js";

/**
 * What `verify-draw --check-beacon` found about the manifest's beacon value:
 * - `verified`: the round was fetched from its source, its BLS signature verified against the
 *   chain's public key, its randomness is SHA-256 of the signature and equals the manifest's value;
 * - `not-checked`: the caller did not ask (the line says so);
 * - `mismatch`: something was compared and differs (a forged value, a round that does not verify,
 *   a key that is not the named chain's): verify-draw says MISMATCH (exit 1);
 * - `unverifiable`: the check was asked for but could not be done (source unreachable, round not
 *   out, no chain to verify against): verify-draw fails (exit 2), never MATCH.
 */
export type BeaconCheck =
  | { kind: "verified"; line: string }
  | { kind: "not-checked"; line: string }
  | { kind: "mismatch"; message: string }
  | { kind: "unverifiable"; message: string };

type Fetch = (url: string) => Promise<Response>;

async function getJson(fetchUrl: Fetch, url: string): Promise<{ ok: true; body: unknown } | { ok: false; why: string }> {
  try {
    const response = await fetchUrl(url);
    if (!response.ok) return { ok: false, why: `${url} answered HTTP ${response.status}` };
    return { ok: true, body: (await response.json()) as unknown };
  } catch (error) {
    return { ok: false, why: `${url}: ${error instanceof Error ? error.message : String(error)}` };
  }
}

const field = (body: unknown, name: string): unknown => (typeof body === "object" && body !== null ? (body as Record<string, unknown>)[name] : undefined);

/**
 * The beacon check of verify-draw (docs/draw.md §4). Asked, it always fetches
 * `<source>/public/<round>` (http or https alike) and verifies the round against the chain the
 * manifest names (`chainHash`, `publicKey`; for a draw made before the chain was recorded, the
 * chain its source names by hash, if known). For a chain other than drand's quicknet it also
 * fetches `<source>/info` and checks that the chain hash is drand's hash of that info and the key
 * is the info's, so the key and hash the manifest names belong together. Whether they are the
 * ones the wave's plan published at creation is the plan check's question.
 */
export async function checkBeaconOfManifest(beacon: DrawManifestDoc["beacon"], asked: boolean, fetchUrl: Fetch = fetch): Promise<BeaconCheck> {
  const { source, round, value } = beacon;
  if (!asked)
    return { kind: "not-checked", line: `  --  beacon round ${round} of ${source} NOT CHECKED (--check-beacon fetches it and verifies its BLS signature)` };
  const chain = chainOfPlan(beacon);
  if (!chain.ok) {
    return chain.reason === "key-not-of-named-chain"
      ? { kind: "mismatch", message: `beacon: the manifest names chain ${String(beacon.chainHash)} with a public key that is not that chain's` }
      : { kind: "unverifiable", message: `beacon: the manifest names no chain (chainHash, publicKey) and its source ${source} names no chain we know` };
  }
  const base = source.replace(/\/$/, "");
  const fetched = await getJson(fetchUrl, `${base}/public/${round}`);
  if (!fetched.ok) return { kind: "unverifiable", message: `beacon round ${round} could not be fetched: ${fetched.why}` };
  const answer = { round: field(fetched.body, "round"), randomness: field(fetched.body, "randomness"), signature: field(fetched.body, "signature") };
  if (typeof answer.round !== "number" || typeof answer.randomness !== "string" || typeof answer.signature !== "string") {
    return { kind: "mismatch", message: `beacon round ${round}: ${base} did not answer a drand round (round, randomness, signature)` };
  }
  const verified = verifyBeaconRound(chain.value, round, { round: answer.round, randomness: answer.randomness, signature: answer.signature });
  if (!verified.ok)
    return { kind: "mismatch", message: `beacon round ${round} from ${base} does not verify against chain ${chain.value.chainHash}: ${verified.reason}` };
  if (verified.value !== value)
    return {
      kind: "mismatch",
      message: `beacon round ${round}: published ${value}, the verified round of chain ${chain.value.chainHash} is ${verified.value}`,
    };

  let which = "drand's quicknet";
  if (chain.value.chainHash !== QUICKNET_CHAIN.chainHash) {
    const info = await getJson(fetchUrl, `${base}/info`);
    if (!info.ok) return { kind: "unverifiable", message: `beacon chain ${chain.value.chainHash}: its info could not be fetched: ${info.why}` };
    const metadata = field(info.body, "metadata");
    const parts = {
      period: field(info.body, "period"),
      genesisTime: field(info.body, "genesis_time"),
      publicKey: field(info.body, "public_key"),
      groupHash: field(info.body, "groupHash"),
      beaconId: field(metadata, "beaconID") ?? "",
    };
    const { period, genesisTime, publicKey, groupHash, beaconId } = parts;
    if (
      typeof period !== "number" ||
      typeof genesisTime !== "number" ||
      typeof publicKey !== "string" ||
      typeof groupHash !== "string" ||
      typeof beaconId !== "string"
    ) {
      return { kind: "mismatch", message: `beacon chain ${chain.value.chainHash}: ${base}/info is not a drand chain's info` };
    }
    const hash = chainHashOf({ period, genesisTime, publicKey, groupHash, beaconId });
    if (hash !== chain.value.chainHash || publicKey !== chain.value.publicKey) {
      return {
        kind: "mismatch",
        message: `beacon chain: the manifest names ${chain.value.chainHash}, ${base}/info hashes to ${hash}${publicKey !== chain.value.publicKey ? " with another public key" : ""}`,
      };
    }
    which = `chain "${beaconId}", NOT drand's quicknet: compare its hash with the plan published at creation`;
  }
  return {
    kind: "verified",
    line: `beacon round ${round} fetched from ${base}: BLS signature verified against chain ${chain.value.chainHash} (${which}); randomness = SHA-256(signature) = the published value`,
  };
}
