/**
 * Hashing and byte order shared by the draw. This folder uses node:crypto: it runs in Cloud
 * Functions and in the `verify-draw` command (both Node), never in the web app — schemas/draw.ts,
 * which the web app may import, takes only constants.ts and types from here.
 */
import { createHash } from "node:crypto";
import { HEX32 } from "./constants.js";

export { ALGORITHM, HEX32, STRATUM_CODE, TOKEN } from "./constants.js";

export function sha256(...parts: Uint8Array[]): Buffer {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part);
  return hash.digest();
}

export function hexBytes(hex: string, what: string): Buffer {
  if (!HEX32.test(hex)) throw new RangeError(`${what}: expected 64 lowercase hex digits`);
  return Buffer.from(hex, "hex");
}

/** Byte order of ASCII strings (see TOKEN): JavaScript compares UTF-16 units, equal for ASCII. */
export function compareAscii(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
