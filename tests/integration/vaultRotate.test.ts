import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { applicants, nikDisputes, payoutAccounts } from "../../functions/src/adapters/collections.js";
import { systemClock } from "../../functions/src/adapters/clock.js";
import { firestoreSealedStore } from "../../functions/src/adapters/sealedStore.js";
import { keyedVault } from "../../functions/src/adapters/vault.js";
import type { AuditRecord } from "../../functions/src/domain/audit/acts.js";
import { seal, type KeyEncryptionKeys } from "../../functions/src/domain/vault/envelope.js";
import type { NikDisputeDoc } from "../../functions/src/schemas/desk.js";
import { DISPUTE_VAULT_CONTEXT } from "../../functions/src/usecases/desk/openNikDispute.js";
import { rotateVaultKeys, SEALED_FIELDS } from "../../functions/src/usecases/rotateVaultKeys.js";
import { adminDb } from "../support/admin.js";
import { applicantWithPhone } from "../support/notificationsContract.js";
import { vaultKeys } from "../support/secrets.js";
import { opened, openedPerson, sealedDestination } from "../support/vault.js";

/**
 * Key rotation on the Firestore emulator (the store's queries, cursors and preconditions): seals
 * made under a retired test key are rewrapped under the local current key, which the functions
 * emulator opens with; a document changed after it was read is not overwritten.
 */

const RUN = `rotate-${randomUUID().slice(0, 8)}`;
const OLD_ID = `${RUN}-old`;
const OLD: KeyEncryptionKeys = { current: OLD_ID, keys: new Map([[OLD_ID, new Uint8Array(32).fill(5)]]) };
/** The local keys plus the old one: what VAULT_KEYS holds during a rotation. */
const ROTATING: KeyEncryptionKeys = { current: vaultKeys.current, keys: new Map([...vaultKeys.keys, [OLD_ID, new Uint8Array(32).fill(5)]]) };
const ids = Array.from({ length: 3 }, (_, i) => `${RUN}-u${i}`);

afterAll(async () => {
  await Promise.all([...ids, `${RUN}-busy`].flatMap((id) => [adminDb.doc(`applicants/${id}`).delete(), adminDb.doc(`payoutAccounts/${id}`).delete()]));
  await Promise.all(["open", "resolved"].map((state) => adminDb.doc(`nikDisputes/${RUN}-${state}`).delete()));
});

