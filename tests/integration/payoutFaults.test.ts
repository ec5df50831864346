import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { dispatchPayouts } from "../../functions/src/usecases/payouts/dispatch.js";
import { pollPayouts, SENT_AFTER_SECONDS, UNKNOWN_AFTER_SECONDS } from "../../functions/src/usecases/payouts/poll.js";
import { sendPayout, SEND_LEASE_SECONDS } from "../../functions/src/usecases/payouts/send.js";
import { paymentEventKey } from "../../functions/src/usecases/payouts/events.js";
import type { PaymentPartners } from "../../functions/src/usecases/ports.js";
import { adminDb } from "../support/admin.js";
import { URLS } from "../../scripts/stack/config.js";
import { nikKey, vaultKeys } from "../support/secrets.js";
import { openedPerson } from "../support/vault.js";
import type { ApplicantDoc } from "../../functions/src/schemas/applicant.js";
import { ensureProgramYear } from "../support/people.js";
import { accountWith, call } from "../support/stack.js";
import { ensurePaymentPartners, exactlyOnce, payee, payoutOf, payoutPorts, settled, simulator, timelineOf, type Payee } from "../support/payouts.js";

/**
 * The payout fault suite, over real HTTP: the functions and tasks emulators send each payout to
 * the payment-partner simulator (scripts/payments/), which answers and calls our webhook back
 * through Hosting, with the fault each test injects for that one reference. Every test ends with
 * `exactlyOnce`: nothing paid twice, nothing lost, the ledger balanced.
 */

const ports = payoutPorts();
const MINUTE = 60_000;

beforeAll(async () => {
  await ensureProgramYear();
  await ensurePaymentPartners();
});

/** A payee whose next payout meets `fault` at the simulator (scripts/payments/faults.ts), dispatched now. */
async function dispatchedWith(fault: Record<string, unknown>, partner: Payee["partner"] = "bank-nusantara"): Promise<Payee> {
  const who = await payee(partner);
  await simulator("POST", "/_control/faults", { ...fault, partner, reference: who.reference, count: 1 });
  await dispatchPayouts(ports, new Date(), partner);
  return who;
}

/**
 * Runs the status poller as if `ahead` ms had passed, until the payout is `state` (the simulator
 * settles a payout `delayMs` after accepting it: a first poll may find it still pending).
 */
async function pollUntil(id: string, state: string, ahead: number): Promise<void> {
  for (let i = 1; i <= 20; i++) {
    // Each run a further `ahead` on: a run stamps what it changes with its own (future) time.
    await pollPayouts(ports, new Date(Date.now() + ahead * i));
    if ((await payoutOf(id)).state === state) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`payout ${id} is ${(await payoutOf(id)).state} after 20 polls, not ${state}`);
}

/** The partner's events stored for a reference. */
async function eventsOf(reference: string) {
  return (await adminDb.collection("paymentEvents").where("reference", "==", reference).get()).docs.map(
    (doc) => doc.data() as { state: string; outcome: string },
  );
}

