import { describe, expect, it } from "vitest";
import type { MemoryPorts } from "../../../functions/src/adapters/memory/index.js";
import type { Actor } from "../../../functions/src/domain/roles.js";
import { revealPersonalDataInput, type PersonalField, type RevealPersonalDataInput } from "../../../functions/src/schemas/personalAccess.js";
import { register } from "../../../functions/src/usecases/register.js";
import { revealPersonalData } from "../../../functions/src/usecases/revealPersonalData.js";
import type { Vault } from "../../../functions/src/usecases/ports.js";
import { admin, applicantActor, auditor, operatorOf, person, setup, type PersonOptions } from "./fixtures.js";

/** revealPersonalData through the memory adapters: role first, then region, then the audit record, and only then the value. */

const requestId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

async function registered(memory: MemoryPorts, uid: string, n: number, options: PersonOptions = {}) {
  const outcome = await register(memory, { uid, by: "self", requestId: `self:${uid}`, attemptLimit: 5 }, person(n, options));
  if (!outcome.ok) throw new Error(outcome.reason);
}

const ask = (uid: string, field: PersonalField = "nik", n = 1): RevealPersonalDataInput => ({
  requestId: requestId(n),
  uid,
  field,
  purpose: "desk-verification",
});

const reveal = (memory: MemoryPorts, actor: Actor, input: RevealPersonalDataInput) => revealPersonalData(memory, actor, input);

