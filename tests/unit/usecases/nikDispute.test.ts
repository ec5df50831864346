import { describe, expect, it } from "vitest";
import type { MemoryPorts } from "../../../functions/src/adapters/memory/index.js";
import type { Actor } from "../../../functions/src/domain/roles.js";
import type { ResolveNikDisputeInput } from "../../../functions/src/schemas/desk.js";
import { rollupDashboards } from "../../../functions/src/usecases/dashboard/rollup.js";
import { openNikDispute } from "../../../functions/src/usecases/desk/openNikDispute.js";
import { resolveNikDispute } from "../../../functions/src/usecases/desk/resolveNikDispute.js";
import { getMyStatus } from "../../../functions/src/usecases/getMyStatus.js";
import { joinWave } from "../../../functions/src/usecases/joinWave.js";
import { joinWaveOnBehalf } from "../../../functions/src/usecases/joinWaveOnBehalf.js";
import { register } from "../../../functions/src/usecases/register.js";
import { admin, applicantActor, auditor, createdWave, operatorOf, person, setup, writesOf } from "./fixtures.js";

/** NIK dispute cases ("joki") through the memory adapters: opening, resolving, the region, retries and the audit log. */

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const jakartaPusat = operatorOf("3171");
const jakartaUtara = operatorOf("3172");
const JOKI = "joki-account";
const PERSON = "person-account";

/** Person 1 (Jakarta Pusat, 3171) registered by the joki's own account; the person has an account of their own, unregistered. */
async function registeredByJoki(): Promise<MemoryPorts> {
  const memory = setup();
  memory.accounts.add(JOKI, { email: "joki@example.test" });
  memory.accounts.add(PERSON, { phone: "+6281299990001" });
  const outcome = await register(memory, { uid: JOKI, by: "self", requestId: "joki-request", attemptLimit: 10 }, person(1));
  expect(outcome.ok).toBe(true);
  return memory;
}

const open = (
  memory: MemoryPorts,
  actor: Actor = jakartaPusat,
  request = 1,
  claimant: { uid: string } | { phone: string } | { email: string } = { uid: PERSON },
) => openNikDispute(memory, actor, { requestId: id(request), uid: JOKI, claimant, statement: "Saya tidak pernah mendaftar.", documentsSeen: ["ktp", "kk"] });

const resolution = (decision: ResolveNikDisputeInput["decision"], request = 10, documentsSeen: ResolveNikDisputeInput["documentsSeen"] = ["ktp", "kk"]) => ({
  requestId: id(request),
  disputeId: id(1),
  decision,
  documentsSeen,
  note: "KTP dan KK asli cocok dengan orang ini.",
});

