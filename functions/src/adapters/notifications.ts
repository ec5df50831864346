import { mailDoc, notification as notificationSchema, notificationKey, outboxExpiry } from "../schemas/notifications.js";
import { renderNotification } from "../schemas/notificationTexts.js";
import type { Clock, DrawRecipients, Notifications, SmsOutbox } from "../usecases/ports.js";
import { applicants, getAll, inbox, mail, pidIndex, sms } from "./collections.js";
import { auth, db } from "./firebase.js";

const ALREADY_EXISTS = 6;

/** The account's email address, if it has one (Auth is where sign-up put it). */
async function emailOf(uid: string): Promise<{ exists: boolean; email: string | undefined }> {
  try {
    const user = await auth().getUser(uid);
    return { exists: true, email: user.disabled ? undefined : user.email };
  } catch (error) {
    if ((error as { code?: string }).code === "auth/user-not-found") return { exists: false, email: undefined };
    throw error;
  }
}

/**
 * The outbox in Firestore. Per notification: 2 reads in one round trip (the applicant, for the
 * phone number sealed for the SMS sender; the inbox copy, to answer a repeated key without more) and one Auth lookup (the
 * email address), then one batch of up to 3 creates: `applicants/{uid}/inbox/{key}`, `mail/{key}`
 * (sent by the Trigger Email extension), `sms/{key}` (sent by deliverSms). Creates, so a key sent
 * twice at the same moment is written once: the second batch fails whole.
 */
export function firestoreNotifications(clock: Clock): Notifications {
  return {
    async send(key, input) {
      notificationKey.parse(key);
      const n = notificationSchema.parse(input);
      const [applicant, sent] = await Promise.all([
        getAll([applicants().doc(n.uid)]).then(([doc]) => doc),
        inbox(n.uid)
          .doc(key)
          .get()
          .then((snap) => snap.exists),
      ]);
      if (sent) return { state: "already-sent" };
      const account = await emailOf(n.uid);
      if (applicant === undefined && !account.exists) return { state: "unknown-recipient" };
      // Sealed at registration for the SMS sender: copied as it is, opened by nobody here.
      const phone = applicant?.smsTo === undefined ? undefined : { to: applicant.smsTo, toMasked: applicant.phoneMasked };
      const email = account.email !== undefined && mailDoc.shape.to.safeParse(account.email).success ? account.email : undefined;

      const rendered = renderNotification(n);
      const at = clock.now();
      const expiresAt = outboxExpiry(n.kind, at);
      const batch = db().batch();
      batch.create(inbox(n.uid).doc(key), { kind: n.kind, ...rendered.inbox, at, channels: { email: email !== undefined, sms: phone !== undefined } });
      if (email !== undefined) batch.create(mail().doc(key), { to: email, message: rendered.email, kind: n.kind, uid: n.uid, createdAt: at, expiresAt });
      if (phone !== undefined) batch.create(sms().doc(key), { ...phone, body: rendered.sms, kind: n.kind, uid: n.uid, createdAt: at, expiresAt });
      try {
        await batch.commit();
      } catch (error) {
        if ((error as { code?: number }).code === ALREADY_EXISTS) return { state: "already-sent" };
        throw error;
      }
      return { state: "sent", email: email !== undefined, sms: phone !== undefined };
    },
  };
}

/** pidIndex, then the applicants: 2 round trips for a whole page of pids. */
export const firestoreDrawRecipients: DrawRecipients = {
  async resolve(waveId, pids) {
    const index = await getAll(pids.map((pid) => pidIndex().doc(pid)));
    const known = pids.flatMap((pid, i) => (index[i] === undefined ? [] : [{ pid, uid: index[i].uid }]));
    const people = await getAll(known.map(({ uid }) => applicants().doc(uid)));
    return known.flatMap(({ pid, uid }, i) => {
      const applicant = people[i];
      if (applicant === undefined) return [];
      const selected =
        applicant.selectedWave === waveId && applicant.trainingBalance !== undefined && applicant.purchaseDeadline !== undefined
          ? { trainingBalance: applicant.trainingBalance, purchaseDeadline: applicant.purchaseDeadline }
          : null;
      return [{ pid, uid, selected }];
    });
  },
};

/** `sms/{id}`: claimed and settled in transactions, the way the Trigger Email extension treats `mail`. */
export const firestoreSmsOutbox: SmsOutbox = {
  async claim(id, now, leaseUntil) {
    return db().runTransaction(async (tx) => {
      const ref = sms().doc(id);
      const doc = (await tx.get(ref)).data();
      if (doc === undefined) return null;
      const delivery = doc.delivery;
      if (delivery?.state === "SUCCESS" || delivery?.state === "ERROR") return null;
      if (delivery?.state === "PROCESSING" && delivery.leaseExpireTime !== undefined && delivery.leaseExpireTime !== null && delivery.leaseExpireTime > now)
        return null;
      tx.set(ref, {
        ...doc,
        delivery: { state: "PROCESSING", attempts: (delivery?.attempts ?? 0) + 1, startTime: now, leaseExpireTime: leaseUntil, error: null },
      });
      return { to: doc.to, body: doc.body };
    });
  },
  async settle(id, result, at) {
    await db().runTransaction(async (tx) => {
      const ref = sms().doc(id);
      const doc = (await tx.get(ref)).data();
      if (doc === undefined) return;
      const delivery = {
        ...doc.delivery,
        state: result.state,
        endTime: at,
        leaseExpireTime: null,
        ...(result.state === "SUCCESS" ? { info: { providerId: result.providerId }, error: null } : { error: result.error }),
      };
      tx.set(ref, { ...doc, delivery });
    });
  },
};
