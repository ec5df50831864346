import { createTransport } from "nodemailer";
import { HOST, MAIL_PORTS } from "./config.js";
import { logSms } from "./mailSink.js";

/**
 * The relay: what production's services do with the outbox, done locally. The Firestore emulator
 * runs neither the Trigger Email extension nor Firestore triggers, so this watches the `mail` and
 * `sms` collections with the Admin SDK and
 *  - sends each new `mail` document over SMTP to the sink (mailSink.ts), writing `delivery` back
 *    (PROCESSING, then SUCCESS with the SMTP server's answer, or ERROR) as the extension does;
 *  - hands each new `sms` document to the same use case as production's deliverSms trigger, with a
 *    development SMS gateway that writes it to .stack/sms.log.
 * Needs the client environment (FIRESTORE_EMULATOR_HOST, …) set before it is imported.
 */
export const DEFAULT_FROM = "Program Prakerja <noreply@demo.prakerja.test>";
const LEASE_MS = 60_000;

export interface Relay {
  stop(): Promise<void>;
}

export async function startRelay(report: (line: string) => void = () => undefined): Promise<Relay> {
  const { db } = await import("../../functions/src/adapters/firebase.js");
  const { firestoreSmsOutbox } = await import("../../functions/src/adapters/notifications.js");
  const { deliverSms } = await import("../../functions/src/usecases/deliverSms.js");
  const { COLLECTIONS } = await import("../../functions/src/schemas/collections.js");
  const { LOCAL_SECRETS } = await import("./index.js");
  const { localVault } = await import("./localVault.js");

  const transport = createTransport({ host: HOST, port: MAIL_PORTS.smtp, secure: false, ignoreTLS: true });
  let sent = 0;
  const smsPorts = {
    clock: { now: () => new Date() },
    smsOutbox: firestoreSmsOutbox,
    // The numbers are sealed in `sms`: opened with the key the functions emulator seals with.
    vault: localVault(LOCAL_SECRETS),
    smsGateway: {
      send(message: { to: string; body: string; reference: string }) {
        sent += 1;
        const providerId = `dev-sms-${sent}`;
        logSms({ at: new Date().toISOString(), ...message, providerId });
        return Promise.resolve({ providerId });
      },
    },
  };

  async function sendMail(id: string): Promise<void> {
    const ref = db().collection(COLLECTIONS.mail).doc(id);
    const now = new Date();
    const claimed = await db().runTransaction(async (tx) => {
      const data = (await tx.get(ref)).data();
      const delivery = data?.delivery as { state?: string; attempts?: number } | undefined;
      if (data === undefined || (delivery?.state !== undefined && delivery.state !== "PENDING" && delivery.state !== "RETRY")) return null;
      tx.update(ref, {
        delivery: {
          state: "PROCESSING",
          attempts: (delivery?.attempts ?? 0) + 1,
          startTime: now,
          leaseExpireTime: new Date(now.getTime() + LEASE_MS),
          error: null,
        },
      });
      return data as { to: string | string[]; from?: string; message?: { subject?: string; text?: string; html?: string } };
    });
    if (claimed === null) return;
    try {
      const info = await transport.sendMail({ from: claimed.from ?? DEFAULT_FROM, to: claimed.to, ...claimed.message });
      const address = (a: string | { address: string }) => (typeof a === "string" ? a : a.address);
      await ref.update({
        "delivery.state": "SUCCESS",
        "delivery.endTime": new Date(),
        "delivery.leaseExpireTime": null,
        "delivery.info": {
          messageId: info.messageId,
          accepted: info.accepted.map(address),
          rejected: info.rejected.map(address),
          pending: (info.pending ?? []).map(address),
          response: info.response,
        },
      });
      report(`mail: ${id} sent`);
    } catch (error) {
      await ref.update({ "delivery.state": "ERROR", "delivery.endTime": new Date(), "delivery.leaseExpireTime": null, "delivery.error": String(error) });
      report(`mail: ${id} failed: ${String(error)}`);
    }
  }

  const busy = new Set<string>();
  const unsubscribes: Array<() => void> = [];
  /** Handles each document not yet delivered, once at a time; a listener that fails is started again. */
  function watch(collection: string, handle: (id: string) => Promise<unknown>): void {
    const unsubscribe = db()
      .collection(collection)
      .onSnapshot(
        (snapshot) => {
          for (const doc of snapshot.docs) {
            const state = (doc.get("delivery") as { state?: string } | undefined)?.state;
            const key = `${collection}/${doc.id}`;
            if ((state !== undefined && state !== "PENDING" && state !== "RETRY") || busy.has(key)) continue;
            busy.add(key);
            handle(doc.id)
              .catch((error: unknown) => report(`${collection}: ${doc.id} failed: ${String(error)}`))
              .finally(() => busy.delete(key));
          }
        },
        (error) => {
          report(`${collection}: listener stopped (${error.message}); starting again`);
          setTimeout(() => watch(collection, handle), 1000);
        },
      );
    unsubscribes.push(unsubscribe);
  }
  watch(COLLECTIONS.mail, sendMail);
  watch(COLLECTIONS.sms, async (id) => {
    const outcome = await deliverSms(smsPorts, id);
    if (outcome.ok) report(`sms: ${id} sent`);
  });

  return {
    async stop() {
      for (const unsubscribe of unsubscribes) unsubscribe();
      transport.close();
      while (busy.size > 0) await new Promise((resolve) => setTimeout(resolve, 50));
    },
  };
}