describe("openNikDispute", () => {
  it("when an operator of the registration's regency opens a case, then it is stored open, sealed, and audited", async () => {
    const memory = await registeredByJoki();
    const { result, writes } = await writesOf(memory, () => open(memory));
    expect(result).toEqual({
      ok: true,
      value: { disputeId: id(1), state: "open", uid: JOKI, claimantUid: PERSON, nikMasked: "3171********0001", registrationUid: JOKI },
    });
    expect(writes).toEqual([`nikDisputes/${id(1)}`]);
    const stored = memory.state.nikDisputes.get(id(1));
    expect(stored).toMatchObject({ state: "open", districtCode: "317101", opened: { by: "operator-3171", documentsSeen: ["ktp", "kk"] } });
    expect(JSON.stringify(stored)).not.toContain("tidak pernah");
    expect(memory.audit.records).toEqual([expect.objectContaining({ act: "open-nik-dispute", actor: "operator-3171", target: JOKI, key: id(1) })]);
  });

  it("when an operator of 3172 opens a case on a 3171 registration, then registration-outside-region names the regency and province, nothing written", async () => {
    const memory = await registeredByJoki();
    const { result, writes } = await writesOf(memory, () => open(memory, jakartaUtara));
    expect(result).toEqual({
      ok: false,
      reason: "registration-outside-region",
      details: { provinceCode: "31", provinceName: expect.any(String), regencyCode: "3171", regencyName: expect.stringMatching(/Jakarta Pusat/i) },
    });
    expect(writes).toEqual([]);
  });

  it("when an applicant or an auditor opens a case, then not-operator-or-admin", async () => {
    const memory = await registeredByJoki();
    for (const actor of [applicantActor("u1"), auditor]) expect(await open(memory, actor)).toEqual({ ok: false, reason: "not-operator-or-admin" });
  });

  it("when the claimant is the registering account, or already registered, then it is refused", async () => {
    const memory = await registeredByJoki();
    expect(await open(memory, jakartaPusat, 1, { uid: JOKI })).toEqual({ ok: false, reason: "claimant-is-registrant" });
    await register(memory, { uid: PERSON, by: "self", requestId: "person-request", attemptLimit: 10 }, person(2));
    expect(await open(memory, jakartaPusat, 2)).toEqual({ ok: false, reason: "claimant-registered" });
    expect(await open(memory, jakartaPusat, 3, { uid: "nobody" })).toEqual({ ok: false, reason: "claimant-account-not-found" });
  });

  it("when the person has no account, then one is made for their phone, named after the request, once", async () => {
    const memory = await registeredByJoki();
    const first = await open(memory, jakartaPusat, 1, { phone: "+6281277770001" });
    const retry = await open(memory, jakartaPusat, 1, { phone: "+6281277770001" });
    expect(first).toMatchObject({ ok: true, value: { claimantUid: `claimant-${id(1)}` } });
    expect(retry).toEqual(first);
    expect(memory.state.accounts.get(`claimant-${id(1)}`)).toMatchObject({ phone: "+6281277770001" });
    expect(memory.audit.records).toHaveLength(1);
  });

  it("when another operator reuses the request ID, then request-id-reused", async () => {
    const memory = await registeredByJoki();
    await open(memory);
    expect(await open(memory, admin)).toEqual({ ok: false, reason: "request-id-reused" });
  });

  it("when the same operator reuses the request ID with another statement or claimant, then request-id-reused; the same input answers the case", async () => {
    const memory = await registeredByJoki();
    memory.accounts.add("other-person", { phone: "+6281299990002" });
    const first = await open(memory);
    const reused = (statement: string, claimant = PERSON) =>
      openNikDispute(memory, jakartaPusat, { requestId: id(1), uid: JOKI, claimant: { uid: claimant }, statement, documentsSeen: ["ktp", "kk"] });
    expect(await reused("Kata-kata lain.")).toEqual({ ok: false, reason: "request-id-reused" });
    expect(await reused("Saya tidak pernah mendaftar.", "other-person")).toEqual({ ok: false, reason: "request-id-reused" });
    expect(await reused("Saya tidak pernah mendaftar.")).toEqual(first);
    // A keyed digest of the input is stored, never what was said in clear.
    const stored = memory.state.nikDisputes.get(id(1));
    expect(stored?.opened.digest).toEqual(expect.any(String));
    expect(JSON.stringify(stored)).not.toContain("tidak pernah");
    expect(memory.state.nikDisputes.get(id(1))?.claimantUid).toBe(PERSON);
  });
});

