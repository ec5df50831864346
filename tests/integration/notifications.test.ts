import { FieldPath } from "firebase-admin/firestore";
import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { applicants, inbox, mail, pidIndex, poolPages, sms, waves } from "../../functions/src/adapters/collections.js";
import { firestoreNotifications } from "../../functions/src/adapters/notifications.js";
import { systemClock } from "../../functions/src/adapters/clock.js";
import { cloudTasks } from "../../functions/src/adapters/tasks.js";
import { drawResultKey, drawResultsTaskKey } from "../../functions/src/usecases/notifyDrawResults.js";
import { renderNotification } from "../../functions/src/schemas/notificationTexts.js";
import type { MailDoc, Notification } from "../../functions/src/schemas/notifications.js";
import { REGION, URLS } from "../../scripts/stack/config.js";
import type { LoggedSms, StoredMessage } from "../../scripts/stack/mailSink.js";
import { adminAuth, adminDb } from "../support/admin.js";
import { applicantWithPhone, describeNotificationsContract } from "../support/notificationsContract.js";
import { vaultKeys } from "../support/secrets.js";

/**
 * The outbox on the real emulators: the Firestore adapter keeps the port's contract, and with the
 * stack's relay running a notification becomes a `mail` document, a real email in the local SMTP
 * sink, and an SMS in the sink's log, each `delivery` written back as the Trigger Email extension does.
 */

const RUN = `notif-${randomUUID().slice(0, 8)}`;
const notifications = firestoreNotifications(systemClock);

async function person(uid: string, { email, phone }: { email?: string; phone?: string }): Promise<void> {
  await adminAuth.createUser({ uid, ...(email === undefined ? {} : { email }) });
  if (phone !== undefined)
    await applicants()
      .doc(uid)
      .set(applicantWithPhone(phone, new Date(), vaultKeys));
}

describeNotificationsContract(
  "Firestore outbox",
  () => ({
    notifications,
    now: () => new Date(),
    vaultKeys,
    person,
    async outbox(uid, key) {
      const [i, m, s] = await Promise.all([inbox(uid).doc(key).get(), mail().doc(key).get(), sms().doc(key).get()]);
      return { inbox: i.data() ?? null, mail: m.data() ?? null, sms: s.data() ?? null };
    },
  }),
  RUN,
);

async function eventually<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`${what}: not there after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const sink = async <T>(path: string, to: string): Promise<T[]> => (await (await fetch(`${URLS.mail}/${path}?to=${encodeURIComponent(to)}`)).json()) as T[];
const first =
  <T>(path: string, to: string) =>
  async () =>
    (await sink<T>(path, to))[0];

describe("the local relay and mail sink", () => {
  it("when a selected person is told the draw's result, then an email arrives at the SMTP sink and an SMS in its log, and both documents say SUCCESS", async () => {
    const uid = `${RUN}-relay`;
    const email = `${uid}@example.test`;
    const phone = `+62813${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
    await person(uid, { email, phone });
    const result: Notification = {
      kind: "draw-result",
      uid,
      params: { waveNumber: 7, selected: true, trainingBalance: 3_500_000, purchaseDeadline: new Date("2026-05-01T03:00:00Z") },
    };
    const key = `${RUN}-draw-result-7`;
    expect(await notifications.send(key, result)).toEqual({ state: "sent", email: true, sms: true });
    const rendered = renderNotification(result);

    const received = await eventually("the email in the sink", first<StoredMessage>("messages.json", email));
    expect(received.subject).toBe("Selamat, Anda terpilih di Gelombang 7 / Congratulations, you were selected in wave 7");
    expect(received.to).toEqual([email]);
    expect(received.from).toBe("noreply@demo.prakerja.test");
    expect(received.text.trim()).toBe(rendered.email.text.trim());
    expect(received.text).toContain("1 Mei 2026 pukul 10.00 WIB");
    expect(received.html).toContain('<div lang="en"><p>Congratulations! You were selected');

    const delivered = await eventually("the mail document's SUCCESS", async () => {
      const doc = (await adminDb.collection("mail").doc(key).get()).data() as (MailDoc & { delivery?: { state: string } }) | undefined;
      return doc?.delivery?.state === "SUCCESS" ? doc : undefined;
    });
    expect(delivered.delivery).toMatchObject({ state: "SUCCESS", attempts: 1, info: { accepted: [email], rejected: [] } });

    const text = await eventually("the SMS in the log", first<LoggedSms>("sms.json", phone));
    expect(text).toMatchObject({ to: phone, body: rendered.sms, reference: key });
    const smsDoc = await eventually("the sms document's SUCCESS", async () => {
      const doc = (await sms().doc(key).get()).data();
      return doc?.delivery?.state === "SUCCESS" ? doc : undefined;
    });
    expect(smsDoc.delivery).toMatchObject({ state: "SUCCESS", info: { providerId: text.providerId } });

    // Sent again (a retried task): nothing new in the sink.
    expect(await notifications.send(key, result)).toEqual({ state: "already-sent" });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await sink<StoredMessage>("messages.json", email)).toHaveLength(1);
  });
});

