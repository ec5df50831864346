import { describe, expect, it } from "vitest";
import type { MemoryPorts } from "../../../functions/src/adapters/memory/index.js";
import { maskEmail } from "../../../functions/src/domain/desk/dispute.js";
import { REFUSAL_TEXT } from "../../../functions/src/schemas/refusalMessages.js";
import { deskFailureText, deskFieldErrors } from "../../../hosting/src/data/deskFailure.js";
import { myDeskDay } from "../../../functions/src/usecases/desk/deskDay.js";
import { sendDeskReceipt } from "../../../functions/src/usecases/desk/deskReceipt.js";
import { lookupRegistration } from "../../../functions/src/usecases/desk/lookupRegistration.js";
import { register } from "../../../functions/src/usecases/register.js";
import { registerAssisted } from "../../../functions/src/usecases/registerAssisted.js";
import { admin, applicantActor, auditor, operatorOf, person, setup, TODAY, writesOf } from "./fixtures.js";

/** The desk's lookup of a NIK's registration, the operator's day and the person's receipt, through the memory adapters. */

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const jakartaPusat = operatorOf("3171");

async function registered(): Promise<MemoryPorts> {
  const memory = setup();
  memory.accounts.add("joki", { email: "joki.agent@example.test" });
  await register(memory, { uid: "joki", by: "self", requestId: "r", attemptLimit: 10 }, person(1));
  return memory;
}

describe("lookupRegistration", () => {
  it("when an operator of the region looks a NIK up, then masked values, the account, who registered and the timeline; audited with the purpose", async () => {
    const memory = await registered();
    const result = await lookupRegistration(memory, jakartaPusat, { requestId: id(1), nik: person(1).nik, purpose: "nik-dispute" });
    expect(result).toEqual({
      ok: true,
      value: {
        uid: "joki",
        nikMasked: "3171********0001",
        nameMasked: "Siti N********",
        phoneMasked: "+62812****0001",
        provinceCode: "31",
        regencyCode: "3171",
        districtCode: "317101",
        status: "registered",
        registeredBy: { kind: "self", operatorUid: null, at: expect.any(String) },
        account: { exists: true, disabled: false, methods: ["password"], emailMasked: "j*********@example.test", phoneMasked: null },
        timeline: [{ kind: "registered", at: expect.any(String), by: "self" }],
      },
    });
    expect(JSON.stringify(result)).not.toContain(person(1).nik);
    expect(memory.audit.records).toEqual([
      expect.objectContaining({
        act: "view-registrant",
        actor: "operator-3171",
        target: "joki",
        key: `${id(1)}:joki`,
        details: { purpose: "nik-dispute", shown: true },
      }),
    ]);
  });

  it("when an operator of 3172 looks up a 3171 registration, then refused naming the regency/city holding it and its province (not the person), and the attempt is audited", async () => {
    const memory = await registered();
    const result = await lookupRegistration(memory, operatorOf("3172"), { requestId: id(1), nik: person(1).nik, purpose: "nik-dispute" });
    expect(result).toEqual({
      ok: false,
      reason: "registration-outside-region",
      details: {
        provinceCode: "31",
        provinceName: expect.stringMatching(/JAKARTA/i),
        regencyCode: "3171",
        regencyName: expect.stringMatching(/JAKARTA PUSAT/i),
      },
    });
    // The text the desk shows names both (the edge fills the places from the details).
    expect(REFUSAL_TEXT["registration-outside-region"].id).toMatch(/\{regencyName\}.*\{regencyCode\}.*\{provinceName\}/);
    expect(memory.audit.records).toEqual([expect.objectContaining({ act: "view-registrant", details: { purpose: "nik-dispute", shown: false } })]);
  });

  it("when the desk shows the refusal, then it names the regency/city and the province with their codes; without details, no empty places", () => {
    const details = {
      reason: "registration-outside-region",
      provinceCode: "31",
      provinceName: "DKI JAKARTA",
      regencyCode: "3171",
      regencyName: "KOTA ADMINISTRASI JAKARTA PUSAT",
    };
    const text = deskFailureText("lookupRegistration", { code: "functions/permission-denied", details }, "id");
    expect(text).toContain("Disnaker Kota Administrasi Jakarta Pusat (3171), provinsi DKI Jakarta (31)");
    expect(text).not.toMatch(/[{}]/);
    expect(deskFailureText("lookupRegistration", { code: "functions/permission-denied", details }, "en")).toContain("Kota Administrasi Jakarta Pusat (3171)");
  });

  it("when the desk's registration form is refused for a registered NIK, then it points to the lookup, not to 'the local labor office' (the operator)", () => {
    const nik = { field: "person.nik", code: "nik-registered", message: { ...REFUSAL_TEXT["nik-registered"] } };
    const shown = deskFieldErrors({ nik });
    expect(shown.nik?.message.id).not.toMatch(/Disnaker setempat/);
    expect(shown.nik?.message.en).not.toMatch(/local labor office/);
    expect(shown.nik).toMatchObject({ code: "nik-registered", message: { id: expect.stringMatching(/sengketa NIK/) } });
    const other = { nik: { field: "person.nik", code: "nik-format", message: { id: "x", en: "x" } } };
    expect(deskFieldErrors(other)).toBe(other);
  });

  it("when the NIK is not registered, then nik-not-registered and nothing is audited; applicants and auditors are refused", async () => {
    const memory = await registered();
    expect(await lookupRegistration(memory, admin, { requestId: id(1), nik: person(2).nik, purpose: "nik-dispute" })).toEqual({
      ok: false,
      reason: "nik-not-registered",
    });
    for (const actor of [applicantActor("u"), auditor])
      expect(await lookupRegistration(memory, actor, { requestId: id(1), nik: person(1).nik, purpose: "nik-dispute" })).toEqual({
        ok: false,
        reason: "not-operator-or-admin",
      });
    expect(memory.audit.records).toEqual([]);
  });

  it("masks an email's local part but its first letter", () => {
    expect(maskEmail("dewi@example.test")).toBe("d***@example.test");
    expect(maskEmail("@x")).toBe("**");
  });
});

