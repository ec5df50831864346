import { describe, expect, it } from "vitest";
import type { MemoryPorts } from "../../../functions/src/adapters/memory/index.js";
import type { Actor } from "../../../functions/src/domain/roles.js";
import type { RegisterInput } from "../../../functions/src/schemas/registration.js";
import type { DecideVerificationInput, ListVerificationCasesInput } from "../../../functions/src/schemas/verification.js";
import { decideVerification } from "../../../functions/src/usecases/decideVerification.js";
import { getMyStatus } from "../../../functions/src/usecases/getMyStatus.js";
import { joinWave } from "../../../functions/src/usecases/joinWave.js";
import { listVerificationCases } from "../../../functions/src/usecases/listVerificationCases.js";
import { register } from "../../../functions/src/usecases/register.js";
import { AFTER_CLOSE, closeTick, scenario } from "./drawScenario.js";
import { admin, applicantActor, auditor, createdWave, listNiks, operatorOf, person, setup, writesOf, type PersonOptions } from "./fixtures.js";

/**
 * Identity verification through the memory adapters: a NIK that differs from the KTP registers as
 * needs-verification, operators of the person's region list and decide the case, and nobody
 * unverified joins a wave or stays in a pool at the freeze.
 */

const requestId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

/** Person `n`, living in `districtCode`, whose KTP birth date is a month after the one in their NIK. */
function differing(n: number, options: PersonOptions = {}): RegisterInput {
  const form = person(n, options);
  return { ...form, birthDate: form.birthDate.replace(/-05-/, "-06-") };
}

async function registered(memory: MemoryPorts, uid: string, form: RegisterInput): Promise<void> {
  const outcome = await register(memory, { uid, by: "self", requestId: `self:${uid}`, attemptLimit: 5 }, form);
  if (!outcome.ok) throw new Error(outcome.reason);
}

const list = (memory: MemoryPorts, actor: Actor, input: Partial<ListVerificationCasesInput> = {}) =>
  listVerificationCases(memory, actor, { state: "needs-verification", pageSize: 20, ...input });

const verify = (uid: string, n = 1, documentsSeen: DecideVerificationInput["documentsSeen"] = ["ktp", "kk"]): DecideVerificationInput => ({
  requestId: requestId(n),
  uid,
  decision: "verified",
  documentsSeen,
});
const reject = (uid: string, n = 1): DecideVerificationInput => ({
  requestId: requestId(n),
  uid,
  decision: "rejected",
  rejection: "not-the-card-holder",
  documentsSeen: ["ktp"],
});

const decide = (memory: MemoryPorts, actor: Actor, input: DecideVerificationInput) => writesOf(memory, () => decideVerification(memory, actor, input));

