import { describe, expect, it } from "vitest";
import type { MemoryPorts } from "../../../functions/src/adapters/memory/index.js";
import { maskEmail } from "../../../functions/src/domain/desk/dispute.js";
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
      expect.objectContaining({ act: "view-registrant", actor: "operator-3171", target: "joki", key: id(1), details: { purpose: "nik-dispute", shown: true } }),
    ]);
  });

  it("when an operator of 3172 looks up a 3171 registration, then refused naming the province (not the person), and the attempt is audited", async () => {
    const memory = await registered();
    const result = await lookupRegistration(memory, operatorOf("3172"), { requestId: id(1), nik: person(1).nik, purpose: "nik-dispute" });
    expect(result).toEqual({
      ok: false,
      reason: "registration-outside-region",
      details: { provinceCode: "31", provinceName: expect.stringMatching(/JAKARTA/i) },
    });
    expect(memory.audit.records).toEqual([expect.objectContaining({ act: "view-registrant", details: { purpose: "nik-dispute", shown: false } })]);
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
    expect(await sendDeskReceipt(memory, operatorOf("31"), input)).toEqual({ ok: true, value: { sent: false, email: false, sms: false } });
    expect(await sendDeskReceipt(memory, operatorOf("3172"), input)).toMatchObject({ ok: false, reason: "registration-outside-region" });
    expect(await sendDeskReceipt(memory, operatorOf("31"), { ...input, uid: "nobody" })).toEqual({ ok: false, reason: "registration-not-found" });
  });
});
