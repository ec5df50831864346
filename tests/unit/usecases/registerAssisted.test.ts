import { describe, expect, it } from "vitest";
import type { MemoryPorts } from "../../../functions/src/adapters/memory/index.js";
import type { Actor } from "../../../functions/src/domain/roles.js";
import type { RegisterInput } from "../../../functions/src/schemas/registration.js";
import { register } from "../../../functions/src/usecases/register.js";
import { registerAssisted } from "../../../functions/src/usecases/registerAssisted.js";
import { admin, applicantActor, operatorOf, person, setup, TODAY, writesOf } from "./fixtures.js";

/** registerAssisted through the memory adapters: the operator's region, daily limit and attempts. */

const LIMITS = { daily: 2, attempts: 2 };
const jakarta = operatorOf("31");
const requestId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const assist = (memory: MemoryPorts, actor: Actor, form: RegisterInput, request = 1, limits = LIMITS) =>
  writesOf(memory, () => registerAssisted(memory, actor, { requestId: requestId(request), person: form }, limits));

describe("registerAssisted", () => {
  it("when an operator registers a person of their region, then the person gets an account by phone and the operator's day counts one", async () => {
    const memory = setup();
    const form = person(1);
    const { result, writes } = await assist(memory, jakarta, form);
    const uid = `nik-${memory.pseudonyms.nik(form.nik).slice(0, 32)}`;
    expect(result).toEqual({
      ok: true,
      value: { uid, nikMasked: "3171********0001", status: "registered", eligibility: { eligible: true, reasons: [] }, created: true },
    });
    expect(writes).toEqual([
      expect.stringMatching(/^nikIndex\//),
      `applicants/${uid}`,
      expect.stringMatching(/\/timeline\//),
      expect.stringMatching(/^families\//),
      `operatorDays/operator-31_${TODAY}`,
      `auth/${uid}`,
    ]);
    expect(memory.state.accounts.get(uid)).toMatchObject({ phone: "+6281200000001" });
    expect(memory.state.applicants.get(uid)).toMatchObject({ registeredBy: "operator-31", requestId: requestId(1), consent: { by: "operator" } });
    expect(await memory.registrations.timeline(uid)).toMatchObject([{ kind: "registered-assisted", by: "operator-31" }]);
    expect(memory.state.operatorDays.get(`operator-31_${TODAY}`)).toEqual({ count: 1 });
  });

  it("when an operator registers a person, then the act is on the audit log once, naming the account and the district, never the person's identity", async () => {
    const memory = setup();
    const form = person(1);
    const first = await assist(memory, jakarta, form);
    await assist(memory, jakarta, form);
    const uid = first.result.ok ? first.result.value.uid : "";
    expect(memory.audit.records).toEqual([
      {
        act: "register-assisted",
        actor: "operator-31",
        role: "operator",
        target: uid,
        key: requestId(1),
        at: memory.clock.now(),
        region: "317101",
        details: { eligible: true },
      },
    ]);
    const logged = JSON.stringify(memory.audit.records);
    for (const clear of [form.nik, form.kk, form.fullName, form.phone, form.birthDate]) expect(logged).not.toContain(clear);
  });

  it("when an assisted registration is refused, then nothing is on the audit log", async () => {
    const memory = setup();
    await assist(memory, operatorOf("32"), person(1));
    await assist(memory, jakarta, person(1, { districtCode: "317101" }), 1, { daily: 0, attempts: 2 });
    expect(memory.audit.records).toEqual([]);
  });

  it("when the phone already has an account, then the registration is that account's and no account is made", async () => {
    const memory = setup();
    memory.accounts.add("phone-owner", { phone: "+6281200000001" });
    const { result, writes } = await assist(memory, jakarta, person(1));
    expect(result).toMatchObject({ ok: true, value: { uid: "phone-owner", created: true } });
    expect(writes).not.toContain("auth/phone-owner");
  });

  it("when the same request is retried, then it answers as the first time and writes nothing", async () => {
    const memory = setup();
    const first = await assist(memory, jakarta, person(1));
    const retry = await assist(memory, jakarta, person(1));
    expect(retry.result).toEqual(first.result.ok ? { ok: true, value: { ...first.result.value, created: false } } : null);
    expect(retry.writes).toEqual([]);
    expect(memory.state.operatorDays.get(`operator-31_${TODAY}`)).toEqual({ count: 1 });
  });

  it("when the caller is not an operator with a region, then not-operator, before anything is read or written", async () => {
    const memory = setup();
    for (const actor of [admin, applicantActor("u1"), { uid: "op", claims: { role: "operator" as const } }]) {
      expect(await assist(memory, actor, person(1))).toEqual({ result: { ok: false, reason: "not-operator" }, writes: [] });
    }
  });

  it("when the person lives outside the operator's region, then outside-region and nothing is written", async () => {
    const memory = setup();
    expect(await assist(memory, operatorOf("3273"), person(1))).toEqual({ result: { ok: false, reason: "outside-region" }, writes: [] });
    expect(await assist(memory, operatorOf("52"), person(2, { districtCode: "317101" }))).toEqual({
      result: { ok: false, reason: "outside-region" },
      writes: [],
    });
  });

  it("when the form's KK is the NIK, then the registration's refusal comes back and no account is made", async () => {
    const memory = setup();
    const form = person(1);
    expect(await assist(memory, jakarta, { ...form, kk: form.nik })).toEqual({ result: { ok: false, reason: "kk-equals-nik" }, writes: [] });
  });

  it("when the NIK's sex digits differ from the KTP, then the person is registered as needing verification at the operator's office", async () => {
    const memory = setup();
    const { result } = await assist(memory, jakarta, { ...person(1), sex: "female" });
    expect(result).toMatchObject({
      ok: true,
      value: {
        eligibility: { eligible: false, reasons: ["identity-not-verified"] },
        verification: { state: "needs-verification", reasons: ["nik-sex-differs"] },
      },
    });
  });

  it("when the program year has no rules, then program-year-not-configured and nothing is written", async () => {
    const memory = setup({ rules: null });
    expect(await assist(memory, jakarta, person(1))).toEqual({ result: { ok: false, reason: "program-year-not-configured" }, writes: [] });
  });

  it("when the operator reached the daily limit, then daily-limit-reached, counted as an attempt, and the next day they may go on", async () => {
    const memory = setup();
    await assist(memory, jakarta, person(1), 1);
    await assist(memory, jakarta, person(2), 2);
    const third = await assist(memory, jakarta, person(3), 3);
    expect(third).toEqual({ result: { ok: false, reason: "daily-limit-reached" }, writes: [`registerAttempts/operator-31_${TODAY}`] });
    memory.clock.advance(24 * 3600_000);
    expect((await assist(memory, jakarta, person(3), 3)).result).toMatchObject({ ok: true, value: { created: true } });
  });

  it("when the person registered themself already, then nik-registered, and only the operator's attempt is counted", async () => {
    const memory = setup();
    await register(memory, { uid: "self-1", by: "self", requestId: "self:self-1", attemptLimit: 5 }, person(1));
    expect(await assist(memory, jakarta, person(1))).toEqual({
      result: { ok: false, reason: "nik-registered" },
      writes: [`registerAttempts/operator-31_${TODAY}`],
    });
  });

  it("when the phone's account registered another NIK, then account-registered", async () => {
    const memory = setup();
    memory.accounts.add("phone-owner", { phone: "+6281200000001" });
    await register(memory, { uid: "phone-owner", by: "self", requestId: "self:phone-owner", attemptLimit: 5 }, person(2));
    expect(await assist(memory, jakarta, person(1))).toEqual({
      result: { ok: false, reason: "account-registered" },
      writes: [`registerAttempts/operator-31_${TODAY}`],
    });
  });

  it("when the operator's refused attempts reach the limit, then too-many-attempts and nothing more is written", async () => {
    const memory = setup();
    await register(memory, { uid: "self-1", by: "self", requestId: "self:self-1", attemptLimit: 5 }, person(1));
    for (let i = 0; i < LIMITS.attempts; i += 1) await assist(memory, jakarta, person(1), 10 + i);
    expect(await assist(memory, jakarta, person(2), 20)).toEqual({ result: { ok: false, reason: "too-many-attempts" }, writes: [] });
  });
});
