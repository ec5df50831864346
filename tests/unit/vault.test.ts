import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { keyEncryptionKeysFrom, keyedVault } from "../../functions/src/adapters/vault.js";
import { open, rewrap, seal, type KeyEncryptionKeys, type SealedDoc } from "../../functions/src/domain/vault/envelope.js";
import { sealedDoc, vaultKeys } from "../../functions/src/schemas/vault.js";
import { ensureLocalVaultKeys } from "../../scripts/stack/index.js";
import { localVaultKeys } from "../../scripts/stack/localVault.js";

const random = (bytes: number) => randomBytes(bytes);
const key = (fill: number) => new Uint8Array(32).fill(fill);
const OLD: KeyEncryptionKeys = { current: "k1", keys: new Map([["k1", key(1)]]) };
/** A rotation under way: k2 is current, k1 still opens what it wrapped. */
const ROTATING: KeyEncryptionKeys = {
  current: "k2",
  keys: new Map([
    ["k1", key(1)],
    ["k2", key(2)],
  ]),
};
/** The rotation done: k1 retired. */
const NEW: KeyEncryptionKeys = { current: "k2", keys: new Map([["k2", key(2)]]) };
const person = { nik: "3171011203900003", kk: "3171010101200001", fullName: "Dewi Lestari", phone: "+6281234567890", birthDate: "1990-03-12" };

/** Flips one bit of a base64 field's bytes at `index`. */
function flipped(text: string, index: number): string {
  const bytes = Buffer.from(text, "base64");
  bytes[index] ^= 0x01;
  return bytes.toString("base64");
}

describe("the envelope (domain/vault/envelope.ts)", () => {
  it("when a record is sealed, then it opens to the same record under the same context", () => {
    const sealed = seal(person, "applicant", OLD, random);
    expect(sealedDoc.parse(sealed)).toEqual(sealed);
    expect(sealed.keyId).toBe("k1");
    expect(open(sealed, "applicant", OLD)).toEqual(person);
  });

  it("when a record is sealed, then nothing of it appears in the seal, and two seals of the same record differ", () => {
    const a = seal(person, "applicant", OLD, random);
    const b = seal(person, "applicant", OLD, random);
    const text = JSON.stringify(a);
    for (const value of Object.values(person)) expect(text).not.toContain(value);
    expect(a.ciphertext).not.toBe(b.ciphertext);
    expect(a.wrappedKey).not.toBe(b.wrappedKey);
  });

  it("when any byte of the ciphertext, the wrapped key, or their tags is altered, then it does not open", () => {
    const sealed = seal(person, "applicant", OLD, random);
    const cipherLength = Buffer.from(sealed.ciphertext, "base64").byteLength;
    const wrappedLength = Buffer.from(sealed.wrappedKey, "base64").byteLength;
    for (const index of [0, 11, 12, cipherLength - 17, cipherLength - 1]) {
      expect(() => open({ ...sealed, ciphertext: flipped(sealed.ciphertext, index) }, "applicant", OLD)).toThrow();
    }
    for (const index of [0, 12, wrappedLength - 1]) {
      expect(() => open({ ...sealed, wrappedKey: flipped(sealed.wrappedKey, index) }, "applicant", OLD)).toThrow();
    }
    expect(() => open({ ...sealed, ciphertext: sealed.ciphertext.slice(0, 8) }, "applicant", OLD)).toThrow(RangeError);
  });

  it("when a seal is swapped between two records (ciphertext of one, wrapped key of the other), then it does not open", () => {
    const a = seal(person, "applicant", OLD, random);
    const b = seal({ ...person, nik: "3171011203900004" }, "applicant", OLD, random);
    expect(() => open({ ...a, ciphertext: b.ciphertext }, "applicant", OLD)).toThrow();
  });

  it("when a seal is opened under another context, then it does not open (a sealed phone copied into an applicant's place stays shut)", () => {
    const sealed = seal({ phone: person.phone }, "sms", OLD, random);
    expect(() => open(sealed, "applicant", OLD)).toThrow();
    expect(() => open(sealed, "payout-account", OLD)).toThrow();
    expect(open(sealed, "sms", OLD)).toEqual({ phone: person.phone });
  });

  it("when the key that wrapped a seal is unknown, or another key carries its ID, then it does not open", () => {
    const sealed = seal(person, "applicant", OLD, random);
    expect(() => open(sealed, "applicant", NEW)).toThrow(/no key-encryption key "k1"/);
    expect(() => open(sealed, "applicant", { current: "k1", keys: new Map([["k1", key(9)]]) })).toThrow();
  });

  it("when a key is not 32 bytes, then nothing is sealed or opened with it", () => {
    const short: KeyEncryptionKeys = { current: "s", keys: new Map([["s", new Uint8Array(16)]]) };
    expect(() => seal(person, "applicant", short, random)).toThrow(/32 bytes/);
  });

  it("when a seal of the old key is rewrapped during a rotation, then it names the new key, keeps its ciphertext, and opens after the old key is retired", () => {
    const sealed = seal(person, "applicant", OLD, random);
    const rewrapped = rewrap(sealed, "applicant", ROTATING, random);
    expect(rewrapped.keyId).toBe("k2");
    expect(rewrapped.ciphertext).toBe(sealed.ciphertext);
    expect(rewrapped.wrappedKey).not.toBe(sealed.wrappedKey);
    expect(open(rewrapped, "applicant", NEW)).toEqual(person);
    expect(() => open(sealed, "applicant", NEW)).toThrow();
  });

  it("when a seal already under the current key is rewrapped, then it is returned as it is (a rotation run again writes nothing)", () => {
    const sealed = seal(person, "applicant", ROTATING, random);
    expect(rewrap(sealed, "applicant", ROTATING, random)).toBe(sealed);
  });

  it("when a seal is rewrapped under the wrong context, then it fails and nothing is produced", () => {
    const sealed = seal(person, "applicant", OLD, random);
    expect(() => rewrap(sealed, "sms", ROTATING, random)).toThrow();
  });
});