describe("revealPersonalData", () => {
  it.each<[PersonalField, (p: ReturnType<typeof person>) => string]>([
    ["nik", (p) => p.nik],
    ["kk", (p) => p.kk],
    ["fullName", (p) => p.fullName],
    ["phone", (p) => p.phone],
    ["birthDate", (p) => p.birthDate],
  ])("when an admin reveals %s, then the registered value comes back and the reveal is on the audit log", async (field, expected) => {
    const memory = setup();
    await registered(memory, "u1", 1, { districtCode: "317101" });
    const outcome = await reveal(memory, admin, ask("u1", field));
    expect(outcome).toEqual({ ok: true, value: { value: expected(person(1, { districtCode: "317101" })) } });
    expect(memory.audit.records).toEqual([
      {
        act: "reveal-personal-data",
        actor: admin.uid,
        role: "admin",
        target: "u1",
        key: `${requestId(1)}:u1:${field}`,
        at: memory.clock.now(),
        region: "317101",
        details: { field, purpose: "desk-verification" },
      },
    ]);
  });

  it("when the audit record names the act, then it holds no NIK, KK, name or phone in clear", async () => {
    const memory = setup();
    await registered(memory, "u1", 1);
    await reveal(memory, admin, ask("u1", "fullName"));
    const p = person(1);
    const recorded = JSON.stringify(memory.audit.records);
    for (const clear of [p.nik, p.kk, p.fullName, p.phone]) expect(recorded).not.toContain(clear);
  });

  it.each([
    ["province 31", operatorOf("31")],
    ["regency 3171", operatorOf("3171")],
  ])("when an operator of %s reveals a NIK of a person living in 3171, then they get it", async (_, operator) => {
    const memory = setup();
    await registered(memory, "u1", 1, { districtCode: "317101" });
    const outcome = await reveal(memory, operator, ask("u1"));
    expect(outcome.ok).toBe(true);
    expect(memory.audit.records.map((r) => [r.actor, r.role, r.region])).toEqual([[operator.uid, "operator", "317101"]]);
  });

  it.each([
    ["an operator of province 32", operatorOf("32")],
    ["an operator of regency 3172 (same province)", operatorOf("3172")],
  ])("when %s asks for a person living in 3171, then person-outside-region and nothing is recorded", async (_, operator) => {
    const memory = setup();
    await registered(memory, "u1", 1, { districtCode: "317101" });
    expect(await reveal(memory, operator, ask("u1"))).toEqual({ ok: false, reason: "person-outside-region" });
    expect(memory.audit.records).toEqual([]);
  });

  it.each([
    ["an auditor", auditor],
    ["an applicant (even about themself)", applicantActor("u1")],
    ["an operator without a region", { uid: "op-x", claims: { role: "operator" } } satisfies Actor],
    ["partner staff", { uid: "p-1", claims: { role: "partner", partner: "platform-belajar" } } satisfies Actor],
  ])("when %s asks, then not-operator-or-admin, before the person is read", async (_, actor) => {
    const memory = setup();
    await registered(memory, "u1", 1);
    let reads = 0;
    const counting = { ...memory, registrations: { ...memory.registrations, applicant: (uid: string) => ((reads += 1), memory.registrations.applicant(uid)) } };
    expect(await revealPersonalData(counting, actor, ask("u1"))).toEqual({ ok: false, reason: "not-operator-or-admin" });
    expect(await revealPersonalData(counting, actor, ask("nobody"))).toEqual({ ok: false, reason: "not-operator-or-admin" });
    expect(reads).toBe(0);
    expect(memory.audit.records).toEqual([]);
  });

  it("when nobody is registered under the uid, then registrant-not-found and nothing is recorded", async () => {
    const memory = setup();
    expect(await reveal(memory, admin, ask("nobody"))).toEqual({ ok: false, reason: "registrant-not-found" });
    expect(memory.audit.records).toEqual([]);
  });

  it("when the audit log cannot record the reveal, then the call fails and no value is returned", async () => {
    const memory = setup();
    await registered(memory, "u1", 1);
    const failing = { ...memory, audit: { append: () => Promise.reject(new Error("audit unavailable")) } };
    await expect(revealPersonalData(failing, admin, ask("u1"))).rejects.toThrow("audit unavailable");
  });

  it("when the seal does not open, then the call fails and nothing is recorded", async () => {
    const memory = setup();
    await registered(memory, "u1", 1);
    const broken: Pick<Vault, "open"> = { open: () => Promise.reject(new Error("vault: no key-encryption key")) };
    await expect(revealPersonalData({ ...memory, vault: broken }, admin, ask("u1"))).rejects.toThrow("no key-encryption key");
    expect(memory.audit.records).toEqual([]);
  });

  it("when the same request is sent again, then it is recorded once; the same request ID for another field is recorded on its own", async () => {
    const memory = setup();
    await registered(memory, "u1", 1);
    await reveal(memory, admin, ask("u1", "nik"));
    await reveal(memory, admin, ask("u1", "nik"));
    await reveal(memory, admin, ask("u1", "phone"));
    expect(memory.audit.records.map((r) => r.details?.field)).toEqual(["nik", "phone"]);
  });

  it("when the purpose is other with a note, then the note is recorded beside the purpose", async () => {
    const memory = setup();
    await registered(memory, "u1", 1);
    await reveal(memory, admin, { ...ask("u1"), purpose: "other", note: "court order 12/2026" });
    expect(memory.audit.records[0]?.details).toEqual({ field: "nik", purpose: "other", note: "court order 12/2026" });
  });
});

describe("revealPersonalDataInput", () => {
  const base = { requestId: requestId(1), uid: "u1", field: "nik", purpose: "nik-dispute" };
  it("when the purpose is one of the list, then no note is needed", () => {
    expect(revealPersonalDataInput.safeParse(base).success).toBe(true);
  });
  it.each([
    ["other without a note", { ...base, purpose: "other" }, "reveal-note-required"],
    ["other with a blank note", { ...base, purpose: "other", note: "   " }, "reveal-note-required"],
    ["a note over 200 characters", { ...base, note: "x".repeat(201) }, "reveal-note-length"],
  ])("when %s, then the note is refused", (_, input, message) => {
    const parsed = revealPersonalDataInput.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["note", message]]);
  });
  it.each([
    ["an unknown field", { ...base, field: "email" }],
    ["an unknown purpose", { ...base, purpose: "curiosity" }],
    ["a request ID that is not a UUID", { ...base, requestId: "1" }],
  ])("when %s, then the input is refused", (_, input) => {
    expect(revealPersonalDataInput.safeParse(input).success).toBe(false);
  });
});
