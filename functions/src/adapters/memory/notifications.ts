import { mailDoc, notification as notificationSchema, notificationKey, outboxExpiry } from "../../schemas/notifications.js";
import { renderNotification } from "../../schemas/notificationTexts.js";
import type { Clock, DrawRecipients, Notifications, SmsGateway, SmsOutbox } from "../../usecases/ports.js";
import { roundTrip, type Memory } from "./state.js";
import { DocumentExists } from "./store.js";

/**
 * The outbox in memory, writing what the Firestore adapter writes (state.inbox as `<uid>/<key>`,
 * state.mail, state.sms), all or nothing, created once per key. Email addresses come from the
 * memory Auth accounts, phone numbers (sealed for the SMS sender) from the applicants.
 */
export function memoryNotifications(memory: Memory, clock: Clock): Notifications {
  const { state } = memory;
  return {
    async send(key, input) {
      notificationKey.parse(key);
      const n = notificationSchema.parse(input);
      await roundTrip();
      if (state.inbox.has(`${n.uid}/${key}`)) return { state: "already-sent" };
      const applicant = state.applicants.read(n.uid);
      const account = state.accounts.get(n.uid);
      await roundTrip();
      if (applicant === undefined && account === undefined) return { state: "unknown-recipient" };
      // Sealed at registration for the SMS sender: copied as it is, opened by nobody here.
      const phone = applicant?.smsTo === undefined ? undefined : { to: applicant.smsTo, toMasked: applicant.phoneMasked };
      const email = account !== undefined && !account.disabled && mailDoc.shape.to.safeParse(account.email).success ? account.email : undefined;
      const rendered = renderNotification(n);
      const at = clock.now();
      const expiresAt = outboxExpiry(n.kind, at);
      const batch = memory.batch().create(state.inbox, `${n.uid}/${key}`, {
        kind: n.kind,
        ...rendered.inbox,
        at,
        channels: { email: email !== undefined, sms: phone !== undefined },
      });
      if (email !== undefined) batch.create(state.mail, key, { to: email, message: rendered.email, kind: n.kind, uid: n.uid, createdAt: at, expiresAt });
      if (phone !== undefined) batch.create(state.sms, key, { ...phone, body: rendered.sms, kind: n.kind, uid: n.uid, createdAt: at, expiresAt });
      try {
        batch.commit();
      } catch (error) {
        if (error instanceof DocumentExists) return { state: "already-sent" };
        throw error;
      }
      return { state: "sent", email: email !== undefined, sms: phone !== undefined };
    },
  };
}

export function memoryDrawRecipients(memory: Memory): DrawRecipients {
  const { state } = memory;
  return {
    async resolve(waveId, pids) {
      await roundTrip();
      return pids.flatMap((pid) => {
        const uid = state.pidIndex.read(pid)?.uid;
        const applicant = uid === undefined ? undefined : state.applicants.read(uid);
        if (uid === undefined || applicant === undefined) return [];
        const selected =
          applicant.selectedWave === waveId && applicant.trainingBalance !== undefined && applicant.purchaseDeadline !== undefined
            ? { trainingBalance: applicant.trainingBalance, purchaseDeadline: applicant.purchaseDeadline }
            : null;
        return [{ pid, uid, selected }];
      });
    },
  };
}

export function memorySmsOutbox(memory: Memory): SmsOutbox {
  const { sms } = memory.state;
  return {
    async claim(id, now, leaseUntil) {
      await roundTrip();
      const doc = sms.read(id);
      if (doc === undefined) return null;
      const delivery = doc.delivery;
      if (delivery?.state === "SUCCESS" || delivery?.state === "ERROR") return null;
      if (delivery?.state === "PROCESSING" && delivery.leaseExpireTime !== undefined && delivery.leaseExpireTime !== null && delivery.leaseExpireTime > now)
        return null;
      memory
        .batch()
        .set(sms, id, {
          ...doc,
          delivery: { state: "PROCESSING", attempts: (delivery?.attempts ?? 0) + 1, startTime: now, leaseExpireTime: leaseUntil, error: null },
        })
        .commit();
      return { to: doc.to, body: doc.body };
    },
    async settle(id, result, at) {
      await roundTrip();
      const doc = sms.read(id);
      if (doc === undefined) return;
      const outcome = result.state === "SUCCESS" ? { info: { providerId: result.providerId }, error: null } : { error: result.error };
      memory
        .batch()
        .set(sms, id, { ...doc, delivery: { ...doc.delivery, state: result.state, endTime: at, leaseExpireTime: null, ...outcome } })
        .commit();
    },
  };
}

export interface MemorySmsGateway extends SmsGateway {
  /** Every message handed over, in order. */
  sent: Array<{ to: string; body: string; reference: string }>;
  /** Makes the next sends fail with this message (null: they succeed). */
  failWith: string | null;
}

export function memorySmsGateway(): MemorySmsGateway {
  const gateway: MemorySmsGateway = {
    sent: [],
    failWith: null,
    async send(message) {
      await roundTrip();
      if (gateway.failWith !== null) throw new Error(gateway.failWith);
      gateway.sent.push(message);
      return { providerId: `memory-sms-${gateway.sent.length}` };
    },
  };
  return gateway;
}