describe("listVerificationCases", () => {
  it("when people of several regions wait, then an operator sees those of their region only, oldest first, with masked NIK, name and phone and never the full ones", async () => {
    const memory = setup();
    await registered(memory, "bandung-1", differing(1, { districtCode: "320410" }));
    memory.clock.advance(60_000);
    await registered(memory, "jakarta", differing(2));
    memory.clock.advance(60_000);
    await registered(memory, "bandung-2", differing(3, { districtCode: "320405" }));
    await registered(memory, "agreeing", person(4, { districtCode: "320410" }));

    const page = await list(memory, operatorOf("3204"));
    expect(page.ok && page.value.cases.map((c) => c.uid)).toEqual(["bandung-1", "bandung-2"]);
    expect(page.ok && page.value.next).toBeNull();
    const [first] = page.ok ? page.value.cases : [];
    expect(first).toEqual({
      uid: "bandung-1",
      nikMasked: "3204********0001",
      nameMasked: "Siti N********",
      declared: { sex: "male" },
      phoneMasked: "+62812****0001",
      region: {
        provinceCode: "32",
        regencyCode: "3204",
        districtCode: "320410",
        province: "Jawa Barat",
        regency: "Kabupaten Bandung",
        district: "Margaasih",
      },
      registeredBy: "self",
      state: "needs-verification",
      reasons: ["nik-birth-date-differs"],
      requestedAt: "2026-03-02T03:00:00.000Z",
    });
    const clear = differing(1, { districtCode: "320410" });
    for (const value of [clear.nik, clear.kk, clear.fullName, clear.phone, clear.birthDate]) expect(JSON.stringify(page)).not.toContain(value);

    const province = await list(memory, operatorOf("32"));
    expect(province.ok && province.value.cases.map((c) => c.uid)).toEqual(["bandung-1", "bandung-2"]);
    const everywhere = await list(memory, admin);
    expect(everywhere.ok && everywhere.value.cases.map((c) => c.uid)).toEqual(["bandung-1", "jakarta", "bandung-2"]);
  });

  it("when there are more cases than a page, then pages follow one another through `next` until it is null", async () => {
    const memory = setup();
    for (let n = 1; n <= 5; n += 1) await registered(memory, `u${n}`, differing(n));
    const seen: string[] = [];
    let after: ListVerificationCasesInput["after"];
    for (let pages = 0; pages < 4; pages += 1) {
      const page = await list(memory, operatorOf("31"), { pageSize: 2, after });
      if (!page.ok) throw new Error(page.reason);
      seen.push(...page.value.cases.map((c) => c.uid));
      if (page.value.next === null) break;
      after = page.value.next;
    }
    expect(seen).toEqual(["u1", "u2", "u3", "u4", "u5"]);
  });

  it("when a province operator narrows the queue to one of its regencies, then only that regency comes back", async () => {
    const memory = setup();
    await registered(memory, "bandung", differing(1, { districtCode: "320410" }));
    await registered(memory, "bekasi", differing(2, { districtCode: "327501" }));
    const page = await list(memory, operatorOf("32"), { region: "3275" });
    expect(page.ok && page.value.cases.map((c) => c.uid)).toEqual(["bekasi"]);
  });

  it("when an operator asks for a region outside their own, then region-outside-scope", async () => {
    const memory = setup();
    expect(await list(memory, operatorOf("3204"), { region: "32" })).toEqual({ ok: false, reason: "region-outside-scope" });
    expect(await list(memory, operatorOf("3204"), { region: "3171" })).toEqual({ ok: false, reason: "region-outside-scope" });
  });

  it("when the caller is an applicant, an auditor or an operator without a region, then not-operator-or-admin", async () => {
    const memory = setup();
    for (const actor of [applicantActor("u1"), auditor, { uid: "op", claims: { role: "operator" as const } }]) {
      expect(await list(memory, actor)).toEqual({ ok: false, reason: "not-operator-or-admin" });
    }
  });

  it("when a case was rejected, then it leaves the open queue and appears among the rejected, with the decision and its operator", async () => {
    const memory = setup();
    await registered(memory, "u1", differing(1));
    await decide(memory, operatorOf("31"), reject("u1"));
    expect(await list(memory, operatorOf("31"))).toEqual({ ok: true, value: { cases: [], next: null } });
    const rejected = await list(memory, operatorOf("31"), { state: "rejected" });
    expect(rejected.ok && rejected.value.cases[0]).toMatchObject({
      uid: "u1",
      state: "rejected",
      decision: { decision: "rejected", rejection: "not-the-card-holder", documentsSeen: ["ktp"], by: "operator-31" },
    });
  });
});