describe("the VAULT_KEYS secret and the production vault (adapters/vault.ts)", () => {
  const b64 = (fill: number) => Buffer.from(key(fill)).toString("base64");
  const secret = JSON.stringify({ current: "2026-2", keys: { "2026-1": b64(1), "2026-2": b64(2) } });

  it("when the secret holds two keys during a rotation, then new seals use the current one and old seals still open", async () => {
    const vault = keyedVault(keyEncryptionKeysFrom(secret));
    const old = seal(person, "applicant", { current: "2026-1", keys: new Map([["2026-1", key(1)]]) }, random);
    expect(await vault.open(old, "applicant")).toEqual(person);
    const fresh = await vault.seal(person, "applicant");
    expect(fresh.keyId).toBe("2026-2");
    const rewrapped: SealedDoc = vault.rewrap(old, "applicant");
    expect(rewrapped.keyId).toBe("2026-2");
    expect(await vault.open(rewrapped, "applicant")).toEqual(person);
  });

  it("when the secret is not the expected JSON, names no current key that it holds, or holds a key that is not 32 bytes, then it is refused", () => {
    expect(() => keyEncryptionKeysFrom("")).toThrow();
    expect(() => keyEncryptionKeysFrom(JSON.stringify({ current: "x", keys: { y: b64(1) } }))).toThrow(/vault-current-key-missing/);
    expect(() => keyEncryptionKeysFrom(JSON.stringify({ current: "x", keys: { x: Buffer.alloc(16).toString("base64") } }))).toThrow(/vault-key-32-bytes/);
    expect(vaultKeys.safeParse({ current: "x", keys: { x: b64(3) } }).success).toBe(true);
  });

  it("when a seal does not open, then the vault's promise rejects (it never answers with an empty record)", async () => {
    const vault = keyedVault(keyEncryptionKeysFrom(secret));
    const sealed = await vault.seal(person, "applicant");
    await expect(vault.open({ ...sealed, ciphertext: flipped(sealed.ciphertext, 20) }, "applicant")).rejects.toThrow();
  });
});

describe("the local stack's vault key (scripts/stack/index.ts ensureLocalVaultKeys)", () => {
  it("when functions/.secret.local has no VAULT_KEYS, then one 32-byte key is added once, and the file's other secrets and the key are kept on later starts", () => {
    const file = join(mkdtempSync(join(tmpdir(), "vault-")), ".secret.local");
    writeFileSync(file, "NIK_HASH_KEY=abc\n");
    ensureLocalVaultKeys(file);
    const first = readFileSync(file, "utf8");
    expect(first).toMatch(/^NIK_HASH_KEY=abc\nVAULT_KEYS='\{.+\}'\n$/);
    const keys = localVaultKeys(file);
    expect(keys.keys.get(keys.current)?.byteLength).toBe(32);
    ensureLocalVaultKeys(file);
    expect(readFileSync(file, "utf8")).toBe(first);
  });
});
