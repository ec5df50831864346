import { describe, expect, it } from "vitest";
import { memoryPorts, type MemoryPorts } from "../../../functions/src/adapters/memory/index.js";
import { memorySealedStore } from "../../../functions/src/adapters/memory/sealedStore.js";
import { Batch } from "../../../functions/src/adapters/memory/store.js";
import { keyedVault } from "../../../functions/src/adapters/vault.js";
import type { KeyEncryptionKeys } from "../../../functions/src/domain/vault/envelope.js";
import type { Notification } from "../../../functions/src/schemas/notifications.js";
import type { SealedStore } from "../../../functions/src/usecases/ports.js";
import { ROTATION_PAGE, rotateVaultKeys, SEALED_FIELDS } from "../../../functions/src/usecases/rotateVaultKeys.js";
import { applicantWithPhone } from "../../support/notificationsContract.js";
import { opened, openedPerson, sealedDestination } from "../../support/vault.js";

/** Key rotation of the vault over the memory state: everything ends under the new key, once, and opens without the old one. */

const key = (fill: number) => new Uint8Array(32).fill(fill);
const OLD: KeyEncryptionKeys = { current: "k1", keys: new Map([["k1", key(1)]]) };
const ROTATING: KeyEncryptionKeys = {
  current: "k2",
  keys: new Map([
    ["k1", key(1)],
    ["k2", key(2)],
  ]),
};
const NEW: KeyEncryptionKeys = { current: "k2", keys: new Map([["k2", key(2)]]) };
const ADMIN = { actor: "command:ops", role: "admin" };

const storeOf = (memory: MemoryPorts): SealedStore => memorySealedStore({ state: memory.state, batch: () => new Batch(memory.writes) });
const rotation = (memory: MemoryPorts, store = storeOf(memory)) => ({ sealed: store, audit: memory.audit, clock: memory.clock });

/** `count` applicants (with their SMS seal), one payout account and one SMS waiting, all sealed under k1. */
async function sealedUnderOldKey(count: number): Promise<MemoryPorts> {
  const memory = memoryPorts();
  for (let i = 0; i < count; i += 1) memory.state.applicants.set(`u${i}`, applicantWithPhone(`+62812${String(i).padStart(8, "0")}`, memory.clock.now(), OLD));
  const account = { partner: "bank-nusantara" as const, channel: "bank" as const, institution: "009", masked: "••••7890", accountKey: "k" };
  memory.state.payoutAccounts.set("u0", {
    ...account,
    destination: sealedDestination("1234567890", "SITI NURHALIZA", OLD),
    nameScore: 1,
    nameVerdict: "match",
    status: "verified",
    flags: [],
    linkedAt: memory.clock.now(),
    requestId: "r",
  });
  const revoked: Notification = { kind: "revoked", uid: "u0", params: { reason: "purchase-deadline-passed" } };
  await memory.notifications.send("revoked-u0", revoked);
  return memory;
}