describe.sequential("payouts over real HTTP, with the partner's faults", () => {
  it("when nothing goes wrong, then the installment is sent, paid on the partner's callback, the participant told the amount, and the ledger follows it", async () => {
    const who = await dispatchedWith({});
    expect(await settled(who.installment, ["paid"])).toBe("paid");
    const payout = await exactlyOnce(who, ["paid"]);
    expect(payout.partnerReference).not.toBeNull();
    expect(await timelineOf(who.installment)).toEqual(
      expect.arrayContaining(["->scheduled (schedule)", "scheduled>queued (dispatch)", "queued>sending (task)", "sent>paid (notification)"]),
    );
    const inbox = (await adminDb.collection(`applicants/${who.uid}/inbox`).get()).docs.map((doc) => doc.data() as { kind: string });
    expect(inbox.map((n) => n.kind)).toContain("payout-paid");
  });

  it("when the partner delivers the callback 3 times, then it is stored once and applied once", async () => {
    const who = await dispatchedWith({ duplicateCallbacks: 3 });
    await settled(who.installment, ["paid"]);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const paidEvents = (await eventsOf(who.reference)).filter((event) => event.state === "paid");
    expect(paidEvents).toHaveLength(1);
    // The simulator delivers the copies one after another: wait for the third's answer.
    const statuses = async () => {
      const { deliveries } = await simulator<{ deliveries: Array<{ reference: string; state: string; status: number | null }> }>("GET", "/_control/deliveries");
      return deliveries.filter((d) => d.reference === who.reference && d.state === "paid").map((d) => d.status);
    };
    await expect.poll(statuses, { timeout: 30_000, interval: 500 }).toEqual([200, 200, 200]);
    expect((await eventsOf(who.reference)).filter((event) => event.state === "paid")).toHaveLength(1);
    await exactlyOnce(who, ["paid"]);
  });

  it("when the callbacks come out of order (paid before accepted), then the late one changes nothing", async () => {
    const who = await dispatchedWith({ outOfOrder: true });
    await settled(who.installment, ["paid"]);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await payoutOf(who.installment)).state).toBe("paid");
    await exactlyOnce(who, ["paid"]);
  });

  it("when the callback arrives before the partner answered our request, then it is paid once", async () => {
    const who = await dispatchedWith({ callbackBeforeAnswer: true });
    await settled(who.installment, ["paid"]);
    await exactlyOnce(who, ["paid"]);
  });

  it("when the partner pays and then reverses, then the payout is reversed and its money is returned in the ledger", async () => {
    const who = await dispatchedWith({ reverseAfterMs: 300 });
    expect(await settled(who.installment, ["reversed"])).toBe("reversed");
    // The paid and reversed callbacks are applied by separate tasks, in either order: a reversal seen first moves the money
    // straight from the payout to `returned`, and the late "paid" changes nothing.
    const entries = (await adminDb.collection("payoutLedger").where("installmentId", "==", who.installment).get()).docs.map((d) => d.data().cause as string);
    expect(entries.slice(0, 2).sort()).toEqual(["entitled", "queued>sending"]);
    expect([["paid>reversed", "sent>paid"], ["sent>reversed"]]).toContainEqual(entries.slice(2).sort());
    await exactlyOnce(who, ["reversed"]);
  });

  it("when the callback is lost, then the status poller asks the partner and the payout is paid", async () => {
    const who = await dispatchedWith({ loseCallback: true });
    expect(await settled(who.installment, ["sent"])).toBe("sent");
    await pollUntil(who.installment, "paid", (SENT_AFTER_SECONDS + 1) * 1000);
    expect(await timelineOf(who.installment)).toContain("sent>paid (status-poll)");
    await exactlyOnce(who, ["paid"]);
  });

  it("when the partner answers 503 after doing the payout, then the payout is unknown, never sent again blind, and the poller finds it paid", async () => {
    const who = await dispatchedWith({ status5xx: { status: 503, after: true }, loseCallback: true });
    expect(await settled(who.installment, ["unknown"])).toBe("unknown");
    await pollUntil(who.installment, "paid", (SENT_AFTER_SECONDS + 1) * 1000);
    expect(await timelineOf(who.installment)).toContain("unknown>sent (status-poll)");
    await exactlyOnce(who, ["paid"]);
  });

  it("when the partner answers 503 without doing anything, then the poller learns it never got it and it is sent again with the same reference, and paid once", async () => {
    const who = await dispatchedWith({ status5xx: { status: 503, after: false } });
    expect(await settled(who.installment, ["unknown"])).toBe("unknown");
    const run = await pollPayouts(ports, new Date(Date.now() + (UNKNOWN_AFTER_SECONDS + 1) * 1000));
    expect(run.resent).toBeGreaterThanOrEqual(1);
    await settled(who.installment, ["paid"]);
    expect((await payoutOf(who.installment)).attempt).toBe(1);
    await exactlyOnce(who, ["paid"]);
  });

  it("when the partner times out (it paid, but answered too late), then the payout is unknown and the poller settles it as paid", async () => {
    const who = await dispatchedWith({ timeoutMs: 15_000, loseCallback: true });
    expect(await settled(who.installment, ["unknown"], 45_000)).toBe("unknown");
    await pollUntil(who.installment, "paid", (SENT_AFTER_SECONDS + 1) * 1000);
    await exactlyOnce(who, ["paid"]);
  });

  it("when we crash between the partner's answer and our write, then the lease lapses, the payout is unknown, and the poller settles it: paid once", async () => {
    const who = await payee();
    await simulator("POST", "/_control/faults", { partner: who.partner, reference: who.reference, count: 1, loseCallback: true });
    // Queued without a task (the dispatcher's first step), then sent in-process by a task that dies after the partner call.
    await ports.payouts.change(who.installment, { withAccount: true }, ({ payout, account }) => {
      if (payout === null || account === null) return { result: null };
      const next = { ...payout, state: "queued" as const, partner: account.partner, version: payout.version + 1, updatedAt: new Date() };
      return {
        change: {
          payout: next,
          event: { at: new Date(), from: "scheduled" as const, to: "queued" as const, attempt: 0, source: "dispatch" as const },
          ledger: [],
        },
        result: null,
      };
    });
    const real = ports.paymentPartners;
    const crashing: PaymentPartners = {
      get(code) {
        const partner = real.get(code);
        return {
          ...partner,
          async pay(instruction) {
            await partner.pay(instruction);
            throw new Error("injected crash after the partner call");
          },
        };
      },
    };
    const queued = await payoutOf(who.installment);
    await expect(sendPayout({ ...ports, paymentPartners: crashing }, { installmentId: who.installment, attempt: 0, version: queued.version })).rejects.toThrow(
      /injected crash/,
    );
    expect((await payoutOf(who.installment)).state).toBe("sending");
    const later = Date.now() + (SEND_LEASE_SECONDS + 1) * 1000;
    expect((await pollPayouts(ports, new Date(later))).lapsed).toBeGreaterThanOrEqual(1);
    await pollUntil(who.installment, "paid", later - Date.now() + (SENT_AFTER_SECONDS + 1) * 1000);
    await exactlyOnce(who, ["paid"]);
  });

  it("when the send task is delivered twice (at once), then one claims the payout and the partner is called once", async () => {
    const who = await payee();
    await dispatchPayouts(ports, new Date(), "bank-nusantara");
    const queued = await payoutOf(who.installment);
    const task = { installmentId: who.installment, attempt: queued.attempt, version: queued.version };
    const results = await Promise.all([sendPayout(ports, task), sendPayout(ports, task)]);
    const kinds = results.map((r) => (r.ok ? r.value.kind : "refused"));
    expect(kinds.filter((k) => k === "sent").length).toBeLessThanOrEqual(1);
    await settled(who.installment, ["paid"]);
    await exactlyOnce(who, ["paid"]);
  });

  it("when a notification reports another amount, then it is quarantined for the program office and the payout is not moved by it", async () => {
    const who = await dispatchedWith({ loseCallback: true });
    await settled(who.installment, ["sent"]);
    const eventId = randomUUID();
    const garbled = await simulator<{ delivery: { status: number } }>("POST", "/_control/notify", {
      partner: who.partner,
      reference: who.reference,
      state: "paid",
      eventId,
      amountOverride: 60_000,
    });
    expect(garbled.delivery.status).toBe(200);
    const key = paymentEventKey(who.partner, eventId);
    for (let i = 0; i < 40 && (await adminDb.doc(`paymentQuarantine/${key}`).get()).exists === false; i++) await new Promise((r) => setTimeout(r, 250));
    expect((await adminDb.doc(`paymentQuarantine/${key}`).get()).data()).toMatchObject({
      reason: "amount-mismatch",
      installmentId: who.installment,
      status: "open",
    });
    expect((await payoutOf(who.installment)).state).toBe("sent");
    await exactlyOnce(who, ["sent"]);
  });

  it("when a notification names a reference we never sent, then it is quarantined as unknown and nothing else is written", async () => {
    const eventId = randomUUID();
    const reference = `PKJ-nobody${randomUUID().slice(0, 8)}-2026-1`;
    const sent = await simulator<{ delivery: { status: number } }>("POST", "/_control/notify", {
      partner: "bank-nusantara",
      reference,
      state: "paid",
      eventId,
    });
    expect(sent.delivery.status).toBe(200);
    const key = paymentEventKey("bank-nusantara", eventId);
    for (let i = 0; i < 40 && (await adminDb.doc(`paymentQuarantine/${key}`).get()).exists === false; i++) await new Promise((r) => setTimeout(r, 250));
    expect((await adminDb.doc(`paymentQuarantine/${key}`).get()).data()).toMatchObject({ reason: "unknown-reference", installmentId: null });
  });

  it.each([
    ["forged", 401],
    ["unsigned", 401],
    ["stale", 401],
  ])("when a notification is %s, then it is refused %i and nothing is stored", async (signing, status) => {
    const who = await dispatchedWith({ loseCallback: true });
    await settled(who.installment, ["sent"]);
    const eventId = randomUUID();
    const sent = await simulator<{ delivery: { status: number } }>("POST", "/_control/notify", {
      partner: who.partner,
      reference: who.reference,
      state: "paid",
      signing,
      eventId,
    });
    expect(sent.delivery.status).toBe(status);
    expect((await adminDb.doc(`paymentEvents/${paymentEventKey(who.partner, eventId)}`).get()).exists).toBe(false);
    expect((await payoutOf(who.installment)).state).toBe("sent");
    await exactlyOnce(who, ["sent"]);
  });

  it("when a partner is out and its queue paused, then due payouts wait unsent; on resume they are queued and paid once", async () => {
    const admin = await accountWith({ role: "admin" }, "admin");
    const paused = await call("setPayoutQueue", { partner: "kirim-dana", paused: true, requestId: randomUUID() }, admin.idToken);
    expect(paused.error).toBeUndefined();
    expect(paused.result).toMatchObject({ partner: "kirim-dana", paused: true, cloudTasks: false });
    try {
      const who = await payee("kirim-dana");
      const run = await dispatchPayouts(ports, new Date(), "kirim-dana");
      expect(run.paused).toBeGreaterThanOrEqual(1);
      expect((await payoutOf(who.installment)).state).toBe("scheduled");
      const resumed = await call("setPayoutQueue", { partner: "kirim-dana", paused: false, requestId: randomUUID() }, admin.idToken);
      expect(resumed.error).toBeUndefined();
      expect((resumed.result as { queued: number }).queued).toBeGreaterThanOrEqual(1);
      await settled(who.installment, ["paid"]);
      await exactlyOnce(who, ["paid"]);
    } finally {
      await call("setPayoutQueue", { partner: "kirim-dana", paused: false, requestId: randomUUID() }, admin.idToken);
    }
  });

  it("when the person turns up on an exclusion list before the payout, then it is held for review, not paid", async () => {
    const who = await payee();
    const applicant = openedPerson((await adminDb.doc(`applicants/${who.uid}`).get()).data() as Pick<ApplicantDoc, "personal">, vaultKeys);
    // The civil servants' list has this person on it: through the real import when there is no list
    // yet, else as an entry on every version so far and the next fifty (other suites import this
    // list at the same time: whichever version is current when the payout is sent, the person is on it).
    const current = (await adminDb.doc("exclusionLists/civil-servant").get()).get("currentVersion") as number | undefined;
    if (current === undefined) {
      const admin = await accountWith({ role: "admin" }, "admin");
      const imported = await fetch(`${URLS.functions}/importExclusionList?type=civil-servant`, {
        method: "POST",
        headers: { "content-type": "text/csv", authorization: `Bearer ${admin.idToken}` },
        body: `nik\n${applicant.nik}\n`,
      });
      expect(await imported.text()).toContain('"done"');
    } else {
      const versions = Array.from({ length: current + 50 }, (_, i) => i + 1);
      await adminDb.doc(`exclusionEntries/${nikKey(applicant.nik)}`).set({ lists: { "civil-servant": { versions } } }, { merge: true });
    }
    // The functions read list versions through a 5-second cache (adapters/exclusionLists.ts).
    await new Promise((resolve) => setTimeout(resolve, 5_500));
    await dispatchPayouts(ports, new Date(), "bank-nusantara");
    expect(await settled(who.installment, ["held"])).toBe("held");
    const payout = await payoutOf(who.installment);
    expect(payout.hold).toMatchObject({ reason: "eligibility", details: ["on-exclusion-list"] });
    await exactlyOnce(who, ["held"]);
  });

  it("when the partner refuses the payout (closed account) and the participant links another account, then it is paid there, once, as a new round", async () => {
    const who = await dispatchedWith({ failWith: "closed-account" });
    expect(await settled(who.installment, ["failed"])).toBe("failed");
    const newAccount = `${who.accountNumber.slice(0, -1)}${(Number(who.accountNumber.at(-1)) + 1) % 10}`;
    await simulator("POST", "/_control/accounts", { number: newAccount, holderName: who.fullName.toUpperCase() });
    const linked = await call(
      "linkPayoutAccount",
      { partner: who.partner, channel: "bank", institution: "009", accountNumber: newAccount, requestId: randomUUID() },
      who.account.idToken,
    );
    expect(linked.result).toMatchObject({ status: "verified", released: 1 });
    await dispatchPayouts(ports, new Date(), who.partner);
    expect(await settled(who.installment, ["paid"])).toBe("paid");
    const payout = await payoutOf(who.installment);
    expect(payout.reference).toBe(`${who.reference}-R1`);
    const { transactions } = await simulator<{ transactions: Array<{ reference: string; accountNumber: string; state: string; amount: number }> }>(
      "GET",
      "/_control/transactions",
    );
    const mine = transactions.filter((t) => t.reference.startsWith(who.reference));
    expect(mine.map((t) => [t.reference, t.accountNumber, t.state]).sort()).toEqual(
      [
        [who.reference, who.accountNumber, "failed"],
        [`${who.reference}-R1`, newAccount, "paid"],
      ].sort(),
    );
    const entries = (await adminDb.collection("payoutLedger").where("installmentId", "==", who.installment).get()).docs.map(
      (d) => d.data() as { from: string; to: string; amount: number },
    );
    const balance = (account: string) => entries.reduce((sum, e) => sum + (e.to === account ? e.amount : 0) - (e.from === account ? e.amount : 0), 0);
    expect([balance("paid:bank-nusantara"), balance("entitlement"), balance("payout:bank-nusantara")]).toEqual([payout.amount, 0, 0]);
  });

  it("after the suite, no transaction at the simulator was paid twice", async () => {
    const { transactions } = await simulator<{ transactions: Array<{ reference: string; state: string }> }>("GET", "/_control/transactions");
    const paid = transactions.filter((t) => t.state === "paid" || t.state === "reversed").map((t) => t.reference);
    expect(new Set(paid).size).toBe(paid.length);
    void MINUTE;
  });
});
