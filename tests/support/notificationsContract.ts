import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { MEMORY_VAULT_KEYS } from "../../functions/src/adapters/memory/index.js";
import { maskPhone } from "../../functions/src/domain/privacy.js";
import type { KeyEncryptionKeys } from "../../functions/src/domain/vault/envelope.js";
import type { ApplicantDoc } from "../../functions/src/schemas/applicant.js";
import { SMS_VAULT_CONTEXT, type InboxDoc, type MailDoc, type Notification, type SmsDoc } from "../../functions/src/schemas/notifications.js";
import type { Notifications } from "../../functions/src/usecases/ports.js";
import { opened, sealedPerson } from "./vault.js";

/**
 * What every implementation of the `Notifications` port must do: one key, one notification,
 * written all or nothing (in-app copy, Trigger Email document, SMS) and never twice, even when
 * sent twice at once. The unit suite runs it on the memory adapter, the integration suite on
 * Firestore and Auth.
 */
export interface NotificationsContract {
  notifications: Notifications;
  /** A person with an account (`email` on it) and a registration (`phone` on it, if given). */
  person(uid: string, contact: { email?: string; phone?: string }): Promise<void>;
  /** What the outbox holds for this person and key. */
  outbox(uid: string, key: string): Promise<{ inbox: InboxDoc | null; mail: MailDoc | null; sms: SmsDoc | null }>;
  now(): Date;
  /** The vault keys `person` sealed with (the SMS's number is checked by opening it). */
  vaultKeys: KeyEncryptionKeys;
}

/** A registration as the register use case stores it, sealed under `keys`; only the phone matters here. */
export function applicantWithPhone(phone: string, at: Date, keys: KeyEncryptionKeys = MEMORY_VAULT_KEYS): ApplicantDoc {
  return {
    ...sealedPerson({ nik: "3171011705900001", kk: "3171010000000001", fullName: "Siti Nurhaliza", birthDate: "1990-05-17", phone }, keys),
    nikKey: `nik-${randomUUID()}`,
    kkKey: `kk-${randomUUID()}`,
    sex: "male",
    provinceCode: "31",
    regencyCode: "3171",
    districtCode: "317101",
    inFormalEducation: false,
    occupation: "laid-off",
    receivesSocialAid: false,
    consent: { at, version: "2026-1", by: "self" },
    registeredAt: at,
    registeredBy: "self",
    requestId: "contract",
    status: "registered",
    eligibility: { eligible: true, reasons: [], checkedAt: at, listVersions: {} },
    programYear: 2026,
  };
}

const HOUR = 3_600_000;