describe("rotateVaultKeys", () => {
  it("when seals are under the old key, then every one is rewrapped under the new key and opens after the old key is retired", async () => {
    const memory = await sealedUnderOldKey(3);
    const result = await rotateVaultKeys(rotation(memory), keyedVault(ROTATING), ADMIN);
    expect(result).toEqual({
      current: "k2",
      rewrapped: { "applicants.personal": 3, "applicants.smsTo": 3, "payoutAccounts.destination": 1, "sms.to": 1 },
      busy: 0,
      unopenable: [],
      complete: true,
    });
    for (const [, applicant] of memory.state.applicants) {
      expect(applicant.personal.keyId).toBe("k2");
      expect(openedPerson(applicant, NEW).fullName).toBe("Siti Nurhaliza");
    }
    expect(opened(memory.state.payoutAccounts.get("u0")!.destination, "payout-account", NEW)).toEqual({
      accountNumber: "1234567890",
      holderName: "SITI NURHALIZA",
    });
    expect(opened(memory.state.sms.get("revoked-u0")!.to, "sms", NEW)).toEqual({ phone: "+6281200000000" });
  });

  it("when the rotation is complete, then one rotate-vault-key act is on the audit log, and running it again rewraps nothing and records nothing more", async () => {
    const memory = await sealedUnderOldKey(2);
    await rotateVaultKeys(rotation(memory), keyedVault(ROTATING), ADMIN);
    const writes = memory.writes.length;
    const again = await rotateVaultKeys(rotation(memory), keyedVault(ROTATING), ADMIN);
    expect(Object.values(again.rewrapped)).toEqual([0, 0, 0, 0]);
    expect(memory.writes.length).toBe(writes);
    expect(memory.audit.records).toEqual([
      {
        act: "rotate-vault-key",
        actor: "command:ops",
        role: "admin",
        target: "k2",
        key: "rotate-to-k2",
        at: memory.clock.now(),
        details: { "applicants.personal": 2, "applicants.smsTo": 2, "payoutAccounts.destination": 1, "sms.to": 1 },
      },
    ]);
  });

  it("when a run stops half-way, then the next run does only what is left", async () => {
    const memory = await sealedUnderOldKey(ROTATION_PAGE + 5);
    const store = storeOf(memory);
    let pages = 0;
    const interrupted: SealedStore = {
      ...store,
      async replace(field, rewrapped) {
        pages += 1;
        if (pages > 1) throw new Error("the machine went away");
        return store.replace(field, rewrapped);
      },
    };
    await expect(rotateVaultKeys(rotation(memory, interrupted), keyedVault(ROTATING), ADMIN)).rejects.toThrow("went away");
    expect([...memory.state.applicants.values()].filter((a) => a.personal.keyId === "k2")).toHaveLength(ROTATION_PAGE);
    expect(memory.audit.records).toEqual([]);
    const resumed = await rotateVaultKeys(rotation(memory), keyedVault(ROTATING), ADMIN);
    expect(resumed.rewrapped["applicants.personal"]).toBe(5);
    expect(resumed.complete).toBe(true);
  });

  it("when a document changes between read and write, then its old seal is not written over it, and the next pass rewraps it", async () => {
    const memory = await sealedUnderOldKey(1);
    const store = storeOf(memory);
    let changed = false;
    const racing: SealedStore = {
      ...store,
      async replace(field, rewrapped) {
        if (!changed && field.collection === "payoutAccounts") {
          changed = true;
          memory.state.payoutAccounts.set("u0", { ...memory.state.payoutAccounts.get("u0")!, masked: "••••1111" });
        }
        return store.replace(field, rewrapped);
      },
    };
    const result = await rotateVaultKeys(rotation(memory, racing), keyedVault(ROTATING), ADMIN);
    expect(result.complete).toBe(true);
    expect(memory.state.payoutAccounts.get("u0")).toMatchObject({ masked: "••••1111", destination: { keyId: "k2" } });
  });

  it("when a seal opens with no key held, then it is reported by ID, left as it is, and the rotation is not complete (no audit act)", async () => {
    const memory = await sealedUnderOldKey(1);
    const lost: KeyEncryptionKeys = { current: "k0", keys: new Map([["k0", key(7)]]) };
    memory.state.applicants.set("lost", applicantWithPhone("+6281299999999", memory.clock.now(), lost));
    const result = await rotateVaultKeys(rotation(memory), keyedVault(ROTATING), ADMIN);
    expect(result.unopenable).toEqual(["applicants/lost"]);
    expect(result.complete).toBe(false);
    expect(memory.state.applicants.get("lost")!.personal.keyId).toBe("k0");
    expect(memory.audit.records).toEqual([]);
  });

  it("when the sealed fields are listed, then each has its own context", () => {
    expect(SEALED_FIELDS.map((f) => `${f.collection}.${f.field}:${f.context}`)).toEqual([
      "applicants.personal:applicant",
      "applicants.smsTo:sms",
      "payoutAccounts.destination:payout-account",
      "sms.to:sms",
    ]);
  });
});
