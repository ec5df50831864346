import { _SHA256 } from "@noble/hashes/sha2.js";
import { hexBytes } from "./bytes.js";

/**
 * rank(pid) = HMAC-SHA-256(drawKey, pid) (seed.ts, docs/draw.md §4), computed for millions of
 * pids under one key. HMAC hashes (key ⊕ ipad) ‖ pid, then (key ⊕ opad) ‖ inner digest; the two
 * key blocks are the same for every pid, so their SHA-256 states are computed once here and each
 * rank costs one compression per 64 bytes of pid (one for a 43-character pid) plus one for the
 * outer hash, with nothing allocated. node:crypto's createHmac per pid spends most of its time
 * crossing into C++ and allocating (profiled at 10M pids: 3.6 µs per pid against about 1.3 here).
 * The compression is @noble/hashes' own SHA-256, reached as its subclasses reach it; rankOf
 * (createHmac) stays the independent path the tests compare this with.
 */

/** noble's SHA-256 compression from a state we give: `process` and `set` are open to subclasses. */
class Compression extends _SHA256 {
  /** `out` = the state after compressing the 64 bytes at `offset` of `view` from `state`. */
  run(state: Int32Array, view: DataView, offset: number, out: Int32Array): void {
    this.set(state[0], state[1], state[2], state[3], state[4], state[5], state[6], state[7]);
    this.process(view, offset);
    out[0] = this.A;
    out[1] = this.B;
    out[2] = this.C;
    out[3] = this.D;
    out[4] = this.E;
    out[5] = this.F;
    out[6] = this.G;
    out[7] = this.H;
  }

  /** The SHA-256 initial state (FIPS 180-4 §5.3.3), as a fresh instance holds it. */
  initial(out: Int32Array): void {
    out.set([this.A, this.B, this.C, this.D, this.E, this.F, this.G, this.H]);
  }
}

const BLOCK = 64;

/** Ranks pids under one draw key; reusable, not reentrant (one instance per scan). */
export class KeyedRank {
  private readonly compression = new Compression();
  private readonly innerStart = new Int32Array(8);
  private readonly outerStart = new Int32Array(8);
  private readonly inner = new Int32Array(8);
  /** The last rank's 8 big-endian 32-bit words. */
  private readonly words = new Int32Array(8);
  private message = new Uint8Array(3 * BLOCK);
  private messageView = new DataView(this.message.buffer);
  /** The outer hash's only block after the key: the inner digest, then fixed padding. */
  private readonly outerBlock = new Uint8Array(BLOCK);
  private readonly outerView = new DataView(this.outerBlock.buffer);

  /** `drawKey`: 64 lowercase hex digits (seed.ts drawKeyOf); throws RangeError otherwise. */
  constructor(drawKey: string) {
    const key = hexBytes(drawKey, "drawKey");
    const initial = new Int32Array(8);
    this.compression.initial(initial);
    const pad = new Uint8Array(BLOCK);
    const padView = new DataView(pad.buffer);
    for (const [byte, start] of [
      [0x36, this.innerStart],
      [0x5c, this.outerStart],
    ] as const) {
      for (let i = 0; i < BLOCK; i += 1) pad[i] = (key[i] ?? 0) ^ byte;
      this.compression.run(initial, padView, 0, start);
    }
    this.outerBlock[32] = 0x80;
    this.outerView.setUint32(60, (BLOCK + 32) * 8);
  }

  /** Ranks `pid` (its UTF-8 bytes); read the result with prefix, hex or copyTo. */
  rank(pid: string): this {
    const length = pid.length;
    const blocks = Math.ceil((length + 9) / BLOCK);
    if (blocks * BLOCK > this.message.length) this.grow(blocks * BLOCK);
    const message = this.message;
    let ascii = true;
    for (let i = 0; i < length; i += 1) {
      const code = pid.charCodeAt(i);
      if (code > 0x7f) {
        ascii = false;
        break;
      }
      message[i] = code;
    }
    if (!ascii) return this.rankBytes(Buffer.from(pid, "utf8"));
    this.digest(length);
    return this;
  }

  /** The first 48 bits of the last rank, as a number (exact: below 2^53). */
  prefix(): number {
    return (this.words[0] >>> 0) * 0x10000 + (this.words[1] >>> 16);
  }

  /** The last rank's 32 bytes, written at `offset` of `out`. */
  copyTo(out: Uint8Array, offset: number): void {
    for (let i = 0; i < 8; i += 1) {
      const word = this.words[i];
      const at = offset + 4 * i;
      out[at] = word >>> 24;
      out[at + 1] = (word >>> 16) & 0xff;
      out[at + 2] = (word >>> 8) & 0xff;
      out[at + 3] = word & 0xff;
    }
  }

  /** The last rank as 64 lowercase hex digits, as rankOf gives it. */
  hex(): string {
    const out = Buffer.allocUnsafe(32);
    this.copyTo(out, 0);
    return out.toString("hex");
  }

  private rankBytes(bytes: Uint8Array): this {
    const blocks = Math.ceil((bytes.length + 9) / BLOCK);
    if (blocks * BLOCK > this.message.length) this.grow(blocks * BLOCK);
    this.message.set(bytes);
    this.digest(bytes.length);
    return this;
  }

  /** The message's `length` bytes are in place: pad them, run the inner and the outer hash. */
  private digest(length: number): void {
    const message = this.message;
    const end = Math.ceil((length + 9) / BLOCK) * BLOCK;
    message[length] = 0x80;
    message.fill(0, length + 1, end - 4);
    this.messageView.setUint32(end - 4, (BLOCK + length) * 8);
    this.compression.run(this.innerStart, this.messageView, 0, this.inner);
    for (let offset = BLOCK; offset < end; offset += BLOCK) this.compression.run(this.inner, this.messageView, offset, this.inner);
    for (let i = 0; i < 8; i += 1) this.outerView.setInt32(4 * i, this.inner[i]);
    this.compression.run(this.outerStart, this.outerView, 0, this.words);
  }

  private grow(size: number): void {
    this.message = new Uint8Array(size);
    this.messageView = new DataView(this.message.buffer);
  }
}