export function describeNotificationsContract(name: string, make: () => NotificationsContract, run: string = randomUUID().slice(0, 8)): void {
  let count = 0;
  const id = (label: string) => `${run}-${label}-${(count += 1)}`;
  const phone = () => `+62812${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
  const notSelected = (uid: string): Notification => ({ kind: "draw-result", uid, params: { waveNumber: 3, selected: false } });

  describe(`${name}: notifications`, () => {
    it("when a person with an email and a phone is told something, then the in-app copy, a Trigger Email document and an SMS are written, each kept a week", async () => {
      const c = make();
      const [uid, key, number] = [id("uid"), id("key"), phone()];
      const email = `${uid}@example.test`;
      await c.person(uid, { email, phone: number });
      expect(await c.notifications.send(key, notSelected(uid))).toEqual({ state: "sent", email: true, sms: true });

      const { inbox, mail, sms } = await c.outbox(uid, key);
      expect(inbox).toMatchObject({
        kind: "draw-result",
        channels: { email: true, sms: true },
        title: { id: "Hasil undian Gelombang 3", en: "Draw result of wave 3" },
      });
      expect(mail).toMatchObject({ to: email, kind: "draw-result", uid, message: { subject: "Hasil undian Gelombang 3 / Draw result of wave 3" } });
      expect(mail!.message.text).toContain("Anda belum terpilih di Gelombang 3.");
      expect(mail!.message.html).toContain("<p>You were not selected in wave 3.</p>");
      // The writer leaves `delivery` to the mailer (Trigger Email): absent, or already taken by the local stack's relay.
      if (mail!.delivery !== undefined)
        expect(mail!.delivery).toMatchObject({ attempts: expect.any(Number) as number, state: expect.stringMatching(/^(PROCESSING|SUCCESS)$/) as string });
      expect(sms).toMatchObject({ toMasked: maskPhone(number), kind: "draw-result", uid });
      // The number travels sealed: only the SMS sender opens it.
      expect(JSON.stringify(sms)).not.toContain(number);
      expect(opened(sms!.to, SMS_VAULT_CONTEXT, c.vaultKeys)).toEqual({ phone: number });
      expect(sms!.body).toMatch(/^Prakerja: Anda belum terpilih di Gelombang 3\./);
      expect(mail!.expiresAt.getTime() - mail!.createdAt.getTime()).toBe(7 * 24 * HOUR);
      expect(sms!.expiresAt.getTime() - sms!.createdAt.getTime()).toBe(7 * 24 * HOUR);
    });

    it("when one key is sent twice at the same moment and once more later, then it is written once and the others are told it was sent", async () => {
      const c = make();
      const [uid, key] = [id("uid"), id("key")];
      await c.person(uid, { email: `${uid}@example.test`, phone: phone() });
      const first = await Promise.all([c.notifications.send(key, notSelected(uid)), c.notifications.send(key, notSelected(uid))]);
      expect(first.map((r) => r.state).sort()).toEqual(["already-sent", "sent"]);
      const otp: Notification = { kind: "purchase-otp", uid, params: { code: "123456", validMinutes: 5, platformName: "X", price: 750_000 } };
      expect(await c.notifications.send(key, otp)).toEqual({ state: "already-sent" });
      expect((await c.outbox(uid, key)).inbox?.kind).toBe("draw-result");
    });

    it("when the person has no email address, then only the SMS and the in-app copy are written; with neither, only the in-app copy", async () => {
      const c = make();
      const [withPhone, withNothing] = [id("uid"), id("uid")];
      await c.person(withPhone, { phone: phone() });
      await c.person(withNothing, {});
      const [a, b] = [id("key"), id("key")];
      expect(await c.notifications.send(a, notSelected(withPhone))).toEqual({ state: "sent", email: false, sms: true });
      expect(await c.notifications.send(b, notSelected(withNothing))).toEqual({ state: "sent", email: false, sms: false });
      expect(await c.outbox(withPhone, a)).toMatchObject({ mail: null, sms: { kind: "draw-result" }, inbox: { channels: { email: false, sms: true } } });
      expect(await c.outbox(withNothing, b)).toMatchObject({ mail: null, sms: null, inbox: { channels: { email: false, sms: false } } });
    });

    it("when a one-time code is sent, then it is kept a day, and never in the in-app copy", async () => {
      const c = make();
      const [uid, key] = [id("uid"), id("key")];
      await c.person(uid, { email: `${uid}@example.test`, phone: phone() });
      await c.notifications.send(key, { kind: "purchase-otp", uid, params: { code: "904321", validMinutes: 5, platformName: "Sekolahmu", price: 750_000 } });
      const { inbox, mail, sms } = await c.outbox(uid, key);
      expect(sms!.body).toContain("904321");
      expect(mail!.message.text).toContain("904321");
      expect(JSON.stringify(inbox)).not.toContain("904321");
      expect(mail!.expiresAt.getTime() - mail!.createdAt.getTime()).toBe(24 * HOUR);
    });

    it("when the uid is nobody's, then nothing is written", async () => {
      const c = make();
      const [uid, key] = [id("nobody"), id("key")];
      expect(await c.notifications.send(key, notSelected(uid))).toEqual({ state: "unknown-recipient" });
      expect(await c.outbox(uid, key)).toEqual({ inbox: null, mail: null, sms: null });
    });

    it("when a key could carry a path or a reserved ID, then it is refused before anything is read", async () => {
      const c = make();
      const uid = id("uid");
      for (const key of ["a/b", "__x__", "", ".."]) await expect(c.notifications.send(key, notSelected(uid))).rejects.toThrow();
    });
  });
}