describe("openNikDispute and resolveNikDispute: who may receive the registration", () => {
  const staff = [
    { role: "operator", region: "3171" },
    { role: "operator", region: "31" },
    { role: "admin" },
    { role: "auditor" },
    { role: "partner", partner: "MITRA01" },
  ] as const;

  it("when the claimant is the acting operator's own account, then claimant-is-actor, nothing written", async () => {
    const memory = await registeredByJoki();
    memory.accounts.add("operator-3171", { email: "op@example.test", claims: { role: "operator", region: "3171" } });
    const { result, writes } = await writesOf(memory, () => open(memory, jakartaPusat, 1, { uid: "operator-3171" }));
    expect(result).toEqual({ ok: false, reason: "claimant-is-actor" });
    expect(writes).toEqual([]);
    expect(memory.audit.records).toEqual([]);
    // Found through the operator's own email, the same.
    expect(await open(memory, jakartaPusat, 2, { email: "op@example.test" })).toEqual({ ok: false, reason: "claimant-is-actor" });
  });

  it("when the claimant is a staff account (another operator, an admin, an auditor, partner staff), then claimant-is-staff", async () => {
    const memory = await registeredByJoki();
    for (const [n, claims] of staff.entries()) {
      memory.accounts.add(`staff-${n}`, { phone: `+62812888800${n}`, claims });
      expect(await open(memory, jakartaPusat, 10 + n, { uid: `staff-${n}` })).toEqual({ ok: false, reason: "claimant-is-staff" });
      expect(await open(memory, jakartaPusat, 20 + n, { phone: `+62812888800${n}` })).toEqual({ ok: false, reason: "claimant-is-staff" });
    }
    expect(memory.state.nikDisputes.size).toBe(0);
    // An account whose claims say "applicant" is a plain applicant's.
    memory.accounts.add("plain", { claims: { role: "applicant" } });
    expect(await open(memory, jakartaPusat, 30, { uid: "plain" })).toMatchObject({ ok: true });
  });

  it("when the claimant was given a staff role after the case was opened, then the re-tie is claimant-is-staff and nothing moves", async () => {
    const memory = await registeredByJoki();
    await open(memory);
    await memory.accounts.setRole(PERSON, { role: "operator", region: "3171" });
    const { result, writes } = await writesOf(memory, () => resolveNikDispute(memory, jakartaPusat, resolution("re-tie")));
    expect(result).toEqual({ ok: false, reason: "claimant-is-staff" });
    expect(writes).toEqual([]);
    expect(memory.state.applicants.get(JOKI)?.status).toBe("registered");
    expect(memory.state.applicants.has(PERSON)).toBe(false);
    // Dismissing gives the claimant nothing: still allowed.
    expect(await resolveNikDispute(memory, jakartaPusat, resolution("dismiss", 11))).toMatchObject({ ok: true, value: { state: "dismissed" } });
  });

  it("when the claimant became an operator and resolves their own case, then claimant-is-actor", async () => {
    const memory = await registeredByJoki();
    await open(memory);
    await memory.accounts.setRole(PERSON, { role: "operator", region: "3171" });
    expect(await resolveNikDispute(memory, operatorOf("3171", PERSON), resolution("re-tie"))).toEqual({ ok: false, reason: "claimant-is-actor" });
  });

  it("when the claimant registered a NIK of their own after the case was opened, then claimant-registered", async () => {
    const memory = await registeredByJoki();
    await open(memory);
    await register(memory, { uid: PERSON, by: "self", requestId: "person-request", attemptLimit: 10 }, person(2));
    expect(await resolveNikDispute(memory, jakartaPusat, resolution("re-tie"))).toEqual({ ok: false, reason: "claimant-registered" });
  });
});

describe("after a re-tie: the blocked registration", () => {
  async function reTied(): Promise<MemoryPorts> {
    const memory = await registeredByJoki();
    await open(memory);
    expect(await resolveNikDispute(memory, jakartaPusat, resolution("re-tie"))).toMatchObject({ ok: true });
    return memory;
  }

  it("when blocked, then the account's tokens issued before stop at once (disabled, refresh tokens revoked), and the record is not eligible", async () => {
    const memory = await registeredByJoki();
    const before = memory.idTokens.issue(JOKI);
    expect(await memory.idTokens.verify(before)).not.toBeNull();
    await open(memory);
    await resolveNikDispute(memory, jakartaPusat, resolution("re-tie"));
    expect(await memory.idTokens.verify(before)).toBeNull();
    expect(memory.state.accounts.get(JOKI)).toMatchObject({ disabled: true });
    expect(memory.state.accounts.get(JOKI)?.validFrom).toBeGreaterThan(0);
    expect(memory.state.applicants.get(JOKI)?.eligibility).toMatchObject({ eligible: false, reasons: [] });
    // The person's own registration keeps its eligibility.
    expect(memory.state.applicants.get(PERSON)?.eligibility.eligible).toBe(true);
  });

  it("when the blocked account asks for its status, then registration-blocked and nothing of the record is opened; the person sees theirs", async () => {
    const memory = await reTied();
    expect(await getMyStatus(memory, JOKI)).toEqual({ ok: false, reason: "registration-blocked" });
    expect(await getMyStatus(memory, PERSON)).toMatchObject({ ok: true, value: { status: "registered" } });
  });

  it("when the blocked account joins a wave, or an operator joins it on its behalf, then registration-blocked; the person's own account joins", async () => {
    const memory = await reTied();
    const waveId = await createdWave(memory);
    expect(await joinWave(memory, JOKI, waveId)).toEqual({ ok: false, reason: "registration-blocked" });
    expect(await joinWaveOnBehalf(memory, jakartaPusat, { requestId: id(30), uid: JOKI, waveId, consent: true })).toEqual({
      ok: false,
      reason: "registration-blocked",
    });
    expect(await joinWave(memory, PERSON, waveId)).toMatchObject({ ok: true, value: { joined: true } });
  });

  it("when the dashboard is rolled up, then the re-tied NIK counts once: the blocked record is in no figure", async () => {
    const memory = await reTied();
    await rollupDashboards(memory, { provinces: ["31"], backfillDays: 2 });
    const regency = memory.dashboards.docs.get("3171");
    expect(regency?.figures).toMatchObject({ registrants: 1, online: 1, assisted: 0, eligible: 1, needsVerification: 0 });
    expect(Object.values(regency?.figures.notEligible ?? {}).every((n) => n === 0)).toBe(true);
    expect(regency?.districts.find((d) => d.code === "317101")?.figures).toMatchObject({ registrants: 1, online: 1, eligible: 1 });
    expect(regency?.days.reduce((total, day) => total + day.registrants, 0)).toBe(1);
    expect(memory.dashboards.docs.get("31")?.figures.registrants).toBe(1);
  });
});