describe("decideVerification", () => {
  it("when an operator of the region verifies with the KTP and KK seen, then eligibility is decided as usual, the timeline names the operator and the decision is recorded", async () => {
    const memory = setup();
    await registered(memory, "u1", differing(1));
    memory.clock.advance(3_600_000);
    const { result, writes } = await decide(memory, operatorOf("3171"), verify("u1"));
    const at = memory.clock.now();
    expect(result).toEqual({
      ok: true,
      value: {
        uid: "u1",
        verification: {
          state: "verified",
          reasons: ["nik-birth-date-differs"],
          bring: [],
          office: { provinceCode: "31", regencyCode: "3171", province: "Daerah Khusus Ibukota Jakarta", regency: "Kota Administrasi Jakarta Pusat" },
          requestedAt: "2026-03-02T03:00:00.000Z",
          decision: { decision: "verified", at: at.toISOString(), documentsSeen: ["ktp", "kk"] },
        },
        eligibility: { eligible: true, reasons: [] },
        decided: true,
      },
    });
    expect(writes).toEqual(["applicants/u1", `applicants/u1/timeline/verification-${requestId(1)}`, `verificationDecisions/${requestId(1)}`]);
    expect(memory.state.verificationDecisions.get(requestId(1))).toEqual({
      uid: "u1",
      districtCode: "317101",
      decision: "verified",
      by: "operator-3171",
      at,
      documentsSeen: ["ktp", "kk"],
    });
    expect(memory.state.timeline.get(`u1/verification-${requestId(1)}`)).toEqual({
      kind: "identity-verified",
      at,
      eligible: true,
      reasons: [],
      by: "operator-3171",
      requestId: requestId(1),
      documentsSeen: ["ktp", "kk"],
    });
    expect(memory.state.applicants.get("u1")?.eligibility).toMatchObject({ eligible: true, reasons: [] });
    expect(memory.audit.records).toEqual([
      {
        act: "decide-verification",
        actor: "operator-3171",
        role: "operator",
        target: "u1",
        key: requestId(1),
        at,
        region: "317101",
        details: { decision: "verified", documentsSeen: "ktp,kk" },
      },
    ]);
  });

  it("when the person is verified but another rule is unmet, then that rule remains (eligibility as usual)", async () => {
    const memory = setup();
    await registered(memory, "u1", differing(1, { occupation: "civil-servant" }));
    const { result } = await decide(memory, operatorOf("31"), verify("u1"));
    expect(result).toMatchObject({ ok: true, value: { eligibility: { eligible: false, reasons: ["excluded-occupation"] } } });
  });

  it("when the same request is sent again, then it answers as the first time, decided false, and writes nothing", async () => {
    const memory = setup();
    await registered(memory, "u1", differing(1));
    const first = await decide(memory, operatorOf("31"), verify("u1"));
    const again = await decide(memory, operatorOf("31"), verify("u1"));
    expect(again.writes).toEqual([]);
    expect(again.result).toEqual(first.result.ok ? { ok: true, value: { ...first.result.value, decided: false } } : null);
  });

  it("when two tries of one request race, then one decision is recorded and both answer", async () => {
    const memory = setup();
    await registered(memory, "u1", differing(1));
    const outcomes = await Promise.all([1, 2].map(() => decideVerification(memory, operatorOf("31"), verify("u1"))));
    expect(outcomes.map((o) => o.ok && o.value.decided).sort()).toEqual([false, true]);
    expect(memory.state.verificationDecisions.size).toBe(1);
    expect(memory.audit.records).toHaveLength(1);
  });

  it("when a request ID is reused for another decision, then request-id-reused and nothing is written", async () => {
    const memory = setup();
    await registered(memory, "u1", differing(1));
    await registered(memory, "u2", differing(2));
    await decide(memory, operatorOf("31"), reject("u1"));
    expect(await decide(memory, operatorOf("31"), reject("u2"))).toEqual({ result: { ok: false, reason: "request-id-reused" }, writes: [] });
    expect(await decide(memory, operatorOf("31"), verify("u1"))).toEqual({ result: { ok: false, reason: "request-id-reused" }, writes: [] });
    expect(memory.audit.records.map((r) => [r.target, r.details?.decision])).toEqual([["u1", "rejected"]]);
  });

  it("when the operator rejects, then the person is told why, stays not eligible, and may be verified on a later visit", async () => {
    const memory = setup();
    await registered(memory, "u1", differing(1));
    const rejected = await decide(memory, operatorOf("31"), reject("u1"));
    expect(rejected.result).toMatchObject({
      ok: true,
      value: {
        verification: { state: "rejected", bring: ["ktp", "kk"], decision: { decision: "rejected", rejection: "not-the-card-holder" } },
        eligibility: { eligible: false, reasons: ["identity-not-verified"] },
      },
    });
    expect(memory.state.timeline.get(`u1/verification-${requestId(1)}`)).toMatchObject({
      kind: "identity-rejected",
      by: "operator-31",
      rejection: "not-the-card-holder",
    });
    const later = await decide(memory, operatorOf("31", "operator-31b"), verify("u1", 2));
    expect(later.result).toMatchObject({ ok: true, value: { verification: { state: "verified" }, eligibility: { eligible: true }, decided: true } });
  });

  it("when the case is verified already, then a new request is refused already-verified and nothing is written", async () => {
    const memory = setup();
    await registered(memory, "u1", differing(1));
    await decide(memory, operatorOf("31"), verify("u1"));
    expect(await decide(memory, operatorOf("31"), reject("u1", 2))).toEqual({ result: { ok: false, reason: "already-verified" }, writes: [] });
  });

  it("when the person lives outside the operator's region, then person-outside-region and nothing is written; an admin may decide anywhere", async () => {
    const memory = setup();
    await registered(memory, "u1", differing(1, { districtCode: "320410" }));
    expect(await decide(memory, operatorOf("3171"), verify("u1"))).toEqual({ result: { ok: false, reason: "person-outside-region" }, writes: [] });
    expect((await decide(memory, admin, verify("u1"))).result).toMatchObject({ ok: true, value: { decided: true } });
  });

  it("when the person needs no verification or is unknown, then case-not-found", async () => {
    const memory = setup();
    await registered(memory, "u1", person(1));
    expect(await decide(memory, operatorOf("31"), verify("u1"))).toEqual({ result: { ok: false, reason: "case-not-found" }, writes: [] });
    expect(await decide(memory, operatorOf("31"), verify("nobody"))).toEqual({ result: { ok: false, reason: "case-not-found" }, writes: [] });
  });

  it("when the caller is not an operator or admin, then not-operator-or-admin, before anything is read", async () => {
    const memory = setup();
    await registered(memory, "u1", differing(1));
    for (const actor of [applicantActor("u1"), auditor, { uid: "op", claims: { role: "operator" as const } }]) {
      expect(await decide(memory, actor, verify("u1"))).toEqual({ result: { ok: false, reason: "not-operator-or-admin" }, writes: [] });
    }
  });

  it("when an operator's own registration is the case, then own-case", async () => {
    const memory = setup();
    await registered(memory, "operator-31", differing(1));
    expect(await decide(memory, operatorOf("31"), verify("operator-31"))).toEqual({ result: { ok: false, reason: "own-case" }, writes: [] });
  });

  it("when this year's rules are not published, then program-year-not-configured and nothing is written", async () => {
    const memory = setup();
    await registered(memory, "u1", differing(1));
    memory.state.programYears.clear();
    expect(await decide(memory, operatorOf("31"), verify("u1"))).toEqual({ result: { ok: false, reason: "program-year-not-configured" }, writes: [] });
  });
});

