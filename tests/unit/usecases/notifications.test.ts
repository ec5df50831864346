import { describe, expect, it } from "vitest";
import { MEMORY_VAULT_KEYS, memoryPorts, type MemoryPorts } from "../../../functions/src/adapters/memory/index.js";
import { configuredSmsGateway, SmsProviderNotConfigured } from "../../../functions/src/adapters/smsGateway.js";
import type { Notification } from "../../../functions/src/schemas/notifications.js";
import { deliverSms, SMS_LEASE_SECONDS } from "../../../functions/src/usecases/deliverSms.js";
import { notifyDrawResults } from "../../../functions/src/usecases/notifyDrawResults.js";
import { applicantWithPhone, describeNotificationsContract } from "../../support/notificationsContract.js";
import { AFTER_CLOSE, closeTick, scenario } from "./drawScenario.js";
import { writesOf } from "./fixtures.js";

describeNotificationsContract("memory adapter", () => {
  const memory = memoryPorts();
  return {
    notifications: memory.notifications,
    now: () => memory.clock.now(),
    vaultKeys: MEMORY_VAULT_KEYS,
    person(uid, { email, phone }) {
      memory.accounts.add(uid, email === undefined ? {} : { email });
      if (phone !== undefined) memory.state.applicants.set(uid, applicantWithPhone(phone, memory.clock.now()));
      return Promise.resolve();
    },
    outbox(uid, key) {
      return Promise.resolve({
        inbox: memory.state.inbox.read(`${uid}/${key}`) ?? null,
        mail: memory.state.mail.read(key) ?? null,
        sms: memory.state.sms.read(key) ?? null,
      });
    },
  };
});

/** The draw scenario (wave 2026-1, quota 2, u1–u4 in the frozen pool, u5 left out), drawn; u1–u3 have an email address. */
async function drawn() {
  const { memory, waveId, beaconOut } = await scenario();
  for (const uid of ["u1", "u2", "u3"]) memory.accounts.add(uid, { email: `${uid}@example.test` });
  await closeTick(memory, AFTER_CLOSE);
  await closeTick(memory, beaconOut());
  return { memory, waveId };
}

const drawResults = (memory: MemoryPorts) =>
  [...memory.state.inbox.entries()].filter(([key]) => key.includes("/draw-result-")).map(([key, doc]) => ({ uid: key.split("/")[0], doc }));

describe("the draw's result goes out", () => {
  it("when the schedule draws a wave, then it enqueues the first page of its results and sends nothing itself", async () => {
    const { memory, waveId } = await drawn();
    expect(memory.state.waves.get(waveId)!.state).toBe("drawn");
    expect(memory.tasks.enqueued.filter((t) => t.name === "notifyDrawResults")).toEqual([
      { name: "notifyDrawResults", payload: { waveId, page: 0 }, key: `draw-results-${waveId}-p0`, dispatchDeadlineSeconds: 1800 },
    ]);
    expect(memory.state.inbox.size).toBe(0);
  });

  it("when the page runs, then everyone in the frozen pool is told once, the selected with their balance and deadline, the others that they stay in the pool", async () => {
    const { memory, waveId } = await drawn();
    const outcome = await notifyDrawResults(memory, { waveId, page: 0 });
    expect(outcome).toEqual({ ok: true, value: { sent: 4, alreadySent: 0, unknown: 0, nextPage: null } });

    const told = drawResults(memory);
    expect(told.map((t) => t.uid).sort()).toEqual(["u1", "u2", "u3", "u4"]);
    const winners = [...memory.state.applicants.entries()].filter(([, a]) => a.selectedWave === waveId).map(([uid]) => uid);
    expect(winners).toHaveLength(2);
    for (const { uid, doc } of told) {
      if (winners.includes(uid)) {
        expect(doc.title.id).toBe("Selamat, Anda terpilih di Gelombang 1");
        expect(doc.body.id).toContain("Rp 3.500.000");
        expect(doc.body.id).toMatch(/Beli pelatihan pertama Anda sebelum \d+ \w+ 2026 pukul/);
      } else {
        expect(doc.title.en).toBe("Draw result of wave 1");
      }
    }
    // Keys name the wave and the pseudonymous ID only.
    for (const key of [...memory.state.mail.keys(), ...memory.state.sms.keys()]) expect(key).toMatch(new RegExp(`^draw-result-${waveId}-[A-Za-z0-9_-]{43}$`));
    expect(memory.state.mail.size).toBe(told.filter((t) => ["u1", "u2", "u3"].includes(t.uid)).length);
    expect(memory.state.sms.size).toBe(4);
  });

  it("when the page runs again (a retried task), then nobody is told twice and nothing is written", async () => {
    const { memory, waveId } = await drawn();
    await notifyDrawResults(memory, { waveId, page: 0 });
    const again = await writesOf(memory, () => notifyDrawResults(memory, { waveId, page: 0 }));
    expect(again).toEqual({ result: { ok: true, value: { sent: 0, alreadySent: 4, unknown: 0, nextPage: null } }, writes: [] });
  });

  it("when a page has a next one, then the next page's task is enqueued before this page is sent, under its own key", async () => {
    const { memory, waveId } = await drawn();
    const key = `${waveId}/000000`;
    memory.state.poolPages.set(key, { ...memory.state.poolPages.get(key)!, next: "000001.json" });
    const sending = memory.notifications.send.bind(memory.notifications);
    let enqueuedBeforeFirstSend: number | null = null;
    memory.notifications.send = (k, n) => {
      enqueuedBeforeFirstSend ??= memory.tasks.enqueued.filter((t) => t.name === "notifyDrawResults").length;
      return sending(k, n);
    };
    const outcome = await notifyDrawResults(memory, { waveId, page: 0 });
    expect(outcome.ok && outcome.value.nextPage).toBe(1);
    expect(enqueuedBeforeFirstSend).toBe(2);
    expect(memory.tasks.enqueued.at(-1)).toMatchObject({ name: "notifyDrawResults", payload: { waveId, page: 1 }, key: `draw-results-${waveId}-p1` });
    expect(await notifyDrawResults(memory, { waveId, page: 1 })).toEqual({ ok: false, reason: "page-not-found" });
  });

  it("when the wave is not drawn (or unknown), then nobody is told", async () => {
    const { memory, waveId } = await scenario();
    await closeTick(memory, AFTER_CLOSE);
    expect(await notifyDrawResults(memory, { waveId, page: 0 })).toEqual({ ok: false, reason: "not-drawn" });
    expect(await notifyDrawResults(memory, { waveId: "2099-1", page: 0 })).toEqual({ ok: false, reason: "not-drawn" });
    expect(memory.state.inbox.size).toBe(0);
  });
});