describe("the draw's result, through the task queue and the functions runtime", () => {
  it("when a drawn wave's first page is enqueued, then the notifyDrawResults task tells the selected and the others, and both emails arrive", async () => {
    // A drawn wave of two, written directly (closing in 2020, so it is never anyone's latest draw).
    const waveId = `${RUN}-w`;
    const pids = [randomBytes(32).toString("base64url"), randomBytes(32).toString("base64url")];
    const [winner, other] = [`${RUN}-winner`, `${RUN}-other`];
    const deadline = new Date("2026-06-01T05:00:00Z");
    await person(winner, { email: `${winner}@example.test`, phone: "+6281311110001" });
    await person(other, { email: `${other}@example.test` });
    await applicants()
      .doc(winner)
      .set({
        ...applicantWithPhone("+6281311110001", new Date(), vaultKeys),
        status: "participant",
        selectedWave: waveId,
        trainingBalance: 3_500_000,
        purchaseDeadline: deadline,
      });
    await applicants()
      .doc(other)
      .set(applicantWithPhone("+6281311110002", new Date(), vaultKeys));
    await Promise.all([pidIndex().doc(pids[0]).set({ uid: winner }), pidIndex().doc(pids[1]).set({ uid: other })]);
    await poolPages(waveId)
      .doc("000000")
      .set({ waveId, page: 0, pageSize: 4, entries: pids.map((pid) => ({ pid, family: pid, familyRecipientsBefore: 0 })) });
    await waves()
      .doc(waveId)
      .set({
        number: 900_000 + Math.floor(Math.random() * 99_999),
        programYear: 2026,
        state: "drawn",
        opensAt: new Date("2020-01-01T00:00:00Z"),
        closesAt: new Date("2020-01-02T00:00:00Z"),
        quota: 1,
      });

    expect(await cloudTasks(REGION).enqueue("notifyDrawResults", { waveId, page: 0 }, { key: drawResultsTaskKey(waveId, 0) })).toBe(true);

    const selected = await eventually("the winner's email", first<StoredMessage>("messages.json", `${winner}@example.test`), 45_000);
    expect(selected.subject).toMatch(/^Selamat, Anda terpilih di Gelombang \d+ \/ Congratulations/);
    expect(selected.text).toContain("Rp 3.500.000");
    expect(selected.text).toContain("1 Juni 2026 pukul 12.00 WIB");
    const notSelected = await eventually("the other's email", first<StoredMessage>("messages.json", `${other}@example.test`), 45_000);
    expect(notSelected.subject).toMatch(/^Hasil undian Gelombang \d+ \/ Draw result of wave \d+$/);
    expect((await inbox(other).doc(drawResultKey(waveId, pids[1])).get()).data()).toMatchObject({ kind: "draw-result", channels: { email: true, sms: true } });
    await adminDb.recursiveDelete(adminDb.collection("waveDraws").doc(waveId));
    await Promise.all([waves().doc(waveId).delete(), ...pids.map((pid) => pidIndex().doc(pid).delete())]);
  }, 60_000);
});

// The contract's people, their outbox and accounts would otherwise show to other suites.
afterAll(async () => {
  for (const name of ["mail", "sms"]) {
    const owned = await adminDb.collection(name).where(FieldPath.documentId(), ">=", RUN).where(FieldPath.documentId(), "<", `${RUN}~`).get();
    await Promise.all(owned.docs.map((doc) => doc.ref.delete()));
  }
  const ours = (await adminAuth.listUsers(1000)).users.filter((u) => u.uid.startsWith(RUN)).map((u) => u.uid);
  // Each person's registration and inbox (an inbox may exist under a registration that does not).
  await Promise.all(ours.map((uid) => adminDb.recursiveDelete(adminDb.collection("applicants").doc(uid))));
  if (ours.length > 0) await adminAuth.deleteUsers(ours);
});