describe("myDeskDay", () => {
  it("when the operator registered one person today, then 1 registered and the rest of the limit remaining", async () => {
    const memory = setup();
    await registerAssisted(memory, operatorOf("31"), { requestId: id(1), person: person(1) }, { daily: 5, attempts: 5 });
    expect(await myDeskDay(memory, operatorOf("31"), 5)).toEqual({ ok: true, value: { day: TODAY, registered: 1, limit: 5, remaining: 4 } });
    expect(await myDeskDay(memory, operatorOf("3171"), 5)).toEqual({ ok: true, value: { day: TODAY, registered: 0, limit: 5, remaining: 5 } });
    expect(await myDeskDay(memory, admin, 5)).toEqual({ ok: false, reason: "not-operator" });
  });
});

describe("sendDeskReceipt", () => {
  it("when sent after a registration, then the person gets it once per request, and another region is refused", async () => {
    const memory = setup();
    const registration = await registerAssisted(memory, operatorOf("31"), { requestId: id(1), person: person(1) }, { daily: 5, attempts: 5 });
    const uid = registration.ok ? registration.value.uid : "";
    const input = { requestId: id(2), uid, after: "registration" as const };
    const { result, writes } = await writesOf(memory, () => sendDeskReceipt(memory, operatorOf("31"), input));
    expect(result).toEqual({ ok: true, value: { sent: true, email: false, sms: true } });
    expect(writes).toContain(`applicants/${uid}/inbox/desk-receipt-${id(2)}`);
    expect(writes).toContain(`deskReceipts/${id(2)}`);
    // A plain retry answers as the first call did, and sends nothing again.
    const retry = await writesOf(memory, () => sendDeskReceipt(memory, operatorOf("31"), input));
    expect(retry).toEqual({ result: { ok: true, value: { sent: true, email: false, sms: true } }, writes: [] });
    expect(await sendDeskReceipt(memory, operatorOf("3172"), { ...input, requestId: id(3) })).toMatchObject({
      ok: false,
      reason: "registration-outside-region",
    });
    expect(await sendDeskReceipt(memory, operatorOf("31"), { ...input, requestId: id(3), uid: "nobody" })).toEqual({
      ok: false,
      reason: "registration-not-found",
    });
  });

  it("when the request ID is reused for another person or another occasion, then request-id-reused and nothing is sent", async () => {
    const memory = setup();
    const first = await registerAssisted(memory, operatorOf("31"), { requestId: id(1), person: person(1) }, { daily: 5, attempts: 5 });
    const second = await registerAssisted(memory, operatorOf("31"), { requestId: id(2), person: person(2) }, { daily: 5, attempts: 5 });
    const [a, b] = [first, second].map((outcome) => (outcome.ok ? outcome.value.uid : ""));
    await sendDeskReceipt(memory, operatorOf("31"), { requestId: id(3), uid: a, after: "registration" });
    const reused = await writesOf(memory, () => sendDeskReceipt(memory, operatorOf("31"), { requestId: id(3), uid: b, after: "registration" }));
    expect(reused).toEqual({ result: { ok: false, reason: "request-id-reused" }, writes: [] });
    expect(await sendDeskReceipt(memory, operatorOf("31"), { requestId: id(3), uid: a, after: "dispute" })).toEqual({ ok: false, reason: "request-id-reused" });
  });
});
