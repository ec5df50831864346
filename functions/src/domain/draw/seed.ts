import { createHmac } from "node:crypto";
import { done, refused, type Outcome } from "../outcome.js";
import { ALGORITHM, hexBytes, HEX32, sha256 } from "./bytes.js";

/**
 * The draw's randomness. The wave publishes SHA-256(seed) when it opens and names a public
 * beacon round (e.g. drand) whose value appears only after the pool is frozen; the seed is
 * revealed after the freeze. The operator, who knows the seed, cannot know the beacon; the
 * beacon's makers cannot know the seed; and the pool root fixes the pool before either is
 * known to anyone else. The seed comes in as an argument (32 bytes from a CSPRNG at wave
 * creation): nothing here makes randomness.
 */

export function seedCommitment(seed: string): string {
  return sha256(hexBytes(seed, "seed")).toString("hex");
}

export function checkSeed(seed: string, commitment: string): Outcome<true, "seed-malformed" | "seed-does-not-match-commitment"> {
  if (!HEX32.test(seed) || !HEX32.test(commitment)) return refused("seed-malformed");
  return seedCommitment(seed) === commitment ? done(true) : refused("seed-does-not-match-commitment");
}

export interface DrawKeyInput {
  seed: string;
  beaconValue: string;
  poolRoot: string;
}

/**
 * drawKey = SHA-256("prakerja-draw-v1" ‖ seed ‖ beacon ‖ poolRoot). No separators are needed:
 * the tag and the three 32-byte values all have fixed lengths.
 */
export function drawKeyOf({ seed, beaconValue, poolRoot }: DrawKeyInput): string {
  return sha256(Buffer.from(ALGORITHM, "ascii"), hexBytes(seed, "seed"), hexBytes(beaconValue, "beacon value"), hexBytes(poolRoot, "pool root")).toString(
    "hex",
  );
}

/** rank(pid) = HMAC-SHA-256(key = drawKey's 32 bytes, message = pid's bytes), as hex. */
export function rankOf(drawKey: string, pid: string): string {
  return createHmac("sha256", hexBytes(drawKey, "drawKey")).update(pid, "utf8").digest("hex");
}