describe("nobody unverified is drawn", () => {
  it("when a person waits for verification, then joinWave refuses them; once verified they join", async () => {
    const memory = setup();
    const waveId = await createdWave(memory);
    await registered(memory, "u1", differing(1));
    expect(await joinWave(memory, "u1", waveId)).toEqual({ ok: false, reason: "identity-not-verified", details: { reasons: ["identity-not-verified"] } });
    await decideVerification(memory, operatorOf("31"), verify("u1"));
    expect(await joinWave(memory, "u1", waveId)).toMatchObject({ ok: true, value: { joined: true } });
  });

  it("when a pool member's identity is not verified at the close, then the freeze leaves them out and counts them by reason", async () => {
    const { memory, waveId } = await scenario();
    const u3 = memory.state.applicants.get("u3")!;
    memory.state.applicants.set("u3", { ...u3, verification: { state: "rejected", reasons: ["nik-sex-differs"], requestedAt: new Date("2026-03-02") } });
    await closeTick(memory, AFTER_CLOSE);
    expect(memory.state.waveDraws.get(waveId)).toMatchObject({ poolSize: 3, excludedByReason: { "identity-not-verified": 1, "on-exclusion-list": 1 } });
    expect(memory.state.timeline.get(`u3/excluded-${waveId}`)).toMatchObject({ kind: "excluded-at-draw", reasons: ["identity-not-verified"] });
  });

  it("when the person looks at their status, then they see the case, what to bring where, and the operator's decision in the timeline", async () => {
    const memory = setup();
    await registered(memory, "u1", differing(1, { districtCode: "320410" }));
    const waiting = await getMyStatus(memory, "u1");
    expect(waiting).toMatchObject({
      ok: true,
      value: {
        eligibility: { eligible: false, reasons: ["identity-not-verified"] },
        verification: { state: "needs-verification", bring: ["ktp", "kk"], office: { regencyCode: "3204", regency: "Kabupaten Bandung" } },
      },
    });
    await decideVerification(memory, operatorOf("3204"), verify("u1"));
    const verified = await getMyStatus(memory, "u1");
    expect(verified).toMatchObject({ ok: true, value: { eligibility: { eligible: true }, verification: { state: "verified", bring: [] } } });
    const timeline = verified.ok ? verified.value.timeline : [];
    expect(timeline.map((e) => [e.kind, e.by])).toEqual([
      ["registered", "self"],
      ["identity-verified", "operator"],
    ]);
    expect(JSON.stringify(timeline)).not.toContain("operator-3204");
  });

  it("when a listed person is verified, then the list still counts: verification removes only identity-not-verified", async () => {
    const memory = setup();
    const form = differing(1);
    await registered(memory, "u1", form);
    await listNiks(memory, "police", [form.nik]);
    const { result } = await decide(memory, operatorOf("31"), verify("u1"));
    expect(result).toMatchObject({ ok: true, value: { eligibility: { eligible: false, reasons: ["on-exclusion-list"] } } });
  });
});
