import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { keyedId, maskNik } from "../../functions/src/domain/privacy.js";

const key = "test-key-0123456789abcdef0123456789abcdef";
const otherKey = new Uint8Array(32).fill(7);
const nik = "3171011203900001";

/** Every run of `length` consecutive digits of the NIK. */
const digitRuns = (value: string, length: number) => Array.from({ length: value.length - length + 1 }, (_, i) => value.slice(i, i + length));

describe("keyedId", () => {
  it("when the same NIK is hashed twice with the same key, then the ID is the same", () => {
    expect(keyedId("nik", nik, key)).toBe(keyedId("nik", nik, key));
    expect(keyedId("nik", nik, new TextEncoder().encode(key))).toBe(keyedId("nik", nik, key));
  });

  it("when the ID is made, then it is base64url of a SHA-256 HMAC: 43 characters safe in a document ID", () => {
    expect(keyedId("nik", nik, key)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("when the key or the kind differs, then the ID differs", () => {
    const id = keyedId("nik", nik, key);
    expect(keyedId("nik", nik, otherKey)).not.toBe(id);
    expect(keyedId("kk", nik, key)).not.toBe(id);
  });

  it("when an ID is made, then neither the NIK nor any 5-digit run of it appears in it", () => {
    for (const kind of ["nik", "kk"] as const) {
      const id = keyedId(kind, nik, key);
      for (const run of digitRuns(nik, 5)) expect(id).not.toContain(run);
    }
  });

  it("when two different NIKs are hashed, then their IDs differ", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{16}$/), fc.stringMatching(/^\d{16}$/), (a, b) => {
        fc.pre(a !== b);
        expect(keyedId("nik", a, key)).not.toBe(keyedId("nik", b, key));
      }),
    );
  });

  it("when the key is shorter than 32 bytes, then it is refused as a configuration error", () => {
    expect(() => keyedId("nik", nik, "short")).toThrow(RangeError);
  });
});

describe("maskNik", () => {
  it("when a NIK is shown, then only the regency and the last four digits remain", () => {
    expect(maskNik("3171011203900003")).toBe("3171********0003");
  });

  it("when the value is not a 16-digit NIK, then all of it is masked", () => {
    expect(maskNik("31710112039")).toBe("***********");
  });
});