describe("npm run vault-rotate's store (Firestore)", () => {
  it("when applicants and a payout account are sealed under an old key, then the rotation rewraps them under the current key, and they open without the old one", async () => {
    for (const [i, id] of ids.entries())
      await applicants()
        .doc(id)
        .set(applicantWithPhone(`+62813${String(i).padStart(8, "0")}`, new Date(), OLD));
    await payoutAccounts()
      .doc(ids[0])
      .set({
        partner: "bank-nusantara",
        channel: "bank",
        institution: "009",
        destination: sealedDestination("1234567890", "SITI NURHALIZA", OLD),
        masked: "••••7890",
        accountKey: `${RUN}-key`,
        nameScore: 1,
        nameVerdict: "match",
        status: "verified",
        flags: [],
        linkedAt: new Date(),
        requestId: RUN,
      });
    const appended: AuditRecord[] = [];
    const audit = { append: (record: AuditRecord) => Promise.resolve(void appended.push(record)) };
    const result = await rotateVaultKeys({ sealed: firestoreSealedStore, audit, clock: systemClock }, keyedVault(ROTATING), {
      actor: "command:test",
      role: "admin",
    });
    expect(result.rewrapped["applicants.personal"]).toBeGreaterThanOrEqual(3);
    expect(result.rewrapped["applicants.smsTo"]).toBeGreaterThanOrEqual(3);
    expect(result.rewrapped["payoutAccounts.destination"]).toBeGreaterThanOrEqual(1);
    expect(result.unopenable.filter((id) => id.includes(RUN))).toEqual([]);
    // Complete only when nothing in the shared emulator is left under another key; then it is on the log once.
    expect(appended.map((record) => record.act)).toEqual(result.complete ? ["rotate-vault-key"] : []);
    for (const id of ids) {
      const stored = (await applicants().doc(id).get()).data()!;
      expect(stored.personal.keyId).toBe(vaultKeys.current);
      expect(openedPerson(stored, vaultKeys).fullName).toBe("Siti Nurhaliza");
      expect(opened(stored.smsTo!, "sms", vaultKeys).phone).toMatch(/^\+62813/);
    }
    const account = (await payoutAccounts().doc(ids[0]).get()).data()!;
    expect(opened(account.destination, "payout-account", vaultKeys)).toEqual({ accountNumber: "1234567890", holderName: "SITI NURHALIZA" });

    // Run again: nothing of ours is left under the old key.
    const [personal] = SEALED_FIELDS;
    const left = await firestoreSealedStore.stale(personal, vaultKeys.current, null, 500);
    expect(left.seals.filter((seal) => seal.id.startsWith(RUN))).toEqual([]);
  });

  it("when a document changes after its seal was read, then the rewrapped seal is not written over it", async () => {
    const id = `${RUN}-busy`;
    await applicants()
      .doc(id)
      .set(applicantWithPhone("+6281399999999", new Date(), OLD));
    const [personal] = SEALED_FIELDS;
    const page = await firestoreSealedStore.stale(personal, vaultKeys.current, null, 500);
    const mine = page.seals.find((seal) => seal.id === id)!;
    expect(mine.sealed.keyId).toBe(OLD_ID);
    await adminDb.doc(`applicants/${id}`).update({ inPool: true });
    const vault = keyedVault(ROTATING);
    expect(await firestoreSealedStore.replace(personal, [{ seal: mine, sealed: vault.rewrap(mine.sealed, "applicant") }])).toBe(0);
    expect((await applicants().doc(id).get()).data()!.personal.keyId).toBe(OLD_ID);
    const again = (await firestoreSealedStore.stale(personal, vaultKeys.current, null, 500)).seals.find((seal) => seal.id === id)!;
    expect(await firestoreSealedStore.replace(personal, [{ seal: again, sealed: vault.rewrap(again.sealed, "applicant") }])).toBe(1);
    expect((await applicants().doc(id).get()).data()!.personal.keyId).toBe(vaultKeys.current);
  });

  it("when NIK disputes hold a statement and a resolution's note under an old key, then the store finds both (the note at its nested path) and rewraps them in place", async () => {
    const sealWith = (value: Record<string, string>) => seal(value, DISPUTE_VAULT_CONTEXT, OLD, (bytes) => randomBytes(bytes));
    const act = { by: "op1", role: "operator", at: new Date(), requestId: RUN, documentsSeen: ["ktp" as const] };
    const base: NikDisputeDoc = {
      state: "open",
      uid: `${RUN}-u0`,
      claimantUid: `${RUN}-c0`,
      nikKey: `${RUN}-nik`,
      nikMasked: "3171••••••••0001",
      provinceCode: "31",
      regencyCode: "3171",
      districtCode: "317101",
      statement: sealWith({ statement: "Saya tidak pernah mendaftar." }),
      opened: act,
    };
    await nikDisputes().doc(`${RUN}-open`).set(base);
    await nikDisputes()
      .doc(`${RUN}-resolved`)
      .set({ ...base, state: "dismissed", resolved: { ...act, decision: "dismiss", note: sealWith({ note: "Dokumen tidak cocok." }) } });
    const vault = keyedVault(ROTATING);
    for (const field of SEALED_FIELDS.filter((f) => f.collection === "nikDisputes")) {
      const mine = [];
      for (let cursor: string | null = null, first = true; first || cursor !== null; first = false) {
        const page = await firestoreSealedStore.stale(field, vaultKeys.current, cursor, 400);
        mine.push(...page.seals.filter((s) => s.id.startsWith(RUN)));
        cursor = page.next;
      }
      expect(mine.map((s) => s.id).sort()).toEqual(field.field === "statement" ? [`${RUN}-open`, `${RUN}-resolved`] : [`${RUN}-resolved`]);
      const written = await firestoreSealedStore.replace(
        field,
        mine.map((s) => ({ seal: s, sealed: vault.rewrap(s.sealed, field.context) })),
      );
      expect(written).toBe(mine.length);
    }
    const open = (await nikDisputes().doc(`${RUN}-open`).get()).data()!;
    const resolved = (await nikDisputes().doc(`${RUN}-resolved`).get()).data()!;
    expect(opened(open.statement, "nik-dispute", vaultKeys)).toEqual({ statement: "Saya tidak pernah mendaftar." });
    expect(open.resolved).toBeUndefined();
    expect(opened(resolved.statement, "nik-dispute", vaultKeys)).toEqual({ statement: "Saya tidak pernah mendaftar." });
    expect(opened(resolved.resolved!.note, "nik-dispute", vaultKeys)).toEqual({ note: "Dokumen tidak cocok." });
    expect(resolved.resolved).toMatchObject({ decision: "dismiss", by: "op1" });
  });
});
