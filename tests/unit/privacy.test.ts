import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { keyedId, maskName, maskNik, maskPhone } from "../../functions/src/domain/privacy.js";

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

describe("maskName", () => {
  it("when a name is shown to an operator, then the first word stays and every other word keeps its first letter", () => {
    expect(maskName("Dewi Lestari")).toBe("Dewi L******");
    expect(maskName("  Siti   Nurhaliza Putri ")).toBe("Siti N******** P****");
  });

  it("when the name is one word, then it is shown as it is (no surname to hide)", () => {
    expect(maskName("Sukarno")).toBe("Sukarno");
  });

  it("when a word is in another script or carries marks, then letters are counted, not UTF-16 units", () => {
    expect(maskName("Ni Ñoman 𝒜bc")).toBe("Ni Ñ**** 𝒜**");
  });

  it("when any name is masked, then no word but the first appears whole, and the length of each word is kept", () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[A-Za-z]{2,12}$/), { minLength: 2, maxLength: 5 }), (words) => {
        const masked = maskName(words.join(" ")).split(" ");
        expect(masked[0]).toBe(words[0]);
        words.slice(1).forEach((word, i) => expect(masked[i + 1]).toBe(`${word[0]}${"*".repeat(word.length - 1)}`));
      }),
    );
  });
});

describe("maskPhone", () => {
  it("when a mobile number is shown, then the country code, the operator prefix and the last four digits remain", () => {
    expect(maskPhone("+6281234567890")).toBe("+62812****7890");
    expect(maskPhone("+628123456789")).toBe("+62812***6789");
  });

  it("when the value is not an Indonesian number in E.164, then all of it is masked", () => {
    expect(maskPhone("081234567890")).toBe("************");
    expect(maskPhone("+1555")).toBe("*****");
  });

  it("when any mobile number is masked, then only the prefix and the last four digits show and its length is kept", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^8\d{8,11}$/), (national) => {
        const masked = maskPhone(`+62${national}`);
        expect(masked).toHaveLength(national.length + 3);
        expect(masked.slice(0, 6)).toBe(`+62${national.slice(0, 3)}`);
        expect(masked.slice(-4)).toBe(national.slice(-4));
        expect(masked.slice(6, -4)).toMatch(/^\*+$/);
      }),
    );
  });
});