describe("resolveNikDispute", () => {
  it("when re-tied, then in one go the NIK, registration and timeline move to the person, the other is blocked, its account disabled, audited", async () => {
    const memory = await registeredByJoki();
    await open(memory);
    const before = memory.state.applicants.get(JOKI);
    const { result, writes } = await writesOf(memory, () => resolveNikDispute(memory, jakartaPusat, resolution("re-tie")));
    expect(result).toEqual({
      ok: true,
      value: { disputeId: id(1), state: "re-tied", uid: JOKI, claimantUid: PERSON, nikMasked: "3171********0001", registrationUid: PERSON },
    });
    expect(writes).toEqual(
      expect.arrayContaining([`nikDisputes/${id(1)}`, `applicants/${PERSON}`, `applicants/${JOKI}`, `auth/${JOKI}`, expect.stringMatching(/^nikIndex\//)]),
    );
    expect(await memory.desk.nikOwner(memory.pseudonyms.nik(person(1).nik))).toBe(PERSON);
    expect(memory.state.applicants.get(PERSON)).toMatchObject({ nikKey: before?.nikKey, nikMasked: before?.nikMasked, status: "registered" });
    expect(memory.state.applicants.get(JOKI)).toMatchObject({ status: "blocked", inPool: false });
    // The family card lists the person's account too (a draw reads the family's documents from it), and counts one registration.
    expect(memory.state.families.get(before!.kkKey)).toEqual({ registrants: 1, recipients: 0, members: [JOKI, PERSON] });
    const moved = memory.state.applicants.get(PERSON);
    // The person's own phone (their account's) replaces the one the other account typed, sealed as before.
    expect(moved && (await memory.vault.open(moved.personal, "applicant"))).toMatchObject({ nik: person(1).nik, phone: "+6281299990001" });
    expect(moved?.smsTo && (await memory.vault.open(moved.smsTo, "sms"))).toEqual({ phone: "+6281299990001" });
    expect((await memory.registrations.timeline(PERSON)).map((e) => e.kind)).toEqual(["registered", "nik-re-tied"]);
    expect((await memory.registrations.timeline(JOKI)).map((e) => e.kind)).toEqual(["registered", "blocked-nik-dispute"]);
    expect(memory.state.accounts.get(JOKI)?.disabled).toBe(true);
    expect(memory.audit.records.map((r) => r.act)).toEqual(["open-nik-dispute", "resolve-nik-dispute"]);
    expect(memory.audit.records[1]).toMatchObject({ target: JOKI, details: { decision: "re-tie", outcome: "re-tied", claimantUid: PERSON } });
  });

  it("when the person's account has no phone, then the moved registration keeps its sealed identity but no SMS copy", async () => {
    const memory = await registeredByJoki();
    memory.accounts.add("email-person", { email: "person@example.test" });
    await openNikDispute(memory, jakartaPusat, {
      requestId: id(1),
      uid: JOKI,
      claimant: { uid: "email-person" },
      statement: "Bukan saya.",
      documentsSeen: ["ktp", "kk"],
    });
    expect(await resolveNikDispute(memory, jakartaPusat, resolution("re-tie"))).toMatchObject({ ok: true, value: { registrationUid: "email-person" } });
    const moved = memory.state.applicants.get("email-person");
    expect(moved?.personal).toEqual(memory.state.applicants.get(JOKI)?.personal);
    expect(moved?.smsTo).toBeUndefined();
  });

  it("when the same resolution is retried, then it answers the same and moves nothing again; another resolution is refused", async () => {
    const memory = await registeredByJoki();
    await open(memory);
    const first = await resolveNikDispute(memory, jakartaPusat, resolution("re-tie"));
    const retry = await writesOf(memory, () => resolveNikDispute(memory, jakartaPusat, resolution("re-tie")));
    expect(retry.result).toEqual(first);
    expect(retry.writes.filter((w) => !w.startsWith("auth/"))).toEqual([]);
    expect(await resolveNikDispute(memory, jakartaPusat, resolution("dismiss", 11))).toEqual({ ok: false, reason: "dispute-resolved" });
    expect(memory.audit.records).toHaveLength(2);
  });

  it("when dismissed, then only the case closes: the registration and both accounts stay as they were", async () => {
    const memory = await registeredByJoki();
    await open(memory);
    const { result, writes } = await writesOf(memory, () => resolveNikDispute(memory, jakartaPusat, resolution("dismiss", 10, [])));
    expect(result).toMatchObject({ ok: true, value: { state: "dismissed", registrationUid: JOKI } });
    expect(writes).toEqual([`nikDisputes/${id(1)}`]);
    expect(memory.state.accounts.get(JOKI)?.disabled).toBe(false);
  });

  it("when an operator of 3172 resolves a 3171 case, then registration-outside-region and nothing is written", async () => {
    const memory = await registeredByJoki();
    await open(memory);
    const { result, writes } = await writesOf(memory, () => resolveNikDispute(memory, jakartaUtara, resolution("re-tie")));
    expect(result).toMatchObject({ ok: false, reason: "registration-outside-region" });
    expect(writes).toEqual([]);
  });

  it("when the KTP or the KK was not seen, then a re-tie is refused", async () => {
    const memory = await registeredByJoki();
    await open(memory);
    expect(await resolveNikDispute(memory, jakartaPusat, resolution("re-tie", 10, ["ktp"]))).toEqual({ ok: false, reason: "documents-missing" });
  });

  it("when the operator who registered the NIK resolves it, then own-registration", async () => {
    const memory = setup();
    memory.accounts.add(PERSON, { phone: "+6281299990001" });
    await register(memory, { uid: JOKI, by: "operator-3171", requestId: "assisted", attemptLimit: 10 }, person(1));
    await open(memory, operatorOf("31", "operator-31"));
    expect(await resolveNikDispute(memory, jakartaPusat, resolution("re-tie"))).toEqual({ ok: false, reason: "own-registration" });
    expect(await resolveNikDispute(memory, operatorOf("31", "operator-31"), resolution("re-tie"))).toMatchObject({ ok: true });
  });

  it("when the registration is already a participant, then registration-not-movable and nothing moves", async () => {
    const memory = await registeredByJoki();
    await open(memory);
    const applicant = memory.state.applicants.get(JOKI);
    if (applicant !== undefined) memory.state.applicants.set(JOKI, { ...applicant, status: "participant" });
    expect(await resolveNikDispute(memory, jakartaPusat, resolution("re-tie"))).toEqual({ ok: false, reason: "registration-not-movable" });
    expect(memory.state.accounts.get(JOKI)?.disabled).toBe(false);
  });

  it("when the case does not exist, then dispute-not-found; an applicant gets not-operator-or-admin", async () => {
    const memory = await registeredByJoki();
    expect(await resolveNikDispute(memory, jakartaPusat, resolution("re-tie"))).toEqual({ ok: false, reason: "dispute-not-found" });
    expect(await resolveNikDispute(memory, applicantActor(PERSON), resolution("re-tie"))).toEqual({ ok: false, reason: "not-operator-or-admin" });
  });
});