describe("deliverSms", () => {
  async function withSms(): Promise<{ memory: MemoryPorts; id: string }> {
    const memory = memoryPorts();
    memory.state.applicants.set("u1", applicantWithPhone("+6281200000001", memory.clock.now()));
    const revoked: Notification = { kind: "revoked", uid: "u1", params: { reason: "purchase-deadline-passed" } };
    await memory.notifications.send("revoked-u1", revoked);
    return { memory, id: "revoked-u1" };
  }

  it("when an SMS is waiting, then it is handed to the provider once and marked SUCCESS with the provider's reference", async () => {
    const { memory, id } = await withSms();
    expect(await deliverSms(memory, id)).toEqual({ ok: true, value: { providerId: "memory-sms-1" } });
    expect(memory.smsGateway.sent).toEqual([{ to: "+6281200000001", body: memory.state.sms.get(id)!.body, reference: id }]);
    expect(memory.state.sms.get(id)!.delivery).toMatchObject({ state: "SUCCESS", attempts: 1, info: { providerId: "memory-sms-1" }, leaseExpireTime: null });
    expect(await deliverSms(memory, id)).toEqual({ ok: false, reason: "not-pending" });
    expect(memory.smsGateway.sent).toHaveLength(1);
  });

  it("when two runs deliver one SMS at the same moment, then it is sent once", async () => {
    const { memory, id } = await withSms();
    const outcomes = await Promise.all([deliverSms(memory, id), deliverSms(memory, id)]);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(memory.smsGateway.sent).toHaveLength(1);
  });

  it("when a run died holding an SMS, then another takes it only after its lease lapses", async () => {
    const { memory, id } = await withSms();
    const now = memory.clock.now();
    await memory.smsOutbox.claim(id, now, new Date(now.getTime() + SMS_LEASE_SECONDS * 1000));
    expect(await deliverSms(memory, id)).toEqual({ ok: false, reason: "not-pending" });
    memory.clock.advance(SMS_LEASE_SECONDS * 1000 + 1);
    expect((await deliverSms(memory, id)).ok).toBe(true);
    expect(memory.state.sms.get(id)!.delivery?.attempts).toBe(2);
  });

  it("when the provider refuses, then the SMS is marked ERROR with its message, not dropped and not retried by itself", async () => {
    const { memory, id } = await withSms();
    memory.smsGateway.failWith = "quota exceeded";
    expect(await deliverSms(memory, id)).toEqual({ ok: false, reason: "send-failed", details: { error: "quota exceeded" } });
    expect(memory.state.sms.get(id)!.delivery).toMatchObject({ state: "ERROR", error: "quota exceeded" });
    memory.smsGateway.failWith = null;
    expect(await deliverSms(memory, id)).toEqual({ ok: false, reason: "not-pending" });
  });

  it("when the provider's error quotes the number, then the number is stored masked in the error", async () => {
    const { memory, id } = await withSms();
    memory.smsGateway.failWith = "number +6281200000001 is barred";
    expect(await deliverSms(memory, id)).toEqual({ ok: false, reason: "send-failed", details: { error: "number +62812****0001 is barred" } });
    expect(JSON.stringify(memory.state.sms.get(id))).not.toContain("+6281200000001");
  });

  it("when the sealed number does not open (a seal of another context), then nothing is sent and the SMS is marked ERROR", async () => {
    const { memory, id } = await withSms();
    const stored = memory.state.sms.get(id)!;
    memory.state.sms.set(id, { ...stored, to: await memory.vault.seal({ phone: "+6281200000001" }, "applicant") });
    expect(await deliverSms(memory, id)).toMatchObject({ ok: false, reason: "send-failed" });
    expect(memory.smsGateway.sent).toEqual([]);
    expect(memory.state.sms.get(id)!.delivery).toMatchObject({ state: "ERROR" });
  });

  it("when production has no SMS provider configured, then its gateway refuses every message, saying so", async () => {
    await expect(configuredSmsGateway(undefined).send({ to: "+6281200000001", body: "x", reference: "r" })).rejects.toBeInstanceOf(SmsProviderNotConfigured);
    await expect(configuredSmsGateway("acme").send({ to: "+6281200000001", body: "x", reference: "r" })).rejects.toThrow(/acme.*no adapter/);
  });
});
